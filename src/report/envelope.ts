import type { CaseResult } from '../engine/result.js';
import type { Lang, RuleSet } from '../rules/types.js';
import { envelopeHead, type Detail, type Envelope } from './machine.js';

/** What the envelope says about the run, apart from its cases. */
export interface EnvelopeMeta {
  /** the tool's version */
  version: string;
  /** the as-of date asked for; null when each case chose its own */
  asOf: string | null;
  /** the language of the rule-set titles (each case carries its own) */
  lang: Lang;
  detail: Detail;
  rulesets: readonly RuleSet[];
  /** how machine output names a rule file (bundled ones by a stable name); default: as shown */
  ruleFile?: (file: string) => string;
}

/** The report envelope (schemas/report.schema.json): the one builder for the API and `assess --format json`. */
export function reportEnvelope<Case = CaseResult>(meta: EnvelopeMeta, cases: Case[]): Envelope & { cases: Case[] } {
  return { ...envelopeHead(meta), cases };
}
