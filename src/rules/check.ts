import type { Diagnostic, DiagnosticCode } from '../diagnostics/diagnostic.js';
import { approximateDays, isValidIsoDate, parseDuration } from '../dates/legal-date.js';
import { escapePointer, type SourceDocument } from '../source/document.js';
import { didYouMean } from '../source/schema-check.js';
import { conditionRefs, dateExprRefs, parseRef, CASE_PATHS } from './refs.js';
import type { Condition, RuleSet } from './types.js';

type Refs = { ref: string; pointer: string }[];

/** One rule set being checked: where to report, and the dependency graph built on the way. */
interface Checker {
  rs: RuleSet;
  out: Diagnostic[];
  report(code: DiagnosticCode, pointer: string, message: string, severity?: 'error' | 'warning'): void;
  /** rule → the rules it reads, for cycle detection */
  deps: Map<string, { to: string; pointer: string }[]>;
}

const p = (...parts: string[]): string => parts.map((x) => '/' + escapePointer(x)).join('');

/**
 * Semantic checks the schema cannot express: references resolve, nothing depends on itself,
 * every citation exists, dates are real dates, and calendar rules fit the terms they extend.
 */
export function checkRuleSet(rs: RuleSet, doc: SourceDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const k: Checker = {
    rs,
    out,
    report: (code, pointer, message, severity = 'error') => {
      const pos = doc.locate(pointer);
      out.push({ code, severity, message, file: rs.file, line: pos.line, column: pos.column, pointer });
    },
    deps: new Map(),
  };
  checkHeader(k);
  checkRoutes(k);
  checkDerivedAndFacts(k);
  checkCriteriaAndJudgments(k);
  checkTables(k);
  checkDeadlines(k);
  checkActions(k);
  checkCalendars(k);
  findCycles(k.deps, (cycle, pointer) => k.report('reference-cycle', pointer, `these rules depend on each other in a circle: ${cycle.join(' → ')}.`));
  return out;
}

/** Dates that match the pattern but are not in the calendar (2026-02-30). */
function checkDate(k: Checker, value: string | undefined, pointer: string): void {
  if (value !== undefined && !isValidIsoDate(value)) k.report('invalid-date', pointer, `${value} is not a date in the calendar.`);
}

/** The period the rule set applies to, and the dates its sources were checked. */
function checkHeader(k: Checker): void {
  const { rs } = k;
  checkDate(k, rs.validFrom, '/validFrom');
  checkDate(k, rs.validUntil, '/validUntil');
  if (rs.validUntil !== undefined && rs.validUntil < rs.validFrom) k.report('date-range-reversed', '/validUntil', `validUntil (${rs.validUntil}) is before validFrom (${rs.validFrom}).`);
  for (const [id, s] of Object.entries(rs.sources)) checkDate(k, s.checked, p('sources', id, 'checked'));
}

/** Why a reference does not resolve in this rule set, or undefined when it does. */
function refProblem(rs: RuleSet, text: string): string | undefined {
  const ref = parseRef(text);
  if (!ref) {
    if (text.startsWith('case.')) return `"${text}" is not a case field.${didYouMean(text.slice(5).replace(/\.\d+\./, '.N.'), CASE_PATHS).replace(/"([^"]+)"\?$/, '"case.$1"?')}`;
    return `"${text}" is not a reference (write facts.x, derived.x, criteria.x, judgments.x, tables.x.output, deadlines.x.due or case.…).`;
  }
  if (ref.kind === 'case' || ref.kind === 'asOf') return undefined;
  const section = rs[ref.kind] as Record<string, unknown> | undefined;
  // Own keys only: `in` would find toString, constructor and __proto__ on every object.
  if (!section || !Object.hasOwn(section, ref.id)) {
    return `${ref.kind}.${ref.id} is not defined in this rule set.${didYouMean(ref.id, Object.keys(section ?? {}))}`;
  }
  if (ref.kind === 'tables' && ref.output !== undefined) {
    const outputs = new Set(rs.tables?.[ref.id]?.rows.flatMap((r) => Object.keys(r.output)) ?? []);
    if (!outputs.has(ref.output)) return `table ${ref.id} has no output "${ref.output}".${didYouMean(ref.output, outputs)}`;
  }
  return undefined;
}

