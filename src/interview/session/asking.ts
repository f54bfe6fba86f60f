import { DateTime } from 'luxon';
import type { JudgmentRecord } from '../../case/types.js';
import { jurisdictionOf, timeZoneOf } from '../../rules/jurisdiction.js';
import type { Lang } from '../../rules/types.js';
import { getAnswer, interviewState, markNoMore, setAnswer, setUnknown, withState } from '../answers.js';
import { applyRefusal } from '../status.js';
import { formatWhen } from '../date-input.js';
import { indicatorQuestions, questionFor, type Dependent, type Question } from '../planner.js';
import { SEPARATOR, type ChoiceOrSeparator } from '../prompter.js';
import { describeValue } from '../view.js';
import { SessionCore } from './core.js';
import { BACK_WORDS, DONT_KNOW_WORDS, NAV_KEYS, type Mode, type Outcome, type Asked } from './core.js';

/** How a prompt is named for a script: a question asked up front is told apart from the planner's. */
const promptId = (q: Question, mode: Mode): string => (mode === 'status' ? `status:${q.ref}` : q.ref);

const MENU_WORDS = new Set(['m', 'menu']);
const WHY_WORDS = new Set(['?', 'waarom', 'waarom?', 'why', 'why?']);

const STATUS: Record<Lang, Record<string, string>> = {
  en: { met: 'met', not_met: 'not met', undetermined: 'undetermined', open: 'open', due_soon: 'due soon', expired: 'expired', satisfied: 'satisfied', not_applicable: 'does not apply' },
  nl: { met: 'voldaan', not_met: 'niet voldaan', undetermined: 'onbepaald', open: 'open', due_soon: 'loopt bijna af', expired: 'verstreken', satisfied: 'voldaan', not_applicable: 'niet van toepassing' },
};

/** Asking one question: its answer list or typed answer, "why this question?", judgments with who, when and why. */
export abstract class Asking extends SessionCore {
  /** routes.ts: the route a question is asked for alone, saying one does not apply, and why a posture question is asked. */
  protected abstract onlyRoute(q: Question): { id: string; title: string } | undefined;
  protected abstract routeNotApplying(id: string): Promise<void>;
  protected abstract explainPosture(ref: string): boolean;

  /** Asks one question; in the interview it may also explain itself or open the menu. */
  protected async ask(q: Question, mode: Mode, progress?: string): Promise<Asked> {
    this.p.say('');
    // The stage and roughly how many questions are left; a fact asked for a judgment says so.
    if (progress !== undefined) this.p.say(this.c.dim([progress, q.weighs || mode === 'indicator' ? this.t('indicatorQuestion') : undefined].filter(Boolean).join(' · ')));
    if (q.context) this.p.say(this.c.cyan(q.context));
    const typed = q.type === 'date' || q.type === 'number' || q.type === 'duration' || q.type === 'text';
    if (q.type === 'judgment') this.showJudgment(q);
    // When changing a typed answer, the hint says what Enter does; the question's own "leave it empty" would contradict it.
    else if (q.help && !(mode === 'review' && typed && getAnswer(this.case, q.ref) !== undefined)) this.p.say(this.c.dim(q.help));
    for (let first = true; ; first = false) {
      const outcome = await this.answer(q, mode, first);
      if (outcome.kind === 'why') {
        this.explain(q);
        continue;
      }
      if (outcome.kind === 'back') return 'back';
      if (outcome.kind === 'notApplying') {
        await this.routeNotApplying(outcome.route);
        return 'replan';
      }
      if (outcome.kind === 'indicators') {
        const first = indicatorQuestions(q.ref, this.planInput());
        const asked = await this.refusalDay(first.find((iq) => iq.ref.endsWith('.afterRefusal')));
        for (const iq of asked ? indicatorQuestions(q.ref, this.planInput()) : first) await this.ask(iq, 'indicator');
        return 'replan';
      }
      if (outcome.kind === 'menu') {
        const m = await this.menu();
        if (m === 'stop') return 'stop';
        if (m === 'changed') return 'replan';
        this.p.say('');
        if (q.context) this.p.say(this.c.cyan(q.context));
        continue;
      }
      const held = getAnswer(this.case, q.ref) !== undefined;
      if (outcome.kind === 'keep' && (mode === 'review' || mode === 'again')) return 'answered';
      // Asked again about a value already held (a date known only roughly): "don't know" and
      // Enter both keep it, and mean "not more precisely", so it is not asked a third time.
      const next = outcome.kind === 'keep' || (outcome.kind === 'unknown' && held && (mode === 'interview' || mode === 'status')) ? markNoMore(this.case, q.ref) : outcome.kind === 'unknown' ? setUnknown(this.case, q.ref) : setAnswer(this.case, q.ref, outcome.value);
      this.save(mode === 'interview' || mode === 'again' || mode === 'indicator' ? withState(next, { asked: (interviewState(next)?.asked ?? 0) + 1 }) : next);
      return 'answered';
    }
  }

