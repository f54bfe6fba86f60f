import type { Incident } from '../../case/types.js';
import { addIncident, markNoMore, removeItem, setAnswer, unknownRefs } from '../answers.js';
import { parseCount } from '../date-input.js';
import { incidentSummary, questionFor, type Question } from '../planner.js';
import { SEPARATOR, type ChoiceOrSeparator } from '../prompter.js';
import { INCIDENT_KINDS, sayKey } from '../../words/interview.js';
import { describeWhen, truncate } from '../view.js';
import { RoutesPart } from './routes.js';

/** The incidents: added one by one, listed, changed field by field, removed. */
export abstract class IncidentEditor extends RoutesPart {
  /** The incidents: add, review, change, remove. `opening` is the first pass, where "done" moves on. */
  protected async incidentsGroup(opening: boolean): Promise<boolean | 'back' | 'stop'> {
    let changed = false;
    for (;;) {
      const n = this.case.incidents?.length ?? 0;
      // What happened is chosen in the menu itself: one answer fewer for every incident.
      const choices: ChoiceOrSeparator<string>[] = [
        ...INCIDENT_KINDS.map((k) => ({ value: `add:${k}`, name: `+ ${sayKey(this.lang, `kind.${k}`)}` })),
        { value: 'add', name: n === 0 ? this.t('incidentAddFirst') : this.t('incidentAdd') },
        ...(n > 0 ? [{ value: 'edit', name: this.t('incidentsReview') }] : []),
        { value: 'done', name: n === 0 && opening ? this.t('incidentsNone') : opening ? this.t('incidentsDone') : this.t('menuContinue') },
      ];
      // In the first pass ← goes back to the question before; ? says what an incident is; m opens the menu.
      const pick = await this.p.select<string>({ id: 'incidents.menu', message: this.t('incidentsMenu', { n }), choices, default: n === 0 ? 'add:message' : 'done', ...(opening ? { keys: { left: 'back', '<': 'back', '?': 'why', m: 'menu' } } : { keys: { left: 'done', '<': 'done' } }) });
      if (pick === 'back') return 'back';
      if (pick === 'why') {
        this.p.say(this.c.dim(this.t('incidentsIntro')));
        continue;
      }
      if (pick === 'menu') {
        if ((await this.menu()) === 'stop') return 'stop';
        continue;
      }
      if (pick === 'done') return changed;
      if (pick === 'add' || pick.startsWith('add:')) {
        await this.addIncident(pick.startsWith('add:') ? pick.slice(4) : undefined);
        changed = true;
      } else {
        const list = this.case.incidents ?? [];
        const which = await this.p.select<number>({ id: 'incidents.pick', message: this.t('incidentPick'), choices: [{ value: -1, name: this.t('back') }, ...list.map((inc, i) => ({ value: i, name: `${i + 1}. ${incidentSummary(inc, this.lang)}${this.incidentDetails(i)}` }))], keys: { left: -1, '<': -1 } });
        if (which >= 0) changed = (await this.editIncident(which)) || changed;
      }
    }
  }

  /** An incident: its date, how many acts a period stands for; what happened, unless chosen in the menu. */
  protected async addIncident(chosenKind?: string): Promise<void> {
    const n = (this.case.incidents?.length ?? 0) + 1;
    const dateQ: Question = { ref: `new.incident.date`, type: 'date', text: this.t('incidentDate', { n }), range: true, past: true, time: true, decides: 0, dependents: [] };
    this.p.say('');
    this.p.say(this.c.dim(this.t('dateHint')));
    const date = await this.p.input({
      id: 'incident.date',
      message: dateQ.text,
      validate: (v) => {
        if (v.trim() === '') return this.t('dateRequired');
        const r = this.parseTyped(dateQ, v);
        return r.ok ? true : r.message;
      },
      preview: (v, final) => {
        const r = this.parseTyped(dateQ, v);
        if (!r.ok) return v;
        const shown = describeWhen(r.value, this.lang);
        return final ? this.c.cyan(shown) : `${v}${this.c.dim(`  → ${shown}`)}`;
      },
    });
    const parsed = this.parseTyped(dateQ, date);
    if (!parsed.ok) return;
    const kind = chosenKind ?? await this.p.select<string>({
      id: 'incident.kind',
      message: this.t('incidentKind', { n }),
      choices: [...INCIDENT_KINDS.map((k) => ({ value: k as string, name: sayKey(this.lang, `kind.${k}`) })), { value: '', name: this.t('kindUnknown') }],
    });
    // An entry for a period may stand for many acts: "about 40 messages between January and March".
    const period = typeof parsed.value === 'object' || /^\d{4}(-\d{2})?$/.test(String(parsed.value));
    const count = period ? await this.askCount(n) : undefined;
    const countUnknown = count === 'unknown';
    // No description is asked: no rule reads it, so it cannot change anything for the client; the review edits it.
    const incident: Incident = { date: parsed.value as Incident['date'], ...(kind ? { kind } : {}), ...(count !== undefined && count !== 'unknown' ? { count } : {}) };
    const added = addIncident(this.case, incident);
    // "Don't know how many" leaves the count out (one act at least) and is shown as not known, apart from "not asked".
    this.save(countUnknown ? markNoMore(added, `case.incidents.${n - 1}.count`) : added);
    this.p.say(this.c.green(this.t('incidentAdded', { n, what: incidentSummary(incident, this.lang) })));
  }

