/** A case file, as written by a person or saved by the interview. See schemas/case.schema.json. */
/** A date, date-time, month or year; a range; or an open-ended range ({to}: on or before, {from}: on or after). */
export type When = string | { from: string; to: string } | { from: string; to?: undefined } | { from?: undefined; to: string };

export type DateRange = { from: string; to: string };
export type AnswerValue = string | number | boolean | DateRange;
export type Answer = AnswerValue | { value: AnswerValue; source?: string; note?: string };

export interface JudgmentRecord {
  value: boolean | string | number;
  reason: string;
  by: string;
  at: string;
}

export interface OrderTerms {
  /** no violence or threats of violence */
  violence?: boolean;
  /** no molesting, harassing or intimidating */
  molestation?: boolean;
  /** not to come within this many metres */
  approachWithinMetres?: number;
  directContact?: boolean;
  indirectContact?: boolean;
  socialMedia?: boolean;
  places?: string[];
  exceptions?: string[];
  text?: string;
}

export interface Order {
  id?: string;
  type: string;
  made?: When;
  /** the court or authority that made it */
  court?: string;
  served?: When;
  withoutNotice?: boolean;
  returnDate?: When;
  expires?: When;
  indefinite?: boolean;
  terms?: OrderTerms;
  /** whom it protects */
  protects?: string[];
}

export interface Incident {
  id?: string;
  date: When;
  kind?: string;
  channel?: string;
  direct?: boolean;
  threat?: boolean;
  violence?: boolean;
  afterRefusal?: boolean;
  inPlace?: boolean;
  victimInitiated?: boolean;
  description?: string;
  evidence?: string[];
  witnesses?: string[];
  reported?: When;
  /** how many acts this entry stands for ("about 40 messages"); default 1 */
  count?: number | { min: number; max: number };
}

export type ClientWant = 'safety' | 'stop-contact' | 'prosecution' | 'compensation' | 'order' | 'advice';
export type Relationship =
  | 'partner' | 'ex-partner' | 'spouse' | 'ex-spouse' | 'engaged' | 'ex-engaged' | 'cohabitant' | 'ex-cohabitant'
  | 'relative' | 'same-household' | 'parents-of-child' | 'neighbour' | 'colleague' | 'acquaintance' | 'stranger' | 'other';
/** none … appeal; plea-guilty, plea-not-guilty and discontinued stay valid for older case files */
export type ProceedingsStage =
  | 'none' | 'reported' | 'not-prosecuted' | 'charged' | 'convicted' | 'acquitted' | 'appeal'
  | 'plea-guilty' | 'plea-not-guilty' | 'discontinued';

export interface RouteAnswer {
  applies: boolean;
  reason?: string;
  by?: string;
  at?: string;
}

export interface CaseFile {
  id?: string;
  /** the id of a jurisdiction the rules declare (rules/<folder>/jurisdiction.yaml) */
  jurisdiction: string;
  asOf?: string;
  lang?: 'en' | 'nl';
  summary?: string;
  orders?: Order[];
  incidents?: Incident[];
  /** filed / withdrawn: false when it did not happen */
  complaint?: { learned?: When; filed?: When | 'unknown' | false; filedBy?: string; withdrawn?: When | false };
  protectedPersons?: { name: string; relationship?: string }[];
  previousConvictions?: { offence: string; date?: When; breachOfOrder?: boolean }[];
  /** the person the adviser is helping (the victim, or the applicant) */
  client?: { name?: string; wants?: ClientWant[] };
  /** the other person */
  respondent?: { name?: string; gender?: 'female' | 'male' | 'neutral'; relationship?: Relationship };
  /** when the police were told; false: not told; absent: not known */
  police?: { reported?: When | false };
  /** where the case or the breach stands in the courts */
  proceedings?: { stage?: ProceedingsStage; hearing?: When; date?: When; court?: string };
  /** the adviser's own answer that a route does (or does not) apply, which overrides the rules' */
  routes?: Record<string, RouteAnswer>;
  facts?: Record<string, Answer>;
  judgments?: Record<string, JudgmentRecord>;
  interview?: Record<string, unknown>;
}

export function answerValue(a: Answer | undefined): AnswerValue | undefined {
  if (a === undefined) return undefined;
  const v = typeof a === 'object' && 'value' in a ? a.value : a;
  return v === 'unknown' ? undefined : v;
}
