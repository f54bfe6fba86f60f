import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { unreadable as unreadableFile } from '../app/case-source.js';
import { MAX_FILE_BYTES, readRegularFile } from './read.js';
import { loadRuleSetText } from '../rules/load.js';
import { checkRuleSets } from '../rules/check.js';
import { compileRuleSet } from '../engine/compile.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { checkRuleSetJurisdictions, isJurisdictionFile, loadJurisdictionTexts, type Jurisdiction } from '../rules/jurisdiction.js';
import type { RuleSet } from '../rules/types.js';
import type { SourceDocument } from '../source/document.js';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLED_RULES = join(PACKAGE_ROOT, 'rules');

const RULE_FILE = /\.ya?ml$/i;
/** Rule tests live beside rule sets but are not rule sets. */
const RULE_TEST_FILE = /\.test\.ya?ml$/i;

/**
 * Files under a path, depth-first, in a stable (sorted) order, named as the path was given; a
 * relative path is read relative to `cwd` (default: the process's working folder). Only regular
 * files and symbolic links are listed: a pipe named `*.yaml` would block a reader forever, so
 * pipes, sockets and devices go to `skipped` instead. Links to folders are not followed (no loops).
 */
export function listFiles(path: string, accept: (name: string) => boolean, cwd?: string, skipped?: string[]): string[] {
  const at = cwd === undefined ? path : resolve(cwd, path);
  const st = statSync(at);
  if (st.isFile()) return [path];
  const out: string[] = [];
  for (const entry of readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, accept, cwd, skipped));
    else if (!accept(entry.name)) continue;
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(full);
    else skipped?.push(full);
  }
  return out;
}

/** Paths are shown relative to the working folder: shorter, and stable across machines. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  return rel.startsWith('..') ? path : rel || path;
}

/**
 * A rule file as machine output names it: a bundled rule set by a name that does not depend on where
 * rulecase is installed (`rulecase:rules/nl/belaging.yaml`), so that two machines give the same
 * bytes; any other rule file as shown (relative to the working folder).
 */
export function stableRuleFile(file: string, cwd: string): string {
  const rel = relative(BUNDLED_RULES, resolve(cwd, file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return `rulecase:rules/${rel.split(sep).join('/')}`;
}

export class UsageError extends Error {}

export interface LoadedRules {
  rulesets: RuleSet[];
  /** declared by the jurisdiction.yaml files among the rules, else shipped with rulecase */
  jurisdictions: Jurisdiction[];
  docs: SourceDocument[];
  diagnostics: Diagnostic[];
  files: string[];
}

/** The shipped rules, parsed and checked by the build; valid only while the YAML files are unchanged. */
export const RULES_BUNDLE = join(PACKAGE_ROOT, 'dist', 'bundled-rules.json');

interface RulesBundle {
  fingerprint: string;
  /** rule sets with `file` relative to the package root */
  rulesets: RuleSet[];
  jurisdictions: Jurisdiction[];
  files: string[];
}

function ruleFilesUnder(paths: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(resolve(cwd, p));
    } catch {
      throw new UsageError(`cannot read rules at ${p}: no such file or folder.`);
    }
    files.push(...(st.isFile() ? [p] : listFiles(p, (n) => RULE_FILE.test(n) && !RULE_TEST_FILE.test(n), cwd)));
  }
  return files;
}

