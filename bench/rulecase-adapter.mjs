// The one place the benchmark touches rulecase's engine API (../dist). The API is being
// redesigned: when it changes, change this file only; the rest of bench/ runs the CLI as a user
// would, or sees rulecase through `createRulecaseBelaging`.
import { loadRules } from '../dist/io/files.js';
import { loadCaseText } from '../dist/case/load.js';
import { assessCase } from '../dist/engine/assess.js';

/**
 * Loads the given rule files once and returns:
 * - `load(file, text)`: a case parsed and checked into memory (done before timing), and
 * - `belaging(loaded)`: the engine call, timed: the status of the `belaging` conclusion,
 *   'met', 'not_met' or 'undetermined'.
 */
export function createRulecaseBelaging({ ruleFiles, asOf, lang = 'en' }) {
  const rules = loadRules(ruleFiles);
  const errors = rules.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the rules have errors: ${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('; ')}`);
  return {
    rulesets: rules.rulesets.map((rs) => rs.id),
    load(file, text) {
      const loaded = loadCaseText(file, text);
      if (!loaded.caseFile || !loaded.doc) throw new Error(`${file} is not a valid case file: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
      return loaded;
    },
    belaging(loaded) {
      const report = assessCase(rules.rulesets, loaded.caseFile, loaded.doc, { asOf, lang }, loaded.caseFile.id ?? loaded.doc.file);
      const conclusion = report.status === 'assessed' ? report.conclusions.find((c) => c.id === 'belaging') : undefined;
      if (!conclusion) throw new Error(`${loaded.doc.file}: no belaging conclusion (status ${report.status}: ${report.diagnostics.map((d) => d.message).join('; ')})`);
      return conclusion.status;
    },
  };
}
