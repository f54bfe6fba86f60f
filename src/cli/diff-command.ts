import type { Command } from 'commander';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { assessParsed, isParsed } from '../app/assess.js';
import { readCase } from '../app/case-source.js';
import type { AppIo } from '../app/io.js';
import { loadCaseValue, type LoadedCase } from '../case/load.js';
import { formatDiagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import type { CaseReport } from '../explain/types.js';
import { explainCase } from '../explain/explain.js';
import { BUNDLED_RULES, displayPath, listFiles, loadRules, loadRuleTexts, UsageError, type LoadedRules } from '../io/files.js';
import { expandInputs } from '../io/inputs.js';
import { diffCase, type CaseDiff, type DiffResult } from '../report/diff.js';
import { loadRuleTestText } from '../rules/tests.js';
import type { Lang } from '../rules/types.js';
import type { CommandContext } from './extensions.js';
import type { Io } from './io.js';
import { checkAsOf, langOption, rulesOption } from './options.js';
import { formatCliOption, formatsHelp, resolveOutputs, rulesHaveErrors, writeFormats, type OutputSpec } from './output.js';

const TEST_FILE = /\.test\.ya?ml$/i;
const isRuleFile = (name: string): boolean => /\.ya?ml$/i.test(name) && !TEST_FILE.test(name);

interface DiffOptions {
  base: string;
  rules: string[];
  asOf?: string;
  lang: Lang;
  exitCode?: boolean;
  format?: OutputSpec[];
}

export function registerDiff(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('diff')
    .description('What a rule change moves: assess cases under the old and the new rules and list each conclusion, deadline and action that changed (an action that appears, disappears, or moves in its last day or its place in what to do now).')
    .argument('[cases...]', 'case files or folders (default: the cases of the rule tests beside the new rules, each on its as-of date)')
    .requiredOption('--base <rules or revision>', 'the old rules: a rule file or folder, or a git revision (the same rule paths as they were in that commit)')
    .addOption(rulesOption('the new rules: rule file or folder (repeatable; default: the bundled rules)'))
    .option('--as-of <date>', "assess as on this date, YYYY-MM-DD (default: the case file's asOf, else today)")
    .addOption(langOption('language of titles').default('en'))
    .option('--exit-code', 'exit 1 when anything changed (like git diff --exit-code)')
    .addOption(formatCliOption('diff'))
    .addHelpText('after', formatsHelp('diff'))
    .addHelpText(
      'after',
      `
A --base that exists on disk is read as rule files; anything else as a git revision, whose rule
files under the --rules paths are read with git show (never written to disk).

Exit codes: 0 compared (with --exit-code: nothing changed); 1 something changed (--exit-code only);
2 the rules, a case or the command line are invalid.

Examples:
  rulecase diff --base HEAD fixtures/nl fixtures/ew
  rulecase diff --base origin/main --format markdown=moves.md
  rulecase diff --base ../rules-2025 --rules rules --as-of 2026-06-01 cases/`,
    )
    .action((cases: string[], opts: DiffOptions) => {
      setExit(diffCommand(cases, opts, { io, setExit }));
    });
}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The rule files under the given paths as they were at a git revision, read into memory. */
export function rulesAtRevision(rev: string, rulePaths: readonly string[], cwd: string): LoadedRules {
  const entries: { file: string; text: string }[] = [];
  for (const p of rulePaths) {
    const abs = resolve(cwd, p);
    const dir = existsSync(abs) && statSync(abs).isDirectory() ? abs : dirname(abs);
    let top: string;
    try {
      top = git(['rev-parse', '--show-toplevel'], dir).trim();
      git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], top);
    } catch {
      throw new UsageError(`--base ${rev} is neither a rule file or folder nor a git revision of the repository holding ${displayPath(abs, cwd)}.`);
    }
    const rel = relative(top, abs).split('\\').join('/') || '.';
    const listed = git(['ls-tree', '-r', '-z', '--name-only', rev, '--', rel], top)
      .split('\0')
      .filter((f) => f !== '' && isRuleFile(basename(f)))
      .sort();
    for (const f of listed) entries.push({ file: `${rev}:${f}`, text: git(['show', `${rev}:${f}`], top) });
  }
  return loadRuleTexts(entries);
}

interface DiffCase {
  file: string;
  id: string;
  /** the case, or undefined for a file in a folder that is not a case (a rule set, rule tests) */
  load: () => LoadedCase | undefined;
  asOf?: string;
}

/** A read case, or undefined for a file in a folder that is not a case (a rule set, rule tests). */
function loadedCase(read: ReturnType<typeof readCase>): LoadedCase | undefined {
  return read.kind === 'skipped' ? undefined : read.loaded;
}

