import type { ValidateFunction } from 'ajv';
import { newAjv } from '../source/schema-check.js';
import type { Diagnostic, DiagnosticCode } from '../diagnostics/diagnostic.js';
import { isValidIsoDate } from '../dates/legal-date.js';
import type { CaseReport, ConclusionReport as ConclusionResult, DeadlineReport as DeadlineResult } from '../explain/types.js';
import { escapePointer, parseSource, type SourceDocument } from '../source/document.js';
import { didYouMean, schemaDiagnostics } from '../source/schema-check.js';
import { ruletestSchema } from '../schemas.js';
import type { Lang, RuleSet } from './types.js';

/**
 * Rule tests: YAML files beside the rule sets (`<name>.test.yaml`, see schemas/ruletest.schema.json).
 * Each test runs one case on an as-of date and checks only the outcomes it lists.
 * This module parses the files and compares a report with the expectations; IO stays with the caller.
 */

/** A criterion, judgment or table: its status, or what the result must hold (only the keys given are checked). */
export interface ConclusionDetails {
  status?: ConclusionResult['status'];
  /** the recorded value of a judgment (true, false or a choice) */
  value?: string | number | boolean;
  /** exactly the refs still needed to decide it, in any order */
  needs?: string[];
  /** indicator values by ref (a count, a range {min, max}, a date, a list) */
  indicators?: Record<string, unknown>;
}
export type ConclusionExpectation = ConclusionResult['status'] | ConclusionDetails;
export interface DeadlineExpectation {
  status?: DeadlineResult['status'];
  due?: string | null;
  earliest?: string;
  latest?: string;
  daysLeft?: number;
  /** exactly the refs still needed to compute or settle it, in any order */
  needs?: string[];
  /** the date the term runs from: a date, {earliest, latest} when known only roughly, null when unknown */
  start?: string | { earliest: string; latest: string } | null;
  /** the reference the start date came from, e.g. derived.last_act */
  startRef?: string;
  /** the due date before a calendar extended it */
  unextendedDue?: string;
  /** whether a calendar (non-working days) moved the due date */
  extended?: boolean;
}
export type OutputValue = string | number | boolean | (string | number | boolean)[];

/** An action the rules advise (or, with `advised: false`, must not advise). */
export interface ActionExpectation {
  advised?: boolean;
  status?: 'open' | 'due_soon' | 'expired' | 'done';
  who?: string;
  due?: string | null;
  daysLeft?: number | null;
  /** advised only "if it applies": its condition is still undetermined */
  conditional?: boolean;
  urgency?: 'now' | 'by-last-day' | 'when-convenient';
  /** the undetermined route it is marked with; null: none */
  route?: string | null;
}

export type RouteStatusExpectation = 'applies' | 'not_applying' | 'undetermined';
/** A route's status, and words its line must contain (why it does not apply, or its "if …"). */
export type RouteExpectation = RouteStatusExpectation | { status?: RouteStatusExpectation; reason?: string };

export interface Expectations {
  conclusions?: Record<string, ConclusionExpectation>;
  actions?: Record<string, ActionExpectation>;
  /** the actions "what to do now" opens with, in this order */
  actionOrder?: string[];
  routes?: Record<string, RouteExpectation>;
  deadlines?: Record<string, DeadlineExpectation | DeadlineResult['status']>;
  categories?: Record<string, Record<string, OutputValue>>;
  /** exactly the codes of the diagnostics the assessment reports (e.g. ruleset-period), in any order */
  warnings?: string[];
}

export interface RuleTest {
  /** the test file, as shown */
  file: string;
  index: number;
  name: string;
  asOf: string;
  lang: Lang;
  /** a path relative to the test file, or the case itself (with its positions in the test file) */
  case: { path: string; pointer: string } | { doc: SourceDocument };
  /** undefined: expected to pass; otherwise the reason (may be '') */
  todo?: string;
  expect: Expectations;
  /** where the test starts, and the document for locating its expectations */
  pointer: string;
  line: number;
  column: number;
  doc: SourceDocument;
}

export interface RuleTestFile {
  file: string;
  /** rule files or folders named by the file, relative to it; undefined: its own folder */
  rules?: string[];
  tests: RuleTest[];
  diagnostics: Diagnostic[];
}

