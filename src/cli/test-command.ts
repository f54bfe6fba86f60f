import { Option, type Command } from 'commander';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { loadCaseText, loadCaseValue, type LoadedCase } from '../case/load.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { assessParsed, isParsed } from '../app/assess.js';
import { relevantDate, selectRuleSets } from '../engine/assess.js';
import { BUNDLED_RULES, displayPath, listFiles, loadRules, UsageError, type LoadedRules } from '../io/files.js';
import { testFindings } from '../report/findings.js';
import { formatGithub } from '../report/github.js';
import { formatJunit } from '../report/junit.js';
import { formatMarkdown } from '../report/markdown.js';
import { formatTestText } from '../report/ruletests-text.js';
import { formatSarif } from '../report/sarif.js';
import { checkExpectations, coverageItems, coverageRecorder, coverageTotals, loadRuleTestText, type LocatedRuleSet, type RuleSetCoverage, type RuleTest, type RuleTestFile, type TestResult } from '../rules/tests.js';
import type { CommandContext } from './extensions.js';
import { FORMAT_HELP, formatOption, resolveOutputs, useColor, writeOutputs, type OutputSpec } from './output.js';

export const TEST_FORMATS = ['text', 'json', 'junit', 'sarif', 'github', 'markdown'] as const;

const TEST_FILE = /\.test\.ya?ml$/i;
const RULE_FILE = /\.ya?ml$/i;
const isRuleFile = (name: string): boolean => RULE_FILE.test(name) && !TEST_FILE.test(name);

interface TestOptions {
  rules: string[];
  run?: string;
  passWithNoTests?: boolean;
  coverage?: boolean;
  threshold?: string;
  format?: OutputSpec[];
}

export function registerTest(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('test')
    .description('Run the rule tests (*.test.yaml beside the rule sets): expected statuses, due dates and categories for example cases.')
    .argument('[paths...]', 'test files or folders (searched recursively); rule files found there count for coverage (default: the bundled rules)')
    .addOption(new Option('--rules <path>', 'more rule files or folders for every test (repeatable)').argParser((v: string, prev: string[]) => [...prev, v]).default([] as string[], 'none'))
    .option('--run <pattern>', 'run only the tests whose name matches this regular expression')
    .option('--pass-with-no-tests', 'exit 0 when no test is found (default: that is an error)')
    .option('--coverage', 'print, per rule set, which conditions the tests made true, false and unknown, and which deadlines and table rows they reached')
    .option('--threshold <percent>', 'exit 1 when coverage is below this percentage (implies computing coverage)')
    .addOption(new Option('--format <format[=file]>', `${FORMAT_HELP}: ${TEST_FORMATS.join(', ')}`).argParser(formatOption(TEST_FORMATS)))
    .addHelpText(
      'after',
      `
A test file lists tests, each with a name, an as-of date, a case (a path or inline) and what to
expect; only what is listed is checked. The tests run against the rule files in the test file's
folder, or those it names under rules:, plus any --rules. See rulecase schema ruletest.

Exit codes: 0 all tests passed (todo tests may fail); 1 a test failed or could not run, a test file
is invalid, or coverage is below --threshold; 2 no test found, or the command line is wrong.

Examples:
  rulecase test
  rulecase test rules/nl --run 'complaint' --coverage
  rulecase test --threshold 70 --format text --format junit=rule-tests.xml --format sarif=rule-tests.sarif
  rulecase test fixtures/rules --format github`,
    )
    .action((paths: string[], opts: TestOptions) => {
      setExit(testCommand(paths, opts, { io, setExit }));
    });
}

/** Quotes an argument for a POSIX shell, only when it needs it. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function statOrThrow(p: string, cwd: string): Stats {
  try {
    return statSync(resolve(cwd, p));
  } catch {
    throw new UsageError(`cannot read ${p}: no such file or folder.`);
  }
}

/** Rule files under a path: the path itself, or the rule files in a folder (recursively). */
function ruleFilesUnder(p: string, cwd: string): string[] {
  return statOrThrow(p, cwd).isFile() ? [p] : listFiles(p, isRuleFile, cwd);
}