  /** How many acts an entry stands for: a number, a rough number (about 40, 30-50) or don't know. */
  protected async askCount(n: number, current?: Incident['count']): Promise<Incident['count'] | 'unknown'> {
    const shown = (c: Incident['count'] | 'unknown' | undefined | null): string => (c === 'unknown' ? this.t('dontKnowShort') : c === undefined || c === null ? '' : typeof c === 'number' ? String(c) : `${c.min}-${c.max}`);
    const answer = (
      await this.p.input({
        id: 'incident.count',
        message: this.t('incidentCount', { n }),
        ...(current !== undefined ? { default: shown(current) } : {}),
        validate: (v) => (parseCount(v) !== null ? true : this.t('countInvalid')),
        preview: (v, final) => {
          const c = parseCount(v);
          if (c === null || c === undefined) return v;
          const words = shown(c);
          return final ? this.c.cyan(words) : words === v.trim() ? v : `${v}${this.c.dim(`  → ${words}`)}`;
        },
      })
    ).trim();
    return parseCount(answer) ?? undefined;
  }

  protected async editIncident(i: number): Promise<boolean> {
    const before = JSON.stringify(this.case);
    for (;;) {
      const inc = this.case.incidents?.[i];
      if (!inc) break;
      const fields = ['date', 'kind', 'count', 'description', 'threat', 'violence', 'afterRefusal', 'direct', 'inPlace', 'victimInitiated', 'channel'] as const;
      const value = (f: (typeof fields)[number]): string => {
        const v = inc[f];
        if (v === undefined) return unknownRefs(this.case).has(`case.incidents.${i}.${f}`) ? this.t('dontKnowShort') : f === 'count' ? '1' : this.t('notAsked');
        if (f === 'count') return typeof v === 'number' ? String(v) : typeof v === 'object' && 'min' in v ? `${v.min}–${v.max}` : String(v);
        if (f === 'date') return describeWhen(v, this.lang);
        if (f === 'kind') return sayKey(this.lang, `kind.${String(v)}`);
        if (typeof v === 'boolean') return v ? this.t('yes').toLowerCase() : this.t('no').toLowerCase();
        return truncate(String(v), 40);
      };
      const pick = await this.p.select<string>({
        id: 'incident.edit',
        message: this.t('incidentAction', { n: i + 1, what: incidentSummary(inc, this.lang) }),
        choices: [{ value: 'back', name: this.t('back') }, ...fields.map((f) => ({ value: f as string, name: `${this.t('incidentChange', { field: f === 'count' ? this.t('incidentCountField') : sayKey(this.lang, `field.${f}`) })}  ${this.c.cyan(value(f))}` })), SEPARATOR, { value: 'remove', name: this.t('incidentRemove') }],
        keys: { left: 'back', '<': 'back' },
      });
      if (pick === 'back') break;
      if (pick === 'remove') {
        if (await this.p.confirm({ id: 'incident.remove', message: this.t('incidentRemoveConfirm', { n: i + 1, what: incidentSummary(inc, this.lang) }), default: false })) {
          this.save(removeItem(this.case, 'incidents', i));
          this.p.say(this.t('incidentRemoved', { n: i + 1 }));
          break;
        }
        continue;
      }
      if (pick === 'count') {
        const count = await this.askCount(i + 1, inc.count);
        const cleared = setAnswer(this.case, `case.incidents.${i}.count`, count === 'unknown' ? undefined : count);
        this.save(count === 'unknown' ? markNoMore(cleared, `case.incidents.${i}.count`) : cleared);
        continue;
      }
      const q = questionFor(`case.incidents.${i}.${pick}`, this.planInput());
      if (q) await this.ask(q, 'review');
    }
    return JSON.stringify(this.case) !== before;
  }
}
