import { addTerm, extendForCalendar, parseDuration, parseWhen, daysBetween, addDays, type DayRange } from '../dates/legal-date.js';
import { answerValue, type CaseFile, type Incident } from '../case/types.js';
import { conditionRefs, dateExprRefs, parseRef, normaliseCasePath, type Ref } from '../rules/refs.js';
import { escapePointer } from '../source/document.js';
import type { Calendar, Condition, Criterion, DateExpr, Deadline, Derived, Lang, RuleSet, Table, Text } from '../rules/types.js';
import { caseFieldLabel, describeOp, kindLabel, weekdayName, t as uiText } from './labels.js';
import type { ConclusionResult, DeadlineResult, Indicator, Need, Reason, SourceRef, ConclusionStatus, DeadlineStatus } from './report-types.js';
import { compare, formatValue, isKnown, jsonValue, literalValue, triAnd, triAtLeast, triNot, triOr, truthy, UNKNOWN, type Tri, type Value } from './values.js';

/** A value with the inputs that could still change it, if it is not yet decided. */
interface Ev {
  value: Value;
  needs: Set<string>;
}

interface CondEv {
  result: Tri;
  needs: Set<string>;
}

interface TableEv {
  result: Tri;
  needs: Set<string>;
  rows: number[];
  outputs: Record<string, Value | Value[]>;
  problem?: string;
}

interface DeadlineEv {
  result: DeadlineResult;
  due?: DayRange;
}

const NONE = new Set<string>();

/** Known exactly: a date known only to the month could still be made precise, and that may decide. */
function settled(v: Value): boolean {
  return isKnown(v) && !(v.t === 'date' && v.lo !== v.hi);
}

function union(sets: Iterable<Set<string>>): Set<string> {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}

/** Receives what each rule reached, for rule-test coverage; the engine's results do not depend on it. */
export interface CoverageCollector {
  /** a condition node, by its JSON pointer in the rule file, evaluated to true, false or unknown */
  condition(ruleset: string, pointer: string, result: Tri): void;
  /** a table row that matched */
  tableRow(ruleset: string, table: string, row: number): void;
  /** a deadline and the status it reached */
  deadline(ruleset: string, id: string, status: string): void;
}

export interface EvaluateOptions {
  asOf: string;
  lang: Lang;
  /** calendars from every loaded rule set, by id */
  calendars: Map<string, Calendar>;
  coverage?: CoverageCollector;
}

/**
 * Evaluates one rule set against one case: a pure function of its inputs. Every rule is
 * evaluated once (memoised), lazily, in the order the rule set declares.
 */
