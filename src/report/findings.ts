import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CaseReport, DeadlineReport as DeadlineResult, SourceRef } from '../explain/types.js';
import { flagsOf, failsAt, type FailLevel, type TriageOptions } from '../engine/triage.js';
import { coverageTotals, missingOutcomes, type Mismatch, type RuleLocation, type RuleSetCoverage, type TestResult } from '../rules/tests.js';

/**
 * The common model behind the CI formats (JUnit, SARIF, GitHub annotations, Markdown): findings at
 * file:line:column, each under a stable rule id, and checks (JUnit test cases). Each command turns its
 * own results into this model; each formatter is a pure function of it.
 */

export type Level = 'error' | 'warning' | 'note';

export interface Place {
  file: string;
  line: number;
  column: number;
  pointer?: string;
}

/** A rule in the SARIF sense: a diagnostic code, or a legal rule (`nl-belaging/deadlines/complaint_term`). */
export interface RuleDescriptor {
  id: string;
  name: string;
  description: string;
  /** what to do about it; for a legal rule, its citation */
  help: string;
  helpUri?: string;
  level: Level;
}

export interface Finding {
  ruleId: string;
  level: Level;
  message: string;
  place: Place;
  related?: (Place & { message: string })[];
  /** identity beyond position (a pointer, a test name), for fingerprints that survive edits elsewhere */
  key: string;
}

/** A JUnit test case. */
export interface Check {
  suite: string;
  name: string;
  classname: string;
  outcome: 'passed' | 'failed' | 'error' | 'skipped';
  message?: string;
  details?: string;
}

export interface Findings {
  command: 'validate' | 'test' | 'assess';
  tool: { name: string; version: string };
  summary: string;
  ok: boolean;
  rules: RuleDescriptor[];
  findings: Finding[];
  checks: Check[];
  /** test only */
  tests?: TestResult[];
  coverage?: { sets: RuleSetCoverage[]; threshold?: number };
}

