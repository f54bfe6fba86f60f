import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { whyUnreadable, type CaseSource } from '../app/case-source.js';
import { displayPath, listFiles, UsageError } from './files.js';

export type { CaseSource };

const CASE_FILE = /\.(json|ya?ml)$/i;
/** What makes an argument a glob: the shell passed it through, quoted or unmatched. */
const GLOB_CHARS = /[*?[{]/;

export interface ExpandedInputs {
  sources: CaseSource[];
  /** files found that are not regular files (pipes, sockets, devices): not read, only named */
  skipped: string[];
}

/**
 * Files matching a glob, through tinyglobby (picomatch syntax: `*`, `?`, `**`, `[ab]`, `{a,b}`),
 * so a quoted pattern means what the shell would have made of it; only case files, sorted.
 * tinyglobby lists no pipes, devices or symbolic-link loops.
 */
function globFiles(pattern: string, cwd: string): string[] {
  let files: string[];
  try {
    files = globSync([pattern], { cwd, onlyFiles: true, absolute: isAbsolute(pattern), expandDirectories: false });
  } catch {
    files = [];
  }
  return files.filter((f) => CASE_FILE.test(f)).sort((a, b) => a.localeCompare(b));
}

/** Files, folders (searched recursively for .json/.yaml/.yml) and globs, in a stable order; relative to `cwd`. */
export function expandInputs(inputs: readonly string[], cwd: string): ExpandedInputs {
  const sources: CaseSource[] = [];
  const skipped: string[] = [];
  for (const input of inputs) {
    if (input === '-') continue;
    let st;
    try {
      st = statSync(resolve(cwd, input));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && GLOB_CHARS.test(input)) {
        const files = globFiles(input, cwd);
        if (files.length === 0) throw new UsageError(`no case files match ${input}.`);
        sources.push(...files.map((f) => ({ file: displayPath(f, cwd), path: f, discovered: true })));
        continue;
      }
      throw new UsageError(`cannot read ${input}: ${code === 'ENOENT' ? 'no such file or folder' : whyUnreadable(e)}.`);
    }
    if (st.isDirectory()) {
      const found = listFiles(input, (n) => CASE_FILE.test(n), cwd, skipped);
      sources.push(...found.map((f) => ({ file: displayPath(f, cwd), path: f, discovered: true })));
    } else sources.push({ file: displayPath(input, cwd), path: input });
  }
  return { sources, skipped: skipped.map((f) => displayPath(f, cwd)) };
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
