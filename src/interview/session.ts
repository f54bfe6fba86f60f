import { Chalk } from 'chalk';
import { DateTime } from 'luxon';
import type { CaseFile, Incident, JudgmentRecord, Order, When } from '../case/types.js';
import { caseToday } from '../case/case-dates.js';
import { isValidIsoDate } from '../dates/legal-date.js';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { CaseReport } from '../explain/types.js';
import type { TextReport } from '../report/text.js';
import { formatText } from '../report/text.js';
import { jurisdictionsOf, timeZoneOf, type Jurisdiction } from '../rules/jurisdiction.js';
import type { Lang, RuleSet } from '../rules/types.js';
import { addIncident, addOrder, answeredRefs, getAnswer, interviewState, markNoMore, removeItem, setAnswer, setUnknown, STAGES, unknownRefs, withState, type Stage } from './answers.js';
import { applyRefusal, mentionedCaseRefs } from './status.js';
import { formatWhen, parseCount, parseDateInput, parseDurationInput, parseNumberInput } from './date-input.js';
import { caseJurisdiction, incidentSummary, indicatorQuestions, orderSummary, orderTypeName, plan, questionFor, usesIncidents, usesOrders, type Dependent, type Plan, type PlanInput, type Question } from './planner.js';
import { SEPARATOR, type ChoiceOrSeparator, type Prompter } from './prompter.js';
import { INCIDENT_KINDS, say, sayKey } from '../words/interview.js';
import { describeDuration, describeValue, describeWhen, formatNumber, truncate } from './view.js';

/**
 * The interview loop: over a Prompter (the terminal), a clock and a save function. It asks what
 * the planner says can still change a verdict, saves after every answer, and lets the adviser
 * review and change answers, manage incidents, and see the assessment at any point.
 */

export interface SessionOptions {
  /** as loaded by loadRules: each linked to its jurisdiction's manifest, which names it, gives its zone and its order types */
  rulesets: readonly RuleSet[];
  lang: Lang;
  /** --as-of; otherwise the case file's asOf, otherwise today in the jurisdiction */
  asOf?: string;
  /** the case file the answers are saved in, as shown to the adviser */
  file: string;
  color: boolean;
  toolVersion: string;
}

export interface SessionDeps {
  prompter: Prompter;
  now: () => Date;
  /** writes the whole case file, atomically; called after every answer */
  save: (caseFile: CaseFile) => void;
  /** for the report file offered at the end */
  files: { exists(path: string): boolean; write(path: string, text: string): void };
}

export interface SessionEnd {
  finished: boolean;
  caseFile: CaseFile;
}

type Outcome = { kind: 'value'; value: unknown } | { kind: 'unknown' } | { kind: 'keep' } | { kind: 'why' } | { kind: 'menu' } | { kind: 'indicators' };
/** interview: a planner question; review: changing an answer; indicator: a fact a judgment weighs, asked at the adviser's request; status: asked up front */
type Mode = 'interview' | 'review' | 'indicator' | 'status';
type Asked = 'answered' | 'replan' | 'stop';

/** An order's fields in the order they are asked when it is added; expires stands for its end (a date or until further order). */
const ORDER_FIELDS = ['made', 'court', 'served', 'withoutNotice', 'returnDate', 'expires', 'terms.directContact', 'terms.indirectContact', 'terms.socialMedia', 'terms.violence', 'terms.molestation'] as const;
/** An order's fields as the review shows them: its type first, and whether it runs until further order beside its end. */
const ORDER_REVIEW_FIELDS: readonly string[] = ['type', ...ORDER_FIELDS.flatMap((f) => (f === 'expires' ? ['expires', 'indefinite'] : [f]))];
/** Asked for every order; the others only where the jurisdiction's rules read them. */
const ALWAYS_ASKED = new Set<string>(['made', 'court', 'served']);

/** How a prompt is named for a script: a question asked up front is told apart from the planner's. */
const promptId = (q: Question, mode: Mode): string => (mode === 'status' ? `status:${q.ref}` : q.ref);

const DONT_KNOW_WORDS = new Set(['-', 'weet niet', 'weet ik niet', 'onbekend', 'geen idee', "don't know", 'dont know', 'do not know', 'unknown', 'dk', 'n/a']);
const MENU_WORDS = new Set(['m', 'menu']);
const WHY_WORDS = new Set(['?', 'waarom', 'waarom?', 'why', 'why?']);

const STATUS: Record<Lang, Record<string, string>> = {
  en: { met: 'met', not_met: 'not met', undetermined: 'undetermined', open: 'open', due_soon: 'due soon', expired: 'expired', satisfied: 'satisfied', not_applicable: 'does not apply' },
  nl: { met: 'voldaan', not_met: 'niet voldaan', undetermined: 'onbepaald', open: 'open', due_soon: 'loopt bijna af', expired: 'verstreken', satisfied: 'voldaan', not_applicable: 'niet van toepassing' },
};

export async function runInterview(start: CaseFile | undefined, options: SessionOptions, deps: SessionDeps): Promise<SessionEnd> {
  const session = new Session(start, options, deps);
  return session.run();
}

class Session {
  private caseFile: CaseFile | undefined;
  private readonly lang: Lang;
  private readonly c: InstanceType<typeof Chalk>;
  private readonly p: Prompter;

  constructor(
    start: CaseFile | undefined,
    private readonly options: SessionOptions,
    private readonly deps: SessionDeps,
  ) {
    this.caseFile = start;
    this.lang = options.lang;
    this.c = new Chalk({ level: options.color ? 1 : 0 });
    this.p = deps.prompter;
  }