let validator: ValidateFunction | undefined;

function compileValidator(): ValidateFunction {
  const ajv = newAjv();
  // An inline case is checked by the case loader afterwards, with messages that point into it;
  // here it only has to be an object.
  ajv.addSchema({ $id: 'https://rulecase.dev/schemas/case.schema.json', type: 'object' });
  return ajv.compile(ruletestSchema);
}

/** A view of part of a document as a document of its own, keeping positions in the whole file. */
export function subDocument(doc: SourceDocument, pointer: string): SourceDocument {
  let value: unknown = doc.value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    value = (value as Record<string, unknown>)[key];
  }
  return { file: doc.file, value, locate: (p) => doc.locate(pointer + p), locateKey: (p) => doc.locateKey(pointer + p) };
}

/** Parses and checks one test file. */
export function loadRuleTestText(file: string, text: string): RuleTestFile {
  const { doc, diagnostics } = parseSource(file, text);
  if (!doc) return { file, tests: [], diagnostics };
  validator ??= compileValidator();
  if (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    return { file, tests: [], diagnostics: [{ code: 'schema-type', severity: 'error', message: 'a rule-test file must be an object with a list of tests: tests: [{name, asOf, case, expect}].', file, line: 1, column: 1, pointer: '' }] };
  }
  if (!validator(doc.value)) return { file, tests: [], diagnostics: schemaDiagnostics(doc, validator.errors ?? []) };
  const value = doc.value as { rules?: string[]; tests: Record<string, unknown>[] };
  const out: Diagnostic[] = [];
  const report = (code: DiagnosticCode, pointer: string, message: string): void => {
    const pos = doc.locate(pointer);
    out.push({ code, severity: 'error', message, file, line: pos.line, column: pos.column, pointer });
  };
  const names = new Map<string, number>();
  const tests: RuleTest[] = value.tests.map((t, index) => {
    const pointer = `/tests/${index}`;
    const name = t['name'] as string;
    const earlier = names.get(name);
    if (earlier !== undefined) report('duplicate-id', `${pointer}/name`, `the test name "${name}" is also used by test ${earlier + 1}; give each test in a file its own name.`);
    else names.set(name, index);
    const asOf = t['asOf'] as string;
    if (!isValidIsoDate(asOf)) report('invalid-date', `${pointer}/asOf`, `${asOf} is not a date in the calendar.`);
    const todo = t['todo'];
    const pos = doc.locate(pointer);
    const c = t['case'];
    return {
      file,
      index,
      name,
      asOf,
      lang: (t['lang'] as Lang | undefined) ?? 'en',
      case: typeof c === 'string' ? { path: c, pointer: `${pointer}/case` } : { doc: subDocument(doc, `${pointer}/case`) },
      ...(todo === true ? { todo: '' } : typeof todo === 'string' ? { todo } : {}),
      expect: t['expect'] as Expectations,
      pointer,
      line: pos.line,
      column: pos.column,
      doc,
    };
  });
  return { file, ...(value.rules ? { rules: value.rules } : {}), tests, diagnostics: out };
}

// ---- results --------------------------------------------------------------------------------

/** Where a rule is defined, and what it cites: shown beside a failure and used as SARIF help. */
export interface RuleLocation {
  ruleset: string;
  kind: 'criteria' | 'judgments' | 'tables' | 'deadlines';
  id: string;
  title: string;
  file: string;
  line: number;
  column: number;
  pointer: string;
  /** the rule's sources in words, e.g. "Wetboek van Strafrecht Art. 66 lid 1" */
  citation: string;
  url?: string;
}

export interface Mismatch {
  /** what was checked, e.g. "deadline complaint_term: due" */
  what: string;
  expected: unknown;
  actual: unknown;
  /** the expectation in the test file */
  file: string;
  line: number;
  column: number;
  pointer: string;
  /** the values the rule used and what it still needs */
  facts: string[];
  rule?: RuleLocation;
}

export type TestStatus = 'passed' | 'failed' | 'error' | 'todo';

