import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { caseToday } from '../case/case-dates.js';
import { loadCaseText } from '../case/load.js';
import { isValidIsoDate } from '../dates/legal-date.js';
import { assessCase } from '../engine/assess.js';
import type { CaseResult as CaseReport } from '../engine/result.js';
import { jurisdictionsOf } from '../rules/jurisdiction.js';
import type { Lang, RuleSet } from '../rules/types.js';
import { displayPath, listFiles, UsageError } from './files.js';

/** One case to assess: a file on disk, or text read from standard input. */
export interface CaseSource {
  /** as shown in reports and diagnostics */
  file: string;
  path?: string;
  text?: string;
  /** for a line of an NDJSON stream: its line number, so diagnostics point into the stream */
  line?: number;
  /** found by walking a folder (not named by the user): other kinds of YAML/JSON there are skipped */
  discovered?: boolean;
}

/** At most this many diagnostics per file: a file of the wrong kind would otherwise flood the output. */
const MAX_DIAGNOSTICS = 20;

const CASE_FILE = /\.(json|ya?ml)$/i;
const GLOB_CHARS = /[*?[]/;

/** A small glob: `*` and `?` within a name, `**` across folders; for shells that pass patterns through. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*' && pattern[i + 1] === '*') {
      re += '(?:.*/)?';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files, folders (searched recursively for .json/.yaml/.yml) and globs, in a stable order. */
export function expandInputs(inputs: readonly string[]): CaseSource[] {
  const out: CaseSource[] = [];
  for (const input of inputs) {
    if (input === '-') continue;
    if (GLOB_CHARS.test(input)) {
      const firstGlob = input.search(GLOB_CHARS);
      const base = input.slice(0, input.lastIndexOf('/', firstGlob) + 1) || '.';
      const re = globToRegExp(input.replace(/^\.\//, ''));
      let files: string[] = [];
      try {
        files = listFiles(base, (n) => CASE_FILE.test(n)).filter((f) => re.test(f.replace(/^\.\//, '')));
      } catch {
        files = [];
      }
      if (files.length === 0) throw new UsageError(`no case files match ${input}.`);
      out.push(...files.map((f) => ({ file: displayPath(f), path: f, discovered: true })));
      continue;
    }
    let st;
    try {
      st = statSync(input);
    } catch {
      throw new UsageError(`cannot read ${input}: no such file or folder.`);
    }
    if (st.isDirectory()) out.push(...listFiles(input, (n) => CASE_FILE.test(n)).map((f) => ({ file: displayPath(f), path: f, discovered: true })));
    else out.push({ file: displayPath(input), path: input });
  }
  return out;
}

/**
 * Standard input holds one case (JSON or YAML) or a stream of cases, one JSON object per line.
 * A stream is recognised by its first two non-empty lines each being a whole JSON object.
 */
export function splitStdin(text: string): CaseSource[] {
  const lines = text.split('\n');
  const filled = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => x.l !== '');
  const isObject = (s: string): boolean => {
    if (!s.startsWith('{') || !s.endsWith('}')) return false;
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  };
  if (filled.length >= 2 && isObject(filled[0]?.l ?? '') && isObject(filled[1]?.l ?? '')) {
    return filled.map(({ l, i }) => ({ file: '<stdin>', text: l, line: i + 1 }));
  }
  return [{ file: '<stdin>', text }];
}

export interface AssessSourceOptions {
  asOf?: string;
  /** --lang; when absent, the case file's own lang, else English */
  lang?: Lang;
  now: Date;
  /** collect reasons and indicators: false when every output is a lean machine format */
  reasons?: boolean;
}

/**
 * A YAML or JSON file met in a folder that is plainly something else — a rule set, rule tests,
 * a file declaring another schema, package metadata — is not a malformed case: skip it.
 */
export function isOtherKindOfFile(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if ('jurisdiction' in v && !('sources' in v)) return false;
  const schema = typeof v['$schema'] === 'string' ? v['$schema'] : '';
  if (schema !== '' && !schema.endsWith('case.schema.json')) return true;
  return 'sources' in v || 'tests' in v || 'name' in v || 'compilerOptions' in v;
}

/** Reads and assesses one case (undefined: a discovered file of another kind). Never throws for bad input. */
export function assessSource(source: CaseSource, rulesets: readonly RuleSet[], options: AssessSourceOptions): CaseReport | undefined {
  const id = source.line !== undefined ? `${source.file}:${source.line}` : basename(source.file, extname(source.file));
  const invalid = (diagnostics: Diagnostic[]): CaseReport => ({ file: source.file, id, jurisdiction: null, asOf: options.asOf ?? null, timeZone: null, status: 'invalid', diagnostics, rulesets: [], conclusions: [], deadlines: [] });
  let text = source.text;
  if (text === undefined) {
    try {
      text = readFileSync(source.path ?? source.file, 'utf8');
    } catch (e) {
      return invalid([{ code: 'file-unreadable', severity: 'error', message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`, file: source.file, line: 1, column: 1, pointer: '' }]);
    }
  }
  // NDJSON lines are parsed as JSON (strict) and their diagnostics point at the stream's line.
  const parseName = source.line !== undefined ? `${source.file}.json` : source.file;
  const loaded = loadCaseText(parseName, text);
  if (source.discovered && loaded.doc && isOtherKindOfFile(loaded.doc.value)) return undefined;
  const shift = (ds: Diagnostic[]): Diagnostic[] => cap(ds.map((d) => ({ ...d, file: source.file, line: d.line + (source.line ?? 1) - 1 })));
  if (!loaded.caseFile || !loaded.doc) return invalid(sortDiagnostics(shift(loaded.diagnostics)));
  const c = loaded.caseFile;
  const asOf = options.asOf ?? (c.asOf !== undefined && isValidIsoDate(c.asOf) ? c.asOf : caseToday(c, jurisdictionsOf(rulesets), options.now));
  const report = assessCase(rulesets, c, loaded.doc, { asOf, lang: options.lang ?? c.lang ?? 'en', reasons: options.reasons !== false }, c.id ?? id, loaded.diagnostics);
  report.diagnostics = shift(report.diagnostics);
  report.file = source.file;
  return hasErrors(report.diagnostics) ? { ...report, status: 'invalid' } : report;
}

function cap(ds: Diagnostic[]): Diagnostic[] {
  if (ds.length <= MAX_DIAGNOSTICS) return ds;
  const last = ds[MAX_DIAGNOSTICS - 1] as Diagnostic;
  return [...ds.slice(0, MAX_DIAGNOSTICS - 1), { ...last, message: `${last.message} (and ${ds.length - MAX_DIAGNOSTICS} more problems in this file)` }];
}