function checkRefs(k: Checker, refs: Refs): void {
  for (const r of refs) {
    const problem = refProblem(k.rs, r.ref);
    if (problem) k.report('undefined-reference', r.pointer, problem);
  }
}

/** Records the rules `from` reads, for cycle detection. */
function addDeps(k: Checker, from: string, refs: Refs): void {
  const list = k.deps.get(from) ?? [];
  for (const r of refs) {
    const ref = parseRef(r.ref);
    if (ref && ref.kind !== 'case' && ref.kind !== 'asOf' && ref.kind !== 'facts') list.push({ to: `${ref.kind}.${ref.id}`, pointer: r.pointer });
  }
  k.deps.set(from, list);
}

/** Reports the references that do not resolve, and records them as what `from` reads. */
function useRefs(k: Checker, from: string, refs: Refs): void {
  checkRefs(k, refs);
  addDeps(k, from, refs);
}

function checkCites(k: Checker, cite: string[], pointer: string): void {
  cite.forEach((c, i) => {
    if (!Object.hasOwn(k.rs.sources, c)) k.report('undefined-reference', `${pointer}/cite/${i}`, `the source "${c}" is not listed under sources.${didYouMean(c, Object.keys(k.rs.sources))}`);
  });
}

/** What every rule carries: citations that exist, and real dates for checked and reviewBy. */
function checkMeta(k: Checker, m: { cite: string[]; checked: string; reviewBy?: string }, pointer: string): void {
  checkCites(k, m.cite, pointer);
  checkDate(k, m.checked, `${pointer}/checked`);
  checkDate(k, m.reviewBy, `${pointer}/reviewBy`);
}

/** A route's applies condition reads the posture and facts of its own rule set. */
function checkRoutes(k: Checker): void {
  for (const [id, r] of Object.entries(k.rs.routes ?? {})) {
    const base = p('routes', id);
    checkMeta(k, r, base);
    useRefs(k, `routes.${id}`, conditionRefs(r.applies, `${base}/applies`));
  }
}

function checkDerivedAndFacts(k: Checker): void {
  for (const [id, d] of Object.entries(k.rs.derived ?? {})) {
    const refs: Refs = [];
    if (d.window?.from) refs.push({ ref: d.window.from, pointer: p('derived', id, 'window', 'from') });
    if (d.window?.until) refs.push({ ref: d.window.until, pointer: p('derived', id, 'window', 'until') });
    useRefs(k, `derived.${id}`, refs);
    if (d.compute === 'distinct' && d.field === undefined) {
      k.report('schema-required', p('derived', id), `derived.${id} uses compute: distinct and needs a "field" (for example kind or channel).`);
    }
  }
  for (const [id, f] of Object.entries(k.rs.facts ?? {})) {
    if (f.type === 'choice' && !f.options) k.report('schema-required', p('facts', id), `facts.${id} is a choice and needs options.`);
  }
}

/**
 * "X is known" inside an element's condition decides a verdict on whether a field was filled in:
 * it reads what nobody wrote down as "no" (or, negated, as "yes") — the closed-world reading the
 * tool promises never to make. Warned, not refused: as a gate (relevantWhen, appliesWhen) the same
 * test is right, and those are not checked here.
 */