export interface TestResult {
  file: string;
  name: string;
  line: number;
  column: number;
  pointer: string;
  status: TestStatus;
  /** for a todo test: its reason, and whether it passes already */
  todo?: string;
  todoPasses?: boolean;
  mismatches: Mismatch[];
  /** why the test could not run: a bad case, rules with errors, an expectation naming no rule */
  diagnostics: Diagnostic[];
  /** the command that runs just this test again */
  rerun: string;
}

/** A rule set with the document it was read from, to locate rules. */
export interface LocatedRuleSet {
  ruleset: RuleSet;
  doc?: SourceDocument;
}

function ruleLocation(rulesets: readonly LocatedRuleSet[], rulesetId: string, kind: RuleLocation['kind'], id: string, report: CaseReport): RuleLocation | undefined {
  const version = report.rulesets.find((r) => r.id === rulesetId)?.version;
  const found = rulesets.find((r) => r.ruleset.id === rulesetId && (version === undefined || r.ruleset.version === version));
  if (!found) return undefined;
  const rs = found.ruleset;
  const rule = (rs[kind] as Record<string, { title: { en: string }; cite: string[] }> | undefined)?.[id];
  if (!rule) return undefined;
  const pointer = `/${kind}/${escapePointer(id)}`;
  const pos = found.doc ? found.doc.locateKey(pointer) : { line: 1, column: 1 };
  const sources = rule.cite.map((c) => rs.sources[c]).filter((s) => s !== undefined);
  const citation = sources.map((s) => [s.instrument, s.article, s.ecli].filter(Boolean).join(' ')).join('; ');
  const url = sources.find((s) => s.url)?.url;
  return { ruleset: rs.id, kind, id, title: rule.title.en, file: rs.file, line: pos.line, column: pos.column, pointer, citation, ...(url ? { url } : {}) };
}

const conclusionKind = (c: ConclusionResult): RuleLocation['kind'] => (c.kind === 'criterion' ? 'criteria' : c.kind === 'judgment' ? 'judgments' : 'tables');

function conclusionFacts(c: ConclusionResult): string[] {
  const out: string[] = [];
  if (c.explanation) out.push(c.explanation);
  for (const r of c.reasons) out.push(`${r.text} → ${r.result}`);
  for (const i of c.indicators ?? []) out.push(`indicator ${i.label}: ${i.display}`);
  if (c.judgment) out.push(`judgment recorded: ${String(c.judgment.value)} (${c.judgment.by}: ${c.judgment.reason})`);
  if (c.needs.length > 0) out.push(`still needed: ${c.needs.map((n) => n.ref).join(', ')}`);
  return out;
}

function deadlineFacts(d: DeadlineResult): string[] {
  const b = d.basis;
  const start = b.startDate === null ? 'unknown' : typeof b.startDate === 'string' ? b.startDate : JSON.stringify(b.startDate);
  const out = [`start: ${b.startEvent}${b.startRef ? ` (${b.startRef})` : ''} = ${start}`, `term: ${b.length}, ${b.counting}, ${b.monthEnd}, calendar ${b.calendar}${b.unextendedDue ? `, before extension ${b.unextendedDue}` : ''}`];
  if (b.extension) out.push(`extended ${b.extension.from} → ${b.extension.to}: ${b.extension.why}`);
  out.push(d.explanation);
  if (d.needs.length > 0) out.push(`still needed: ${d.needs.map((n) => n.ref).join(', ')}`);
  return out;
}

/** Finds a conclusion or deadline by `id` or `ruleset.id`; a problem message when none or several match. */
function pick<T extends { id: string; ruleset: string }>(items: readonly T[], key: string, what: string): T | string {
  const dot = key.indexOf('.');
  const qualified = dot > 0 ? items.filter((x) => x.ruleset === key.slice(0, dot) && x.id === key.slice(dot + 1)) : [];
  if (qualified.length === 1) return qualified[0] as T;
  const plain = items.filter((x) => x.id === key);
  if (plain.length === 1) return plain[0] as T;
  if (plain.length > 1) return `${plain.length} rule sets have a ${what} "${key}" (${plain.map((x) => x.ruleset).join(', ')}): write ${plain[0]?.ruleset}.${key}.`;
  return `no rule set that applies to this case has a ${what} "${key}".${didYouMean(key, items.map((x) => x.id))}`;
}