function testCommand(paths: string[], opts: TestOptions, { io }: CommandContext): number {
  const outputs = resolveOutputs(opts.format);
  let pattern: RegExp | undefined;
  if (opts.run !== undefined) {
    try {
      pattern = new RegExp(opts.run);
    } catch (e) {
      throw new UsageError(`--run ${opts.run} is not a regular expression: ${(e as Error).message}.`);
    }
  }
  const threshold = opts.threshold === undefined ? undefined : Number(opts.threshold);
  if (threshold !== undefined && !(Number.isFinite(threshold) && threshold >= 0 && threshold <= 100)) throw new UsageError(`--threshold ${opts.threshold} is not a percentage from 0 to 100.`);
  const wantCoverage = opts.coverage === true || threshold !== undefined;

  // What to run: test files under the paths; rule files under them count for coverage.
  const roots = paths.length > 0 ? paths : [BUNDLED_RULES];
  const testFiles: string[] = [];
  const universe: string[] = [];
  for (const p of roots) {
    if (statOrThrow(p, io.cwd).isFile()) {
      if (TEST_FILE.test(p)) testFiles.push(p);
      else universe.push(p);
    } else {
      testFiles.push(...listFiles(p, (n) => TEST_FILE.test(n), io.cwd));
      universe.push(...listFiles(p, isRuleFile, io.cwd));
    }
  }
  const extraRules = opts.rules.flatMap((p) => ruleFilesUnder(p, io.cwd));

  const rulesCache = new Map<string, LoadedRules & { located: LocatedRuleSet[] }>();
  const loadRuleFiles = (files: string[]): LoadedRules & { located: LocatedRuleSet[] } => {
    const unique = [...new Set(files.map((f) => resolve(io.cwd, f)))].sort();
    const key = unique.join('\n');
    let loaded = rulesCache.get(key);
    if (!loaded) {
      const l = loadRules(unique, io.cwd);
      loaded = { ...l, located: l.rulesets.map((ruleset, i) => ({ ruleset, ...(l.docs[i] ? { doc: l.docs[i] } : {}) })) };
      rulesCache.set(key, loaded);
    }
    return loaded;
  };

  // Coverage is kept per rule file, whichever test file loaded it.
  const coverageByFile = new Map<string, RuleSetCoverage>();
  const coverageFor = (located: LocatedRuleSet): RuleSetCoverage => {
    const file = located.ruleset.file;
    let cov = coverageByFile.get(file);
    if (!cov) {
      cov = coverageItems(located.ruleset, located.doc);
      coverageByFile.set(file, cov);
    }
    return cov;
  };

  const fileDiagnostics: Diagnostic[] = [];
  const seenProblems = new Set<string>();
  const addProblems = (ds: readonly Diagnostic[]): void => {
    for (const d of ds) {
      const k = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
      if (seenProblems.has(k)) continue;
      seenProblems.add(k);
      fileDiagnostics.push(d);
    }
  };
  const results: TestResult[] = [];
  let found = 0;

  for (const path of [...new Set(testFiles.map((f) => resolve(io.cwd, f)))]) {
    const shown = displayPath(path, io.cwd);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      addProblems([{ code: 'file-unreadable', severity: 'error', message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`, file: shown, line: 1, column: 1, pointer: '' }]);
      continue;
    }
    const tf: RuleTestFile = loadRuleTestText(shown, text);
    if (hasErrors(tf.diagnostics)) {
      addProblems(tf.diagnostics);
      continue;
    }
    const selected = tf.tests.filter((t) => !pattern || pattern.test(t.name));
    found += selected.length;
    if (selected.length === 0) continue;

    // The rules: those the file names (relative to it), else the rule files in its folder; plus --rules.
    const here = dirname(path);
    const own: string[] = [];
    const ruleProblems: Diagnostic[] = [];
    if (tf.rules) {
      tf.rules.forEach((r, i) => {
        const target = resolve(here, r);
        try {
          own.push(...ruleFilesUnder(target, io.cwd));
        } catch {
          const doc = tf.tests[0]?.doc;
          const pos = doc ? doc.locate(`/rules/${i}`) : { line: 1, column: 1 };
          ruleProblems.push({ code: 'file-unreadable', severity: 'error', message: `cannot read the rules at ${r} (${displayPath(target, io.cwd)}): no such file or folder.`, file: shown, line: pos.line, column: pos.column, pointer: `/rules/${i}` });
        }
      });
    } else {
      own.push(
        ...readdirSync(here)
          .filter(isRuleFile)
          .sort()
          .map((n) => join(here, n)),
      );
    }
    const rules = loadRuleFiles([...own, ...extraRules]);
    universe.push(...rules.files);
    const ruleErrors = [...ruleProblems, ...rules.diagnostics.filter((d) => d.severity === 'error')];
    if (ruleErrors.length > 0) addProblems(sortDiagnostics(ruleErrors));

    const rerunArgs = (t: RuleTest): string =>
      ['rulecase', 'test', shown, ...opts.rules.flatMap((r) => ['--rules', displayPath(r, io.cwd)]), '--run', `^${escapeRegExp(t.name)}$`].map(shellQuote).join(' ');

    for (const t of selected) {
      let r: TestResult;
      if (ruleErrors.length > 0) {
        const first = ruleErrors[0] as Diagnostic;
        r = result(t, [], [{ code: first.code, severity: 'error', message: `the rules this test runs against have ${ruleErrors.length} error(s); fix them first (the first: ${first.file}:${first.line}:${first.column} ${first.message})`, file: t.file, line: t.line, column: t.column, pointer: t.pointer }]);
      } else r = runOne(t, here, rules, coverageFor, io.cwd);
      results.push({ ...r, rerun: rerunArgs(t) });
    }
  }

  if (found === 0 && fileDiagnostics.length === 0 && !opts.passWithNoTests) {
    throw new UsageError(`no rule tests found${pattern ? ` matching --run ${opts.run}` : ''} in ${roots.map((r) => displayPath(r, io.cwd)).join(', ')}; write <name>.test.yaml files beside the rule sets (see rulecase schema ruletest), or pass --pass-with-no-tests.`);
  }

  // Rule files that no test loaded still count (as uncovered); files with errors cannot.
  let coverage: RuleSetCoverage[] | undefined;
  if (wantCoverage) {
    const loadedFiles = new Set(coverageByFile.keys());
    const rest = [...new Set(universe.map((f) => resolve(io.cwd, f)))].filter((f) => !loadedFiles.has(displayPath(f, io.cwd)));
    if (rest.length > 0) {
      const more = loadRuleFiles(rest);
      for (const l of more.located) if (!coverageByFile.has(l.ruleset.file)) coverageFor(l);
    }
    coverage = [...coverageByFile.values()].filter((c) => c.items.length > 0).sort((a, b) => a.file.localeCompare(b.file));
  }

  const version = io.version;
  const covArg = coverage ? { sets: coverage, ...(threshold !== undefined ? { threshold } : {}) } : undefined;
  const findings = testFindings(results, sortDiagnostics(fileDiagnostics), version, covArg);
  writeOutputs(
    outputs.map((spec) => {
      switch (spec.format) {
        case 'json':
          return { spec, text: testJson(results, fileDiagnostics, version, findings.ok, covArg) };
        case 'junit':
          return { spec, text: formatJunit(findings) };
        case 'sarif':
          return { spec, text: formatSarif(findings) };
        case 'github':
          return { spec, text: formatGithub(findings) };
        case 'markdown':
          return { spec, text: formatMarkdown(findings) };
        default:
          return {
            spec,
            text: formatTestText(results, fileDiagnostics, {
              color: useColor(io, spec.file === undefined),
              ...(coverage && opts.coverage ? { coverage } : {}),
              ...(threshold !== undefined ? { threshold } : {}),
            }) + (threshold !== undefined && !opts.coverage && coverage ? thresholdLine(coverage, threshold) : ''),
          };
      }
    }),
    io,
  );
  return findings.ok ? 0 : 1;
}

function thresholdLine(coverage: RuleSetCoverage[], threshold: number): string {
  const t = coverageTotals(coverage);
  return `Coverage ${t.percent}% (${t.covered} of ${t.total} outcomes); threshold ${threshold}%: ${t.percent >= threshold ? 'met' : 'NOT MET (run with --coverage to see what no test reaches)'}.\n`;
}

/** Runs one test: load its case, assess it on its as-of date while recording coverage, compare. */
function runOne(t: RuleTest, here: string, rules: LoadedRules & { located: LocatedRuleSet[] }, coverageFor: (l: LocatedRuleSet) => RuleSetCoverage, cwd: string): TestResult {
  let loaded: LoadedCase;
  let fallbackId: string;
  if ('path' in t.case) {
    const target = resolve(here, t.case.path);
    const shown = displayPath(target, cwd);
    fallbackId = basename(target, extname(target));
    let text: string | undefined;
    try {
      text = readFileSync(target, 'utf8');
    } catch (e) {
      const pos = t.doc.locate(t.case.pointer);
      return result(t, [], [{ code: 'file-unreadable', severity: 'error', message: `cannot read the case file ${t.case.path} (${shown}): ${(e as NodeJS.ErrnoException).code ?? 'error'}; the path is relative to the test file.`, file: t.file, line: pos.line, column: pos.column, pointer: t.case.pointer }]);
    }
    loaded = loadCaseText(shown, text);
  } else {
    fallbackId = `${basename(t.file).replace(TEST_FILE, '')}: ${t.name}`;
    loaded = loadCaseValue(t.case.doc);
  }
  if (!isParsed(loaded) || hasErrors(loaded.diagnostics)) return result(t, [], sortDiagnostics([...loaded.diagnostics]));
  // Within one assessment each rule-set id is one file: the version in force for the case.
  const applicable = new Set(selectRuleSets(rules.rulesets, loaded.caseFile.jurisdiction, relevantDate(loaded.caseFile, t.asOf)).rulesets);
  const byId = new Map<string, RuleSetCoverage>();
  for (const l of rules.located) if (applicable.has(l.ruleset)) byId.set(l.ruleset.id, coverageFor(l));
  const recorder = coverageRecorder((id) => byId.get(id));
  // A test always names its as-of date and language, so the clock is never read.
  const report = assessParsed(rules.rulesets, loaded, { asOf: t.asOf, lang: t.lang, coverage: recorder }, noClock, fallbackId);
  if (report.status === 'invalid') return result(t, [], report.diagnostics);
  const { mismatches, diagnostics } = checkExpectations(t, report, rules.located);
  return result(t, mismatches, diagnostics);
}

function noClock(): Date {
  throw new Error('a rule test has no as-of date');
}

function result(t: RuleTest, mismatches: TestResult['mismatches'], diagnostics: Diagnostic[]): TestResult {
  const status = t.todo !== undefined ? 'todo' : diagnostics.length > 0 ? 'error' : mismatches.length > 0 ? 'failed' : 'passed';
  return {
    file: t.file,
    name: t.name,
    line: t.line,
    column: t.column,
    pointer: t.pointer,
    status,
    ...(t.todo !== undefined ? { todo: t.todo, todoPasses: diagnostics.length === 0 && mismatches.length === 0 } : {}),
    mismatches,
    diagnostics,
    rerun: '',
  };
}

function testJson(results: readonly TestResult[], problems: readonly Diagnostic[], version: string, ok: boolean, coverage?: { sets: RuleSetCoverage[]; threshold?: number }): string {
  const count = (s: TestResult['status']): number => results.filter((r) => r.status === s).length;
  const body = {
    schemaVersion: '1.0',
    tool: { name: 'rulecase', version },
    ok,
    summary: { total: results.length, passed: count('passed'), failed: count('failed'), errors: count('error'), todo: count('todo') },
    problems,
    tests: results,
    ...(coverage
      ? {
          coverage: {
            ...coverageTotals(coverage.sets),
            ...(coverage.threshold !== undefined ? { threshold: coverage.threshold } : {}),
            rulesets: coverage.sets.map((s) => ({
              ruleset: s.ruleset,
              version: s.version,
              file: s.file,
              ...coverageTotals([s]),
              items: s.items.map((i) => ({ kind: i.kind, label: i.label, pointer: i.pointer, line: i.line, column: i.column, possible: i.possible, reached: i.possible.filter((o) => i.seen.has(o)), ...(i.statuses ? { statuses: [...i.statuses].sort() } : {}) })),
            })),
          },
        }
      : {}),
  };
  return JSON.stringify(body, null, 2) + '\n';
}