function warnClosedWorld(k: Checker, c: Condition, pointer: string, negated = false, siblings: readonly Condition[] = []): void {
  const each = (parts: Condition[], key: string, neg: boolean, sib: readonly Condition[]): void => parts.forEach((x, i) => warnClosedWorld(k, x, `${pointer}/${key}/${i}`, neg, sib));
  if ('all' in c) each(c.all, 'all', negated, c.all);
  else if ('any' in c) each(c.any, 'any', negated, c.any);
  else if ('atLeast' in c) each(c.of, 'of', negated, []);
  else if ('firstKnown' in c) each(c.firstKnown, 'firstKnown', negated, []);
  else if ('not' in c) warnClosedWorld(k, c.not, `${pointer}/not`, !negated, siblings);
  else if (c.op === 'known' && c.check.startsWith('case.') && !readsValueBeside(c.check, siblings)) {
    const reads = negated ? 'a field nobody filled in as "yes"' : 'a field nobody filled in as "no"';
    k.report('closed-world-reading', `${pointer}/check`, `"${negated ? 'not: ' : ''}${c.check} is known" decides the element on whether the field was filled in, reading ${reads}: unknown is not false. Compare the field's value instead (a case file writes false for what did not happen).`, 'warning');
  }
}

/** "X is known" beside a test of X's value keeps an unknown X unknown: the value test decides. */
function readsValueBeside(ref: string, siblings: readonly Condition[]): boolean {
  return siblings.some((s) => 'check' in s && s.check === ref && s.op !== 'known');
}

function checkCriteriaAndJudgments(k: Checker): void {
  for (const [id, c] of Object.entries(k.rs.criteria ?? {})) {
    const base = p('criteria', id);
    checkMeta(k, c, base);
    useRefs(k, `criteria.${id}`, conditionRefs(c.when, `${base}/when`));
    // Information is not a verdict: it may well say "when X is recorded".
    if ((c.kind ?? 'element') === 'element') warnClosedWorld(k, c.when, `${base}/when`);
  }
  for (const [id, j] of Object.entries(k.rs.judgments ?? {})) {
    const base = p('judgments', id);
    checkMeta(k, j, base);
    if (j.type === 'choice' && !j.options) k.report('schema-required', base, `judgments.${id} is a choice and needs options.`);
    const refs: Refs = [
      ...j.indicators.map((r, i) => ({ ref: r, pointer: `${base}/indicators/${i}` })),
      ...(j.counterIndicators ?? []).map((r, i) => ({ ref: r, pointer: `${base}/counterIndicators/${i}` })),
    ];
    checkRefs(k, refs);
    if (j.relevantWhen) useRefs(k, `judgments.${id}`, conditionRefs(j.relevantWhen, `${base}/relevantWhen`));
    addDeps(k, `judgments.${id}`, refs);
  }
}

function checkTables(k: Checker): void {
  for (const [id, t] of Object.entries(k.rs.tables ?? {})) {
    const base = p('tables', id);
    checkMeta(k, t, base);
    const refs: Refs = (t.inputs ?? []).map((r, i) => ({ ref: r, pointer: `${base}/inputs/${i}` }));
    t.rows.forEach((row, i) => {
      if (row.if) refs.push(...conditionRefs(row.if, `${base}/rows/${i}/if`));
      if (row.match && row.match.length !== (t.inputs?.length ?? 0)) {
        k.report('schema-value', `${base}/rows/${i}/match`, `row ${i + 1} matches ${row.match.length} values but the table has ${t.inputs?.length ?? 0} inputs.`);
      }
      if (!row.match && !row.if) k.report('schema-required', `${base}/rows/${i}`, `row ${i + 1} needs "match" (one value per input) or "if" (a condition).`);
    });
    if (t.relevantWhen) refs.push(...conditionRefs(t.relevantWhen, `${base}/relevantWhen`));
    useRefs(k, `tables.${id}`, refs);
  }
}

function checkDeadlines(k: Checker): void {
  for (const [id, d] of Object.entries(k.rs.deadlines ?? {})) {
    const base = p('deadlines', id);
    checkMeta(k, d, base);
    const refs = dateExprRefs(d.start, `${base}/start`);
    if (d.appliesWhen) refs.push(...conditionRefs(d.appliesWhen, `${base}/appliesWhen`));
    if (d.satisfiedBy) refs.push({ ref: d.satisfiedBy, pointer: `${base}/satisfiedBy` });
    useRefs(k, `deadlines.${id}`, refs);
    if (!parseDuration(d.length)) k.report('invalid-duration', `${base}/length`, `${d.length} is not an ISO 8601 duration (P3M, P14D, P6Y).`);
    if (!parseDuration(d.dueSoon)) k.report('invalid-duration', `${base}/dueSoon`, `${d.dueSoon} is not an ISO 8601 duration.`);
  }
}