/** Equal as JSON values, whatever the order of keys in an object. */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}
/** A list of refs or codes as a set: sorted, without repeats. */
const asSet = (xs: readonly string[]): string[] => [...new Set(xs)].sort();

/** What one test's comparison collects, and where its expectations are. */
interface Check {
  test: RuleTest;
  report: CaseReport;
  rulesets: readonly LocatedRuleSet[];
  mismatches: Mismatch[];
  diagnostics: Diagnostic[];
  base: string;
}

const at = (k: Check, pointer: string): { file: string; line: number; column: number; pointer: string } => ({ file: k.test.file, ...k.test.doc.locate(pointer), pointer });

function unknownRef(k: Check, pointer: string, message: string): void {
  const pos = k.test.doc.locateKey(pointer);
  k.diagnostics.push({ code: 'undefined-reference', severity: 'error', message, file: k.test.file, line: pos.line, column: pos.column, pointer });
}

/** "criterion belaging (Belaging (Art. 285b(1) Sr))": the rule's title as its file gives it. */
const describeRule = (kind: string, id: string, rule: RuleLocation | undefined): string => `${kind} ${id}${rule ? ` (${rule.title})` : ''}`;

/** Compares a report with a test's expectations: only what the test lists is checked. */
export function checkExpectations(test: RuleTest, report: CaseReport, rulesets: readonly LocatedRuleSet[]): { mismatches: Mismatch[]; diagnostics: Diagnostic[] } {
  const k: Check = { test, report, rulesets, mismatches: [], diagnostics: [], base: `${test.pointer}/expect` };
  checkConclusions(k);
  checkDeadlines(k);
  checkActions(k);
  checkActionOrder(k);
  checkRoutes(k);
  checkCategories(k);
  checkWarnings(k);
  return { mismatches: k.mismatches, diagnostics: k.diagnostics };
}

function checkConclusions(k: Check): void {
  for (const [key, raw] of Object.entries(k.test.expect.conclusions ?? {})) {
    const pointer = `${k.base}/conclusions/${escapePointer(key)}`;
    const c = pick(k.report.conclusions, key, 'conclusion');
    if (typeof c === 'string') {
      unknownRef(k, pointer, c);
      continue;
    }
    const want: ConclusionDetails = typeof raw === 'string' ? { status: raw } : raw;
    const rule = ruleLocation(k.rulesets, c.ruleset, conclusionKind(c), c.id, k.report);
    const mismatch = (what: string, expected: unknown, actual: unknown, fieldPointer: string): void => {
      k.mismatches.push({ what: `${describeRule(c.kind, c.id, rule)}: ${what}`, expected, actual, ...at(k, fieldPointer), facts: conclusionFacts(c), ...(rule ? { rule } : {}) });
    };
    const actual: Record<'status' | 'value' | 'needs', unknown> = { status: c.status, value: c.value ?? null, needs: asSet(c.needs.map((n) => n.ref)) };
    for (const field of ['status', 'value', 'needs'] as const) {
      if (!(field in want)) continue;
      const expected = field === 'needs' ? asSet(want.needs ?? []) : want[field];
      if (same(expected, actual[field])) continue;
      mismatch(field, expected, actual[field], typeof raw === 'string' ? pointer : `${pointer}/${field}`);
    }
    for (const [ref, expected] of Object.entries(want.indicators ?? {})) {
      const indicatorPointer = `${pointer}/indicators/${escapePointer(ref)}`;
      const found = (c.indicators ?? []).find((i) => i.ref === ref);
      if (!found) {
        unknownRef(k, indicatorPointer, `${c.kind} ${c.id} shows no indicator "${ref}".${didYouMean(ref, (c.indicators ?? []).map((i) => i.ref))}`);
        continue;
      }
      if (!same(expected, found.value)) mismatch(`indicator ${ref}`, expected, found.value ?? null, indicatorPointer);
    }
  }
}

const DEADLINE_FIELDS = ['status', 'due', 'earliest', 'latest', 'daysLeft', 'needs', 'start', 'startRef', 'unextendedDue', 'extended'] as const;