/** The cases of the rule tests beside the rules, each with its own as-of date. */
function casesFromTests(rulePaths: readonly string[], io: AppIo, cwd: string): DiffCase[] {
  const out: DiffCase[] = [];
  for (const p of rulePaths) {
    const testFiles = statSync(resolve(cwd, p)).isDirectory() ? listFiles(p, (n) => TEST_FILE.test(n), cwd) : [];
    for (const tfPath of testFiles) {
      const tf = loadRuleTestText(displayPath(tfPath, cwd), io.readFile(tfPath));
      for (const t of tf.tests) {
        if ('path' in t.case) {
          const target = resolve(cwd, dirname(tfPath), t.case.path);
          const shown = displayPath(target, cwd);
          out.push({ file: shown, id: `${t.name}`, asOf: t.asOf, load: () => loadedCase(readCase({ file: shown, path: target }, io)) });
        } else {
          const doc = t.case.doc;
          out.push({ file: `${t.file}#${t.name}`, id: t.name, asOf: t.asOf, load: () => loadCaseValue(doc) });
        }
      }
    }
  }
  return out;
}

/** The case files named, or else the cases of the rule tests. */
function diffCases(inputs: readonly string[], rulePaths: readonly string[], appIo: AppIo, cwd: string): DiffCase[] {
  const cases = inputs.length > 0 ? expandInputs(inputs, cwd).sources.map((s) => ({ file: s.file, id: basename(s.file, extname(s.file)), load: () => loadedCase(readCase(s, appIo)) })) : casesFromTests(rulePaths, appIo, cwd);
  if (cases.length === 0) throw new UsageError('no cases to compare: name case files or folders, or keep rule tests beside the rules.');
  return cases;
}

/** The new and the old rules, or undefined (errors written) when either has errors. */
function loadBothRules(opts: DiffOptions, rulePaths: string[], io: Io): { old: LoadedRules; neu: LoadedRules } | undefined {
  const neu = loadRules(rulePaths, io.cwd);
  const old = existsSync(resolve(io.cwd, opts.base)) ? loadRules([opts.base], io.cwd) : rulesAtRevision(opts.base, rulePaths, io.cwd);
  for (const [which, rules] of [
    ['new', neu],
    ['base', old],
  ] as const) {
    if (hasErrors(rules.diagnostics)) {
      rulesHaveErrors(rules.diagnostics, io, which);
      return undefined;
    }
  }
  return { old, neu };
}

/** Parse options → load both rule sets → assess each case under each (the application layer) → diff → format → write. */
function diffCommand(inputs: string[], opts: DiffOptions, { io }: CommandContext): number {
  checkAsOf(opts.asOf);
  const outputs = resolveOutputs(opts.format);
  const rulePaths = opts.rules.length > 0 ? opts.rules : [BUNDLED_RULES];
  const rules = loadBothRules(opts, rulePaths, io);
  if (!rules) return 2;
  // One reading of the clock: every case without an as-of date is compared on the same today.
  const now = io.now();
  const appIo: AppIo = { readFile: io.readFile, now: () => now };
  const cases = diffCases(inputs, rulePaths, appIo, io.cwd);
  const result: DiffResult = { schemaVersion: '1.0', tool: { name: 'rulecase', version: io.version }, base: opts.base, rules: rulePaths.map((p) => displayPath(p, io.cwd)), cases: [], changed: 0 };
  let invalid = 0;
  for (const c of cases) {
    const d = compareCase(c, rules, opts, appIo, io);
    if (d === 'skipped') continue;
    if (d === 'invalid') invalid++;
    else {
      result.cases.push(d);
      if (d.changes.length > 0) result.changed++;
    }
  }
  writeFormats('diff', outputs, result, io);
  if (invalid > 0) {
    io.stderr(`rulecase: ${invalid} case file(s) could not be read; they are left out of the comparison.\n`);
    return 2;
  }
  return opts.exitCode && result.changed > 0 ? 1 : 0;
}

/** One case under the old and the new rules; its problems go to standard error. */
function compareCase(c: DiffCase, rules: { old: LoadedRules; neu: LoadedRules }, opts: DiffOptions, appIo: AppIo, io: Io): CaseDiff | 'invalid' | 'skipped' {
  const loaded = c.load();
  if (loaded === undefined) return 'skipped';
  if (!isParsed(loaded) || hasErrors(loaded.diagnostics)) {
    for (const d of loaded.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    return 'invalid';
  }
  // The test's as-of date stands where a case file's own would: --as-of, else the test's, else the case's.
  const asOf = opts.asOf ?? c.asOf;
  const assess = (r: LoadedRules): CaseReport => ({ ...explainCase(assessParsed(r.rulesets, loaded, { lang: opts.lang, ...(asOf !== undefined ? { asOf } : {}) }, appIo.now, c.id), r.rulesets, opts.lang), file: c.file });
  const before = assess(rules.old);
  const after = assess(rules.neu);
  for (const r of [before, after]) if (r.status === 'invalid') for (const d of r.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  return diffCase(before, after);
}
