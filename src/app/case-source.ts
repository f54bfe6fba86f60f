import { basename, extname } from 'node:path';
import { loadCaseText, type LoadedCase } from '../case/load.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AppIo } from './io.js';

/** One case to assess: a file on disk, or text (standard input, or given to the API). */
export interface CaseSource {
  /** as shown in reports and diagnostics */
  file: string;
  /** where to read it when there is no text (default: file) */
  path?: string;
  text?: string;
  /** for a line of an NDJSON stream: its line number, so diagnostics point into the stream */
  line?: number;
  /** its place in the input (0-based), for --redact's "Case 1" */
  position?: number;
  /** found by walking a folder (not named by the user): other kinds of YAML/JSON there are skipped */
  discovered?: boolean;
}

/** A source read and parsed: skipped (a discovered file of another kind), or a case (valid or not) with its fallback id. */
export type ReadCase = { kind: 'skipped' } | { kind: 'case'; id: string; loaded: LoadedCase };

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

/** The id a case gets when its file gives none: the file's name, or `<stdin>:<line>` for a stream line. */
export function fallbackId(source: CaseSource): string {
  return source.line !== undefined ? `${source.file}:${source.line}` : basename(source.file, extname(source.file));
}

/**
 * The largest case or rule file read: the shipped rule sets are about 50 KB and a case a few KB,
 * so 4 MiB is far beyond any real one, and parsing it stays within a few hundred MB.
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Standard input may carry a stream of many cases (NDJSON); one case read from it has the file limit. */
export const MAX_STDIN_BYTES = 64 * 1024 * 1024;

export function unreadable(file: string, error: unknown): Diagnostic {
  return { code: 'file-unreadable', severity: 'error', message: `cannot read the file: ${whyUnreadable(error)}.`, file, line: 1, column: 1, pointer: '' };
}

/** Why a file could not be read, in words, from a node:fs error code. */
export function whyUnreadable(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'there is no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'it is a symbolic link that leads back to itself (a loop of links)';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTREG':
      return 'it is not a regular file (a pipe, socket or device)';
    case 'EFBIG':
      return `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, far more than any case or rule file holds`;
    default:
      return code ?? 'error';
  }
}


/** Reads and parses one source. Never throws for bad input: an unreadable file is a case with one diagnostic. */
export function readCase(source: CaseSource, io: Pick<AppIo, 'readFile'>): ReadCase {
  const id = fallbackId(source);
  let text = source.text;
  if (text !== undefined && text.length > MAX_FILE_BYTES) return { kind: 'case', id, loaded: { diagnostics: [unreadable(source.file, { code: 'EFBIG' })] } };
  if (text === undefined) {
    try {
      text = io.readFile(source.path ?? source.file);
    } catch (e) {
      return { kind: 'case', id, loaded: { diagnostics: [unreadable(source.file, e)] } };
    }
  }
  // NDJSON lines are parsed as JSON (strict) and their diagnostics point at the stream's line.
  const parseName = source.line !== undefined ? `${source.file}.json` : source.file;
  const loaded = loadCaseText(parseName, text);
  if (source.discovered && loaded.doc && isOtherKindOfFile(loaded.doc.value)) return { kind: 'skipped' };
  return { kind: 'case', id, loaded };
}
