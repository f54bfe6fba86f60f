/** A case result with its words: what formats for people (and `--detail full`) print. */
import type { Source } from '../rules/types.js';
import type { CaseStory } from './story.js';
import type { ActionResult, RouteResult, CaseResult, ConclusionResult, DeadlineBasis, DeadlineResult, IndicatorValue, Need, Reason } from '../engine/result.js';

/** A rule's source as a reader gets it: the rule file's source, with its note in one language. */
export interface SourceRef extends Omit<Source, 'note' | 'unverifiedBecause' | 'kind'> {
  id: string;
  /** absent only for a citation the rule set does not list (validate refuses that) */
  kind?: Source['kind'];
  note?: string;
  unverifiedBecause?: string;
}

export interface ExplainedNeed extends Need {
  label: string;
}

export interface RuleWords {
  title: string;
  sources: SourceRef[];
  checked: string;
  note?: string;
  /**
   * the one mark a report puts on it: what is not confirmed, in one line (absent when nothing is,
   * and on a user's fact or practical advice, which carry no mark)
   */
  unverifiedBecause?: string;
}

export interface ConclusionReport extends Omit<ConclusionResult, 'reasons' | 'needs' | 'indicators'>, RuleWords {
  explanation: string;
  reasons: (Reason & { text: string })[];
  needs: ExplainedNeed[];
  indicators?: (IndicatorValue & { label: string; display: string })[];
  guidance?: string;
}

export interface DeadlineReport extends Omit<DeadlineResult, 'needs' | 'basis'>, RuleWords {
  explanation: string;
  basis: Omit<DeadlineBasis, 'extension'> & {
    startEvent: string;
    text: string;
    extension?: NonNullable<DeadlineBasis['extension']> & { why: string };
  };
  needs: ExplainedNeed[];
  /** how long before the date a calendar reminds of it (the rule's remindBefore) */
  remindBefore?: string;
}

export interface ActionReport extends Omit<ActionResult, 'needs'>, RuleWords {
  /** who should act, in words */
  whoText: string;
  because: string;
  /** the deadline its last day is taken from (the rule's `by`: deadlines.<id>), for one calendar entry per matter */
  byDeadline?: string;
  /** one sentence beside the date, when it comes from a rule the reader would not guess */
  explainWhy?: string;
  needs: ExplainedNeed[];
}

/** A route in words: title, status, and why it does not apply or the "if …" for its items. */
export interface RouteReport extends Omit<RouteResult, 'needs'>, RuleWords {
  /** not applying: the one-line reason; undetermined: the "if …" words; applies: empty */
  text: string;
  needs: ExplainedNeed[];
}

export interface CaseReport extends Omit<CaseResult, 'conclusions' | 'deadlines' | 'rulesets' | 'actions' | 'routes' | 'record'> {
  /** the case's summary, incidents and orders in words, when the case file came with the result */
  story?: CaseStory;
  rulesets: { id: string; version: string; title: string }[];
  conclusions: ConclusionReport[];
  deadlines: DeadlineReport[];
  actions: ActionReport[];
  /** the routes, in the rule sets' order, with their words */
  routes: RouteReport[];
}