function checkDeadlines(k: Check): void {
  for (const [key, raw] of Object.entries(k.test.expect.deadlines ?? {})) {
    const pointer = `${k.base}/deadlines/${escapePointer(key)}`;
    const d = pick(k.report.deadlines, key, 'deadline');
    if (typeof d === 'string') {
      unknownRef(k, pointer, d);
      continue;
    }
    const want: DeadlineExpectation = typeof raw === 'string' ? { status: raw } : raw;
    const rule = ruleLocation(k.rulesets, d.ruleset, 'deadlines', d.id, k.report);
    const b = d.basis;
    const actual: Record<(typeof DEADLINE_FIELDS)[number], unknown> = {
      status: d.status,
      due: d.due,
      earliest: d.earliest ?? d.due,
      latest: d.latest ?? d.due,
      daysLeft: d.daysLeft,
      needs: asSet(d.needs.map((n) => n.ref)),
      start: b.startDate ?? null,
      startRef: b.startRef ?? null,
      unextendedDue: b.unextendedDue ?? null,
      extended: b.extension !== undefined,
    };
    for (const field of DEADLINE_FIELDS) {
      if (!(field in want)) continue;
      const expected = field === 'needs' ? asSet(want.needs ?? []) : want[field];
      if (same(expected, actual[field])) continue;
      const fieldPointer = typeof raw === 'string' ? pointer : `${pointer}/${field}`;
      k.mismatches.push({ what: `${describeRule('deadline', d.id, rule)}: ${field}`, expected, actual: actual[field] ?? null, ...at(k, fieldPointer), facts: deadlineFacts(d), ...(rule ? { rule } : {}) });
    }
  }
}

const ACTION_FIELDS = ['status', 'who', 'due', 'daysLeft', 'conditional', 'urgency', 'route'] as const;

/** What to do: whether an action is advised, and its status, who, last day and condition. */
function checkActions(k: Check): void {
  for (const [key, want] of Object.entries(k.test.expect.actions ?? {})) {
    const pointer = `${k.base}/actions/${escapePointer(key)}`;
    // An action no loaded rule set declares is a typo, not "not advised".
    const id = key.includes('.') ? key.slice(key.indexOf('.') + 1) : key;
    const declared = k.rulesets.flatMap((l) => Object.keys(l.ruleset.actions ?? {}));
    if (!declared.includes(id)) {
      unknownRef(k, pointer, `no loaded rule set declares an action "${key}".${didYouMean(id, declared)}`);
      continue;
    }
    const found = pick(k.report.actions, key, 'action');
    const advised = typeof found !== 'string';
    const expectAdvised = want.advised ?? true;
    const facts = advised ? [`${found.title}: ${found.status}${found.due ? `, by ${found.due}` : ''}`] : ['not advised in this case'];
    if (advised !== expectAdvised) {
      k.mismatches.push({ what: `action ${key}: advised`, expected: expectAdvised, actual: advised, ...at(k, pointer), facts });
      continue;
    }
    if (!advised) continue;
    const actual: Record<(typeof ACTION_FIELDS)[number], unknown> = { status: found.status, who: found.who, due: found.due, daysLeft: found.daysLeft, conditional: found.conditional === true, urgency: found.urgency, route: found.route ?? null };
    for (const field of ACTION_FIELDS) {
      if (!(field in want) || same(want[field], actual[field])) continue;
      k.mismatches.push({ what: `action ${key}: ${field}`, expected: want[field], actual: actual[field] ?? null, ...at(k, `${pointer}/${field}`), facts });
    }
  }
}

/** "What to do now" opens with these actions, in this order (a breach to report first, say). */
function checkActionOrder(k: Check): void {
  const want = k.test.expect.actionOrder;
  if (want === undefined) return;
  const key = (a: { id: string; ruleset: string }, w: string): string => (w.includes('.') ? `${a.ruleset}.${a.id}` : a.id);
  const actual = k.report.actions.slice(0, want.length).map((a, i) => key(a, want[i] ?? ''));
  if (same(want, actual)) return;
  const facts = k.report.actions.map((a, i) => `${i + 1}. ${a.title} (${a.id}, ${a.urgency}${a.due ? `, by ${a.due}` : ''})`);
  k.mismatches.push({ what: 'the order of what to do now', expected: want, actual, ...at(k, `${k.base}/actionOrder`), facts });
}