/** What each diagnostic code means and what to do about it: SARIF rule help and Markdown hints. */
export const DIAGNOSTIC_HELP: Record<string, { name: string; description: string; help: string }> = {
  'yaml-syntax': { name: 'YamlSyntax', description: 'The file cannot be read as YAML.', help: 'Fix the YAML at the position shown: indentation, a missing colon or quote, or a key given twice.' },
  'json-syntax': { name: 'JsonSyntax', description: 'The file is not valid JSON.', help: 'Fix the JSON at the position shown (a .json file must be strict JSON: no comments or trailing commas).' },
  'file-unreadable': { name: 'FileUnreadable', description: 'A file could not be read.', help: 'Check that the path exists and can be read.' },
  'schema-type': { name: 'SchemaType', description: 'A value has the wrong type.', help: 'Give the value the type the schema asks for (the message names it).' },
  'schema-required': { name: 'SchemaRequired', description: 'A required field is missing.', help: 'Add the field named in the message.' },
  'schema-unknown-key': { name: 'SchemaUnknownKey', description: 'A field the schema does not know.', help: 'Remove the field or correct its spelling (the message suggests the closest known field).' },
  'schema-enum': { name: 'SchemaEnum', description: 'A value is not one of the allowed values.', help: 'Use one of the values listed in the message.' },
  'schema-pattern': { name: 'SchemaPattern', description: 'A value does not have the expected form.', help: 'Write the value in the form the message describes (dates as "YYYY-MM-DD", durations as P3M).' },
  'schema-value': { name: 'SchemaValue', description: 'A value is not valid here.', help: 'Correct the value as the message says.' },
  'invalid-date': { name: 'InvalidDate', description: 'A date that is not in the calendar.', help: 'Write a real date, YYYY-MM-DD.' },
  'date-range-reversed': { name: 'DateRangeReversed', description: 'A period ends before it starts.', help: 'Swap or correct the dates.' },
  'undefined-reference': { name: 'UndefinedReference', description: 'A reference to something that is not defined.', help: 'Correct the name (the message suggests the closest one) or define what it refers to.' },
  'reference-cycle': { name: 'ReferenceCycle', description: 'Rules that depend on each other in a circle.', help: 'Break the circle: one of the rules named must not depend on the others.' },
  'duplicate-id': { name: 'DuplicateId', description: 'The same id is used twice.', help: 'Give each its own id (or, for rule sets, periods that do not overlap).' },
  'missing-citation': { name: 'MissingCitation', description: 'A rule cites no source.', help: 'Add cite: [<source id>] naming an entry under sources.' },
  'missing-translation': { name: 'MissingTranslation', description: 'A text lacks its English or Dutch version.', help: 'Every text needs both en and nl.' },
  'deadline-counting': { name: 'DeadlineCounting', description: 'A deadline does not say how it is counted.', help: 'Declare counting (day-after or event-day) and monthEnd (last-day-of-month or first-day-of-next-month).' },
  'calendar-not-applicable': { name: 'CalendarNotApplicable', description: 'A calendar that does not extend terms of this length.', help: 'Use calendar: none for this deadline.' },
  'invalid-duration': { name: 'InvalidDuration', description: 'Not an ISO 8601 duration.', help: 'Write a duration such as P14D, P3M or P6Y.' },
  'unknown-fact': { name: 'UnknownFact', description: 'A fact the rules do not ask about.', help: 'Correct the fact name (the message suggests the closest one).' },
  'fact-type-mismatch': { name: 'FactTypeMismatch', description: 'A fact answer of the wrong type.', help: 'Answer with the type the message names, or unknown.' },
  'unknown-judgment': { name: 'UnknownJudgment', description: 'A judgment the rules do not have.', help: 'Correct the judgment name.' },
  'judgment-value': { name: 'JudgmentValue', description: 'A judgment value that is not allowed.', help: 'Use one of the values the message lists.' },
  'no-ruleset': { name: 'NoRuleset', description: 'No loaded rule set covers the case.', help: 'Load rules for the jurisdiction and date of the case.' },
  'unknown-jurisdiction': { name: 'UnknownJurisdiction', description: 'A jurisdiction no loaded manifest declares.', help: 'Use the id of a jurisdiction the rules declare (the message lists them), or add a jurisdiction.yaml beside its rules.' },
  'unknown-order-type': { name: 'UnknownOrderType', description: 'An order type the jurisdiction does not declare.', help: "Use one of the order types of the case's jurisdiction (the message suggests the closest one)." },
  'time-zone-mismatch': { name: 'TimeZoneMismatch', description: "A rule set's time zone differs from its jurisdiction's.", help: "Give the rule set the time zone its jurisdiction.yaml declares." },
  'invalid-time-zone': { name: 'InvalidTimeZone', description: 'Not an IANA time zone.', help: 'Write an IANA zone name, Area/City, as the tz database spells it.' },
  'closed-world-reading': { name: 'ClosedWorldReading', description: 'An element decided by whether a field was filled in.', help: 'Compare the field\'s value instead: a case file writes false for what did not happen, and an absent field is unknown.' },
  'unknown-route': { name: 'UnknownRoute', description: 'A route the rules do not declare.', help: 'Correct the route name (the message suggests the closest one), or declare the route under routes.' },
  'limit-as-last-day': { name: 'LimitAsLastDay', description: "An action's last day is the authorities' own limit.", help: 'A limit that binds the authorities is no one\'s last day: give the action urgency now (or another act-by deadline) and keep the limit among the deadlines.' },
  'internal-error': { name: 'InternalError', description: 'A file broke something rulecase did not foresee.', help: 'The other files were assessed. Report the file\'s shape (not its contents) so it can be fixed.' },
  'review-overdue': { name: 'ReviewOverdue', description: 'A rule is past its review date.', help: 'Check the rule against its sources; then update checked and reviewBy.' },
};

export function diagnosticRule(code: string, level: Level = 'error'): RuleDescriptor {
  const h = DIAGNOSTIC_HELP[code] ?? { name: code, description: code, help: 'See the message.' };
  return { id: code, name: h.name, description: h.description, help: h.help, level };
}

const diagnosticFinding = (d: Diagnostic): Finding => ({
  ruleId: d.code,
  level: d.severity === 'error' ? 'error' : 'warning',
  message: d.message,
  place: { file: d.file, line: d.line, column: d.column, pointer: d.pointer },
  key: d.pointer,
});

