import type { Command } from 'commander';
import { statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { BUNDLED_RULES, displayPath, listFiles, UsageError } from '../io/files.js';
import { testFindings } from '../report/findings.js';
import type { CommandContext } from './extensions.js';
import { rulesOption } from './options.js';
import { formatCliOption, formatsHelp, resolveOutputs, writeFormats, type OutputSpec } from './output.js';
import { isRuleFile, TEST_FILE, TestRun } from './test-run.js';

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
    .addOption(rulesOption('more rule files or folders for every test (repeatable)', 'none'))
    .option('--run <pattern>', 'run only the tests whose name matches this regular expression')
    .option('--pass-with-no-tests', 'exit 0 when no test is found (default: that is an error)')
    .option('--coverage', 'print, per rule set, which conditions the tests made true, false and unknown, and which deadlines and table rows they reached')
    .option('--threshold <percent>', 'exit 1 when coverage is below this percentage (implies computing coverage)')
    .addOption(formatCliOption('test'))
    .addHelpText('after', formatsHelp('test'))
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

/** Parse options → find the test files → run each (the application layer assesses the cases) → format → write. */
function testCommand(paths: string[], opts: TestOptions, { io }: CommandContext): number {
  const outputs = resolveOutputs(opts.format);
  const pattern = parseRun(opts.run);
  const threshold = parseThreshold(opts.threshold);
  const roots = paths.length > 0 ? paths : [BUNDLED_RULES];
  const { testFiles, ruleFiles } = findFiles(roots, io.cwd);
  const run = new TestRun({ extraRules: opts.rules, ...(pattern ? { pattern } : {}) }, ruleFiles, io);
  for (const path of [...new Set(testFiles.map((f) => resolve(io.cwd, f)))]) run.runFile(path);
  if (run.found === 0 && run.problems.length === 0 && !opts.passWithNoTests) {
    throw new UsageError(`no rule tests found${pattern ? ` matching --run ${opts.run}` : ''} in ${roots.map((r) => displayPath(r, io.cwd)).join(', ')}; write <name>.test.yaml files beside the rule sets (see rulecase schema ruletest), or pass --pass-with-no-tests.`);
  }
  const sets = opts.coverage === true || threshold !== undefined ? run.coverage() : undefined;
  const coverage = sets ? { sets, ...(threshold !== undefined ? { threshold } : {}) } : undefined;
  const problems = sortDiagnostics(run.problems);
  const findings = testFindings(run.results, problems, io.version, coverage);
  writeFormats('test', outputs, { results: run.results, problems, findings, version: io.version, showCoverage: opts.coverage === true, ...(coverage ? { coverage } : {}) }, io);
  return findings.ok ? 0 : 1;
}

function parseRun(run: string | undefined): RegExp | undefined {
  if (run === undefined) return undefined;
  try {
    return new RegExp(run);
  } catch (e) {
    throw new UsageError(`--run ${run} is not a regular expression: ${(e as Error).message}.`);
  }
}

function parseThreshold(value: string | undefined): number | undefined {
  const threshold = value === undefined ? undefined : Number(value);
  if (threshold !== undefined && !(Number.isFinite(threshold) && threshold >= 0 && threshold <= 100)) throw new UsageError(`--threshold ${value} is not a percentage from 0 to 100.`);
  return threshold;
}

function statOrThrow(p: string, cwd: string): Stats {
  try {
    return statSync(resolve(cwd, p));
  } catch {
    throw new UsageError(`cannot read ${p}: no such file or folder.`);
  }
}

/** What to run: the test files under the paths; the rule files under them count for coverage. */
function findFiles(roots: readonly string[], cwd: string): { testFiles: string[]; ruleFiles: string[] } {
  const testFiles: string[] = [];
  const ruleFiles: string[] = [];
  for (const p of roots) {
    if (statOrThrow(p, cwd).isFile()) {
      if (TEST_FILE.test(p)) testFiles.push(p);
      else ruleFiles.push(p);
    } else {
      testFiles.push(...listFiles(p, (n) => TEST_FILE.test(n), cwd));
      ruleFiles.push(...listFiles(p, isRuleFile, cwd));
    }
  }
  return { testFiles, ruleFiles };
}