/** Whether each route applies to the case, and the words said for it (why not, or "if …"). */
function checkRoutes(k: Check): void {
  for (const [id, raw] of Object.entries(k.test.expect.routes ?? {})) {
    const pointer = `${k.base}/routes/${escapePointer(id)}`;
    const r = k.report.routes.find((x) => x.id === id);
    if (!r) {
      unknownRef(k, pointer, `no rule set that applies to this case declares a route "${id}".${didYouMean(id, k.report.routes.map((x) => x.id))}`);
      continue;
    }
    const want = typeof raw === 'string' ? { status: raw } : raw;
    const facts = [`${r.title}: ${r.status}${r.text ? ` (${r.text})` : ''}${r.decidedBy === 'adviser' ? ', as the adviser decided' : ''}`, ...(r.needs.length > 0 ? [`still needed: ${r.needs.map((n) => n.ref).join(', ')}`] : [])];
    if (want.status !== undefined && want.status !== r.status) k.mismatches.push({ what: `route ${id}: status`, expected: want.status, actual: r.status, ...at(k, typeof raw === 'string' ? pointer : `${pointer}/status`), facts });
    if (want.reason !== undefined && !r.text.includes(want.reason)) k.mismatches.push({ what: `route ${id}: reason`, expected: want.reason, actual: r.text, ...at(k, `${pointer}/reason`), facts });
  }
}

function checkCategories(k: Check): void {
  for (const [key, outputs] of Object.entries(k.test.expect.categories ?? {})) {
    const pointer = `${k.base}/categories/${escapePointer(key)}`;
    const t = pick(
      k.report.conclusions.filter((c) => c.kind === 'table'),
      key,
      'table',
    );
    if (typeof t === 'string') {
      unknownRef(k, pointer, t);
      continue;
    }
    const rule = ruleLocation(k.rulesets, t.ruleset, 'tables', t.id, k.report);
    for (const [output, want] of Object.entries(outputs)) {
      const actual = t.status === 'met' ? t.outputs?.[output] : undefined;
      if (same(want, actual)) continue;
      const facts = [t.status === 'met' ? `matched: ${t.explanation}` : `no row gives a result (${t.status}): ${t.explanation}`, ...t.reasons.map((r) => r.text)];
      k.mismatches.push({ what: `${describeRule('table', t.id, rule)}: ${output}`, expected: want, actual: actual ?? null, ...at(k, `${pointer}/${escapePointer(output)}`), facts, ...(rule ? { rule } : {}) });
    }
  }
}

/** The diagnostics of an assessed case are warnings (errors make it invalid): compared by code, as a set. */
function checkWarnings(k: Check): void {
  if (k.test.expect.warnings === undefined) return;
  const expected = asSet(k.test.expect.warnings);
  const actual = asSet(k.report.diagnostics.map((d) => d.code));
  if (same(expected, actual)) return;
  const facts = k.report.diagnostics.map((d) => `${d.code} at ${d.file}:${d.line}:${d.column}`);
  k.mismatches.push({ what: 'warnings (diagnostic codes)', expected, actual, ...at(k, `${k.base}/warnings`), facts });
}

// ---- coverage -------------------------------------------------------------------------------

export type Outcome = 'true' | 'false' | 'unknown';

export interface CoverageItem {
  kind: 'criterion' | 'condition' | 'deadline' | 'row';
  /** JSON pointer in the rule file */
  pointer: string;
  label: string;
  line: number;
  column: number;
  /** outcomes the item can reach (a condition: those of true, false and unknown it can reach at all; others: reached) */
  possible: (Outcome | 'reached')[];
  seen: Set<Outcome | 'reached'>;
  /** for deadlines: the statuses tests reached */
  statuses?: Set<string>;
}

export interface RuleSetCoverage {
  ruleset: string;
  version: string;
  file: string;
  items: CoverageItem[];
}

export interface CoverageTotals {
  covered: number;
  total: number;
  /** 0–100, one decimal; 100 when there is nothing to cover */
  percent: number;
}

type Condition = NonNullable<RuleSet['criteria']>[string]['when'];

/**
 * The outcomes a condition can reach at all: `op: known` is never undetermined, and the as-of date
 * is always known, so no test could make such a node unknown (or `asOf known` false).
 */
