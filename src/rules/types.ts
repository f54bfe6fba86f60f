import type { Jurisdiction } from './jurisdiction.js';

/** The rule-set language, as loaded from rules/*.yaml. See schemas/ruleset.schema.json and docs/rule-language.md. */

export interface Text {
  en: string;
  nl: string;
}

export type Lang = keyof Text;

export interface Source {
  instrument: string;
  article?: string;
  url?: string;
  ecli?: string;
  checked: string;
  verified: boolean;
  note?: Text;
}

export type FactType = 'boolean' | 'date' | 'datetime' | 'number' | 'choice' | 'text' | 'duration';

export interface ChoiceOption {
  value: string;
  label: Text;
}

export interface Fact {
  type: FactType;
  question: Text;
  help: Text;
  options?: ChoiceOption[];
  unit?: Text;
}

export type Literal = string | number | boolean;

/** A filter on incidents: each key an incident field that must equal the value (or one of the list). */
export interface IncidentFilter {
  [field: string]: Literal | Literal[] | undefined;
}

export interface IncidentWindow {
  /** incidents on or after this date (a date reference) */
  from?: string;
  /** incidents on or before this date (a date reference) */
  until?: string;
}

export type DerivedCompute = 'count' | 'first' | 'last' | 'spanDays' | 'perWeek' | 'distinct' | 'any' | 'all';

export interface Derived {
  title: Text;
  compute: DerivedCompute;
  where?: IncidentFilter;
  window?: IncidentWindow;
  /** the incident field for distinct, any and all */
  field?: string;
}

export type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'includes' | 'known';

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { atLeast: number; of: Condition[] }
  /** the first of these that is not unknown: two sources for the same fact, the first preferred */
  | { firstKnown: Condition[] }
  | { check: string; op?: CompareOp; value?: Literal | Literal[]; other?: string };

export interface Explain {
  met: Text;
  not_met: Text;
  undetermined?: Text;
}

export interface RuleMeta {
  title: Text;
  cite: string[];
  checked: string;
  reviewBy?: string;
  verified?: boolean;
  note?: Text;
}

/**
 * What a conclusion is: a legal element (met, not met or undetermined), or information that
 * applies or not (a maximum penalty, "no time limit"), shown only where it applies.
 */
export type ConclusionRole = 'element' | 'information';

/**
 * What a deadline's date is: a last day by which someone must act (a complaint, an appeal), the
 * day a right lapses (withdrawing a complaint), the day something ends (an order, a measure), or
 * the authorities' own limit (limitation of prosecution). Only a missed act-by date is expired.
 */
export type DeadlineKind = 'act-by' | 'lapse' | 'ends' | 'limit';

/** Who should act, as the report names them. */
export type Actor = 'victim' | 'adviser' | 'police' | 'prosecutor' | 'court' | 'applicant';

/**
 * How urgent an action is: now (danger, a breach to report, evidence that may be lost), by its
 * last day, or when convenient. "What to do now" lists them in that order.
 */
export type Urgency = 'now' | 'by-last-day' | 'when-convenient';

/**
 * A way forward the law offers (a complaint, a claim in the criminal case, an order, reporting a
 * breach): whether it applies to the client is a three-valued condition on the posture. Items
 * that name a route that does not apply are left out of the case's results.
 */
export interface Route extends RuleMeta {
  applies: Condition;
  /** one line: why it does not apply ("there is no criminal case") */
  notApplying: Text;
  /** said before its items while it is undetermined ("if a criminal case is brought") */
  ifUnknown: Text;
}

/** Something to do that follows from the law and the facts: the report opens with these. */
export interface Action extends RuleMeta {
  who: Actor;
  /** the route it belongs to: left out when the route does not apply */
  route?: string;
  /** default: by-last-day when it has a `by`, else when-convenient */
  urgency?: Urgency;
  /** one sentence beside the date when it comes from a rule the reader would not guess */
  explainWhy?: Text;
  /** when it is advised (default: always) */
  when?: Condition;
  /** its last day: a date reference, such as deadlines.complaint.due */
  by?: string;
  /** it has been done when this reference is known (a date, or true) */
  done?: string;
  /** why, for the person who acts */
  because: Text;
  /** how long before its last day it is due soon (default P14D) */
  dueSoon?: string;
}