function collectRules(findings: readonly Finding[], legal: Map<string, RuleDescriptor>): RuleDescriptor[] {
  const out = new Map<string, RuleDescriptor>();
  for (const f of findings) if (!out.has(f.ruleId)) out.set(f.ruleId, legal.get(f.ruleId) ?? diagnosticRule(f.ruleId, f.level));
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** `rulecase validate`: one check per rule file, one finding per diagnostic. */
export function validateFindings(files: readonly string[], diagnostics: readonly Diagnostic[], version: string): Findings {
  const findings = diagnostics.map(diagnosticFinding);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const checks: Check[] = [...new Set([...files, ...diagnostics.map((d) => d.file)])].map((file) => {
    const own = diagnostics.filter((d) => d.file === file);
    const bad = own.filter((d) => d.severity === 'error');
    const details = own.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`).join('\n');
    return {
      suite: 'rulecase validate',
      name: file,
      classname: 'validate',
      outcome: bad.length > 0 ? 'failed' : 'passed',
      ...(bad.length > 0 ? { message: `${bad.length} error(s); first: ${bad[0]?.file}:${bad[0]?.line}:${bad[0]?.column} ${bad[0]?.message}` } : {}),
      ...(details ? { details } : {}),
    };
  });
  const fileCount = new Set(errors.map((d) => d.file)).size;
  return {
    command: 'validate',
    tool: { name: 'rulecase', version },
    summary: errors.length === 0 ? `${files.length} rule file(s) valid${diagnostics.length > 0 ? `, ${diagnostics.length} warning(s)` : ''}.` : `${errors.length} error(s) in ${fileCount} of ${files.length} rule file(s).`,
    ok: errors.length === 0,
    rules: collectRules(findings, new Map()),
    findings,
    checks,
  };
}

/** The SARIF id of a legal rule: stable across runs and positions. */
export const legalRuleId = (r: Pick<RuleLocation, 'ruleset' | 'kind' | 'id'>): string => `${r.ruleset}/${r.kind}/${r.id}`;

function legalRule(r: RuleLocation): RuleDescriptor {
  return { id: legalRuleId(r), name: r.title, description: `${r.title} (${r.ruleset}, ${r.file})`, help: r.citation ? `Source: ${r.citation}${r.url ? ` — ${r.url}` : ''}` : 'See the rule file.', ...(r.url ? { helpUri: r.url } : {}), level: 'error' };
}

export const show = (v: unknown): string => (v === undefined ? 'nothing' : typeof v === 'string' ? v : JSON.stringify(v));

export function mismatchMessage(t: TestResult, m: Mismatch): string {
  return `rule test "${t.name}": ${m.what}: expected ${show(m.expected)}, got ${show(m.actual)}. Fix the rule${m.rule ? ` at ${m.rule.file}:${m.rule.line}:${m.rule.column}` : ''} or, if the rule is right, the expectation here. Rerun: ${t.rerun}`;
}

/** `rulecase test`: one check per test; a finding per mismatch (under the legal rule) and per problem. */
export function testFindings(results: readonly TestResult[], fileDiagnostics: readonly Diagnostic[], version: string, coverage?: { sets: RuleSetCoverage[]; threshold?: number }): Findings {
  const legal = new Map<string, RuleDescriptor>();
  const findings: Finding[] = fileDiagnostics.map(diagnosticFinding);
  const checks: Check[] = [];
  for (const t of results) {
    for (const d of t.diagnostics) findings.push({ ...diagnosticFinding(d), key: `${t.name}|${d.pointer}`, message: `rule test "${t.name}" could not run: ${d.message}` });
    if (t.status === 'failed') {
      for (const m of t.mismatches) {
        if (m.rule) legal.set(legalRuleId(m.rule), legalRule(m.rule));
        findings.push({
          ruleId: m.rule ? legalRuleId(m.rule) : 'rule-test',
          level: 'error',
          message: mismatchMessage(t, m),
          place: { file: m.file, line: m.line, column: m.column, pointer: m.pointer },
          ...(m.rule ? { related: [{ file: m.rule.file, line: m.rule.line, column: m.rule.column, pointer: m.rule.pointer, message: `the rule: ${m.rule.title}` }] } : {}),
          key: `${t.name}|${m.pointer}`,
        });
      }
    }
    const details = [
      ...t.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`),
      ...t.mismatches.flatMap((m) => [`${m.file}:${m.line}:${m.column}: ${m.what}`, `  expected: ${show(m.expected)}`, `  actual:   ${show(m.actual)}`, ...(m.rule ? [`  rule:     ${m.rule.file}:${m.rule.line}:${m.rule.column} (${m.rule.citation})`] : []), ...m.facts.map((f) => `  · ${f}`)]),
      `rerun: ${t.rerun}`,
    ].join('\n');
    const first = t.mismatches[0];
    const firstDiag = t.diagnostics[0];
    checks.push({
      suite: t.file,
      name: t.name,
      classname: t.file.replace(/\.test\.ya?ml$/i, '').replace(/[\\/]/g, '.'),
      outcome: t.status === 'passed' ? 'passed' : t.status === 'failed' ? 'failed' : t.status === 'error' ? 'error' : 'skipped',
      ...(t.status === 'failed' && first ? { message: `${first.file}:${first.line}:${first.column}: ${first.what}: expected ${show(first.expected)}, got ${show(first.actual)}`, details } : {}),
      ...(t.status === 'error' && firstDiag ? { message: `${firstDiag.file}:${firstDiag.line}:${firstDiag.column}: ${firstDiag.message}`, details } : {}),
      ...(t.status === 'todo' ? { message: `todo${t.todo ? `: ${t.todo}` : ''}${t.todoPasses ? ' (passes now: remove todo)' : ''}` } : {}),
    });
  }
  for (const d of fileDiagnostics) {
    checks.push({ suite: d.file, name: `${d.file} (the file)`, classname: d.file.replace(/\.test\.ya?ml$/i, '').replace(/[\\/]/g, '.'), outcome: 'error', message: `${d.file}:${d.line}:${d.column}: ${d.message}` });
  }
  const failed = results.filter((t) => t.status === 'failed').length;
  const errors = results.filter((t) => t.status === 'error').length + new Set(fileDiagnostics.map((d) => d.file)).size;
  const todo = results.filter((t) => t.status === 'todo').length;
  const passed = results.filter((t) => t.status === 'passed').length;
  let ok = failed === 0 && errors === 0;
  let summary = `${passed} passed, ${failed} failed${errors > 0 ? `, ${errors} could not run` : ''}${todo > 0 ? `, ${todo} todo` : ''} (${results.length} rule test(s)).`;
  if (coverage) {
    const totals = coverageTotals(coverage.sets);
    summary += ` Coverage ${totals.percent}%${coverage.threshold !== undefined ? ` (threshold ${coverage.threshold}%)` : ''}.`;
    if (coverage.threshold !== undefined && totals.percent < coverage.threshold) {
      ok = false;
      const msg = `coverage ${totals.percent}% is below the threshold ${coverage.threshold}%: add tests that reach the conditions, deadlines and rows listed by --coverage.`;
      checks.push({ suite: 'coverage', name: 'coverage threshold', classname: 'coverage', outcome: 'failed', message: msg, details: uncoveredLines(coverage.sets).join('\n') });
      findings.push({ ruleId: 'coverage-threshold', level: 'error', message: msg, place: { file: coverage.sets[0]?.file ?? '.', line: 1, column: 1 }, key: 'coverage' });
      legal.set('coverage-threshold', { id: 'coverage-threshold', name: 'CoverageThreshold', description: 'Rule-test coverage is below the threshold.', help: 'Add rule tests that make the listed conditions true, false and unknown, reach each deadline and match each table row.', level: 'error' });
    }
  }
  if (findings.some((f) => f.ruleId === 'rule-test')) legal.set('rule-test', { id: 'rule-test', name: 'RuleTest', description: 'A rule test failed.', help: 'Fix the rule or the expectation.', level: 'error' });
  return { command: 'test', tool: { name: 'rulecase', version }, summary, ok, rules: collectRules(findings, legal), findings, checks, tests: [...results], ...(coverage ? { coverage } : {}) };
}