  private t(key: Parameters<typeof say>[1], vars: Record<string, string | number> = {}): string {
    return say(this.lang, key, vars);
  }

  private get case(): CaseFile {
    if (!this.caseFile) throw new Error('no case yet');
    return this.caseFile;
  }

  private get stage(): Stage {
    return (this.caseFile && interviewState(this.caseFile)?.stage) ?? 'opening';
  }

  private save(next: CaseFile): void {
    this.caseFile = withState(next, { lang: this.lang, saved: new Date(this.deps.now()).toISOString() });
    this.deps.save(this.caseFile);
  }

  private setStage(stage: Stage): void {
    this.save(withState(this.case, { stage }));
  }

  /** The jurisdictions of the loaded rule sets, the ones a case can be in. */
  private get jurisdictions(): Jurisdiction[] {
    return jurisdictionsOf(this.options.rulesets);
  }

  private jurisdictionName(id: string): string {
    return this.jurisdictions.find((j) => j.id === id)?.name[this.lang] ?? id;
  }

  private today(): string {
    return caseToday(this.case, this.jurisdictions, this.deps.now());
  }

  private asOf(): string {
    if (this.options.asOf !== undefined) return this.options.asOf;
    const own = this.case.asOf;
    return own !== undefined && isValidIsoDate(own) ? own : this.today();
  }

  private planInput(): PlanInput {
    return { rulesets: this.options.rulesets, caseFile: this.case, asOf: this.asOf(), lang: this.lang, file: this.options.file };
  }

  async run(): Promise<SessionEnd> {
    const at = (stage: Stage): boolean => STAGES.indexOf(this.stage) <= STAGES.indexOf(stage);
    if (at('opening')) await this.opening();
    this.p.say(this.c.dim(this.t('asOfNote', { date: formatWhen(this.asOf(), this.lang) })));
    if (this.stage === 'incidents') {
      if (usesIncidents(this.options.rulesets, this.case.jurisdiction)) {
        this.p.say('\n' + this.t('incidentsIntro'));
        await this.incidentsGroup(true);
      }
      this.setStage('complaint');
    }
    if (this.stage === 'complaint' || this.stage === 'orders') await this.statusStages();
    return this.questions();
  }

  /**
   * Up front, and again when the jurisdiction changes: whether a complaint was made, and which
   * orders there are (each recorded whole), before any question about them.
   */
  private async statusStages(): Promise<void> {
    if (this.stage === 'complaint') {
      await this.complaintStatus();
      this.setStage('orders');
    }
    if (this.stage === 'orders') {
      if (usesOrders(this.options.rulesets, this.case.jurisdiction)) {
        this.p.say('\n' + this.t('ordersIntro'));
        await this.ordersGroup(true);
        await this.convictions();
      }
      this.setStage('questions');
    }
  }

  /** "Has a complaint been made?" before when and by whom; no is recorded as filed: false, and differs from don't know. */
  private async complaintStatus(): Promise<void> {
    if (!mentionedCaseRefs(this.options.rulesets, this.case.jurisdiction).has('case.complaint.filed')) return;
    if (this.case.complaint?.filed === undefined) {
      const made = await this.yesNoUnknown('complaint.status', this.t('complaintMade'), this.t('complaintNotMade'));
      if (made === 'no') return this.save(setAnswer(this.case, 'case.complaint.filed', false));
      if (made === 'unknown') return this.save(setAnswer(this.case, 'case.complaint.filed', 'unknown'));
      // Made, on a day not known yet: on or before today, which the deadlines can already weigh.
      this.save(setAnswer(this.case, 'case.complaint.filed', { to: this.today() }));
    }
    const filed = this.case.complaint?.filed;
    const dayOpen = filed !== null && typeof filed === 'object' && filed.from === undefined;
    if (dayOpen && !unknownRefs(this.case).has('case.complaint.filed')) {
      const q = questionFor('case.complaint.filed', this.planInput());
      // "Don't know" keeps "on or before today", and it is not asked again.
      if (q) await this.ask({ ...q, text: this.t('complaintWhen'), help: this.t('complaintWhenHelp') }, 'status');
    }
    if (this.case.complaint?.filed === false || this.case.complaint?.filed === 'unknown') return;
    if (mentionedCaseRefs(this.options.rulesets, this.case.jurisdiction).has('case.complaint.withdrawn')) await this.withdrawal();
  }

  /** Withdrawn? then when: "not withdrawn" is recorded as withdrawn: false, apart from "don't know". */
  private async withdrawal(): Promise<void> {
    if (this.case.complaint?.withdrawn !== undefined || unknownRefs(this.case).has('case.complaint.withdrawn')) return;
    const withdrawn = await this.yesNoUnknown('complaint.withdrawn.status', this.t('complaintWithdrawn'));
    if (withdrawn === 'no') return this.save(setAnswer(this.case, 'case.complaint.withdrawn', false));
    if (withdrawn === 'unknown') return this.save(setUnknown(this.case, 'case.complaint.withdrawn'));
    const q = questionFor('case.complaint.withdrawn', this.planInput());
    if (q) await this.ask({ ...q, help: this.t('leaveEmpty') }, 'status');
  }

  /** Yes, no or don't know, with nothing chosen at first: each answer is recorded differently. */
  private yesNoUnknown(id: string, message: string, no: string = this.t('no')): Promise<'yes' | 'no' | 'unknown'> {
    return this.p.select<'yes' | 'no' | 'unknown'>({
      id,
      message,
      choices: [
        { value: 'yes', name: this.t('yes') },
        { value: 'no', name: no },
        { value: 'unknown', name: this.t('dontKnow') },
      ],
      required: true,
    });
  }