function checkActions(k: Checker): void {
  for (const [id, a] of Object.entries(k.rs.actions ?? {})) {
    const base = p('actions', id);
    checkMeta(k, a, base);
    const refs: Refs = a.when ? conditionRefs(a.when, `${base}/when`) : [];
    if (a.by) refs.push({ ref: a.by, pointer: `${base}/by` });
    if (a.done) refs.push({ ref: a.done, pointer: `${base}/done` });
    useRefs(k, `actions.${id}`, refs);
    if (a.urgency === 'by-last-day' && a.by === undefined) k.report('schema-required', `${base}/urgency`, `actions.${id} has urgency by-last-day but no "by" (its last day); give it one, or urgency now or when-convenient.`);
    // The authorities' own limit (prosecution, laying an information) binds them, not the client.
    const by = a.by ? parseRef(a.by) : undefined;
    if (by?.kind === 'deadlines' && k.rs.deadlines && Object.hasOwn(k.rs.deadlines, by.id) && k.rs.deadlines[by.id]?.kind === 'limit') {
      k.report('limit-as-last-day', `${base}/by`, `actions.${id} takes its last day from deadlines.${by.id}, the authorities' own limit (kind: limit), which is no one's last day to act: drop "by" (urgency now when it is pressing) and keep the limit among the deadlines.`);
    }
    if (a.dueSoon !== undefined && !parseDuration(a.dueSoon)) k.report('invalid-duration', `${base}/dueSoon`, `${a.dueSoon} is not an ISO 8601 duration.`);
  }
}

function checkCalendars(k: Checker): void {
  for (const [id, cal] of Object.entries(k.rs.calendars ?? {})) {
    const base = p('calendars', id);
    checkCites(k, cal.cite, base);
    checkDate(k, cal.checked, `${base}/checked`);
    // A calendar with no working day would extend every term for ever.
    if (new Set(cal.weekend).size >= 7) k.report('schema-value', `${base}/weekend`, 'a calendar needs at least one working day in the week: a term could never end.');
    cal.holidays.forEach((h, i) => {
      checkDate(k, h.date, `${base}/holidays/${i}/date`);
      if (h.fixed && !isValidIsoDate(`2024-${h.fixed}`)) k.report('invalid-date', `${base}/holidays/${i}/fixed`, `${h.fixed} is not a day of the year (MM-DD).`);
      if ([h.fixed, h.easter, h.date].filter((x) => x !== undefined).length !== 1) {
        k.report('schema-value', `${base}/holidays/${i}`, 'a holiday needs exactly one of fixed (MM-DD), easter (days after Easter Sunday) or date (YYYY-MM-DD).');
      }
    });
  }
}

function findCycles(deps: Map<string, { to: string; pointer: string }[]>, onCycle: (cycle: string[], pointer: string) => void): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const edge of deps.get(node) ?? []) {
      const s = state.get(edge.to);
      if (s === 'visiting') {
        onCycle([...stack.slice(stack.indexOf(edge.to)), edge.to], edge.pointer);
      } else if (s === undefined) {
        visit(edge.to);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...deps.keys()].sort()) if (!state.has(node)) visit(node);
}