export function uncoveredLines(sets: readonly RuleSetCoverage[], limit = Infinity): string[] {
  const out: string[] = [];
  for (const s of sets) {
    const missing = s.items.flatMap((i) => {
      const what = missingOutcomes(i);
      return what ? [`${s.file}:${i.line}:${i.column}: ${i.label}: ${what}`] : [];
    });
    out.push(...missing.slice(0, limit));
    if (missing.length > limit) out.push(`… and ${missing.length - limit} more in ${s.file}`);
  }
  return out;
}

function deadlineRule(d: DeadlineResult): RuleDescriptor {
  const cite = (s: SourceRef): string => [s.instrument, s.article ?? s.ecli].filter(Boolean).join(' ');
  const url = d.sources.find((s) => s.url)?.url;
  return { id: legalRuleId({ ruleset: d.ruleset, kind: 'deadlines', id: d.id }), name: d.title, description: d.title, help: `Source: ${d.sources.map(cite).join('; ')}`, ...(url ? { helpUri: url } : {}), level: 'warning' };
}

/** The case-file field a deadline's start refers to, for locating it. */
function startPointer(d: DeadlineResult): string {
  const ref = d.basis.startRef ?? '';
  if (ref.startsWith('case.')) return '/' + ref.slice(5).split('.').join('/');
  if (ref.startsWith('facts.')) return `/facts/${ref.slice(6)}`;
  if (ref.startsWith('derived.')) return '/incidents';
  return '';
}