  /**
   * Before the first "did this happen after the refusal?" about an incident: the day contact was
   * refused, asked once, answers it for every incident whose dates lie clearly before or after.
   * True when it asked (the questions are then worked out again).
   */
  protected async refusalDay(next: Question | undefined): Promise<boolean> {
    if (!next || !/^case\.incidents\.\d+\.afterRefusal$/.test(next.ref) || interviewState(this.case)?.refusalAsked) return false;
    const q: Question = { ref: 'new.refusal', type: 'date', text: this.t('refusalWhen'), range: true, past: true, decides: next.decides, dependents: next.dependents };
    this.p.say('');
    this.p.say(this.c.dim([this.t('refusalHelp'), this.t('dateHint')].join(' ')));
    const typed = (
      await this.p.input({
        id: 'refusal.date',
        message: q.text,
        validate: (v) => (v.trim() === '' || DONT_KNOW_WORDS.has(v.trim().toLowerCase()) ? true : ((r) => (r.ok ? true : r.message))(this.parseTyped(q, v))),
        preview: (v, final) => this.datePreview(q, v, final),
      })
    ).trim();
    const parsed = typed === '' || DONT_KNOW_WORDS.has(typed.toLowerCase()) ? undefined : this.parseTyped(q, typed);
    const zone = timeZoneOf(this.jurisdictions, this.case.jurisdiction) ?? 'UTC';
    let applied = parsed?.ok ? applyRefusal(this.case, parsed.value, zone) : this.case;
    // A given refusal day answers "did the victim clearly refuse contact?": yes (not asked again).
    if (parsed?.ok) for (const f of jurisdictionOf(this.jurisdictions, this.case.jurisdiction)?.refusalFacts ?? []) if (getAnswer(applied, `facts.${f}`) === undefined) applied = setAnswer(applied, `facts.${f}`, true);
    const filled = (applied.incidents ?? []).filter((inc, i) => inc.afterRefusal !== undefined && this.case.incidents?.[i]?.afterRefusal === undefined).length;
    this.save(withState(applied, { refusalAsked: true, ...(parsed?.ok ? { refusal: typed } : {}) }));
    if (parsed?.ok) this.p.say(this.c.dim(this.t('refusalApplied', { n: filled })));
    return true;
  }

  protected explain(q: Question): void {
    if (this.explainPosture(q.ref)) return;
    const fresh = questionFor(q.ref, this.planInput());
    const dependents = fresh?.dependents ?? q.dependents;
    if (q.weighs) this.p.say(this.t('whyIndicator', { judgment: this.refName(q.weighs) }));
    if (dependents.length === 0) {
      if (q.weighs) return;
      this.p.say(this.c.yellow(this.t('whyNone')));
      return;
    }
    this.p.say(this.t('whyHeader'));
    for (const d of dependents) this.p.say(`  · ${this.dependentLine(d)}`);
  }

