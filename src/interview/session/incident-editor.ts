import type { Incident } from '../../case/types.js';
import { addIncident, removeItem } from '../answers.js';
import { parseCount } from '../date-input.js';
import { incidentSummary, questionFor, type Question } from '../planner.js';
import { SEPARATOR, type ChoiceOrSeparator } from '../prompter.js';
import { INCIDENT_KINDS, sayKey } from '../../words/interview.js';
import { describeWhen, truncate } from '../view.js';
import { Asking } from './asking.js';

/** The incidents: added one by one, listed, changed field by field, removed. */
export abstract class IncidentEditor extends Asking {
  /** The incidents: add, review, change, remove. `opening` is the first pass, where "done" moves on. */
  protected async incidentsGroup(opening: boolean): Promise<boolean> {
    let changed = false;
    for (;;) {
      const n = this.case.incidents?.length ?? 0;
      const choices: ChoiceOrSeparator<string>[] = [
        { value: 'add', name: n === 0 ? this.t('incidentAddFirst') : this.t('incidentAdd') },
        ...(n > 0 ? [{ value: 'edit', name: this.t('incidentsReview') }] : []),
        { value: 'done', name: n === 0 && opening ? this.t('incidentsNone') : opening ? this.t('incidentsDone') : this.t('menuContinue') },
      ];
      const pick = await this.p.select<string>({ id: 'incidents.menu', message: this.t('incidentsMenu', { n }), choices, default: 'add' });
      if (pick === 'done') return changed;
      if (pick === 'add') {
        await this.addIncident();
        changed = true;
      } else {
        const list = this.case.incidents ?? [];
        const which = await this.p.select<number>({ id: 'incidents.pick', message: this.t('incidentPick'), choices: [{ value: -1, name: this.t('back') }, ...list.map((inc, i) => ({ value: i, name: `${i + 1}. ${incidentSummary(inc, this.lang)}${this.incidentDetails(i)}` }))] });
        if (which >= 0) changed = (await this.editIncident(which)) || changed;
      }
    }
  }

  protected async addIncident(): Promise<void> {
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
    const kind = await this.p.select<string>({
      id: 'incident.kind',
      message: this.t('incidentKind', { n }),
      choices: [...INCIDENT_KINDS.map((k) => ({ value: k as string, name: sayKey(this.lang, `kind.${k}`) })), { value: '', name: this.t('kindUnknown') }],
    });
    // An entry for a period may stand for many acts: "about 40 messages between January and March".
    const period = typeof parsed.value === 'object' || /^\d{4}(-\d{2})?$/.test(String(parsed.value));
    const count = period ? await this.askCount(n) : undefined;
    const description = (await this.p.input({ id: 'incident.description', message: this.t('incidentDescription', { n }) })).trim();
    const incident: Incident = { date: parsed.value as Incident['date'], ...(kind ? { kind } : {}), ...(count !== undefined ? { count } : {}), ...(description ? { description } : {}) };
    this.save(addIncident(this.case, incident));
    this.p.say(this.c.green(this.t('incidentAdded', { n, what: incidentSummary(incident, this.lang) })));
  }

  protected async askCount(n: number): Promise<Incident['count']> {
    const answer = (await this.p.input({ id: 'incident.count', message: this.t('incidentCount', { n }), validate: (v) => (parseCount(v) !== null ? true : this.t('countInvalid')) })).trim();
    return parseCount(answer) ?? undefined;
  }

  protected async editIncident(i: number): Promise<boolean> {
    const before = JSON.stringify(this.case);
    for (;;) {
      const inc = this.case.incidents?.[i];
      if (!inc) break;
      const fields = ['date', 'kind', 'description', 'threat', 'violence', 'afterRefusal', 'direct', 'inPlace', 'victimInitiated', 'channel'] as const;
      const value = (f: (typeof fields)[number]): string => {
        const v = inc[f];
        if (v === undefined) return '—';
        if (f === 'date') return describeWhen(v, this.lang);
        if (f === 'kind') return sayKey(this.lang, `kind.${String(v)}`);
        if (typeof v === 'boolean') return v ? this.t('yes').toLowerCase() : this.t('no').toLowerCase();
        return truncate(String(v), 40);
      };
      const pick = await this.p.select<string>({
        id: 'incident.edit',
        message: this.t('incidentAction', { n: i + 1, what: incidentSummary(inc, this.lang) }),
        choices: [{ value: 'back', name: this.t('back') }, ...fields.map((f) => ({ value: f as string, name: `${this.t('incidentChange', { field: sayKey(this.lang, `field.${f}`) })}  ${this.c.cyan(value(f))}` })), SEPARATOR, { value: 'remove', name: this.t('incidentRemove') }],
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
      const q = questionFor(`case.incidents.${i}.${pick}`, this.planInput());
      if (q) await this.ask(q, 'review');
    }
    return JSON.stringify(this.case) !== before;
  }
}
