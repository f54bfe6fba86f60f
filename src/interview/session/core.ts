import { Chalk } from 'chalk';
import type { CaseFile, JudgmentRecord, Order } from '../../case/types.js';
import { caseToday } from '../../case/case-dates.js';
import { isValidIsoDate } from '../../dates/legal-date.js';
import type { CaseReport } from '../../explain/types.js';
import type { TextReport } from '../../report/text.js';
import { jurisdictionsOf, type Jurisdiction } from '../../rules/jurisdiction.js';
import type { Lang, RuleSet } from '../../rules/types.js';
import { interviewState, withState, type Stage } from '../answers.js';
import { parseDateInput, parseDurationInput, parseNumberInput } from '../date-input.js';
import { caseJurisdiction, orderSummary, questionFor, type PlanInput, type Question } from '../planner.js';
import { type Prompter } from '../prompter.js';
import { say, sayKey } from '../../words/interview.js';
import { describeDuration, describeWhen, formatNumber, truncate } from '../view.js';

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
  /** the printable report written at the end: a file, false for none (--no-report), or next to the case file (zaak.yaml → zaak.html) */
  report?: string | false;
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
  /** the printable report written at the end */
  report?: string;
}

export type Outcome = { kind: 'value'; value: unknown } | { kind: 'unknown' } | { kind: 'keep' } | { kind: 'why' } | { kind: 'menu' } | { kind: 'indicators' } | { kind: 'back' } | { kind: 'notApplying'; route: string };
/**
 * interview: a planner question; again: a planner question gone back to (Enter keeps the answer);
 * review: changing an answer; indicator: a fact a judgment weighs; status: a stage asked up front
 */
export type Mode = 'interview' | 'again' | 'review' | 'indicator' | 'status';
export type Asked = 'answered' | 'replan' | 'stop' | 'back';

/** The keys every question screen answers to: why, the menu, back. */
export const NAV_KEYS = { '?': { kind: 'why' }, m: { kind: 'menu' }, left: { kind: 'back' }, '<': { kind: 'back' } } as const satisfies Record<string, Outcome>;
export const BACK_WORDS = new Set(['<', 'terug', 'back']);

export const DONT_KNOW_WORDS = new Set(['-', 'weet niet', 'weet ik niet', 'onbekend', 'geen idee', "don't know", 'dont know', 'do not know', 'unknown', 'dk', 'n/a']);

/**
 * The interview's state and the helpers every part uses: the case so far and how it is saved, the
 * language, the jurisdiction, today and the as-of day, and how answers are read and shown. The
 * parts build on it in a chain: asking (one question) → routes → incident editor → order editor →
 * status questions → stages (the steps asked up front) → review → the session (the loop and its menus).
 */
export abstract class SessionCore {
  protected caseFile: CaseFile | undefined;
  protected readonly lang: Lang;
  protected readonly c: InstanceType<typeof Chalk>;
  protected readonly p: Prompter;

  constructor(
    start: CaseFile | undefined,
    protected readonly options: SessionOptions,
    protected readonly deps: SessionDeps,
  ) {
    this.caseFile = start;
    this.lang = options.lang;
    this.c = new Chalk({ level: options.color ? 1 : 0 });
    this.p = deps.prompter;
  }

  protected t(key: Parameters<typeof say>[1], vars: Record<string, string | number> = {}): string {
    return say(this.lang, key, vars);
  }

  protected get case(): CaseFile {
    if (!this.caseFile) throw new Error('no case yet');
    return this.caseFile;
  }

  protected get stage(): Stage {
    return (this.caseFile && interviewState(this.caseFile)?.stage) ?? 'opening';
  }

  protected save(next: CaseFile): void {
    this.caseFile = withState(next, { lang: this.lang, saved: new Date(this.deps.now()).toISOString() });
    this.deps.save(this.caseFile);
  }

  protected setStage(stage: Stage): void {
    this.save(withState(this.case, { stage }));
  }

  /** The jurisdictions of the loaded rule sets, the ones a case can be in. */
  protected get jurisdictions(): Jurisdiction[] {
    return jurisdictionsOf(this.options.rulesets);
  }

  protected jurisdictionName(id: string): string {
    return this.jurisdictions.find((j) => j.id === id)?.name[this.lang] ?? id;
  }

  protected today(): string {
    return caseToday(this.case, this.jurisdictions, this.deps.now());
  }

  protected asOf(): string {
    if (this.options.asOf !== undefined) return this.options.asOf;
    const own = this.case.asOf;
    return own !== undefined && isValidIsoDate(own) ? own : this.today();
  }

