import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCaseText } from '../src/case/load.js';
import { assessCase } from '../src/engine/assess.js';
import { explainCase } from '../src/explain/explain.js';
import type { CaseReport, ConclusionReport as ConclusionResult, DeadlineReport as DeadlineResult } from '../src/explain/types.js';
import { loadRules, type LoadedRules } from '../src/io/files.js';
import type { Lang } from '../src/rules/types.js';

export const ROOT = resolve(import.meta.dirname, '..');

const cache = new Map<string, LoadedRules>();

/** Loads rule paths (relative to the repo root) once per test file; fails loudly on rule errors. */
export function rules(...paths: string[]): LoadedRules {
  const key = paths.join('|');
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = loadRules(paths.length > 0 ? paths.map((p) => join(ROOT, p)) : [join(ROOT, 'rules')]);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(`rule errors:\n${errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n')}`);
    cache.set(key, loaded);
  }
  return loaded;
}

/** Assesses a case given as text (YAML or JSON) or as a fixture path relative to the repo root. */
export function assessText(text: string, options: { asOf: string; lang?: Lang; rules?: LoadedRules; file?: string }): CaseReport {
  const loaded = options.rules ?? rules();
  const file = options.file ?? 'case.yaml';
  const c = loadCaseText(file, text);
  if (!c.caseFile || !c.doc || c.diagnostics.some((d) => d.severity === 'error')) {
    throw new Error(`case errors:\n${c.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n')}`);
  }
  // The results with their words: tests of wording read the explanation layer's output.
  return explainCase(assessCase(loaded.rulesets, c.caseFile, c.doc, { asOf: options.asOf, lang: options.lang ?? 'en' }, c.caseFile.id ?? 'case'), loaded.rulesets, options.lang ?? 'en');
}

export function assessFixture(path: string, options: { asOf: string; lang?: Lang; rules?: LoadedRules }): CaseReport {
  return assessText(readFileSync(join(ROOT, path), 'utf8'), { ...options, file: path });
}

export function conclusion(report: CaseReport, id: string): ConclusionResult {
  const c = report.conclusions.find((x) => x.id === id);
  if (!c) throw new Error(`no conclusion ${id}; have ${report.conclusions.map((x) => x.id).join(', ')}`);
  return c;
}

export function deadline(report: CaseReport, id: string): DeadlineResult {
  const d = report.deadlines.find((x) => x.id === id);
  if (!d) throw new Error(`no deadline ${id}; have ${report.deadlines.map((x) => x.id).join(', ')}`);
  return d;
}