  protected dependentLine(d: Dependent): string {
    const notes = [d.kind === 'deadline' ? this.t('whyDeadline') : undefined, d.headline ? this.t('whyHeadline') : undefined, d.kind === 'judgment' ? this.t('whyJudgment') : undefined].filter(Boolean);
    return `${this.c.bold(d.title)} — ${STATUS[this.lang][d.status] ?? d.status}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  }

  protected showJudgment(q: Question): void {
    const j = q.judgment;
    if (!j) return;
    this.p.say(this.c.bold(this.t('judgmentHeader', { title: j.title })));
    if (j.indicators.length > 0) {
      this.p.say(this.t('judgmentIndicators'));
      for (const ind of j.indicators) {
        // The report's words for the value; a range or a partial list says why it is one.
        const shown = describeValue(ind.value, this.lang, ind.display);
        this.p.say(`  · ${ind.label}: ${this.c.bold(shown)}${ind.counter ? this.c.dim(` (${this.t('judgmentCounter')})`) : ''}`);
      }
    }
    if (j.guidance) this.p.say(this.c.dim(`${this.t('judgmentGuidance')}: ${j.guidance}`));
  }

  protected extras(mode: Mode, current: string | undefined, q?: Question): ChoiceOrSeparator<Outcome>[] {
    if (mode === 'indicator') return [];
    if (mode === 'review') return current !== undefined ? [SEPARATOR, { value: { kind: 'keep' }, name: this.t('keep', { value: current }) }] : [];
    // A question asked only for one route that is not settled yet: the adviser may say it does not apply.
    const route = q ? this.onlyRoute(q) : undefined;
    return [
      SEPARATOR,
      ...(mode === 'again' && current !== undefined ? [{ value: { kind: 'keep' } as Outcome, name: this.t('keep', { value: current }) }] : []),
      ...(route ? [{ value: { kind: 'notApplying', route: route.id } as Outcome, name: this.t('routeNotApplyQ', { route: route.title }) }] : []),
      { value: { kind: 'why' }, name: this.t('why') },
      { value: { kind: 'menu' }, name: this.t('menu') },
    ];
  }

  /** The keys a list answers to: everywhere ← goes back, ? explains and m opens the menu; in a review ← leaves it unchanged. */
  protected navKeys(mode: Mode): Readonly<Record<string, Outcome>> | undefined {
    if (mode === 'indicator') return undefined;
    if (mode === 'review') return { left: { kind: 'keep' }, '<': { kind: 'keep' } };
    return NAV_KEYS;
  }

  protected async answer(q: Question, mode: Mode, first: boolean): Promise<Outcome> {
    const raw = getAnswer(this.case, q.ref);
    const current = raw === undefined ? undefined : this.describeAnswer(q, raw);
    // Nothing is chosen at first and Enter does nothing: a stray Enter must never record an
    // answer that changes a verdict ("reasonable excuse: yes"); Esc leaves a change unchanged.
    const unknown: Outcome = { kind: 'unknown' };
    const keys = this.navKeys(mode);
    const pickOnly = { required: true as const, ...(mode === 'review' ? { cancel: { value: { kind: 'keep' } as Outcome } } : {}), ...(keys ? { keys } : {}) };
    switch (q.type) {
      case 'boolean':
        return this.p.select<Outcome>({
          id: promptId(q, mode),
          message: q.text,
          choices: [{ value: { kind: 'value', value: true }, name: this.t('yes') }, { value: { kind: 'value', value: false }, name: this.t('no') }, { value: unknown, name: this.t('dontKnow') }, ...this.extras(mode, current, q)],
          ...pickOnly,
        });
      case 'choice':
        return this.p.select<Outcome>({
          id: promptId(q, mode),
          message: q.text,
          choices: [...(q.options ?? []).map((o) => ({ value: { kind: 'value', value: o.value } as Outcome, name: o.label })), { value: unknown, name: this.t('dontKnow') }, ...this.extras(mode, current, q)],
          ...pickOnly,
        });
      case 'judgment':
        return this.judgment(q, mode, current);
      default:
        return this.typed(q, mode, raw, first);
    }
  }

  protected async judgment(q: Question, mode: Mode, current: string | undefined): Promise<Outcome> {
    const j = q.judgment;
    if (!j) return { kind: 'unknown' };
    const valueChoices: ChoiceOrSeparator<Outcome>[] =
      j.type === 'choice' ? (q.options ?? []).map((o) => ({ value: { kind: 'value', value: o.value } as Outcome, name: o.label.toLowerCase() === o.value.toLowerCase() ? o.label : `${o.value} — ${o.label}` })) : [{ value: { kind: 'value', value: true }, name: this.t('judgmentYes') }, { value: { kind: 'value', value: false }, name: this.t('judgmentNo') }];
    const open = mode === 'interview' || mode === 'again' ? indicatorQuestions(q.ref, this.planInput()).length : 0;
    const fillIn: ChoiceOrSeparator<Outcome>[] = open > 0 ? [{ value: { kind: 'indicators' }, name: open === 1 ? this.t('indicatorsFirstOne') : this.t('indicatorsFirst', { n: open }), description: this.t('indicatorsFirstHelp') }] : [];
    const later: Outcome = { kind: 'unknown' };
    const keys = this.navKeys(mode);
    const picked = await this.p.select<Outcome>({ id: q.ref, message: q.text, choices: [...valueChoices, { value: later, name: this.t('judgmentLater') }, ...fillIn, ...this.extras(mode, current, q)], required: true, ...(mode === 'review' ? { cancel: { value: { kind: 'keep' } as Outcome } } : {}), ...(keys ? { keys } : {}) });
    if (picked.kind !== 'value') return picked;
    const by = await this.adviser();
    const reason = (
      await this.p.input({
        id: `reason:${q.ref}`,
        message: this.t('judgmentReason'),
        validate: (v) => (v.trim() !== '' ? true : this.t('reasonRequired')),
      })
    ).trim();
    const zone = timeZoneOf(this.jurisdictions, this.case.jurisdiction);
    const now = DateTime.fromJSDate(this.deps.now());
    const at = (zone ? now.setZone(zone) : now).toFormat("yyyy-LL-dd'T'HH:mm");
    const record: JudgmentRecord = { value: picked.value as boolean | string, reason, by, at };
    const shown = typeof record.value === 'boolean' ? (record.value ? this.t('yes') : this.t('no')) : (q.options?.find((o) => o.value === record.value)?.label ?? String(record.value));
    this.p.say(this.c.dim(this.t('judgmentRecorded', { value: shown.toLowerCase(), by, at: formatWhen(at, this.lang) })));
    return { kind: 'value', value: record };
  }

  /** The adviser's name: asked once, before the first judgment, and kept with the interview. */
  protected async adviser(): Promise<string> {
    const known = interviewState(this.case)?.adviser;
    if (known) return known;
    const name = (await this.p.input({ id: 'adviser', message: this.t('adviser'), validate: (v) => (v.trim() !== '' ? true : this.t('adviserRequired')) })).trim();
    this.save(withState(this.case, { adviser: name }));
    return name;
  }

  /** Dates, numbers, durations and text: typed, checked as typed. */
  protected async typed(q: Question, mode: Mode, raw: unknown, first: boolean): Promise<Outcome> {
    const required = /^case\.incidents\.\d+\.date$/.test(q.ref);
    const kindHint = q.type === 'date' ? this.t('dateHint') : q.type === 'number' ? this.t('numberHint') : q.type === 'duration' ? this.t('durationHint') : '';
    const held = raw !== undefined ? this.typedText(q, raw) : undefined;
    const nav = mode === 'interview' || mode === 'status' || mode === 'again';
    const howTo = held !== undefined ? `${this.t(mode === 'interview' || mode === 'status' ? 'roughKeep' : 'reviewKeep', { current: held })}${mode === 'review' ? ` ${this.t('typedEsc')}` : ''}` : nav ? this.t('inputNav') : '';
    if (first) this.p.say(this.c.dim([kindHint, howTo].filter(Boolean).join(' ')));
    const def = raw === undefined ? undefined : this.typedText(q, raw);
    const special = (v: string): Outcome | undefined => {
      const s = v.trim().toLowerCase();
      if (nav && WHY_WORDS.has(s)) return { kind: 'why' };
      if (nav && MENU_WORDS.has(s)) return { kind: 'menu' };
      if (nav && BACK_WORDS.has(s)) return { kind: 'back' };
      if (DONT_KNOW_WORDS.has(s) || (s === '' && def === undefined)) return { kind: 'unknown' };
      return undefined;
    };
    const value = await this.p.input({
      id: promptId(q, mode),
      message: q.text,
      ...(def !== undefined ? { default: def } : {}),
      ...(mode === 'review' && def !== undefined ? { cancel: { value: def } } : {}),
      ...(nav ? { back: '<' } : {}),
      validate: (v) => {
        const sp = special(v);
        if (sp) return sp.kind === 'unknown' && required ? this.t('dateRequired') : true;
        const r = this.parseTyped(q, v);
        return r.ok ? true : r.message;
      },
      preview: (v, final) => {
        const sp = special(v);
        if (sp?.kind === 'unknown') return final ? this.c.cyan(this.t('dontKnowShort')) : v;
        if (sp) return final ? this.c.dim(`(${(sp.kind === 'why' ? this.t('why') : sp.kind === 'back' ? this.t('back') : this.t('menuTitle')).toLowerCase()})`) : v;
        const r = this.parseTyped(q, v);
        if (!r.ok) return v;
        const shown = this.describeAnswer(q, r.value);
        if (final) return this.c.cyan(shown);
        return shown === v.trim() ? v : `${v}${this.c.dim(`  → ${shown}`)}`;
      },
    });
    const sp = special(value);
    if (sp) return sp;
    if (def !== undefined && value === def) return { kind: 'keep' };
    const r = this.parseTyped(q, value);
    return r.ok ? { kind: 'value', value: r.value } : { kind: 'unknown' };
  }
}