function possibleOutcomes(c: Condition): Set<Outcome> {
  const some = (xs: Set<Outcome>[], o: Outcome): boolean => xs.some((x) => x.has(o));
  const count = (xs: Set<Outcome>[], o: Outcome): number => xs.filter((x) => x.has(o)).length;
  const out = new Set<Outcome>();
  const add = (o: Outcome, when: boolean): void => {
    if (when) out.add(o);
  };
  if ('all' in c || 'any' in c || 'atLeast' in c) {
    const parts = ('all' in c ? c.all : 'any' in c ? c.any : c.of).map(possibleOutcomes);
    const need = 'all' in c ? parts.length : 'any' in c ? 1 : c.atLeast;
    add('true', count(parts, 'true') >= need);
    add('false', count(parts, 'false') >= parts.length - need + 1);
    add('unknown', some(parts, 'unknown'));
    return out;
  }
  if ('firstKnown' in c) {
    // True or false can come from any source; unknown only when every source can be unknown.
    const parts = c.firstKnown.map(possibleOutcomes);
    add('true', some(parts, 'true'));
    add('false', some(parts, 'false'));
    add('unknown', parts.every((x) => x.has('unknown')));
    return out;
  }
  if ('not' in c) {
    const inner = possibleOutcomes(c.not);
    add('true', inner.has('false'));
    add('false', inner.has('true'));
    add('unknown', inner.has('unknown'));
    return out;
  }
  if (c.check === 'asOf' && c.op === 'known') return new Set(['true']);
  out.add('true');
  out.add('false');
  add('unknown', c.op !== 'known' && !(c.check === 'asOf' && c.other === undefined));
  return out;
}

function describeCondition(c: Condition): string {
  if ('all' in c) return `all of ${c.all.length}`;
  if ('any' in c) return `any of ${c.any.length}`;
  if ('not' in c) return 'not';
  if ('firstKnown' in c) return `first known of ${c.firstKnown.length}`;
  if ('atLeast' in c) return `at least ${c.atLeast} of ${c.of.length}`;
  return [c.check, c.op ?? '', c.other ?? (c.value !== undefined ? JSON.stringify(c.value) : '')].filter(Boolean).join(' ');
}

/** Every condition, deadline and table row of a rule set: what tests can cover. */
export function coverageItems(rs: RuleSet, doc: SourceDocument | undefined): RuleSetCoverage {
  const items: CoverageItem[] = [];
  const add = (kind: CoverageItem['kind'], pointer: string, label: string, possible: CoverageItem['possible']): void => {
    const pos = doc ? doc.locate(pointer) : { line: 1, column: 1 };
    items.push({ kind, pointer, label, line: pos.line, column: pos.column, possible, seen: new Set(), ...(kind === 'deadline' ? { statuses: new Set<string>() } : {}) });
  };
  const walk = (c: Condition, pointer: string, label: string, top: boolean): void => {
    const possible = possibleOutcomes(c);
    add(top ? 'criterion' : 'condition', pointer, top ? label : `${label}: ${describeCondition(c)}`, (['true', 'false', 'unknown'] as const).filter((o) => possible.has(o)));
    if ('all' in c) c.all.forEach((x, i) => walk(x, `${pointer}/all/${i}`, label, false));
    else if ('any' in c) c.any.forEach((x, i) => walk(x, `${pointer}/any/${i}`, label, false));
    else if ('not' in c) walk(c.not, `${pointer}/not`, label, false);
    else if ('atLeast' in c) c.of.forEach((x, i) => walk(x, `${pointer}/of/${i}`, label, false));
    else if ('firstKnown' in c) c.firstKnown.forEach((x, i) => walk(x, `${pointer}/firstKnown/${i}`, label, false));
  };
  const p = (...parts: string[]): string => parts.map((x) => '/' + escapePointer(x)).join('');
  // Whether a route applies decides what a case shows at all: its condition is covered like an element's.
  for (const [id, r] of Object.entries(rs.routes ?? {})) walk(r.applies, p('routes', id, 'applies'), `routes.${id} applies`, false);
  for (const [id, c] of Object.entries(rs.criteria ?? {})) walk(c.when, p('criteria', id, 'when'), `criteria.${id}`, true);
  for (const [id, j] of Object.entries(rs.judgments ?? {})) if (j.relevantWhen) walk(j.relevantWhen, p('judgments', id, 'relevantWhen'), `judgments.${id} relevantWhen`, false);
  for (const [id, t] of Object.entries(rs.tables ?? {})) {
    if (t.relevantWhen) walk(t.relevantWhen, p('tables', id, 'relevantWhen'), `tables.${id} relevantWhen`, false);
    t.rows.forEach((row, i) => {
      add('row', `${p('tables', id, 'rows')}/${i}`, `tables.${id} row ${i + 1}`, ['reached']);
      if (row.if) walk(row.if, `${p('tables', id, 'rows')}/${i}/if`, `tables.${id} row ${i + 1} if`, false);
    });
  }
  for (const [id, d] of Object.entries(rs.deadlines ?? {})) {
    add('deadline', p('deadlines', id), `deadlines.${id}`, ['reached']);
    if (d.appliesWhen) walk(d.appliesWhen, p('deadlines', id, 'appliesWhen'), `deadlines.${id} appliesWhen`, false);
  }
  return { ruleset: rs.id, version: rs.version, file: rs.file, items };
}

