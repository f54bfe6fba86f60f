/**
 * The programmatic API: load rules, assess cases, format reports. Never imports the CLI.
 *
 *   import { loadRules, assess } from 'rulecase';
 *   const rules = loadRules();
 *   const report = assess(rules, [{ file: 'case.json', text }], { asOf: '2026-06-01', lang: 'en' });
 */
import { loadCaseText } from './case/load.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { assessCase } from './engine/assess.js';
import type { CaseResult } from './engine/result.js';
import { envelopeHead, type Envelope } from './report/machine.js';
import type { LoadedRules } from './io/files.js';
import type { Lang } from './rules/types.js';
import { readFileSync } from 'node:fs';
import { VERSION } from './version.js';

export { loadRules } from './io/files.js';
export { loadRuleSetText } from './rules/load.js';
export { loadCaseText } from './case/load.js';
export { assessCase } from './engine/assess.js';
export { formatText } from './report/text.js';
export { formatJson } from './report/json.js';
export { formatDiagnostic } from './diagnostics/diagnostic.js';
export type { Diagnostic, DiagnosticCode } from './diagnostics/diagnostic.js';
export type { CaseResult, ConclusionResult, DeadlineResult, ConclusionStatus, DeadlineStatus, Need, Reason } from './engine/result.js';
export type { CaseReport, ConclusionReport, DeadlineReport } from './explain/types.js';
export { explainCase } from './explain/explain.js';
export { machineCase, leanCase } from './report/machine.js';

/** The assessment of a list of cases: the envelope, and each case's result as data. */
export type Report = Envelope & { cases: CaseResult[] };
export type { RuleSet, Lang } from './rules/types.js';
export type { CaseFile } from './case/types.js';

export { VERSION } from './version.js';

export interface CaseInput {
  /** shown in diagnostics */
  file: string;
  /** the file's text (JSON or YAML); read from `file` when absent */
  text?: string;
}

/** Assesses cases against loaded rules. `asOf` is required: the library never reads the clock. */
export function assess(rules: LoadedRules, cases: readonly (CaseInput | string)[], options: { asOf: string; lang?: Lang }): Report {
  if (hasErrors(rules.diagnostics)) throw new Error('the rules have errors; check rules.diagnostics');
  const lang = options.lang ?? 'en';
  const reports: CaseResult[] = cases.map((input) => {
    const c = typeof input === 'string' ? { file: input } : input;
    const text = c.text ?? readFileSync(c.file, 'utf8');
    const id = c.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
    const loaded = loadCaseText(c.file, text);
    if (!loaded.caseFile || !loaded.doc) {
      return { file: c.file, id, jurisdiction: null, asOf: options.asOf, timeZone: null, status: 'invalid', diagnostics: loaded.diagnostics, rulesets: [], conclusions: [], deadlines: [] };
    }
    // Each case in --lang, else in its own language.
    return assessCase(rules.rulesets, loaded.caseFile, loaded.doc, { asOf: options.asOf, lang: options.lang ?? loaded.caseFile.lang ?? lang }, loaded.caseFile.id ?? id, loaded.diagnostics);
  });
  return { ...envelopeHead({ version: VERSION, asOf: options.asOf, lang, detail: 'full', rulesets: rules.rulesets }), cases: reports };
}
