/**
 * The programmatic API: load rules, assess cases, format reports. Never imports the CLI.
 *
 *   import { loadRules, assess } from 'rulecase';
 *   const rules = loadRules();
 *   const report = assess(rules, [{ file: 'case.json', text }], { asOf: '2026-06-01', lang: 'en' });
 */
import { readRegularFile } from './io/read.js';
import { assessSources } from './app/assess.js';
import type { CaseSource } from './app/case-source.js';
import type { AppIo } from './app/io.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import type { CaseResult } from './engine/result.js';
import type { Envelope } from './report/machine.js';
import { stableRuleFile, type LoadedRules } from './io/files.js';
import { reportEnvelope } from './report/envelope.js';
import type { Lang } from './rules/types.js';
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

/** The assessment of a list of cases: the envelope (rule sets said once), and each case's result as data. */
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

/** The library reads the files it is given, and never the clock: `asOf` is required. */
const libraryIo: AppIo = {
  readFile: (path) => readRegularFile(path),
  now: () => {
    throw new Error('assess() needs options.asOf: the library never reads the clock');
  },
};

/**
 * Assesses cases against loaded rules, exactly as `rulecase assess` does: each case in `lang`, else
 * in its own `lang`, else English. `asOf` is required: the library never reads the clock.
 */
export function assess(rules: LoadedRules, cases: readonly (CaseInput | string)[], options: { asOf: string; lang?: Lang }): Report {
  if (hasErrors(rules.diagnostics)) throw new Error('the rules have errors; check rules.diagnostics');
  const sources: CaseSource[] = cases.map((input) => (typeof input === 'string' ? { file: input } : { file: input.file, ...(input.text !== undefined ? { text: input.text } : {}) }));
  const reports = assessSources(sources, rules.rulesets, options, libraryIo);
  return reportEnvelope({ version: VERSION, asOf: options.asOf, lang: options.lang ?? 'en', detail: 'full', rulesets: rules.rulesets, ruleFile: (f) => stableRuleFile(f, process.cwd()) }, reports);
}