/** Checks across rule sets: duplicate ids in overlapping periods, calendars that resolve. */
export function checkRuleSets(sets: { ruleset: RuleSet; doc: SourceDocument }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const calendarDefs = new Map(sets.flatMap((s) => Object.entries(s.ruleset.calendars ?? {})));
  const calendars = new Set(['none', ...calendarDefs.keys()]);
  const seen = new Map<string, RuleSet[]>();
  out.push(...checkRouteNames(sets));
  for (const { ruleset: rs, doc } of sets) {
    for (const [id, d] of Object.entries(rs.deadlines ?? {})) {
      if (!calendars.has(d.calendar)) {
        const pointer = `/deadlines/${escapePointer(id)}/calendar`;
        const pos = doc.locate(pointer);
        out.push({ code: 'undefined-reference', severity: 'error', message: `the calendar "${d.calendar}" is not defined by any loaded rule set (use none or a calendar id).${didYouMean(d.calendar, calendars)}`, file: rs.file, line: pos.line, column: pos.column, pointer });
      }
      // A calendar's own limits (Atw art. 4: not for terms in years or of more than three months).
      const cal = calendarDefs.get(d.calendar);
      const length = parseDuration(d.length);
      if (cal && length) {
        const limit = cal.notBeyond ? parseDuration(cal.notBeyond) : undefined;
        const tooLong = cal.notInYears && length.years > 0 ? 'in years' : limit && approximateDays(length) > approximateDays(limit) + 0.5 ? `longer than ${cal.notBeyond}` : undefined;
        if (tooLong) {
          const pointer = `/deadlines/${escapePointer(id)}/calendar`;
          const pos = doc.locate(pointer);
          out.push({ code: 'calendar-not-applicable', severity: 'error', message: `the ${d.calendar} calendar does not extend terms ${tooLong} (${d.length}); use calendar: none.`, file: rs.file, line: pos.line, column: pos.column, pointer });
        }
      }
    }
    for (const other of seen.get(rs.id) ?? []) {
      const overlap = rs.validFrom <= (other.validUntil ?? '9999-12-31') && other.validFrom <= (rs.validUntil ?? '9999-12-31');
      if (overlap) {
        const pos = doc.locate('/id');
        out.push({ code: 'duplicate-id', severity: 'error', message: `the rule set id "${rs.id}" is also used by ${other.file} for an overlapping period; give one a validUntil or another id.`, file: rs.file, line: pos.line, column: pos.column, pointer: '/id' });
      }
    }
    seen.set(rs.id, [...(seen.get(rs.id) ?? []), rs]);
  }
  return out;
}

const ROUTED = ['criteria', 'judgments', 'tables', 'deadlines', 'actions'] as const;

/**
 * Every `route:` names a route declared by a rule set of the same jurisdiction, and no two rule
 * sets (other than versions of one) declare the same route: route ids are the jurisdiction's.
 */
function checkRouteNames(sets: { ruleset: RuleSet; doc: SourceDocument }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const declared = new Map<string, Map<string, string>>();
  const push = (doc: SourceDocument, rs: RuleSet, code: DiagnosticCode, pointer: string, message: string): void => {
    const pos = doc.locate(pointer);
    out.push({ code, severity: 'error', message, file: rs.file, line: pos.line, column: pos.column, pointer });
  };
  for (const { ruleset: rs, doc } of sets) {
    const mine = declared.get(rs.jurisdiction) ?? new Map<string, string>();
    declared.set(rs.jurisdiction, mine);
    for (const id of Object.keys(rs.routes ?? {})) {
      const owner = mine.get(id);
      if (owner !== undefined && owner !== rs.id) push(doc, rs, 'duplicate-id', p('routes', id), `the route "${id}" is also declared by rule set ${owner}; a jurisdiction declares each route once.`);
      else mine.set(id, rs.id);
    }
  }
  for (const { ruleset: rs, doc } of sets) {
    const routes = declared.get(rs.jurisdiction) ?? new Map<string, string>();
    for (const section of ROUTED) {
      for (const [id, item] of Object.entries((rs[section] ?? {}) as Record<string, { route?: string }>)) {
        if (item.route !== undefined && !routes.has(item.route)) push(doc, rs, 'undefined-reference', p(section, id, 'route'), `the route "${item.route}" is not declared by any ${rs.jurisdiction} rule set (under routes).${didYouMean(item.route, routes.keys())}`);
      }
    }
  }
  return out;
}

export type { Condition };
