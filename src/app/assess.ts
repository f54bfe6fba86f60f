import type { LoadedCase } from '../case/load.js';
import type { CaseFile } from '../case/types.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { assessCase, type AssessOptions } from '../engine/assess.js';
import type { CaseResult as CaseReport } from '../engine/result.js';
import { jurisdictionsOf } from '../rules/jurisdiction.js';
import type { RuleSet } from '../rules/types.js';
import type { SourceDocument } from '../source/document.js';
import { fallbackId, readCase, type CaseSource } from './case-source.js';
import type { AppIo } from './io.js';
import { chooseAsOf, chooseLang, type AssessSettings } from './settings.js';
import { redactCase, redactedFile, redactedId } from '../report/redact.js';

const textFactCache = new WeakMap<readonly RuleSet[], Set<string>>();

/** The facts whose answers are free text, in any loaded rule set: --redact replaces their values. */
function textFactsOf(rulesets: readonly RuleSet[]): Set<string> {
  let set = textFactCache.get(rulesets);
  if (!set) {
    set = new Set(rulesets.flatMap((rs) => Object.entries(rs.facts ?? {}).filter(([, f]) => f.type === 'text').map(([id]) => id)));
    textFactCache.set(rulesets, set);
  }
  return set;
}

/**
 * The one path from a case to its report: read → parse → choose the as-of date and the language
 * → assess. The CLI (and its workers), the library API, `diff` and `test` all come through here.
 */

/** At most this many diagnostics per file: a file of the wrong kind would otherwise flood the output. */
const MAX_DIAGNOSTICS = 20;

/** A case that parsed and passed its schema (it may still carry warnings). */
export interface ParsedCase {
  caseFile: CaseFile;
  doc: SourceDocument;
  diagnostics: Diagnostic[];
}

export function isParsed(loaded: LoadedCase): loaded is ParsedCase {
  return loaded.caseFile !== undefined && loaded.doc !== undefined;
}

export interface AssessParsedOptions extends AssessSettings {
  /** the test runner's coverage recorder */
  coverage?: NonNullable<AssessOptions['coverage']>;
}

/** Assesses a parsed case: the as-of date and language are chosen here, and only here. */
export function assessParsed(rulesets: readonly RuleSet[], parsed: ParsedCase, options: AssessParsedOptions, now: () => Date, id: string): CaseReport {
  const c = parsed.caseFile;
  const settings = { asOf: chooseAsOf(c, options.asOf, now, jurisdictionsOf(rulesets)), lang: chooseLang(c, options.lang), reasons: options.reasons !== false, ...(options.coverage ? { coverage: options.coverage } : {}) };
  const report = assessCase(rulesets, c, parsed.doc, settings, c.id ?? id, parsed.diagnostics);
  report.record = c;
  return report;
}

/**
 * Reads and assesses one case (undefined: a discovered file of another kind). Never throws: a
 * file that breaks something unforeseen is reported as invalid, and the batch goes on.
 */
export function assessSource(source: CaseSource, rulesets: readonly RuleSet[], settings: AssessSettings, io: AppIo): CaseReport | undefined {
  try {
    return assessSourceOrThrow(source, rulesets, settings, io);
  } catch (e) {
    return internalErrorReport(source, settings, e);
  }
}

/**
 * The report of a file that broke something unforeseen (in assessing or in formatting it): invalid,
 * with one `internal-error` diagnostic at the file (or its line of a stream), so the batch goes on.
 */
export function internalErrorReport(source: CaseSource, settings: Pick<AssessSettings, 'asOf'>, error: unknown): CaseReport {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const message = `rulecase could not assess this file (${reason}); the other files are assessed. Please report it with the file's shape, not its contents.`;
  return invalidReport(source.file, fallbackId(source), settings.asOf, [{ code: 'internal-error', severity: 'error', message, file: source.file, line: source.line ?? 1, column: 1, pointer: '' }]);
}

function assessSourceOrThrow(source: CaseSource, rulesets: readonly RuleSet[], settings: AssessSettings, io: AppIo): CaseReport | undefined {
  const read = readCase(source, io);
  if (read.kind === 'skipped') return undefined;
  // Diagnostics name the source as the user knows it, and point at its line in a stream.
  const shift = (ds: Diagnostic[]): Diagnostic[] => cap(ds.map((d) => ({ ...d, file: source.file, line: d.line + (source.line ?? 1) - 1 })));
  const { loaded } = read;
  const position = source.position ?? 0;
  // --redact: the file and the case are named by their place in the input, never by their own names.
  const lang = settings.lang ?? loaded.caseFile?.lang ?? 'en';
  const file = settings.redact ? redactedFile(source.file, position, lang) : source.file;
  const id = settings.redact ? redactedId(position, lang) : read.id;
  const named = (ds: Diagnostic[]): Diagnostic[] => (settings.redact ? ds.map((d) => ({ ...d, file })) : ds);
  if (!isParsed(loaded)) return invalidReport(file, id, settings.asOf, sortDiagnostics(named(shift(loaded.diagnostics))));
  const parsed = settings.redact ? { ...loaded, caseFile: redactCase(loaded.caseFile, { position, lang, textFacts: textFactsOf(rulesets) }) } : loaded;
  const report = assessParsed(rulesets, parsed, settings, io.now, id);
  report.diagnostics = named(shift(report.diagnostics));
  report.file = file;
  return hasErrors(report.diagnostics) ? { ...report, status: 'invalid' } : report;
}

/** Assesses every source, in order, skipping discovered files of another kind. */
export function assessSources(sources: readonly CaseSource[], rulesets: readonly RuleSet[], settings: AssessSettings, io: AppIo): CaseReport[] {
  return sources.flatMap((s, i) => assessSource({ ...s, position: s.position ?? i }, rulesets, settings, io) ?? []);
}

function invalidReport(file: string, id: string, asOf: string | undefined, diagnostics: Diagnostic[]): CaseReport {
  return { file, id, jurisdiction: null, asOf: asOf ?? null, timeZone: null, status: 'invalid', diagnostics, rulesets: [], conclusions: [], deadlines: [], actions: [], routes: [] };
}

function cap(ds: Diagnostic[]): Diagnostic[] {
  if (ds.length <= MAX_DIAGNOSTICS) return ds;
  const last = ds[MAX_DIAGNOSTICS - 1] as Diagnostic;
  return [...ds.slice(0, MAX_DIAGNOSTICS - 1), { ...last, message: `${last.message} (and ${ds.length - MAX_DIAGNOSTICS} more problems in this file)` }];
}