export function evaluateRuleSet(rs: RuleSet, caseFile: CaseFile, options: EvaluateOptions): { conclusions: ConclusionResult[]; deadlines: DeadlineResult[] } {
  const { asOf, lang } = options;
  // The rule set's zone: loading checks it is its jurisdiction's (jurisdiction.yaml).
  const zone = rs.timeZone;
  const tx = (text: Text | undefined): string => (text ? text[lang] : '');
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, compute: () => T): T => {
    if (memo.has(key)) return memo.get(key) as T;
    const value = compute();
    memo.set(key, value);
    return value;
  };

  const incidents: Incident[] = caseFile.incidents ?? [];
  const incidentDates = incidents.map((inc) => {
    const p = parseWhen(inc.date, zone);
    return p.ok ? p.range : undefined;
  });
  /** An incident's date is worth asking for only when it is known roughly. */
  const roughDate = (i: number): Set<string> => {
    const r = incidentDates[i];
    return r && r.earliest === r.latest ? NONE : new Set([`case.incidents.${i}.date`]);
  };

  // ---- references ------------------------------------------------------------------------
  const whenValue = (w: unknown): Value => {
    if (w === undefined || w === 'unknown') return UNKNOWN;
    if (w === false) return { t: 'bool', v: false };
    const p = parseWhen(w, zone);
    return p.ok ? { t: 'date', lo: p.range.earliest, hi: p.range.latest } : UNKNOWN;
  };

  const caseValue = (path: string[]): Value => {
    // `orders: []` says there is no order: its fields are known to be absent, not unknown.
    if (path[0] === 'orders' && Array.isArray(caseFile.orders) && Number(path[1]) >= caseFile.orders.length) {
      return path[2] === 'type' ? { t: 'text', v: 'none' } : { t: 'bool', v: false };
    }
    let node: unknown = caseFile;
    for (const key of path) {
      if (node === null || typeof node !== 'object') return UNKNOWN;
      node = (node as Record<string, unknown>)[key];
    }
    if (node === undefined || node === null || node === 'unknown') return UNKNOWN;
    const norm = normaliseCasePath(path);
    if (/\.(made|served|returnDate|expires)$|^complaint\./.test(norm)) return whenValue(node);
    if (typeof node === 'boolean' || typeof node === 'number' || typeof node === 'string') return literalValue(node);
    return UNKNOWN;
  };

  const factValue = (id: string): Value => {
    const fact = rs.facts?.[id];
    const raw = answerValue(caseFile.facts?.[id]);
    if (!fact || raw === undefined) return UNKNOWN;
    switch (fact.type) {
      case 'date':
      case 'datetime':
        return whenValue(raw);
      case 'boolean':
        return typeof raw === 'boolean' ? { t: 'bool', v: raw } : UNKNOWN;
      case 'number':
        return typeof raw === 'number' ? { t: 'num', lo: raw, hi: raw } : UNKNOWN;
      default:
        return { t: 'text', v: String(raw) };
    }
  };

  const refLabel = (text: string): string => {
    const ref = parseRef(text);
    if (!ref) return text;
    switch (ref.kind) {
      case 'facts':
        return tx(rs.facts?.[ref.id]?.question);
      case 'derived':
      case 'criteria':
      case 'judgments':
        return tx(rs[ref.kind]?.[ref.id]?.title);
      case 'tables':
        return tx(rs.tables?.[ref.id]?.title) + (ref.output ? ` (${ref.output})` : '');
      case 'deadlines':
        return tx(rs.deadlines?.[ref.id]?.title);
      case 'asOf':
        return uiText(lang, 'asOf');
      case 'case':
        return caseFieldLabel(ref.path, lang);
    }
  };

  /** Codes shown as words: a choice fact's option label, an incident kind in the reader's language. */
  const codeLabel = (ref: string | undefined) => (code: string): string => {
    const r = ref ? parseRef(ref) : undefined;
    if (r?.kind === 'facts') {
      const option = rs.facts?.[r.id]?.options?.find((o) => o.value === code);
      if (option) return option.label[lang];
    }
    if (r?.kind === 'judgments') {
      const option = rs.judgments?.[r.id]?.options?.find((o) => o.value === code);
      if (option) return `${option.value} (${option.label[lang]})`;
    }
    // An order type, as the jurisdiction's manifest names it ("restraining order on conviction", not a code).
    if (r?.kind === 'case' && r.path[0] === 'orders' && r.path[2] === 'type') {
      const orderType = rs.jurisdictionRecord?.orderTypes.find((t) => t.value === code);
      if (orderType) return orderType.label[lang];
    }
    return kindLabel(lang, code);
  };
  const show = (v: Value, ref?: string): string => formatValue(v, lang, codeLabel(ref));

  const needLabel = (need: string): string => {
    const m = /^case\.incidents\.(\d+)\.(\w+)$/.exec(need);
    if (m) return uiText(lang, 'incidentField', { n: Number(m[1]) + 1, field: uiText(lang, `field.${m[2]}`) });
    return refLabel(need);
  };

  const evalRef = (text: string): Ev => {
    const ref = parseRef(text) as Ref;
    switch (ref.kind) {
      case 'asOf':
        return { value: { t: 'date', lo: asOf, hi: asOf }, needs: NONE };
      case 'case': {
        const v = caseValue(ref.path);
        return { value: v, needs: settled(v) ? NONE : new Set([text]) };
      }
      case 'facts': {
        const v = factValue(ref.id);
        return { value: v, needs: settled(v) ? NONE : new Set([text]) };
      }
      case 'derived':
        return evalDerived(ref.id);
      case 'criteria': {
        const c = evalCriterion(ref.id);
        return { value: c.result === undefined ? UNKNOWN : { t: 'bool', v: c.result }, needs: c.needs };
      }
      case 'judgments':
        return evalJudgment(ref.id);
      case 'tables': {
        const tEv = evalTable(ref.id);
        if (ref.output === undefined) return { value: tEv.result === undefined ? UNKNOWN : { t: 'bool', v: tEv.result }, needs: tEv.needs };
        const out = tEv.outputs[ref.output];
        if (tEv.result !== true || out === undefined || Array.isArray(out)) return { value: UNKNOWN, needs: tEv.needs };
        return { value: out, needs: NONE };
      }
      case 'deadlines': {
        const d = evalDeadline(ref.id);
        if (ref.field === 'status') return { value: { t: 'text', v: d.result.status }, needs: new Set(d.result.needs.map((n) => n.ref)) };
        return d.due ? { value: { t: 'date', lo: d.due.earliest, hi: d.due.latest }, needs: NONE } : { value: UNKNOWN, needs: new Set(d.result.needs.map((n) => n.ref)) };
      }
    }
  };

  // ---- derived values over incidents ----------------------------------------------------
  const evalDerived = (id: string): Ev =>
    once(`derived.${id}`, () => {
      const d = rs.derived?.[id] as Derived;
      // Each incident's membership is three-valued: a filter on a field nobody filled in is unknown.
      const windowFrom = d.window?.from ? evalRef(d.window.from) : undefined;
      const windowUntil = d.window?.until ? evalRef(d.window.until) : undefined;
      const members = incidents.map((inc, i) => {
        const needs = new Set<string>();
        const tests: Tri[] = [];
        for (const [field, want] of Object.entries(d.where ?? {})) {
          const have = (inc as unknown as Record<string, unknown>)[field];
          if (have === undefined || have === null) {
            tests.push(undefined);
            needs.add(`case.incidents.${i}.${field}`);
          } else {
            const wants = Array.isArray(want) ? want : [want];
            tests.push(wants.some((w) => w === have));
          }
        }
        const range = incidentDates[i];
        const dateValue: Value = range ? { t: 'date', lo: range.earliest, hi: range.latest } : UNKNOWN;
        if (windowFrom) {
          const r = compare('>=', dateValue, windowFrom.value);
          tests.push(r);
          if (r === undefined) for (const n of union([windowFrom.needs, roughDate(i)])) needs.add(n);
        }
        if (windowUntil) {
          const r = compare('<=', dateValue, windowUntil.value);
          tests.push(r);
          if (r === undefined) for (const n of union([windowUntil.needs, roughDate(i)])) needs.add(n);
        }
        const member = triAnd(tests);
        return { inc, i, member, needs: member === undefined ? needs : NONE, range };
      });
      const sure = members.filter((m) => m.member === true);
      const maybe = members.filter((m) => m.member === undefined);
      const maybeNeeds = union(maybe.map((m) => m.needs));
      const bounds = (pick: 'first' | 'last'): Ev => {
        const dated = sure.filter((m) => m.range);
        if (dated.length === 0) return { value: UNKNOWN, needs: union([maybeNeeds]) };
        const los = dated.map((m) => (m.range as DayRange).earliest);
        const his = dated.map((m) => (m.range as DayRange).latest);
        let lo = pick === 'first' ? min(los) : max(los);
        let hi = pick === 'first' ? min(his) : max(his);
        // An incident that may or may not count can only widen the range outward.
        for (const m of maybe) {
          if (!m.range) continue;
          if (pick === 'first' && m.range.earliest < lo) lo = m.range.earliest;
          if (pick === 'last' && m.range.latest > hi) hi = m.range.latest;
        }
        if (lo === hi) return { value: { t: 'date', lo, hi }, needs: NONE };
        // Still a range: the incidents that could be the first (last) one, and are dated roughly, would settle it.
        const candidates = [...dated, ...maybe.filter((m) => m.range)].filter((m) => {
          const r = m.range as DayRange;
          return r.earliest !== r.latest && r.earliest <= hi && r.latest >= lo;
        });
        return { value: { t: 'date', lo, hi }, needs: union([maybeNeeds, ...candidates.map((m) => roughDate(m.i))]) };
      };
      switch (d.compute) {
        case 'count':
          return { value: { t: 'num', lo: sure.length, hi: sure.length + maybe.length }, needs: maybeNeeds };
        case 'first':
          return bounds('first');
        case 'last':
          return bounds('last');
        case 'spanDays':
        case 'perWeek': {
          const first = bounds('first');
          const last = bounds('last');
          if (first.value.t !== 'date' || last.value.t !== 'date') return { value: UNKNOWN, needs: union([first.needs, last.needs]) };
          const spanLo = Math.max(0, daysBetween(first.value.hi, last.value.lo));
          const spanHi = daysBetween(first.value.lo, last.value.hi);
          const needs = union([first.needs, last.needs]);
          if (d.compute === 'spanDays') return { value: { t: 'num', lo: spanLo, hi: spanHi }, needs };
          // A span under a week counts as one week, so a burst of calls in one day is not "infinitely" frequent.
          const weeks = (span: number): number => Math.max(1, span / 7);
          return { value: { t: 'num', lo: round2(sure.length / weeks(spanHi)), hi: round2((sure.length + maybe.length) / weeks(spanLo)) }, needs: union([needs, maybeNeeds]) };
        }
        case 'distinct': {
          const field = d.field as string;
          const values = new Set<string>();
          let complete = maybe.length === 0;
          const needs = new Set(maybeNeeds);
          for (const m of sure) {
            const v = (m.inc as unknown as Record<string, unknown>)[field];
            if (v === undefined) {
              complete = false;
              needs.add(`case.incidents.${m.i}.${field}`);
            } else values.add(String(v));
          }
          return { value: { t: 'set', values: [...values].sort(), complete }, needs: complete ? NONE : needs };
        }
        case 'any':
        case 'all': {
          const field = d.field;
          const tris: Tri[] = [];
          const needs = new Set<string>();
          for (const m of [...sure, ...maybe]) {
            const v = field === undefined ? true : (m.inc as unknown as Record<string, unknown>)[field];
            const fieldTri: Tri = typeof v === 'boolean' ? v : v === undefined ? undefined : true;
            if (fieldTri === undefined && field) needs.add(`case.incidents.${m.i}.${field}`);
            // For "any": the incident counts if it is a member and the field holds.
            tris.push(d.compute === 'any' ? triAnd([m.member, fieldTri]) : triOr([triNot(m.member), fieldTri]));
            if (m.member === undefined) for (const n of m.needs) needs.add(n);
          }
          const result = d.compute === 'any' ? triOr(tris) : triAnd(tris);
          return { value: result === undefined ? UNKNOWN : { t: 'bool', v: result }, needs: result === undefined ? needs : NONE };
        }
      }
    });

  // ---- conditions -------------------------------------------------------------------------
  const covered = (pointer: string, ev: CondEv): CondEv => {
    options.coverage?.condition(rs.id, pointer, ev.result);
    return ev;
  };
  const evalCondition = (c: Condition, trace: Reason[] | undefined, pointer: string, negated = false): CondEv => {
    if ('all' in c || 'any' in c || 'atLeast' in c) {
      const key = 'all' in c ? 'all' : 'any' in c ? 'any' : 'of';
      const parts = 'all' in c ? c.all : 'any' in c ? c.any : c.of;
      const evs = parts.map((p, i) => evalCondition(p, trace, `${pointer}/${key}/${i}`, negated));
      const results = evs.map((e) => e.result);
      const result = 'all' in c ? triAnd(results) : 'any' in c ? triOr(results) : triAtLeast(c.atLeast, results);
      return covered(pointer, { result, needs: result === undefined ? union(evs.filter((e) => e.result === undefined).map((e) => e.needs)) : NONE });
    }
    if ('firstKnown' in c) {
      // Only the sources up to the first known one are evaluated and shown.
      const unknownNeeds: Set<string>[] = [];
      for (const [i, part] of c.firstKnown.entries()) {
        const e = evalCondition(part, trace, `${pointer}/firstKnown/${i}`, negated);
        if (e.result !== undefined) return covered(pointer, { result: e.result, needs: NONE });
        unknownNeeds.push(e.needs);
      }
      return covered(pointer, { result: undefined, needs: union(unknownNeeds) });
    }
    if ('not' in c) {
      const e = evalCondition(c.not, trace, `${pointer}/not`, !negated);
      return covered(pointer, { result: triNot(e.result), needs: e.needs });
    }
    const left = evalRef(c.check);
    let right: Ev | undefined;
    let result: Tri;
    const op = c.op;
    if (op === undefined) {
      result = truthy(left.value);
    } else if (op === 'known') {
      result = isKnown(left.value);
    } else if (op === 'in') {
      const options = (Array.isArray(c.value) ? c.value : [c.value]).filter((x) => x !== undefined);
      result = triOr(options.map((o) => compare('==', left.value, literalValue(o))));
    } else if (op === 'includes') {
      const want = String(c.value);
      const v = left.value;
      result = v.t === 'set' ? (v.values.includes(want) ? true : v.complete ? false : undefined) : v.t === 'unknown' ? undefined : compare('==', v, literalValue(want));
    } else {
      right = c.other !== undefined ? evalRef(c.other) : { value: literalValue(c.value as string | number | boolean), needs: NONE };
      result = compare(op, left.value, right.value);
    }
    const needs = result === undefined && op !== 'known' ? union([left.needs, right?.needs ?? NONE]) : NONE;
    trace?.push({
      text: (negated ? uiText(lang, 'mustNotHold') + ' ' : '') + describeOp(lang, refLabel(c.check), op, c.other !== undefined ? refLabel(c.other) : Array.isArray(c.value) ? c.value.map((x) => codeLabel(c.check)(String(x))) : c.value !== undefined ? codeLabel(c.check)(String(c.value)) : undefined, show(left.value, c.check), right && c.other !== undefined ? show(right.value, c.other) : undefined),
      ref: c.check,
      ...(op !== undefined ? { op } : {}),
      ...(c.other !== undefined ? { expected: right ? jsonValue(right.value) : null } : c.value !== undefined ? { expected: c.value } : {}),
      actual: jsonValue(left.value),
      result: result === undefined ? 'unknown' : String(result) as 'true' | 'false',
    });
    return covered(pointer, { result, needs });
  };

  // ---- criteria, judgments, tables ----------------------------------------------------------
  const evalCriterion = (id: string): CondEv & { trace: Reason[] } =>
    once(`criteria.${id}`, () => {
      const trace: Reason[] = [];
      const ev = evalCondition((rs.criteria?.[id] as NonNullable<RuleSet['criteria']>[string]).when, trace, `/criteria/${escapePointer(id)}/when`);
      return { ...ev, trace };
    });

  const evalJudgment = (id: string): Ev =>
    once(`judgments.${id}`, () => {
      const record = caseFile.judgments?.[id];
      if (!record || record.value === 'unknown') return { value: UNKNOWN, needs: new Set([`judgments.${id}`]) };
      return { value: typeof record.value === 'boolean' ? { t: 'bool', v: record.value } : { t: 'text', v: String(record.value) }, needs: NONE };
    });

  const evalTable = (id: string): TableEv =>
    once(`tables.${id}`, () => {
      const table = rs.tables?.[id] as Table;
      const inputs = (table.inputs ?? []).map((r) => evalRef(r));
      const rowResults = table.rows.map((row, i) => {
        if (row.if) return evalCondition(row.if, undefined, `/tables/${escapePointer(id)}/rows/${i}/if`);
        const tests = (row.match ?? []).map((m, i) => (m === '-' ? true : compare('==', (inputs[i] as Ev).value, literalValue(m))));
        const result = triAnd(tests);
        return { result, needs: result === undefined ? union(inputs.filter((inp) => !isKnown(inp.value)).map((inp) => inp.needs)) : NONE };
      });
      const pending = union(rowResults.filter((r) => r.result === undefined).map((r) => r.needs));
      const outputsOf = (i: number): Record<string, Value> =>
        Object.fromEntries(Object.entries((table.rows[i] as Table['rows'][number]).output).map(([k, v]) => [k, typeof v === 'object' ? { t: 'text', v: v[lang] } : literalValue(v)]));
      const hits = rowResults.flatMap((r, i) => (r.result === true ? [i] : []));
      if (table.hitPolicy === 'first') {
        const firstOpen = rowResults.findIndex((r) => r.result !== false);
        if (firstOpen === -1) return { result: false, needs: NONE, rows: [], outputs: {} };
        const row = rowResults[firstOpen] as CondEv;
        if (row.result === undefined) return { result: undefined, needs: row.needs, rows: [], outputs: {} };
        return { result: true, needs: NONE, rows: [firstOpen], outputs: outputsOf(firstOpen) };
      }
      if (pending.size > 0 || rowResults.some((r) => r.result === undefined)) {
        if (!(table.hitPolicy === 'unique' && hits.length > 1)) return { result: undefined, needs: pending, rows: hits, outputs: {} };
      }
      if (hits.length === 0) return { result: false, needs: NONE, rows: [], outputs: {} };
      if (table.hitPolicy === 'unique' && hits.length > 1) {
        return { result: undefined, needs: NONE, rows: hits, outputs: {}, problem: uiText(lang, 'tableOverlap', { rows: hits.map((h) => h + 1).join(', ') }) };
      }
      if (table.hitPolicy === 'collect' || table.hitPolicy === 'any') {
        const outputs: Record<string, Value[]> = {};
        for (const h of hits) for (const [k, v] of Object.entries(outputsOf(h))) (outputs[k] ??= []).push(v);
        if (table.hitPolicy === 'any') {
          const agreed: Record<string, Value> = {};
          for (const [k, vs] of Object.entries(outputs)) {
            if (new Set(vs.map((v) => formatValue(v))).size > 1) {
              return { result: undefined, needs: NONE, rows: hits, outputs: {}, problem: uiText(lang, 'tableDisagree', { rows: hits.map((h) => h + 1).join(', ') }) };
            }
            agreed[k] = vs[0] as Value;
          }
          return { result: true, needs: NONE, rows: hits, outputs: agreed };
        }
        return { result: true, needs: NONE, rows: hits, outputs };
      }
      return { result: true, needs: NONE, rows: hits, outputs: outputsOf(hits[0] as number) };
    });

  // ---- deadlines --------------------------------------------------------------------------
  interface StartEv {
    range?: DayRange;
    needs: Set<string>;
    ref?: string;
  }
  const evalStart = (e: DateExpr): StartEv => {
    if (typeof e === 'string') {
      const ev = evalRef(e);
      return ev.value.t === 'date' ? { range: { earliest: ev.value.lo, latest: ev.value.hi }, needs: ev.needs, ref: e } : { needs: ev.value.t === 'unknown' ? union([ev.needs, new Set([e].filter((x) => x.startsWith('case.') || x.startsWith('facts.')))]) : NONE, ref: e };
    }
    if ('firstKnown' in e) {
      const tried: Set<string>[] = [];
      for (const part of e.firstKnown) {
        const s = evalStart(part);
        if (s.range) return s;
        tried.push(s.needs);
      }
      return { needs: union(tried) };
    }
    const parts = ('latest' in e ? e.latest : e.earliest).map(evalStart);
    if (parts.some((p) => !p.range)) return { needs: union(parts.filter((p) => !p.range).map((p) => p.needs)) };
    const ranges = parts.map((p) => p.range as DayRange);
    const pickLatest = 'latest' in e;
    const earliest = pickLatest ? max(ranges.map((r) => r.earliest)) : min(ranges.map((r) => r.earliest));
    const latest = pickLatest ? max(ranges.map((r) => r.latest)) : min(ranges.map((r) => r.latest));
    // Name the event that decided the date, when one clearly did.
    const decisive = parts.find((p) => p.range && (pickLatest ? p.range.latest === latest && p.range.earliest === earliest : p.range.earliest === earliest && p.range.latest === latest));
    return { range: { earliest, latest }, needs: union(parts.map((p) => p.needs)), ...(decisive?.ref ? { ref: decisive.ref } : {}) };
  };

  const computeDue = (d: Deadline, start: string): { due: string; unextended: string; monthEndApplied: boolean; extension?: ReturnType<typeof extendForCalendar> } => {
    const length = parseDuration(d.length) as NonNullable<ReturnType<typeof parseDuration>>;
    const termStart = d.counting === 'day-after' ? addDays(start, 1) : start;
    const { date, monthEndApplied } = addTerm(start, length, d.monthEnd);
    // "day-after": a term of three months after the day of the event ends on the same calendar date;
    // "event-day": the event day is day one, so the term ends a day earlier.
    const unextended = d.counting === 'day-after' ? date : addDays(date, -1);
    const calendar = d.calendar === 'none' ? undefined : options.calendars.get(d.calendar);
    const extension = calendar ? extendForCalendar(calendar, termStart, unextended) : undefined;
    return { due: extension?.to ?? unextended, unextended, monthEndApplied, ...(extension ? { extension } : {}) };
  };

  const evalDeadline = (id: string): DeadlineEv =>
    once(`deadlines.${id}`, () => {
      const d = rs.deadlines?.[id] as Deadline;
      const applies = d.appliesWhen ? evalCondition(d.appliesWhen, undefined, `/deadlines/${escapePointer(id)}/appliesWhen`) : { result: true as Tri, needs: NONE };
      const start = evalStart(d.start);
      const base = {
        id,
        ruleset: rs.id,
        title: tx(d.title),
        ...meta(d, `deadlines.${id}`),
      };
      const startLabel = d.startLabel ? tx(d.startLabel) : start.ref ? refLabel(start.ref) : refLabel(typeof d.start === 'string' ? d.start : '');
      const basisBase = { startEvent: startLabel, ...(start.ref ? { startRef: start.ref } : {}), length: d.length, counting: d.counting, monthEnd: d.monthEnd, calendar: d.calendar, ...(d.satisfiedBy ? { satisfiedBy: d.satisfiedBy } : {}), text: tx(d.basis) };
      const mkNeeds = (s: Set<string>): Need[] => [...s].sort().map((ref) => ({ ref, label: needLabel(ref), decides: 1 }));

      if (applies.result === false) {
        return { result: { ...base, status: 'not_applicable', due: null, daysLeft: null, explanation: uiText(lang, 'notApplicable'), basis: { ...basisBase, startDate: null, monthEndApplied: false }, needs: [] } };
      }
      if (!start.range) {
        const needs = union([start.needs, applies.result === undefined ? applies.needs : NONE]);
        return { result: { ...base, status: 'undetermined', due: null, daysLeft: null, explanation: uiText(lang, 'startUnknown', { start: startLabel }), basis: { ...basisBase, startDate: null, monthEndApplied: false }, needs: mkNeeds(needs) } };
      }
      const lo = computeDue(d, start.range.earliest);
      const hi = computeDue(d, start.range.latest);
      const due: DayRange = { earliest: lo.due, latest: hi.due };
      const exactStart = start.range.earliest === start.range.latest;
      const extension = lo.extension
        ? { from: lo.extension.from, to: lo.extension.to, why: extensionWhy(lo.extension) }
        : undefined;
      const basis = {
        ...basisBase,
        startDate: exactStart ? start.range.earliest : { earliest: start.range.earliest, latest: start.range.latest },
        monthEndApplied: lo.monthEndApplied || hi.monthEndApplied,
        unextendedDue: lo.unextended,
        ...(extension ? { extension } : {}),
      };
      const daysLeft = daysBetween(asOf, due.earliest);
      const range = exactStart ? {} : { earliest: due.earliest, latest: due.latest };
      let status: DeadlineStatus;
      let explanation: string;
      const needs = new Set<string>(applies.result === undefined ? applies.needs : NONE);
      const satisfied = d.satisfiedBy ? evalRef(d.satisfiedBy) : undefined;
      const soon = parseDuration(d.dueSoon);
      const soonDays = soon ? daysBetween(asOf, addTerm(asOf, soon, 'last-day-of-month').date) : 0;
      const dueText = exactStart ? due.earliest : `${due.earliest} – ${due.latest}`;
      if (satisfied && satisfied.value.t === 'date' && satisfied.value.hi <= due.earliest) {
        status = 'satisfied';
        explanation = uiText(lang, 'satisfied', { what: refLabel(d.satisfiedBy as string), date: show(satisfied.value), due: dueText });
      } else if (satisfied && satisfied.value.t === 'date' && satisfied.value.lo > due.latest) {
        status = 'expired';
        explanation = uiText(lang, 'satisfiedLate', { what: refLabel(d.satisfiedBy as string), date: show(satisfied.value), due: dueText });
      } else if (asOf > due.latest) {
        status = 'expired';
        explanation = uiText(lang, 'expired', { due: dueText });
        if (satisfied && satisfied.value.t === 'unknown') {
          explanation += ' ' + uiText(lang, 'unlessSatisfied', { what: refLabel(d.satisfiedBy as string) });
          for (const n of satisfied.needs) needs.add(n);
        }
      } else if (asOf > due.earliest) {
        status = 'undetermined';
        explanation = uiText(lang, 'mayHaveExpired', { earliest: due.earliest, latest: due.latest, start: startLabel });
        for (const n of start.needs) needs.add(n);
        if (start.ref) needs.add(start.ref);
      } else {
        status = daysLeft <= soonDays ? 'due_soon' : 'open';
        explanation = exactStart
          ? uiText(lang, status === 'due_soon' ? 'dueSoon' : 'open', { due: dueText, days: daysLeft })
          : uiText(lang, 'openRange', { earliest: due.earliest, latest: due.latest, days: daysLeft });
      }
      if (applies.result === undefined && status !== 'satisfied') {
        explanation = uiText(lang, 'ifApplies') + ' ' + explanation;
        if (status === 'open' || status === 'due_soon' || status === 'expired') {
          // Shown with its date, but whether it applies at all is still open.
          status = 'undetermined';
        }
      }
      return {
        result: { ...base, status, due: due.earliest, ...range, daysLeft, explanation, basis, needs: mkNeeds(needs) },
        due,
      };
    });

  const extensionWhy = (ext: NonNullable<ReturnType<typeof extendForCalendar>>): string => {
    const parts = ext.skipped.map((s) => (s.reason.kind === 'weekend' ? `${s.date} ${weekdayName(lang, s.reason.weekday)}` : `${s.date} ${s.reason.holiday.name[lang]}${s.reason.holiday.verified ? '' : ' (' + uiText(lang, 'unverified') + ')'}`));
    const why = parts.length > 0 ? uiText(lang, 'extendedPast', { days: parts.join(', ') }) : '';
    return why + (ext.minWorkingDays ? (why ? '; ' : '') + uiText(lang, 'minWorkingDays') : '');
  };

  // ---- report assembly --------------------------------------------------------------------
  function sourcesOf(cite: string[]): SourceRef[] {
    return cite.map((id) => {
      const s = rs.sources[id];
      if (!s) return { id, instrument: id, checked: '', verified: false };
      return {
        id,
        instrument: s.instrument,
        ...(s.article ? { article: s.article } : {}),
        ...(s.url ? { url: s.url } : {}),
        ...(s.ecli ? { ecli: s.ecli } : {}),
        checked: s.checked,
        verified: s.verified,
        ...(s.note ? { note: s.note[lang] } : {}),
      };
    });
  }
  function meta(m: { cite: string[]; checked: string; verified?: boolean; note?: Text }, key?: string): { sources: SourceRef[]; verified: boolean; checked: string; note?: string } {
    const sources = sourcesOf(m.cite);
    // A rule is only as verified as its weakest source, and as the rules it builds on.
    const verified = key === undefined ? ownVerified(rs, m) : verifiedDeep(key);
    return { sources, verified, checked: m.checked, ...(m.note ? { note: m.note[lang] } : {}) };
  }
  function verifiedDeep(key: string): boolean {
    return verifiedRules(rs).get(key) !== false;
  }
  const statusOf = (r: Tri): ConclusionStatus => (r === true ? 'met' : r === false ? 'not_met' : 'undetermined');
  const needsList = (s: Set<string>): Need[] => [...s].sort().map((ref) => ({ ref, label: needLabel(ref), decides: 1 }));

  const conclusions: ConclusionResult[] = [];
  for (const [id, c] of Object.entries(rs.criteria ?? {})) {
    const ev = evalCriterion(id);
    const status = statusOf(ev.result);
    const explanation = status === 'undetermined' ? tx(c.explain.undetermined) || uiText(lang, 'undetermined') : tx(c.explain[status]);
    conclusions.push({ id, ruleset: rs.id, kind: 'criterion', title: tx(c.title), status, headline: c.conclusion === true, explanation, reasons: ev.trace, needs: needsList(ev.needs), ...meta(c, `criteria.${id}`) });
  }
  for (const [id, j] of Object.entries(rs.judgments ?? {})) {
    const ev = evalJudgment(id);
    const record = caseFile.judgments?.[id];
    const indicators: Indicator[] = [
      ...j.indicators.map((r) => ({ r, counter: false })),
      ...(j.counterIndicators ?? []).map((r) => ({ r, counter: true })),
    ].map(({ r, counter }) => {
      const v = evalRef(r).value;
      return { ref: r, label: refLabel(r), value: jsonValue(v), display: show(v, r), counter };
    });
    const relevant = j.relevantWhen ? evalCondition(j.relevantWhen, undefined, `/judgments/${escapePointer(id)}/relevantWhen`).result : true;
    let status: ConclusionStatus;
    let value: unknown;
    if (ev.value.t === 'bool') {
      status = ev.value.v ? 'met' : 'not_met';
      value = ev.value.v;
    } else if (ev.value.t === 'text') {
      status = 'met';
      value = ev.value.v;
    } else status = 'undetermined';
    const explanation =
      status === 'undetermined'
        ? relevant === false
          ? uiText(lang, 'judgmentNotRelevant')
          : uiText(lang, 'judgmentNeeded')
        : j.explain && (status === 'met' || status === 'not_met') && j.type !== 'choice'
          ? tx(j.explain[status])
          : uiText(lang, 'judgmentRecorded', { value: choiceLabel(j.options, value, lang) });
    conclusions.push({
      id,
      ruleset: rs.id,
      kind: 'judgment',
      title: tx(j.title),
      status,
      headline: j.conclusion === true,
      ...(value !== undefined ? { value } : {}),
      explanation,
      reasons: [],
      needs: status === 'undetermined' && relevant !== false ? needsList(ev.needs) : [],
      indicators,
      ...(record && record.value !== 'unknown' ? { judgment: { value: record.value, reason: record.reason, by: record.by, at: record.at } } : {}),
      guidance: tx(j.help),
      ...meta(j, `judgments.${id}`),
    });
  }
  for (const [id, table] of Object.entries(rs.tables ?? {})) {
    const ev = evalTable(id);
    const relevant = table.relevantWhen ? evalCondition(table.relevantWhen, undefined, `/tables/${escapePointer(id)}/relevantWhen`).result : true;
    const status = statusOf(ev.result);
    const outputs = Object.fromEntries(Object.entries(ev.outputs).map(([k, v]) => [k, Array.isArray(v) ? v.map(jsonValue) : jsonValue(v)]));
    const explanation =
      ev.problem ??
      (status === 'met'
        ? Object.entries(ev.outputs)
            .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.map((x) => show(x)).join('; ') : show(v)}`)
            .join('; ')
        : relevant === false
          ? uiText(lang, 'judgmentNotRelevant')
          : status === 'not_met'
            ? uiText(lang, 'noRow')
            : uiText(lang, 'tablePending'));
    conclusions.push({
      id,
      ruleset: rs.id,
      kind: 'table',
      title: tx(table.title),
      status,
      headline: table.conclusion === true,
      explanation,
      reasons: (table.inputs ?? []).map((r) => {
        const v = evalRef(r).value;
        return { text: `${refLabel(r)}: ${show(v, r)}`, ref: r, actual: jsonValue(v), result: isKnown(v) ? 'true' : 'unknown' } satisfies Reason;
      }),
      needs: relevant === false ? [] : needsList(ev.needs),
      ...(status === 'met' ? { outputs } : {}),
      ...meta(table, `tables.${id}`),
    });
  }
  const deadlines = Object.keys(rs.deadlines ?? {}).map((id) => evalDeadline(id).result);
  if (options.coverage) {
    for (const d of deadlines) options.coverage.deadline(rs.id, d.id, d.status);
    for (const id of Object.keys(rs.tables ?? {})) for (const row of evalTable(id).rows) options.coverage.tableRow(rs.id, id, row);
  }
  return { conclusions, deadlines };
}

function choiceLabel(options: { value: string; label: Text }[] | undefined, value: unknown, lang: Lang): string {
  if (typeof value === 'boolean') return value ? (lang === 'nl' ? 'ja' : 'yes') : lang === 'nl' ? 'nee' : 'no';
  const o = options?.find((x) => x.value === value);
  return o ? `${o.value} (${o.label[lang]})` : String(value);
}

function min(xs: string[]): string {
  return xs.reduce((a, b) => (b < a ? b : a));
}
function max(xs: string[]): string {
  return xs.reduce((a, b) => (b > a ? b : a));
}
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The rules a rule reads (criteria, judgments, tables, deadlines, derived values), for verified-ness. */
function dependsOn(rs: RuleSet, kind: string, id: string): string[] {
  const refs: { ref: string; pointer: string }[] = [];
  if (kind === 'criteria') conditionRefs((rs.criteria?.[id] as Criterion).when, '', refs);
  if (kind === 'judgments') {
    const j = rs.judgments?.[id];
    if (j?.relevantWhen) conditionRefs(j.relevantWhen, '', refs);
  }
  if (kind === 'tables') {
    const t = rs.tables?.[id] as Table;
    for (const r of t.inputs ?? []) refs.push({ ref: r, pointer: '' });
    for (const row of t.rows) if (row.if) conditionRefs(row.if, '', refs);
  }
  if (kind === 'deadlines') {
    const d = rs.deadlines?.[id] as Deadline;
    dateExprRefs(d.start, '', refs);
    if (d.appliesWhen) conditionRefs(d.appliesWhen, '', refs);
  }
  return refs.flatMap(({ ref }) => {
    const r = parseRef(ref);
    return r && (r.kind === 'criteria' || r.kind === 'judgments' || r.kind === 'tables' || r.kind === 'deadlines') ? [`${r.kind}.${r.id}`] : [];
  });
}

function ownVerified(rs: RuleSet, m: { cite: string[]; verified?: boolean }): boolean {
  return m.verified !== false && m.cite.every((id) => rs.sources[id]?.verified !== false);
}

const verifiedCache = new WeakMap<RuleSet, Map<string, boolean>>();

/** For each rule, whether it and every rule it reads rest on verified sources; computed once per rule set. */
function verifiedRules(rs: RuleSet): Map<string, boolean> {
  const cached = verifiedCache.get(rs);
  if (cached) return cached;
  const out = new Map<string, boolean>();
  const visit = (key: string, seen: Set<string>): boolean => {
    const known = out.get(key);
    if (known !== undefined) return known;
    if (seen.has(key)) return true;
    seen.add(key);
    const [kind, id] = key.split('.') as [string, string];
    const rule = (rs as unknown as Record<string, Record<string, { cite: string[]; verified?: boolean }> | undefined>)[kind]?.[id];
    const result = rule === undefined || (ownVerified(rs, rule) && dependsOn(rs, kind, id).every((dep) => visit(dep, seen)));
    out.set(key, result);
    return result;
  };
  for (const kind of ['criteria', 'judgments', 'tables', 'deadlines'] as const) for (const id of Object.keys(rs[kind] ?? {})) visit(`${kind}.${id}`, new Set());
  verifiedCache.set(rs, out);
  return out;
}
