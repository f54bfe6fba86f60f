import { readdirSync, statSync } from 'node:fs';
import { explainCase } from '../explain/explain.js';
import type { CaseReport } from '../explain/types.js';
import { jurisdictionOf } from '../rules/jurisdiction.js';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { assessParsed, isParsed } from '../app/assess.js';
import { unreadable } from '../app/case-source.js';
import { loadCaseText, loadCaseValue, type LoadedCase } from '../case/load.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { relevantDate, selectRuleSets } from '../engine/assess.js';
import { displayPath, listFiles, loadRules, UsageError, type LoadedRules } from '../io/files.js';
import { checkExpectations, coverageItems, coverageRecorder, loadRuleTestText, type LocatedRuleSet, type RuleSetCoverage, type RuleTest, type RuleTestFile, type TestResult } from '../rules/tests.js';
import type { Io } from './io.js';

export const TEST_FILE = /\.test\.ya?ml$/i;
const RULE_FILE = /\.ya?ml$/i;
export const isRuleFile = (name: string): boolean => RULE_FILE.test(name) && !TEST_FILE.test(name);

type Rules = LoadedRules & { located: LocatedRuleSet[] };

export interface TestRunOptions {
  /** --rules: rule files or folders added to every test file's own */
  extraRules: string[];
  /** --run */
  pattern?: RegExp;
  /** sees each test's explained report (the rule book learns from it which rules a test asserts) */
  observe?: (test: RuleTest, report: CaseReport) => void;
}

/**
 * One `rulecase test` run: the test files it has run, their results and problems, and coverage
 * per rule file (whichever test file loaded it). Rules are loaded once per set of files.
 */
export class TestRun {
  readonly results: TestResult[] = [];
  /** test files and rules that could not be used, each problem once */
  readonly problems: Diagnostic[] = [];
  /** tests selected (by --run) */
  found = 0;
  private readonly seenProblems = new Set<string>();
  private readonly rulesCache = new Map<string, Rules>();
  private readonly coverageByFile = new Map<string, RuleSetCoverage>();
  private readonly extraRuleFiles: string[];

  constructor(
    private readonly options: TestRunOptions,
    /** every rule file under the paths given: those no test loads count as uncovered */
    private readonly universe: string[],
    private readonly io: Io,
  ) {
    this.extraRuleFiles = options.extraRules.flatMap((p) => ruleFilesUnder(p, io.cwd));
  }

  /** Runs the selected tests of one test file (an absolute path). */
  runFile(path: string): void {
    const shown = displayPath(path, this.io.cwd);
    let text: string;
    try {
      text = this.io.readFile(path);
    } catch (e) {
      this.addProblems([unreadable(shown, e)]);
      return;
    }
    const tf: RuleTestFile = loadRuleTestText(shown, text);
    if (hasErrors(tf.diagnostics)) {
      this.addProblems(tf.diagnostics);
      return;
    }
    const selected = tf.tests.filter((t) => !this.options.pattern || this.options.pattern.test(t.name));
    this.found += selected.length;
    if (selected.length === 0) return;
    const here = dirname(path);
    const { rules, errors } = this.rulesOf(tf, here, shown);
    for (const t of selected) {
      const r = errors.length > 0 ? rulesBroken(t, errors) : runOne(t, here, rules, (l) => this.coverageFor(l), this.io, this.options.observe);
      this.results.push({ ...r, rerun: this.rerun(shown, t) });
    }
  }

  /** Coverage per rule set; rule files that no test loaded still count (as uncovered), files with errors cannot. */
  coverage(): RuleSetCoverage[] {
    const loadedFiles = new Set(this.coverageByFile.keys());
    const rest = [...new Set(this.universe.map((f) => resolve(this.io.cwd, f)))].filter((f) => !loadedFiles.has(displayPath(f, this.io.cwd)));
    if (rest.length > 0) {
      for (const l of this.rules(rest).located) if (!this.coverageByFile.has(l.ruleset.file)) this.coverageFor(l);
    }
    return [...this.coverageByFile.values()].filter((c) => c.items.length > 0).sort((a, b) => a.file.localeCompare(b.file));
  }

  /** The rules of a test file: those it names (relative to it), else the rule files in its folder; plus --rules. */
  private rulesOf(tf: RuleTestFile, here: string, shown: string): { rules: Rules; errors: Diagnostic[] } {
    const own: string[] = [];
    const problems: Diagnostic[] = [];
    if (tf.rules) {
      tf.rules.forEach((r, i) => {
        const target = resolve(here, r);
        try {
          own.push(...ruleFilesUnder(target, this.io.cwd));
        } catch {
          const doc = tf.tests[0]?.doc;
          const pos = doc ? doc.locate(`/rules/${i}`) : { line: 1, column: 1 };
          problems.push({ code: 'file-unreadable', severity: 'error', message: `cannot read the rules at ${r} (${displayPath(target, this.io.cwd)}): no such file or folder.`, file: shown, line: pos.line, column: pos.column, pointer: `/rules/${i}` });
        }
      });
    } else {
      own.push(...readdirSync(here).filter(isRuleFile).sort().map((n) => join(here, n)));
    }
    const rules = this.rules([...own, ...this.extraRuleFiles]);
    this.universe.push(...rules.files);
    const errors = [...problems, ...rules.diagnostics.filter((d) => d.severity === 'error')];
    if (errors.length > 0) this.addProblems(sortDiagnostics(errors));
    return { rules, errors };
  }

