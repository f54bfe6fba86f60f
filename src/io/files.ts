import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadRuleSetText } from '../rules/load.js';
import { checkRuleSets } from '../rules/check.js';
import type { RuleSet } from '../rules/types.js';
import type { SourceDocument } from '../source/document.js';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLED_RULES = join(PACKAGE_ROOT, 'rules');

const RULE_FILE = /\.ya?ml$/i;
/** Rule tests live beside rule sets but are not rule sets. */
const RULE_TEST_FILE = /\.test\.ya?ml$/i;

/** Files under a path, depth-first, in a stable (sorted) order. */
export function listFiles(path: string, accept: (name: string) => boolean): string[] {
  const st = statSync(path);
  if (st.isFile()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, accept));
    else if (accept(entry.name)) out.push(full);
  }
  return out;
}

/** Paths are shown relative to the working directory: shorter, and stable across machines. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel || path;
}

export class UsageError extends Error {}

export interface LoadedRules {
  rulesets: RuleSet[];
  docs: SourceDocument[];
  diagnostics: Diagnostic[];
  files: string[];
}

/** Reads and checks every rule file under the given paths (default: the bundled rules). */
export function loadRules(paths: readonly string[] = [BUNDLED_RULES]): LoadedRules {
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UsageError(`cannot read rules at ${p}: no such file or folder.`);
    }
    files.push(...(st.isFile() ? [p] : listFiles(p, (n) => RULE_FILE.test(n) && !RULE_TEST_FILE.test(n))));
  }
  const rulesets: RuleSet[] = [];
  const docs: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const loaded: { ruleset: RuleSet; doc: SourceDocument }[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      diagnostics.push({ code: 'file-unreadable', severity: 'error', message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`, file: shown, line: 1, column: 1, pointer: '' });
      continue;
    }
    const r = loadRuleSetText(shown, text);
    diagnostics.push(...r.diagnostics);
    if (r.ruleset && r.doc) {
      rulesets.push(r.ruleset);
      docs.push(r.doc);
      loaded.push({ ruleset: r.ruleset, doc: r.doc });
    }
  }
  diagnostics.push(...checkRuleSets(loaded));
  return { rulesets, docs, diagnostics, files: files.map((f) => displayPath(f)) };
}
