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
import type { CaseReport, Report } from './engine/report-types.js';
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
export type { Report, CaseReport, ConclusionResult, DeadlineResult, ConclusionStatus, DeadlineStatus } from './engine/report-types.js';
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
  const reports: CaseReport[] = cases.map((input) => {
    const c = typeof input === 'string' ? { file: input } : input;
    const text = c.text ?? readFileSync(c.file, 'utf8');
    const id = c.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
    const loaded = loadCaseText(c.file, text);
    if (!loaded.caseFile || !loaded.doc) {
      return { file: c.file, id, jurisdiction: null, asOf: options.asOf, timeZone: null, status: 'invalid', diagnostics: loaded.diagnostics, rulesets: [], conclusions: [], deadlines: [] };
    }
    return assessCase(rules.rulesets, loaded.caseFile, loaded.doc, { asOf: options.asOf, lang }, loaded.caseFile.id ?? id, loaded.diagnostics);
  });
  return {
    schemaVersion: '1.0',
    tool: { name: 'rulecase', version: VERSION },
    asOf: options.asOf,
    lang,
    rulesets: rules.rulesets.map((rs) => ({ id: rs.id, version: rs.version, jurisdiction: rs.jurisdiction, title: rs.title[lang], validFrom: rs.validFrom, validUntil: rs.validUntil ?? null, file: rs.file })),
    cases: reports,
  };
}