  private rules(files: string[]): Rules {
    const unique = [...new Set(files.map((f) => resolve(this.io.cwd, f)))].sort();
    const key = unique.join('\n');
    let loaded = this.rulesCache.get(key);
    if (!loaded) {
      const l = loadRules(unique, this.io.cwd);
      loaded = { ...l, located: l.rulesets.map((ruleset, i) => ({ ruleset, ...(l.docs[i] ? { doc: l.docs[i] } : {}) })) };
      this.rulesCache.set(key, loaded);
    }
    return loaded;
  }

  private coverageFor(located: LocatedRuleSet): RuleSetCoverage {
    const file = located.ruleset.file;
    let cov = this.coverageByFile.get(file);
    if (!cov) {
      cov = coverageItems(located.ruleset, located.doc);
      this.coverageByFile.set(file, cov);
    }
    return cov;
  }

  private addProblems(ds: readonly Diagnostic[]): void {
    for (const d of ds) {
      const k = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
      if (this.seenProblems.has(k)) continue;
      this.seenProblems.add(k);
      this.problems.push(d);
    }
  }

  /** The command that runs just this test again. */
  private rerun(shown: string, t: RuleTest): string {
    return ['rulecase', 'test', shown, ...this.options.extraRules.flatMap((r) => ['--rules', displayPath(r, this.io.cwd)]), '--run', `^${escapeRegExp(t.name)}$`].map(shellQuote).join(' ');
  }
}

/** Quotes an argument for a POSIX shell, only when it needs it. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rule files under a path: the path itself, or the rule files in a folder (recursively). */
function ruleFilesUnder(p: string, cwd: string): string[] {
  let isFile: boolean;
  try {
    isFile = statSync(resolve(cwd, p)).isFile();
  } catch {
    throw new UsageError(`cannot read ${p}: no such file or folder.`);
  }
  return isFile ? [p] : listFiles(p, isRuleFile, cwd);
}

function rulesBroken(t: RuleTest, errors: Diagnostic[]): TestResult {
  const first = errors[0] as Diagnostic;
  return result(t, [], [{ code: first.code, severity: 'error', message: `the rules this test runs against have ${errors.length} error(s); fix them first (the first: ${first.file}:${first.line}:${first.column} ${first.message})`, file: t.file, line: t.line, column: t.column, pointer: t.pointer }]);
}

/** A test's case: from its path (relative to the test file), or inline; a diagnostic at the test when unreadable. */
function testCase(t: RuleTest, here: string, io: Io): { loaded: LoadedCase; fallbackId: string } | Diagnostic {
  if (!('path' in t.case)) return { loaded: loadCaseValue(t.case.doc), fallbackId: `${basename(t.file).replace(TEST_FILE, '')}: ${t.name}` };
  const target = resolve(here, t.case.path);
  const shown = displayPath(target, io.cwd);
  let text: string;
  try {
    text = io.readFile(target);
  } catch (e) {
    const pos = t.doc.locate(t.case.pointer);
    return { code: 'file-unreadable', severity: 'error', message: `cannot read the case file ${t.case.path} (${shown}): ${(e as NodeJS.ErrnoException).code ?? 'error'}; the path is relative to the test file.`, file: t.file, line: pos.line, column: pos.column, pointer: t.case.pointer };
  }
  return { loaded: loadCaseText(shown, text), fallbackId: basename(target, extname(target)) };
}

/** Runs one test: load its case, assess it on its as-of date while recording coverage, compare. */
function runOne(t: RuleTest, here: string, rules: Rules, coverageFor: (l: LocatedRuleSet) => RuleSetCoverage, io: Io, observe?: TestRunOptions['observe']): TestResult {
  const found = testCase(t, here, io);
  if (!('loaded' in found)) return result(t, [], [found]);
  const { loaded, fallbackId } = found;
  if (!isParsed(loaded) || hasErrors(loaded.diagnostics)) return result(t, [], sortDiagnostics([...loaded.diagnostics]));
  // Within one assessment each rule-set id is one file: the version in force for the case.
  const applicable = new Set(selectRuleSets(rules.rulesets, loaded.caseFile.jurisdiction, relevantDate(loaded.caseFile, t.asOf, jurisdictionOf(rules.jurisdictions, loaded.caseFile.jurisdiction))).rulesets);
  const byId = new Map<string, RuleSetCoverage>();
  for (const l of rules.located) if (applicable.has(l.ruleset)) byId.set(l.ruleset.id, coverageFor(l));
  const recorder = coverageRecorder((id) => byId.get(id));
  // A test always names its as-of date and language, so the clock is never read.
  const report = assessParsed(rules.rulesets, loaded, { asOf: t.asOf, lang: t.lang, coverage: recorder }, noClock, fallbackId);
  if (report.status === 'invalid') return result(t, [], report.diagnostics);
  const explained = explainCase(report, rules.rulesets, t.lang);
  observe?.(t, explained);
  const { mismatches, diagnostics } = checkExpectations(t, explained, rules.located);
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