/**
 * `rulecase assess`: a check per case; findings for cases that could not be assessed (at the
 * problem) and for deadlines that expired or fall due (at the case field they run from).
 */
export function assessFindings(reports: readonly CaseReport[], options: { failOn: FailLevel; triage: TriageOptions; locate?: (file: string, pointer: string) => { line: number; column: number } }, version: string): Findings {
  const findings: Finding[] = [];
  const legal = new Map<string, RuleDescriptor>();
  const checks: Check[] = [];
  let failing = 0;
  let invalid = 0;
  for (const r of reports) {
    const actions = flagsOf(r, options.triage);
    const fails = failsAt(actions, options.failOn);
    if (fails) failing++;
    const classname = r.file.replace(/\.(ya?ml|json)$/i, '').replace(/[\\/]/g, '.');
    if (r.status === 'invalid') {
      invalid++;
      findings.push(...r.diagnostics.map((d) => ({ ...diagnosticFinding(d), key: `${r.id}|${d.pointer}` })));
      const d = r.diagnostics[0];
      checks.push({ suite: 'rulecase assess', name: r.id, classname, outcome: 'error', message: d ? `${d.file}:${d.line}:${d.column}: ${d.message}` : 'could not be assessed', details: r.diagnostics.map((x) => `${x.file}:${x.line}:${x.column}: ${x.code}: ${x.message}`).join('\n') });
      continue;
    }
    const lines: string[] = [];
    for (const d of r.deadlines) {
      if (d.status !== 'expired' && d.status !== 'due_soon') continue;
      const rule = deadlineRule(d);
      legal.set(rule.id, rule);
      const pointer = startPointer(d);
      const pos = options.locate ? options.locate(r.file, pointer) : { line: 1, column: 1 };
      const message = `case ${r.id}: ${d.title}: ${d.status === 'expired' ? 'EXPIRED' : 'due soon'}${d.due ? ` (due ${d.due}${d.daysLeft !== null ? `, ${d.daysLeft} day(s) left` : ''})` : ''}. ${d.explanation}`;
      lines.push(`${r.file}:${pos.line}:${pos.column}: ${message}`);
      findings.push({ ruleId: rule.id, level: d.status === 'expired' ? 'warning' : 'note', message, place: { file: r.file, ...pos, pointer }, key: `${r.id}|${d.ruleset}|${d.id}` });
    }
    checks.push({ suite: 'rulecase assess', name: r.id, classname, outcome: fails ? 'failed' : 'passed', ...(fails ? { message: `case ${r.id} needs: ${actions.join(', ')} (--fail-on ${options.failOn})`, details: lines.join('\n') } : lines.length > 0 ? { details: lines.join('\n') } : {}) });
  }
  return {
    command: 'assess',
    tool: { name: 'rulecase', version },
    summary: `${reports.length} case(s): ${reports.length - invalid} assessed, ${invalid} could not be assessed${options.failOn !== 'none' ? `, ${failing} at or above --fail-on ${options.failOn}` : ''}.`,
    ok: invalid === 0 && failing === 0,
    rules: collectRules(findings, legal),
    findings,
    checks,
  };
}
