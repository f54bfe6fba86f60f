import { Chalk } from 'chalk';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { coverageBreakdown, coverageTotals, type RuleSetCoverage, type TestResult } from '../rules/tests.js';
import { show, uncoveredLines } from './findings.js';

export interface TestTextOptions {
  color: boolean;
  /** print coverage per rule set */
  coverage?: RuleSetCoverage[];
  threshold?: number;
}

/** The `rulecase test` report for people: each failure with expected, actual, the facts and the rerun command. */
export function formatTestText(results: readonly TestResult[], fileDiagnostics: readonly Diagnostic[], options: TestTextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const d of fileDiagnostics) out.push(`${c.red('ERROR')} ${formatDiagnostic(d)}`);
  for (const t of results) {
    const where = `${t.file}:${t.line}:${t.column}`;
    if (t.status === 'passed') {
      out.push(`${c.green('PASS')}  ${t.name}  ${c.dim(where)}`);
      continue;
    }
    if (t.status === 'todo') {
      out.push(`${c.yellow('TODO')}  ${t.name}  ${c.dim(where)}${t.todo ? `  (${t.todo})` : ''}${t.todoPasses ? c.yellow('  passes now: remove todo') : ''}`);
      continue;
    }
    out.push(`${c.red(t.status === 'failed' ? 'FAIL' : 'ERROR')}  ${c.bold(t.name)}  ${where}`);
    for (const d of t.diagnostics) out.push(`  ${formatDiagnostic(d)}`);
    for (const m of t.mismatches) {
      out.push(`  ${m.file}:${m.line}:${m.column}: ${m.what}`);
      out.push(`    expected: ${c.green(show(m.expected))}`);
      out.push(`    actual:   ${c.red(show(m.actual))}`);
      if (m.rule) out.push(`    rule:     ${m.rule.file}:${m.rule.line}:${m.rule.column} ${m.rule.ruleset} ${m.rule.kind}.${m.rule.id}${m.rule.citation ? ` — ${m.rule.citation}` : ''}`);
      if (m.facts.length > 0) out.push('    facts:');
      for (const f of m.facts) out.push(`      · ${f}`);
    }
    if (t.mismatches.length > 0) out.push('    Fix the rule if the expectation states the law correctly; otherwise fix the expectation.');
    out.push(`  rerun: ${t.rerun}`);
  }
  const failed = results.filter((t) => t.status === 'failed').length;
  const errors = results.filter((t) => t.status === 'error').length;
  const todo = results.filter((t) => t.status === 'todo').length;
  const passed = results.filter((t) => t.status === 'passed').length;
  out.push('');
  const parts = [`${passed} passed`, `${failed} failed`, ...(errors + fileDiagnostics.length > 0 ? [`${errors + new Set(fileDiagnostics.map((d) => d.file)).size} could not run`] : []), ...(todo > 0 ? [`${todo} todo`] : [])];
  out.push(`Rule tests: ${parts.join(', ')} (${results.length} test(s)).`);
  if (options.coverage) out.push('', ...coverageText(options.coverage, options.threshold));
  return out.join('\n') + '\n';
}

export function coverageText(sets: readonly RuleSetCoverage[], threshold?: number): string[] {
  const frac = ([c, t]: [number, number]): string => (t === 0 ? '–' : `${c}/${t}`);
  const out = ['Coverage by rule set (conditions: outcomes true/false/unknown reached; deadlines: due date computed; table rows: matched):'];
  for (const s of sets) {
    const b = coverageBreakdown(s);
    const pct = coverageTotals([s]);
    out.push(`  ${`${pct.percent}%`.padStart(6)}  ${s.ruleset} ${s.version}  ${s.file}  conditions ${frac(b.conditions)}, deadlines ${frac(b.deadlines)}, table rows ${frac(b.rows)}`);
  }
  const totals = coverageTotals(sets);
  out.push(`  total ${totals.percent}% (${totals.covered} of ${totals.total} outcomes)${threshold !== undefined ? `; threshold ${threshold}%: ${totals.percent >= threshold ? 'met' : 'NOT MET'}` : ''}`);
  const missing = uncoveredLines(sets, 10);
  if (missing.length > 0) out.push('Not yet reached by any test (first 10 per rule set; --format json lists all):', ...missing.map((m) => `  ${m}`));
  return out;
}