/** A hash of the rule files' names and contents: the bundle is used only when it matches. */
export function rulesFingerprint(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(relative(PACKAGE_ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

/**
 * Parsing and checking 200 KB of YAML is most of a single run's start-up, so the build stores
 * the result. Anything unexpected (no bundle, edited rules) falls back to reading the YAML.
 */
function loadBundledRules(cwd: string): LoadedRules | undefined {
  let bundle: RulesBundle;
  try {
    bundle = JSON.parse(readFileSync(RULES_BUNDLE, 'utf8')) as RulesBundle;
  } catch {
    return undefined;
  }
  const files = ruleFilesUnder([BUNDLED_RULES], cwd);
  if (rulesFingerprint(files) !== bundle.fingerprint) return undefined;
  const shown = (rel: string): string => displayPath(join(PACKAGE_ROOT, rel), cwd);
  const result = {
    rulesets: bundle.rulesets.map((rs) => ({ ...rs, file: shown(rs.file) })),
    jurisdictions: bundle.jurisdictions,
    diagnostics: [],
    files: bundle.files.map(shown),
  } as unknown as LoadedRules;
  // The bundle holds checked rules: they take the same compile step as rules read from YAML.
  for (const rs of result.rulesets) compileRuleSet(rs);
  // Source positions are needed only to report on the rule files themselves: parse them on demand.
  let docs: SourceDocument[] | undefined;
  Object.defineProperty(result, 'docs', { enumerable: true, get: () => (docs ??= loadRuleFiles([BUNDLED_RULES], cwd).docs) });
  return result;
}

/**
 * Reads and checks every rule file under the given paths (default: the bundled rules). Relative
 * paths are relative to `cwd`, and files are shown relative to it; the library API leaves it to
 * the process's working folder, the CLI passes its own.
 */
export function loadRules(paths: readonly string[] = [BUNDLED_RULES], cwd = process.cwd()): LoadedRules {
  if (paths.length === 1 && resolve(cwd, paths[0] as string) === BUNDLED_RULES) {
    const bundled = loadBundledRules(cwd);
    if (bundled) return bundled;
  }
  return loadRuleFiles(paths, cwd);
}

/** Reads, parses and checks rule files, always from the YAML; `extra` are rule files given as text (standard input). */
export function loadRuleFiles(paths: readonly string[], cwd = process.cwd(), extra: readonly { file: string; text: string }[] = []): LoadedRules {
  const entries: { file: string; text: string }[] = [];
  const unreadable: Diagnostic[] = [];
  for (const file of ruleFilesUnder(paths, cwd)) {
    const shown = displayPath(file, cwd);
    try {
      entries.push({ file: shown, text: readRegularFile(resolve(cwd, file)) });
    } catch (e) {
      unreadable.push(unreadableFile(shown, e));
    }
  }
  for (const e of extra) {
    if (e.text.length > MAX_FILE_BYTES) unreadable.push(unreadableFile(e.file, { code: 'EFBIG' }));
    else entries.push(e);
  }
  const loaded = loadRuleTexts(entries, cwd);
  return { ...loaded, diagnostics: [...unreadable, ...loaded.diagnostics], files: [...entries.map((e) => e.file), ...unreadable.map((d) => d.file)].sort() };
}

/** Parses and checks rule files given as text (from disk, or from a git revision), then together. */
export function loadRuleTexts(entries: readonly { file: string; text: string }[], cwd = process.cwd()): LoadedRules {
  const rulesets: RuleSet[] = [];
  const docs: SourceDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const loaded: { ruleset: RuleSet; doc: SourceDocument }[] = [];
  // jurisdiction.yaml files declare jurisdictions; the shipped ones stand in for any the rules do not declare.
  const manifests = [...new Map(entries.filter((e) => isJurisdictionFile(e.file)).map((e) => [e.file, e])).values()];
  const declared = loadJurisdictionTexts([...manifests, ...shippedJurisdictions(cwd)]);
  diagnostics.push(...declared.diagnostics);
  for (const { file, text } of entries.filter((e) => !isJurisdictionFile(e.file))) {
    const r = loadRuleSetText(file, text);
    diagnostics.push(...r.diagnostics);
    if (r.ruleset && r.doc) {
      rulesets.push(r.ruleset);
      docs.push(r.doc);
      loaded.push({ ruleset: r.ruleset, doc: r.doc });
    }
  }
  diagnostics.push(...checkRuleSets(loaded), ...checkRuleSetJurisdictions(loaded, declared.jurisdictions));
  // Checked rules are compiled once, here; rules with errors are never run.
  if (!hasErrors(diagnostics)) for (const rs of rulesets) compileRuleSet(rs);
  return { rulesets, jurisdictions: declared.jurisdictions, docs, diagnostics, files: entries.map((e) => e.file) };
}

/** The jurisdiction.yaml files shipped in rules/, read once. */
let shipped: { file: string; text: string; fallback: true }[] | undefined;
function shippedJurisdictions(cwd: string): { file: string; text: string; fallback: true }[] {
  shipped ??= listFiles(BUNDLED_RULES, isJurisdictionFile).map((f) => ({ file: displayPath(f, cwd), text: readFileSync(f, 'utf8'), fallback: true as const }));
  return shipped;
}