/** Statuses in which a deadline has a computed due date: the test reached its arithmetic. */
const REACHED = new Set(['open', 'due_soon', 'expired', 'satisfied']);

/** Records what evaluation reached into coverage items (implements the engine's CoverageCollector per rule file). */
export function coverageRecorder(byRuleset: (ruleset: string) => RuleSetCoverage | undefined): {
  condition(ruleset: string, pointer: string, result: boolean | undefined): void;
  tableRow(ruleset: string, table: string, row: number): void;
  deadline(ruleset: string, id: string, status: string): void;
} {
  const index = new WeakMap<RuleSetCoverage, Map<string, CoverageItem>>();
  const find = (ruleset: string, pointer: string): CoverageItem | undefined => {
    const cov = byRuleset(ruleset);
    if (!cov) return undefined;
    let map = index.get(cov);
    if (!map) {
      map = new Map(cov.items.map((i) => [i.pointer, i]));
      index.set(cov, map);
    }
    return map.get(pointer);
  };
  return {
    condition: (ruleset, pointer, result) => find(ruleset, pointer)?.seen.add(result === undefined ? 'unknown' : result ? 'true' : 'false'),
    tableRow: (ruleset, table, row) => find(ruleset, `/tables/${escapePointer(table)}/rows/${row}`)?.seen.add('reached'),
    deadline: (ruleset, id, status) => {
      const item = find(ruleset, `/deadlines/${escapePointer(id)}`);
      item?.statuses?.add(status);
      if (REACHED.has(status)) item?.seen.add('reached');
    },
  };
}

export function coverageTotals(sets: readonly RuleSetCoverage[]): CoverageTotals {
  let covered = 0;
  let total = 0;
  for (const s of sets)
    for (const i of s.items) {
      total += i.possible.length;
      covered += i.possible.filter((o) => i.seen.has(o)).length;
    }
  return { covered, total, percent: total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10 };
}

/** Per kind, for the summary line: conditions (outcomes), deadlines reached, rows matched. */
export function coverageBreakdown(s: RuleSetCoverage): { conditions: [number, number]; deadlines: [number, number]; rows: [number, number] } {
  const count = (kinds: CoverageItem['kind'][]): [number, number] => {
    let c = 0;
    let t = 0;
    for (const i of s.items)
      if (kinds.includes(i.kind)) {
        t += i.possible.length;
        c += i.possible.filter((o) => i.seen.has(o)).length;
      }
    return [c, t];
  };
  return { conditions: count(['criterion', 'condition']), deadlines: count(['deadline']), rows: count(['row']) };
}

/** What an item still lacks, in words: "never false, never unknown", "never matched". */
export function missingOutcomes(i: CoverageItem): string | undefined {
  const missing = i.possible.filter((o) => !i.seen.has(o));
  if (missing.length === 0) return undefined;
  if (i.kind === 'row') return 'no test matched this row';
  if (i.kind === 'deadline') return `no test computed its due date${i.statuses && i.statuses.size > 0 ? ` (reached only: ${[...i.statuses].sort().join(', ')})` : ''}`;
  return missing.map((o) => `never ${o}`).join(', ');
}