  /** Previous convictions of the other person, breaches of orders included: none ([]) differs from not known (absent). */
  private async convictions(): Promise<void> {
    if (this.case.previousConvictions !== undefined) return;
    const any = await this.yesNoUnknown('convictions.any', this.t('convictionsAny'));
    if (any === 'unknown') return;
    const list: NonNullable<CaseFile['previousConvictions']> = [];
    if (any === 'yes') {
      for (let n = 1; ; n++) {
        const offence = (await this.p.input({ id: 'conviction.offence', message: this.t('convictionOffence', { n }), validate: (v) => (v.trim() !== '' ? true : this.t('convictionOffenceRequired')) })).trim();
        const dateQ: Question = { ref: 'new.conviction.date', type: 'date', text: this.t('convictionDate', { n }), range: true, past: true, decides: 0, dependents: [] };
        const date = (await this.p.input({ id: 'conviction.date', message: dateQ.text, validate: (v) => (v.trim() === '' ? true : ((r) => (r.ok ? true : r.message))(this.parseTyped(dateQ, v))), preview: (v, final) => this.datePreview(dateQ, v, final) })).trim();
        const parsed = date === '' ? undefined : this.parseTyped(dateQ, date);
        const breach = await this.p.select<boolean | undefined>({ id: 'conviction.breach', message: this.t('convictionBreach', { n }), choices: [{ value: true, name: this.t('yes') }, { value: false, name: this.t('no') }, { value: undefined, name: this.t('dontKnow') }], required: true });
        list.push({ offence, ...(parsed?.ok ? { date: parsed.value as When } : {}), ...(breach !== undefined ? { breachOfOrder: breach } : {}) });
        this.save({ ...this.case, previousConvictions: [...list] });
        if (!(await this.p.confirm({ id: 'conviction.more', message: this.t('convictionMore'), default: false }))) break;
      }
    }
    this.save({ ...this.case, previousConvictions: list });
  }

  // ---- opening ----------------------------------------------------------------------------

  private async opening(): Promise<void> {
    if (!this.caseFile) {
      const jurisdictions = this.jurisdictionChoices();
      let jurisdiction: string;
      if (jurisdictions.length === 1) {
        jurisdiction = (jurisdictions[0] as { value: string }).value;
        this.p.say(`${this.t('jurisdiction')} ${this.c.bold(this.jurisdictionName(jurisdiction))}`);
      } else {
        jurisdiction = await this.p.select({ id: 'case.jurisdiction', message: this.t('jurisdiction'), choices: jurisdictions });
      }
      const now = new Date(this.deps.now()).toISOString();
      this.caseFile = withState({ jurisdiction, lang: this.lang, ...(this.options.asOf !== undefined ? { asOf: this.options.asOf } : {}) }, { started: now, stage: 'opening' });
      this.save(this.case);
    }
    if (this.case.id === undefined) {
      const id = (await this.p.input({ id: 'case.id', message: this.t('caseId') })).trim();
      if (id !== '') this.save({ ...this.case, id });
    }
    if (this.case.summary === undefined) {
      const summary = (await this.p.input({ id: 'case.summary', message: this.t('summary') })).trim();
      if (summary !== '') this.save({ ...this.case, summary });
    }
    this.setStage('incidents');
  }

