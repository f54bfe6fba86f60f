/**
 * What the engine returns: data only. Ids, statuses, values, dates, the inputs used and those
 * still needed. No sentences and no language: src/explain turns a result into words, and only
 * the formats that print words call it.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CaseFile } from '../case/types.js';
import type { Actor, CompareOp, ConclusionRole, DeadlineKind, Lang, Text, Urgency } from '../rules/types.js';

export type ConclusionStatus = 'met' | 'not_met' | 'undetermined';
/**
 * open, due_soon and expired are for act-by deadlines (someone must act); passed is a lapsed right,
 * an end or the authorities' limit after its day: nothing anyone missed.
 */
export type DeadlineStatus = 'open' | 'due_soon' | 'expired' | 'passed' | 'satisfied' | 'not_applicable' | 'undetermined';

/** An input that could still decide an element: facts.x, judgments.x, case.complaint.filed, case.incidents.2.threat. */
export interface Need {
  ref: string;
  /** how many open elements and deadlines of the case it could decide */
  decides: number;
}

/** One comparison of a condition, with the values it compared (as JSON values: null is unknown). */
export interface Reason {
  ref: string;
  op?: CompareOp;
  /** the literal it was compared with */
  expected?: unknown;
  /** the reference it was compared with, and that reference's value */
  other?: string;
  otherValue?: unknown;
  actual: unknown;
  result: 'true' | 'false' | 'unknown';
  /** the comparison sits under a `not`: it must not hold */
  negated?: true;
}

export interface IndicatorValue {
  ref: string;
  value: unknown;
  counter: boolean;
}

export interface JudgmentRecordResult {
  value: unknown;
  reason: string;
  by: string;
  at: string;
}

/** A decision table that the rules made ambiguous for this case: a rule error, shown as such. */
export interface TableProblem {
  code: 'table-overlap' | 'table-disagree';
  rows: number[];
}

export interface ConclusionResult {
  id: string;
  ruleset: string;
  kind: 'criterion' | 'judgment' | 'table';
  /** a legal element (met, not met, undetermined) or information (applies when met) */
  role: ConclusionRole;
  status: ConclusionStatus;
  headline: boolean;
  /** for a rule set read once per order: which order (0-based, as the case file numbers them) */
  order?: number;
  /** a judgment's recorded value (true, false, or a choice such as a culpability category) */
  value?: unknown;
  /** false when a judgment or table is not needed in this case (its relevantWhen is false) */
  relevant?: false;
  /** criteria: each comparison made; tables: each input with its value */
  reasons: Reason[];
  needs: Need[];
  indicators?: IndicatorValue[];
  judgment?: JudgmentRecordResult;
  /** the route it belongs to, while that route is undetermined ("if …") */
  route?: string;
  /** a table's outputs; a text output keeps both languages */
  outputs?: Record<string, unknown>;
  /** the rows of a table that matched (1-based) */
  rows?: number[];
  problem?: TableProblem;
  verified: boolean;
}

/** Why a deadline has its status: the explanation layer words each one. */
export type DeadlineFinding =
  | 'not_applicable'
  | 'start_unknown'
  | 'done_in_time'
  | 'done_late'
  | 'ended'
  | 'may_have_ended'
  | 'running';

export interface SkippedDay {
  date: string;
  /** ISO weekday for a weekend day */
  weekday?: number;
  /** a public holiday's name, in both languages */
  holiday?: Text;
  holidayVerified?: boolean;
}

export interface DeadlineBasis {
  startRef?: string;
  /** the start date, or a range when it is known only roughly */
  startDate: string | { earliest: string; latest: string } | null;
  length: string;
  counting: string;
  monthEnd: string;
  monthEndApplied: boolean;
  calendar: string;
  /** what meets the deadline when it happens in time, if anything */
  satisfiedBy?: string;
  unextendedDue?: string;
  extension?: { from: string; to: string; skipped: SkippedDay[]; minWorkingDays: boolean };
}

export interface DeadlineResult {
  id: string;
  ruleset: string;
  /** for a rule set read once per order: which order */
  order?: number;
  /** what kind of date it is: only an act-by date can be expired */
  kind: DeadlineKind;
  status: DeadlineStatus;
  finding: DeadlineFinding;
  /** whether the deadline applies to this case at all is not yet known */
  appliesUnknown?: true;
  /** the route it belongs to, while that route is undetermined ("if …") */
  route?: string;
  due: string | null;
  earliest?: string;
  latest?: string;
  daysLeft: number | null;
  /** the date of the event that satisfies it, when known */
  doneOn?: unknown;
  basis: DeadlineBasis;
  needs: Need[];
  verified: boolean;
}

/** open, due soon, expired (its last day passed and it was not done), or done. */
export type ActionStatus = 'open' | 'due_soon' | 'expired' | 'done';

/** Something to do, from the rules and the facts. */
export interface ActionResult {
  id: string;
  ruleset: string;
  who: Actor;
  status: ActionStatus;
  /** for a rule set read once per order: which order */
  order?: number;
  /** advised only if something still unknown holds (its `when` is undetermined) */
  conditional?: true;
  /** now, by its last day, or when convenient: the order of "what to do now" */
  urgency: Urgency;
  /** the route it belongs to, while that route is undetermined ("if …") */
  route?: string;
  /** its last day, or null when it has none */
  due: string | null;
  daysLeft: number | null;
  /** what would settle whether it is advised, or its last day */
  needs: Need[];
  verified: boolean;
}

/** Whether a route applies to the client: left out when not, marked "if …" while undetermined. */
export type RouteStatus = 'applies' | 'not_applying' | 'undetermined';

export interface RouteResult {
  id: string;
  ruleset: string;
  status: RouteStatus;
  /** the rules' applies condition, or the adviser's own answer in the case file */
  decidedBy: 'rules' | 'adviser';
  /** the adviser's reason, when the adviser decided */
  reason?: string;
  /** what would settle whether it applies */
  needs: Need[];
}

export interface CaseResult {
  file: string;
  id: string;
  jurisdiction: string | null;
  asOf: string | null;
  timeZone: string | null;
  status: 'assessed' | 'invalid';
  /** the language for this case's words: --lang, else the case file's lang, else English */
  lang?: Lang;
  diagnostics: Diagnostic[];
  rulesets: { id: string; version: string }[];
  conclusions: ConclusionResult[];
  deadlines: DeadlineResult[];
  /** what to do now: urgent ones first (by last day), then by last day, then the rest */
  actions: ActionResult[];
  /** the routes of the rule sets used, in their order: those not applying left their items out */
  routes: RouteResult[];
  /** the case's orders by type and date made, when results name an order (several orders) */
  orders?: { type: string | null; made: string | null }[];
  /**
   * The case file itself, set by the application layer (not the engine) for the reports that tell
   * the case's story: its summary, incidents, orders and who judged. Machine formats leave it out.
   */
  record?: CaseFile;
}