  protected planInput(): PlanInput {
    return { rulesets: this.options.rulesets, caseFile: this.case, asOf: this.asOf(), lang: this.lang, file: this.options.file };
  }

  /** Yes, no or don't know, with nothing chosen at first: each answer is recorded differently; ← goes back, ? explains, m opens the menu. */
  protected async yesNoUnknown(id: string, message: string, no: string = this.t('no'), why?: () => void): Promise<'yes' | 'no' | 'unknown' | 'back' | 'stop'> {
    for (;;) {
      const picked = await this.p.select<'yes' | 'no' | 'unknown' | 'back' | 'why' | 'menu'>({
        id,
        message,
        choices: [
          { value: 'yes', name: this.t('yes') },
          { value: 'no', name: no },
          { value: 'unknown', name: this.t('dontKnow') },
        ],
        required: true,
        keys: { left: 'back', '<': 'back', '?': 'why', m: 'menu' },
      });
      if (picked === 'why') {
        if (why) why();
        else this.p.say(this.c.dim(this.t('whyPosture')));
        continue;
      }
      if (picked === 'menu') {
        const m = await this.menu();
        if (m === 'stop') return 'stop';
        continue;
      }
      return picked;
    }
  }

  /** The jurisdictions with loaded rules, those whose manifest offers the interview's language earliest first. */
  protected jurisdictionChoices(): { value: string; name: string }[] {
    const rank = (j: Jurisdiction): number => (j.languages.includes(this.lang) ? j.languages.indexOf(this.lang) : j.languages.length);
    return [...this.jurisdictions].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id)).map((j) => ({ value: j.id, name: j.name[this.lang] }));
  }

  /** A typed date as it will be read: "1-10-2026  → 1 oktober 2026", and the date alone once answered. */
  protected datePreview(q: Question, v: string, final: boolean): string {
    const r = v.trim() === '' ? undefined : this.parseTyped(q, v);
    if (!r?.ok) return final && v.trim() === '' ? this.c.cyan(this.t('dontKnowShort')) : v;
    const shown = describeWhen(r.value, this.lang);
    return final ? this.c.cyan(shown) : `${v}${this.c.dim(`  → ${shown}`)}`;
  }

  protected parseTyped(q: Question, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
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
  protected typedText(q: Question, raw: unknown): string {
    if (q.type === 'date') return describeWhen(raw, this.lang);
    if (q.type === 'number' && typeof raw === 'number') return formatNumber(raw, this.lang);
    if (q.type === 'duration' && typeof raw === 'string') return describeDuration(raw, this.lang);
    return String(raw);
  }

  /** An answer in words; a judgment's reason is cut to fit a line unless `whole` (the review shows it whole). */
  protected describeAnswer(q: Question, raw: unknown, whole = false): string {
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
        return `${v.toLowerCase()} — ${whole ? r.reason : truncate(r.reason, 60)}`;
      }
      default:
        return String(raw);
    }
  }

  /** A reference as a person reads it: the question, with the incident or order it is about. */
  protected refName(ref: string): string {
    const q = questionFor(ref, this.planInput());
    if (!q) return ref;
    const m = /^case\.(incidents|orders)\.(\d+)\./.exec(ref);
    const prefix = m ? `${this.t(m[1] === 'incidents' ? 'incidentRef' : 'orderRef', { n: Number(m[2]) + 1 })}: ` : '';
    return prefix + (q.type === 'judgment' && q.judgment ? q.judgment.title : q.text);
  }

  protected incidentDetails(i: number): string {
    const inc = this.case.incidents?.[i];
    if (!inc) return '';
    const flags = (['threat', 'violence', 'afterRefusal', 'direct', 'inPlace', 'victimInitiated'] as const).filter((f) => inc[f] !== undefined).map((f) => `${sayKey(this.lang, `field.${f}`)}: ${inc[f] ? this.t('yes').toLowerCase() : this.t('no').toLowerCase()}`);
    return flags.length > 0 ? this.c.dim(`  (${flags.join(', ')})`) : '';
  }

  protected caseJurisdiction(): Jurisdiction | undefined {
    return caseJurisdiction({ rulesets: this.options.rulesets, caseFile: this.case });
  }

  protected orderSummary(order: Order): string {
    return orderSummary(order, this.lang, this.caseJurisdiction());
  }

  protected envelope(report: CaseReport): TextReport {
    return { lang: this.lang, cases: [report] };
  }

  /** The menu (navigation, in session.ts): 'changed' when answers changed there. */
  protected abstract menu(): Promise<'back' | 'changed' | 'stop'>;
}
