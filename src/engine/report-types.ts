import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../rules/types.js';

export type ConclusionStatus = 'met' | 'not_met' | 'undetermined';
export type DeadlineStatus = 'open' | 'due_soon' | 'expired' | 'satisfied' | 'not_applicable' | 'undetermined';

export interface SourceRef {
  id: string;
  instrument: string;
  article?: string;
  url?: string;
  ecli?: string;
  checked: string;
  verified: boolean;
  note?: string;
}

export interface Need {
  /** what to answer: facts.x, judgments.x, case.complaint.filed, case.incidents.2.threat */
  ref: string;
  label: string;
  /** how many open elements and deadlines it could decide */
  decides: number;
}

export interface Reason {
  text: string;
  ref?: string;
  op?: string;
  expected?: unknown;
  actual?: unknown;
  result: 'true' | 'false' | 'unknown';
}

export interface Indicator {
  ref: string;
  label: string;
  value: unknown;
  display: string;
  counter: boolean;
}

export interface ConclusionResult {
  id: string;
  ruleset: string;
  kind: 'criterion' | 'judgment' | 'table';
  title: string;
  status: ConclusionStatus;
  headline: boolean;
  value?: unknown;
  explanation: string;
  reasons: Reason[];
  needs: Need[];
  indicators?: Indicator[];
  judgment?: { value: unknown; reason: string; by: string; at: string };
  guidance?: string;
  outputs?: Record<string, unknown>;
  sources: SourceRef[];
  verified: boolean;
  checked: string;
  note?: string;
}

export interface DeadlineBasis {
  startEvent: string;
  startRef?: string;
  startDate: unknown;
  length: string;
  counting: string;
  monthEnd: string;
  monthEndApplied: boolean;
  calendar: string;
  /** what meets the deadline when it happens in time (a term for someone to act), if anything */
  satisfiedBy?: string;
  unextendedDue?: string;
  extension?: { from: string; to: string; why: string };
  text: string;
}

export interface DeadlineResult {
  id: string;
  ruleset: string;
  title: string;
  status: DeadlineStatus;
  due: string | null;
  earliest?: string;
  latest?: string;
  daysLeft: number | null;
  explanation: string;
  basis: DeadlineBasis;
  needs: Need[];
  sources: SourceRef[];
  verified: boolean;
  checked: string;
  note?: string;
}

export interface CaseReport {
  file: string;
  id: string;
  jurisdiction: string | null;
  asOf: string | null;
  timeZone: string | null;
  status: 'assessed' | 'invalid';
  /** the language of this case's texts: --lang, else the case file's lang, else English */
  lang?: Lang;
  diagnostics: Diagnostic[];
  rulesets: { id: string; version: string; title?: string }[];
  conclusions: ConclusionResult[];
  deadlines: DeadlineResult[];
}

export interface Report {
  schemaVersion: '1.0';
  tool: { name: 'rulecase'; version: string };
  asOf: string | null;
  lang: Lang;
  rulesets: { id: string; version: string; jurisdiction: string; title: string; validFrom: string; validUntil: string | null; file: string }[];
  cases: CaseReport[];
}
