import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CaseSource } from '../app/case-source.js';
import { displayPath, listFiles, UsageError } from './files.js';

export type { CaseSource };

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

/** Files, folders (searched recursively for .json/.yaml/.yml) and globs, in a stable order; relative to `cwd`. */
export function expandInputs(inputs: readonly string[], cwd: string): CaseSource[] {
  const out: CaseSource[] = [];
  for (const input of inputs) {
    if (input === '-') continue;
    if (GLOB_CHARS.test(input)) {
      const firstGlob = input.search(GLOB_CHARS);
      const base = input.slice(0, input.lastIndexOf('/', firstGlob) + 1) || '.';
      const re = globToRegExp(input.replace(/^\.\//, ''));
      let files: string[] = [];
      try {
        files = listFiles(base, (n) => CASE_FILE.test(n), cwd).filter((f) => re.test(f.replace(/^\.\//, '')));
      } catch {
        files = [];
      }
      if (files.length === 0) throw new UsageError(`no case files match ${input}.`);
      out.push(...files.map((f) => ({ file: displayPath(f, cwd), path: f, discovered: true })));
      continue;
    }
    let st;
    try {
      st = statSync(resolve(cwd, input));
    } catch {
      throw new UsageError(`cannot read ${input}: no such file or folder.`);
    }
    if (st.isDirectory()) out.push(...listFiles(input, (n) => CASE_FILE.test(n), cwd).map((f) => ({ file: displayPath(f, cwd), path: f, discovered: true })));
    else out.push({ file: displayPath(input, cwd), path: input });
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