  /** The jurisdictions with loaded rules, those whose manifest offers the interview's language earliest first. */
  private jurisdictionChoices(): { value: string; name: string }[] {
    const rank = (j: Jurisdiction): number => (j.languages.includes(this.lang) ? j.languages.indexOf(this.lang) : j.languages.length);
    return [...this.jurisdictions].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id)).map((j) => ({ value: j.id, name: j.name[this.lang] }));
  }

  // ---- the questions ----------------------------------------------------------------------

  private async questions(): Promise<SessionEnd> {
    for (;;) {
      const current = plan(this.planInput());
      if (current.report.status !== 'assessed') {
        this.p.say('\n' + this.c.red(this.t('invalidCase')));
        for (const d of current.report.diagnostics) this.p.say('  ' + formatDiagnostic(d));
      } else if (current.next) {
        if (await this.refusalDay(current.next)) continue;
        const asked = await this.ask(current.next, 'interview', current);
        if (asked === 'stop') return { finished: false, caseFile: this.case };
        continue;
      }
      const end = await this.endMenu(current);
      if (end === 'stop') return { finished: false, caseFile: this.case };
      if (end === 'finish') return { finished: true, caseFile: this.case };
    }
  }

  private async endMenu(current: Plan): Promise<'finish' | 'stop' | 'changed'> {
    if (current.report.status === 'assessed') {
      this.p.say('\n' + this.c.bold(this.t('allAsked')));
      const dontKnow = current.dontKnow.map((r) => this.refName(r));
      if (dontKnow.length > 0) this.p.say(this.c.dim([this.t('stillUnknown', { n: dontKnow.length }), ...dontKnow.map((d) => `  · ${d}`)].join('\n')));
    }
    for (;;) {
      const choice = await this.p.select<'finish' | 'review' | 'incidents' | 'orders' | 'report' | 'stop'>({
        id: 'end',
        message: this.t('endChoice'),
        choices: [
          ...(current.report.status === 'assessed' ? [{ value: 'finish' as const, name: this.t('menuFinish') }] : []),
          { value: 'review', name: this.t('menuReview') },
          ...this.groupChoices(),
          { value: 'stop', name: this.t('menuStop') },
        ],
      });
      if (choice === 'stop') return 'stop';
      if (choice === 'finish') {
        await this.finish(current.report);
        return 'finish';
      }
      if (await this.menuAction(choice)) return 'changed';
    }
  }

  private groupChoices(): { value: 'incidents' | 'orders'; name: string }[] {
    return [
      ...(usesIncidents(this.options.rulesets, this.case.jurisdiction) || (this.case.incidents?.length ?? 0) > 0 ? [{ value: 'incidents' as const, name: this.t('menuIncidents') }] : []),
      ...(usesOrders(this.options.rulesets, this.case.jurisdiction) || (this.case.orders?.length ?? 0) > 0 ? [{ value: 'orders' as const, name: this.t('menuOrders') }] : []),
    ];
  }

  /** Runs a menu entry; true when the answers changed (so the questions must be worked out again). */
  private async menuAction(choice: 'review' | 'incidents' | 'orders' | 'report'): Promise<boolean> {
    switch (choice) {
      case 'review':
        return this.review();
      case 'incidents':
        return this.incidentsGroup(false);
      case 'orders':
        return this.ordersGroup(false);
      case 'report':
        await this.p.page(formatText(this.envelope(plan(this.planInput()).report), { color: this.options.color }));
        return false;
    }
  }

  private async menu(): Promise<'back' | 'changed' | 'stop'> {
    let changed = false;
    for (;;) {
      const choice = await this.p.select<'back' | 'review' | 'incidents' | 'orders' | 'report' | 'stop'>({
        id: 'menu',
        message: this.t('menuTitle'),
        choices: [
          { value: 'back', name: changed ? this.t('menuContinue') : this.t('menuBack') },
          { value: 'review', name: this.t('menuReview') },
          ...this.groupChoices(),
          { value: 'report', name: this.t('menuReport') },
          { value: 'stop', name: this.t('menuStop') },
        ],
      });
      if (choice === 'stop') return 'stop';
      if (choice === 'back') return changed ? 'changed' : 'back';
      if (await this.menuAction(choice)) changed = true;
    }
  }

  /** Asks one question; in the interview it may also explain itself or open the menu. */
  private async ask(q: Question, mode: Mode, progress?: Plan): Promise<Asked> {
    this.p.say('');
    if (mode === 'interview' || mode === 'indicator') {
      const n = (interviewState(this.case)?.asked ?? 0) + 1;
      const open = progress ? this.progress(progress) : [];
      this.p.say(this.c.dim([[this.t('questionCounter', { n }), open.join(', ')].filter(Boolean).join(' · '), mode === 'indicator' ? this.t('indicatorQuestion') : q.decides === 1 ? this.t('decidesOne') : this.t('decidesMany', { n: q.decides })].join(' · ')));
    }
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
      if (outcome.kind === 'keep' && mode === 'review') return 'answered';
      // Asked again about a value already held (a date known only roughly): "don't know" and
      // Enter both keep it, and mean "not more precisely", so it is not asked a third time.
      const next = outcome.kind === 'keep' || (outcome.kind === 'unknown' && held && (mode === 'interview' || mode === 'status')) ? markNoMore(this.case, q.ref) : outcome.kind === 'unknown' ? setUnknown(this.case, q.ref) : setAnswer(this.case, q.ref, outcome.value);
      this.save(mode === 'interview' || mode === 'indicator' ? withState(next, { asked: (interviewState(next)?.asked ?? 0) + 1 }) : next);
      return 'answered';
    }
  }

  /** "3 open elements · 2 deadlines to settle": what the answers still have to decide. */
  private progress(current: Plan): string[] {
    const open = current.report.conclusions.filter((c) => c.status === 'undetermined' && c.role !== 'information').length;
    const deadlines = current.report.deadlines.filter((d) => d.status === 'undetermined').length;
    return [open === 1 ? this.t('progressOpenOne') : this.t('progressOpen', { n: open }), ...(deadlines > 0 ? [deadlines === 1 ? this.t('progressDeadlinesOne') : this.t('progressDeadlines', { n: deadlines })] : [])];
  }

  /**
   * Before the first "did this happen after the refusal?" about an incident: the day contact was
   * refused, asked once, answers it for every incident whose dates lie clearly before or after.
   * True when it asked (the questions are then worked out again).
   */
  private async refusalDay(next: Question | undefined): Promise<boolean> {
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
    const applied = parsed?.ok ? applyRefusal(this.case, parsed.value, zone) : this.case;
    const filled = (applied.incidents ?? []).filter((inc, i) => inc.afterRefusal !== undefined && this.case.incidents?.[i]?.afterRefusal === undefined).length;
    this.save(withState(applied, { refusalAsked: true }));
    if (parsed?.ok) this.p.say(this.c.dim(this.t('refusalApplied', { n: filled })));
    return true;
  }

  private explain(q: Question): void {
    const fresh = questionFor(q.ref, this.planInput());
    const dependents = fresh?.dependents ?? q.dependents;
    if (dependents.length === 0) {
      this.p.say(this.c.yellow(this.t('whyNone')));
      return;
    }
    this.p.say(this.t('whyHeader'));
    for (const d of dependents) this.p.say(`  · ${this.dependentLine(d)}`);
  }

  private dependentLine(d: Dependent): string {
    const notes = [d.kind === 'deadline' ? this.t('whyDeadline') : undefined, d.headline ? this.t('whyHeadline') : undefined, d.kind === 'judgment' ? this.t('whyJudgment') : undefined].filter(Boolean);
    return `${this.c.bold(d.title)} — ${STATUS[this.lang][d.status] ?? d.status}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
  }

  private showJudgment(q: Question): void {
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

  private extras(mode: Mode, current: string | undefined): ChoiceOrSeparator<Outcome>[] {
    if (mode === 'indicator' || mode === 'status') return [];
    if (mode === 'review') return current !== undefined ? [SEPARATOR, { value: { kind: 'keep' }, name: this.t('keep', { value: current }) }] : [];
    return [SEPARATOR, { value: { kind: 'why' }, name: this.t('why') }, { value: { kind: 'menu' }, name: this.t('menu') }];
  }

  private async answer(q: Question, mode: Mode, first: boolean): Promise<Outcome> {
    const raw = getAnswer(this.case, q.ref);
    const current = raw === undefined ? undefined : this.describeAnswer(q, raw);
    // Nothing is chosen at first and Enter does nothing: a stray Enter must never record an
    // answer that changes a verdict ("reasonable excuse: yes"); Esc leaves a change unchanged.
    const unknown: Outcome = { kind: 'unknown' };
    const pickOnly = { required: true as const, ...(mode === 'review' ? { cancel: { value: { kind: 'keep' } as Outcome } } : {}) };
    switch (q.type) {
      case 'boolean':
        return this.p.select<Outcome>({
          id: promptId(q, mode),
          message: q.text,
          choices: [{ value: { kind: 'value', value: true }, name: this.t('yes') }, { value: { kind: 'value', value: false }, name: this.t('no') }, { value: unknown, name: this.t('dontKnow') }, ...this.extras(mode, current)],
          ...pickOnly,
        });
      case 'choice':
        return this.p.select<Outcome>({
          id: promptId(q, mode),
          message: q.text,
          choices: [...(q.options ?? []).map((o) => ({ value: { kind: 'value', value: o.value } as Outcome, name: o.label })), { value: unknown, name: this.t('dontKnow') }, ...this.extras(mode, current)],
          ...pickOnly,
        });
      case 'judgment':
        return this.judgment(q, mode, current);
      default:
        return this.typed(q, mode, raw, first);
    }
  }

  private async judgment(q: Question, mode: Mode, current: string | undefined): Promise<Outcome> {
    const j = q.judgment;
    if (!j) return { kind: 'unknown' };
    const valueChoices: ChoiceOrSeparator<Outcome>[] =
      j.type === 'choice' ? (q.options ?? []).map((o) => ({ value: { kind: 'value', value: o.value } as Outcome, name: o.label.toLowerCase() === o.value.toLowerCase() ? o.label : `${o.value} — ${o.label}` })) : [{ value: { kind: 'value', value: true }, name: this.t('judgmentYes') }, { value: { kind: 'value', value: false }, name: this.t('judgmentNo') }];
    const open = mode === 'interview' ? indicatorQuestions(q.ref, this.planInput()).length : 0;
    const fillIn: ChoiceOrSeparator<Outcome>[] = open > 0 ? [{ value: { kind: 'indicators' }, name: open === 1 ? this.t('indicatorsFirstOne') : this.t('indicatorsFirst', { n: open }), description: this.t('indicatorsFirstHelp') }] : [];
    const later: Outcome = { kind: 'unknown' };
    const picked = await this.p.select<Outcome>({ id: q.ref, message: q.text, choices: [...valueChoices, { value: later, name: this.t('judgmentLater') }, ...fillIn, ...this.extras(mode, current)], required: true, ...(mode === 'review' ? { cancel: { value: { kind: 'keep' } as Outcome } } : {}) });
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
  private async adviser(): Promise<string> {
    const known = interviewState(this.case)?.adviser;
    if (known) return known;
    const name = (await this.p.input({ id: 'adviser', message: this.t('adviser'), validate: (v) => (v.trim() !== '' ? true : this.t('adviserRequired')) })).trim();
    this.save(withState(this.case, { adviser: name }));
    return name;
  }

  /** Dates, numbers, durations and text: typed, checked as typed. */
  private async typed(q: Question, mode: Mode, raw: unknown, first: boolean): Promise<Outcome> {
    const required = /^case\.incidents\.\d+\.date$/.test(q.ref);
    const kindHint = q.type === 'date' ? this.t('dateHint') : q.type === 'number' ? this.t('numberHint') : q.type === 'duration' ? this.t('durationHint') : '';
    const held = raw !== undefined ? this.typedText(q, raw) : undefined;
    const howTo = held !== undefined ? `${this.t(mode === 'interview' || mode === 'status' ? 'roughKeep' : 'reviewKeep', { current: held })}${mode === 'review' ? ` ${this.t('typedEsc')}` : ''}` : mode === 'interview' ? this.t('inputHint') : mode === 'status' ? this.t('leaveEmpty') : '';
    if (first) this.p.say(this.c.dim([kindHint, howTo].filter(Boolean).join(' ')));
    const def = raw === undefined ? undefined : this.typedText(q, raw);
    const special = (v: string): Outcome | undefined => {
      const s = v.trim().toLowerCase();
      if (mode === 'interview' && WHY_WORDS.has(s)) return { kind: 'why' };
      if (mode === 'interview' && MENU_WORDS.has(s)) return { kind: 'menu' };
      if (DONT_KNOW_WORDS.has(s) || (s === '' && def === undefined)) return { kind: 'unknown' };
      return undefined;
    };
    const value = await this.p.input({
      id: promptId(q, mode),
      message: q.text,
      ...(def !== undefined ? { default: def } : {}),
      ...(mode === 'review' && def !== undefined ? { cancel: { value: def } } : {}),
      validate: (v) => {
        const sp = special(v);
        if (sp) return sp.kind === 'unknown' && required ? this.t('dateRequired') : true;
        const r = this.parseTyped(q, v);
        return r.ok ? true : r.message;
      },
      preview: (v, final) => {
        const sp = special(v);
        if (sp?.kind === 'unknown') return final ? this.c.cyan(this.t('dontKnowShort')) : v;
        if (sp) return final ? this.c.dim(sp.kind === 'why' ? `(${this.t('why').toLowerCase()})` : `(${this.t('menuTitle').toLowerCase()})`) : v;
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

  /** A typed date as it will be read: "1-10-2026  → 1 oktober 2026", and the date alone once answered. */
  private datePreview(q: Question, v: string, final: boolean): string {
    const r = v.trim() === '' ? undefined : this.parseTyped(q, v);
    if (!r?.ok) return final && v.trim() === '' ? this.c.cyan(this.t('dontKnowShort')) : v;
    const shown = describeWhen(r.value, this.lang);
    return final ? this.c.cyan(shown) : `${v}${this.c.dim(`  → ${shown}`)}`;
  }

  private parseTyped(q: Question, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
    switch (q.type) {
      case 'date': {
        const r = parseDateInput(text, { lang: this.lang, today: this.today(), ...(q.past ? { past: true } : {}), ...(q.time ? { time: true } : {}) });
        if (!r.ok) return r;
        if (!q.range && typeof r.when === 'object') return { ok: false, message: this.t('rangeNotAllowed') };
        return { ok: true, value: r.when };
      }
      case 'number':
        return parseNumberInput(text, this.lang);
      case 'duration':
        return parseDurationInput(text, this.lang);
      default:
        return { ok: true, value: text.trim() };
    }
  }

  /** The current answer as the adviser would type it, so Enter keeps it. */
  private typedText(q: Question, raw: unknown): string {
    if (q.type === 'date') return describeWhen(raw, this.lang);
    if (q.type === 'number' && typeof raw === 'number') return formatNumber(raw, this.lang);
    if (q.type === 'duration' && typeof raw === 'string') return describeDuration(raw, this.lang);
    return String(raw);
  }

  private describeAnswer(q: Question, raw: unknown): string {
    switch (q.type) {
      case 'boolean':
        return raw === true ? this.t('yes') : raw === false ? this.t('no') : String(raw);
      case 'choice':
        return q.options?.find((o) => o.value === raw)?.label ?? String(raw);
      case 'date':
        // A complaint not made, an order not withdrawn: false, said as such.
        return raw === false ? this.t('didNotHappen') : describeWhen(raw, this.lang);
      case 'number':
        return typeof raw === 'number' ? formatNumber(raw, this.lang) + (q.unit ? ` ${q.unit}` : '') : String(raw);
      case 'duration':
        return typeof raw === 'string' ? describeDuration(raw, this.lang) : String(raw);
      case 'judgment': {
        const r = raw as JudgmentRecord;
        const v = typeof r.value === 'boolean' ? (r.value ? this.t('yes') : this.t('no')) : (q.options?.find((o) => o.value === r.value)?.label ?? String(r.value));
        return `${v.toLowerCase()} — ${truncate(r.reason, 60)}`;
      }
      default:
        return String(raw);
    }
  }

  /** A reference as a person reads it: the question, with the incident or order it is about. */
  private refName(ref: string): string {
    const q = questionFor(ref, this.planInput());
    if (!q) return ref;
    const m = /^case\.(incidents|orders)\.(\d+)\./.exec(ref);
    const prefix = m ? `${this.t(m[1] === 'incidents' ? 'incidentRef' : 'orderRef', { n: Number(m[2]) + 1 })}: ` : '';
    return prefix + (q.type === 'judgment' && q.judgment ? q.judgment.title : q.text);
  }

  // ---- review -----------------------------------------------------------------------------

  private async review(): Promise<boolean> {
    let changed = false;
    for (;;) {
      const refs = [...answeredRefs(this.case), ...[...unknownRefs(this.case)].filter((r) => !/^case\.(incidents|orders)\./.test(r))];
      const choices: ChoiceOrSeparator<string>[] = [{ value: 'done', name: this.t('reviewDone') }, SEPARATOR, { value: 'case', name: `${this.t('reviewCaseFacts')}: ${this.jurisdictionName(this.case.jurisdiction)}${this.case.id ? ` · ${this.case.id}` : ''}` }];
      (this.case.incidents ?? []).forEach((inc, i) => choices.push({ value: `incident:${i}`, name: `${this.t('incidentAction', { n: i + 1, what: incidentSummary(inc, this.lang, false) })}${this.incidentDetails(i)}` }));
      (this.case.orders ?? []).forEach((o, i) => choices.push({ value: `order:${i}`, name: `${this.t('orderNumber', { n: i + 1 })}: ${this.orderSummary(o)}` }));
      for (const ref of [...new Set(refs)]) {
        const q = questionFor(ref, this.planInput());
        if (!q) continue;
        const raw = getAnswer(this.case, ref);
        const value = raw === undefined ? this.t('dontKnowShort') : this.describeAnswer(q, raw);
        choices.push({ value: ref, name: `${truncate(q.type === 'judgment' && q.judgment ? q.judgment.title : q.text, 60)}  ${this.c.cyan(value)}` });
      }
      const picked = await this.p.select<string>({ id: 'review', message: this.t('reviewTitle', { n: refs.length + (this.case.incidents?.length ?? 0) + (this.case.orders?.length ?? 0) }), choices });
      if (picked === 'done') return changed;
      if (picked === 'case') changed = (await this.editCase()) || changed;
      else if (picked.startsWith('incident:')) changed = (await this.editIncident(Number(picked.slice(9)))) || changed;
      else if (picked.startsWith('order:')) changed = (await this.editOrder(Number(picked.slice(6)))) || changed;
      else if (picked === 'case.complaint.filed' || picked === 'case.complaint.withdrawn') changed = (await this.changeComplaint(picked)) || changed;
      else {
        const q = questionFor(picked, this.planInput());
        if (!q) this.p.say(this.t('noChange'));
        else {
          const before = JSON.stringify(this.case);
          await this.ask(q, 'review');
          if (JSON.stringify(this.case) !== before) {
            changed = true;
            this.p.say(this.c.dim(this.t('changed')));
          }
        }
      }
    }
  }

  /** The complaint is changed as it was asked: whether it happened first, then when. */
  private async changeComplaint(ref: 'case.complaint.filed' | 'case.complaint.withdrawn'): Promise<boolean> {
    const before = JSON.stringify(this.case);
    const cleared = setAnswer(this.case, ref, undefined);
    this.save(ref === 'case.complaint.filed' ? setAnswer(cleared, 'case.complaint.withdrawn', undefined) : cleared);
    if (ref === 'case.complaint.filed') await this.complaintStatus();
    else await this.withdrawal();
    const changed = JSON.stringify(this.case) !== before;
    if (changed) this.p.say(this.c.dim(this.t('changed')));
    return changed;
  }

  private incidentDetails(i: number): string {
    const inc = this.case.incidents?.[i];
    if (!inc) return '';
    const flags = (['threat', 'violence', 'afterRefusal', 'direct', 'inPlace', 'victimInitiated'] as const).filter((f) => inc[f] !== undefined).map((f) => `${sayKey(this.lang, `field.${f}`)}: ${inc[f] ? this.t('yes').toLowerCase() : this.t('no').toLowerCase()}`);
    return flags.length > 0 ? this.c.dim(`  (${flags.join(', ')})`) : '';
  }

  private async editCase(): Promise<boolean> {
    const before = JSON.stringify(this.case);
    const pick = await this.p.select<'jurisdiction' | 'id' | 'summary' | 'back'>({
      id: 'review.case',
      message: this.t('reviewCaseFacts'),
      choices: [
        { value: 'back', name: this.t('back') },
        { value: 'jurisdiction', name: `${this.t('jurisdiction')}  ${this.c.cyan(this.jurisdictionName(this.case.jurisdiction))}` },
        { value: 'id', name: `${this.t('caseId')}  ${this.c.cyan(this.case.id ?? '—')}` },
        { value: 'summary', name: `${this.t('summary')}  ${this.c.cyan(truncate(this.case.summary ?? '—', 40))}` },
      ],
    });
    if (pick === 'id' || pick === 'summary') {
      const value = (await this.p.input({ id: `case.${pick}`, message: this.t(pick === 'id' ? 'caseId' : 'summary'), ...(this.case[pick] ? { default: this.case[pick] } : {}) })).trim();
      const next = { ...this.case };
      if (value === '') delete next[pick];
      else next[pick] = value;
      this.save(next);
    } else if (pick === 'jurisdiction') {
      const j = await this.p.select<string>({ id: 'case.jurisdiction', message: this.t('jurisdiction'), choices: this.jurisdictionChoices(), default: this.case.jurisdiction });
      if (j !== this.case.jurisdiction && (await this.p.confirm({ id: 'case.jurisdiction.confirm', message: this.t('jurisdictionChange'), default: false }))) {
        // The law's questions differ per jurisdiction; what happened (incidents, complaint) does not.
        const next: CaseFile = { ...this.case, jurisdiction: j };
        delete next.facts;
        delete next.judgments;
        delete next.orders;
        this.save(withState(next, { unknown: [], stage: 'complaint' }));
        // The new jurisdiction's complaint and orders are asked before any question about them.
        await this.statusStages();
      }
    }
    return JSON.stringify(this.case) !== before;
  }

  // ---- incidents and orders (repeating groups) --------------------------------------------

  private caseJurisdiction(): Jurisdiction | undefined {
    return caseJurisdiction({ rulesets: this.options.rulesets, caseFile: this.case });
  }

  private orderSummary(order: Order): string {
    return orderSummary(order, this.lang, this.caseJurisdiction());
  }

  /** The incidents: add, review, change, remove. `opening` is the first pass, where "done" moves on. */
  private async incidentsGroup(opening: boolean): Promise<boolean> {
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

  private async addIncident(): Promise<void> {
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

  private async askCount(n: number): Promise<Incident['count']> {
    const answer = (await this.p.input({ id: 'incident.count', message: this.t('incidentCount', { n }), validate: (v) => (parseCount(v) !== null ? true : this.t('countInvalid')) })).trim();
    return parseCount(answer) ?? undefined;
  }

  private async editIncident(i: number): Promise<boolean> {
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

  private async ordersGroup(opening: boolean): Promise<boolean> {
    let changed = false;
    for (;;) {
      const n = this.case.orders?.length ?? 0;
      // In the opening "there is none" and "don't know" are different answers, and neither is preselected.
      const first = opening && n === 0 && this.case.orders === undefined;
      const pick = await this.p.select<string>({
        id: 'orders.menu',
        message: this.t('ordersMenu', { n }),
        choices: [
          { value: 'add', name: this.t('orderAdd') },
          ...(n > 0 ? [{ value: 'edit', name: this.t('ordersReview') }] : []),
          { value: 'done', name: n === 0 && opening ? this.t('ordersNone') : opening ? this.t('ordersDone') : this.t('menuContinue') },
          ...(first ? [{ value: 'unknown', name: this.t('ordersUnknown') }] : []),
        ],
        ...(first ? { required: true } : { default: n === 0 ? 'add' : 'done' }),
      });
      if (pick === 'unknown') return changed;
      if (pick === 'done') {
        if (opening && n === 0 && this.case.orders === undefined) this.save({ ...this.case, orders: [] });
        return changed;
      }
      if (pick === 'add') {
        await this.addWholeOrder(n + 1);
        changed = true;
      } else {
        const list = this.case.orders ?? [];
        const which = await this.p.select<number>({ id: 'orders.pick', message: this.t('orderPick'), choices: [{ value: -1, name: this.t('back') }, ...list.map((o, i) => ({ value: i, name: `${i + 1}. ${this.orderSummary(o)}` }))] });
        if (which >= 0) changed = (await this.editOrder(which)) || changed;
      }
    }
  }

  /** An order is recorded whole: its kind, when and by which court it was made, service, its end, and the terms the rules read. */
  private async addWholeOrder(k: number): Promise<void> {
    const jurisdiction = this.caseJurisdiction();
    const types = jurisdiction?.orderTypes ?? [];
    const type = await this.p.select<string>({ id: 'order.type', message: this.t('orderType', { n: k }), choices: types.map((t) => ({ value: t.value, name: orderTypeName(jurisdiction, t.value, this.lang) })), required: true });
    const order: Order = { type };
    this.save(addOrder(this.case, order));
    const i = k - 1;
    const mentioned = mentionedCaseRefs(this.options.rulesets, this.case.jurisdiction);
    for (const field of ORDER_FIELDS) {
      if (field === 'expires') {
        await this.orderEnd(i);
        continue;
      }
      if (!ALWAYS_ASKED.has(field) && !mentioned.has(`case.orders.N.${field}`)) continue;
      // A return date belongs to an order made without notice.
      if (field === 'returnDate' && this.case.orders?.[i]?.withoutNotice !== true) continue;
      const q = questionFor(`case.orders.${i}.${field}`, this.planInput());
      if (q) await this.ask(q, 'status');
    }
    this.p.say(this.c.green(this.t('orderAdded', { n: k, what: this.orderSummary(this.case.orders?.[i] ?? order) })));
  }

  /** Until when the order runs: a date, until further order, or not known. */
  private async orderEnd(i: number): Promise<void> {
    const end = await this.p.select<'date' | 'indefinite' | 'unknown'>({
      id: 'order.end',
      message: this.t('orderEnd'),
      choices: [
        { value: 'date', name: this.t('orderEndDate') },
        { value: 'indefinite', name: this.t('orderEndIndefinite') },
        { value: 'unknown', name: this.t('dontKnow') },
      ],
      required: true,
    });
    if (end === 'unknown') return;
    this.save(setAnswer(this.case, `case.orders.${i}.indefinite`, end === 'indefinite'));
    const q = end === 'date' ? questionFor(`case.orders.${i}.expires`, this.planInput()) : undefined;
    if (q) await this.ask(q, 'status');
  }

  private async editOrder(i: number): Promise<boolean> {
    const before = JSON.stringify(this.case);
    for (;;) {
      const order = this.case.orders?.[i];
      if (!order) break;
      const fields = ORDER_REVIEW_FIELDS;
      const value = (f: string): string => {
        const v = getAnswer(this.case, `case.orders.${i}.${f}`);
        if (v === undefined) return '—';
        if (f === 'type') return orderTypeName(this.caseJurisdiction(), String(v), this.lang);
        if (typeof v === 'boolean') return v ? this.t('yes').toLowerCase() : this.t('no').toLowerCase();
        return describeWhen(v, this.lang);
      };
      const pick = await this.p.select<string>({
        id: 'order.edit',
        message: `${this.t('orderNumber', { n: i + 1 })}: ${this.orderSummary(order)}`,
        choices: [{ value: 'back', name: this.t('back') }, ...fields.map((f) => ({ value: f, name: `${this.t('incidentChange', { field: sayKey(this.lang, `field.${f}`) })}  ${this.c.cyan(value(f))}` })), SEPARATOR, { value: 'remove', name: this.t('orderRemove') }],
      });
      if (pick === 'back') break;
      if (pick === 'remove') {
        if (await this.p.confirm({ id: 'order.remove', message: this.t('orderRemoveConfirm', { n: i + 1, what: this.orderSummary(order) }), default: false })) {
          this.save(removeItem(this.case, 'orders', i));
          this.p.say(this.t('orderRemoved', { n: i + 1 }));
          break;
        }
        continue;
      }
      const q = questionFor(`case.orders.${i}.${pick}`, this.planInput());
      if (q) await this.ask(q, 'review');
    }
    return JSON.stringify(this.case) !== before;
  }

  // ---- the end ----------------------------------------------------------------------------

  private envelope(report: CaseReport): TextReport {
    return { lang: this.lang, cases: [report] };
  }

  private async finish(report: CaseReport): Promise<void> {
    this.save(withState(this.case, { status: 'finished', stage: 'finished' }));
    const envelope = this.envelope(report);
    this.p.say('\n' + formatText(envelope, { color: this.options.color }));
    if (await this.p.confirm({ id: 'report.write', message: this.t('writeReport'), default: true })) {
      const suggestion = this.options.file.replace(/\.(ya?ml|json)$/i, '') + this.t('reportSuffix');
      for (;;) {
        const file = (await this.p.input({ id: 'report.file', message: this.t('reportFile'), default: suggestion, validate: (v) => (v.trim() !== '' ? true : this.t('fileNameRequired')) })).trim();
        if (this.deps.files.exists(file) && !(await this.p.confirm({ id: 'report.overwrite', message: this.t('overwrite', { file }), default: false }))) continue;
        this.deps.files.write(file, formatText(envelope, { color: false }));
        this.p.say(this.c.green(this.t('reportWritten', { file })));
        break;
      }
    }
  }
}
