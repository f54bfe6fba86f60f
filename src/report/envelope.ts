import type { CaseReport, Report } from '../engine/report-types.js';
import type { Lang, RuleSet } from '../rules/types.js';

/** What the envelope says about the run, apart from its cases. */
export interface EnvelopeMeta {
  /** the tool's version */
  version: string;
  /** the as-of date asked for; null when each case chose its own */
  asOf: string | null;
  /** the language of the rule-set titles (each case carries its own) */
  lang: Lang;
  rulesets: readonly RuleSet[];
}

/** The report envelope (schemas/report.schema.json): the one builder for the API and `assess --format json`. */
export function reportEnvelope(meta: EnvelopeMeta, cases: CaseReport[]): Report {
  return {
    schemaVersion: '1.0',
    tool: { name: 'rulecase', version: meta.version },
    asOf: meta.asOf,
    lang: meta.lang,
    rulesets: meta.rulesets.map((rs) => ({ id: rs.id, version: rs.version, jurisdiction: rs.jurisdiction, title: rs.title[meta.lang], validFrom: rs.validFrom, validUntil: rs.validUntil ?? null, file: rs.file })),
    cases,
  };
}