export interface Criterion extends RuleMeta {
  /** the route it belongs to: left out when the route does not apply */
  route?: string;
  /** element (default) or information */
  kind?: ConclusionRole;
  when: Condition;
  explain: Explain;
  conclusion?: boolean;
}

export interface Judgment extends RuleMeta {
  /** the route it belongs to: left out when the route does not apply */
  route?: string;
  question: Text;
  help: Text;
  /** boolean (met / not met) or choice (one of options, e.g. culpability A, B, C) */
  type?: 'boolean' | 'choice';
  options?: ChoiceOption[];
  indicators: string[];
  counterIndicators?: string[];
  /** only relevant (and only asked) when this holds */
  relevantWhen?: Condition;
  explain?: Explain;
  conclusion?: boolean;
}

export type HitPolicy = 'unique' | 'first' | 'collect' | 'any';

export interface TableRow {
  /** one value per input, '-' for any */
  match?: Literal[];
  /** or a condition */
  if?: Condition;
  output: Record<string, Text | Literal>;
}

export interface Table extends RuleMeta {
  /** the route it belongs to: left out when the route does not apply */
  route?: string;
  /** information (default) or element */
  kind?: ConclusionRole;
  hitPolicy: HitPolicy;
  inputs?: string[];
  rows: TableRow[];
  relevantWhen?: Condition;
  conclusion?: boolean;
}

export type DateExpr = string | { latest: DateExpr[] } | { earliest: DateExpr[] } | { firstKnown: DateExpr[] };

export interface Deadline extends RuleMeta {
  /** the route it belongs to: left out when the route does not apply */
  route?: string;
  kind: DeadlineKind;
  start: DateExpr;
  startLabel?: Text;
  length: string;
  counting: 'day-after' | 'event-day';
  monthEnd: 'last-day-of-month' | 'first-day-of-next-month';
  calendar: string;
  dueSoon: string;
  appliesWhen?: Condition;
  satisfiedBy?: string;
  basis: Text;
}

export interface CalendarHoliday {
  name: Text;
  /** MM-DD */
  fixed?: string;
  /** days after Easter Sunday (Good Friday -2, Easter Monday 1, Ascension 39, Whit Monday 50) */
  easter?: number;
  /** move to another day when the date falls on a Sunday (King's Day: -1) */
  ifSunday?: number;
  /** first and last year the holiday exists, inclusive */
  fromYear?: number;
  untilYear?: number;
  /** a single extra date YYYY-MM-DD (a day added by decree) */
  date?: string;
  verified?: boolean;
}

export interface Calendar {
  title: Text;
  /** ISO weekdays that are never working days (6 Saturday, 7 Sunday) */
  weekend: number[];
  holidays: CalendarHoliday[];
  /** Atw art. 2: a term of at least three days contains at least this many working days */
  minWorkingDays?: number;
  /** Atw art. 4: lengths beyond which the calendar does not extend (e.g. P3M) */
  notBeyond?: string;
  notInYears?: boolean;
  cite: string[];
  checked: string;
}

export interface RuleSet {
  id: string;
  version: string;
  jurisdiction: string;
  timeZone: string;
  title: Text;
  description: Text;
  validFrom: string;
  validUntil?: string;
  /** where the rule set comes in a report (lower first; default 100) */
  order?: number;
  /** its rules are about "the order" (case.orders.0): read once for each order of a case */
  perOrder?: boolean;
  sources: Record<string, Source>;
  /** the routes this rule set declares; ids are shared by the jurisdiction's rule sets */
  routes?: Record<string, Route>;
  facts?: Record<string, Fact>;
  derived?: Record<string, Derived>;
  criteria?: Record<string, Criterion>;
  judgments?: Record<string, Judgment>;
  tables?: Record<string, Table>;
  deadlines?: Record<string, Deadline>;
  actions?: Record<string, Action>;
  calendars?: Record<string, Calendar>;
  /** where it was loaded from, for diagnostics and the report */
  file: string;
  /** its jurisdiction's manifest (jurisdiction.yaml), linked when the rules are loaded */
  jurisdictionRecord?: Jurisdiction;
}
