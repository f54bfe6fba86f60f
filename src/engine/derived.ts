import { daysBetween, type DayRange } from '../dates/legal-date.js';
import type { IncidentView } from './case-view.js';
import type { CompiledDerived, CompiledSelection } from './compile.js';
import { NONE, once, union, type Ctx, type Ev } from './context.js';
import type { Literal } from '../rules/types.js';
import { compare, triAnd, triNot, triOr, UNKNOWN, type Tri, type Value } from './values.js';

/** One incident's membership of a derived value's selection: three-valued, with what would decide it. */
interface Member {
  view: IncidentView;
  member: Tri;
  needs: ReadonlySet<string>;
}

/**
 * `case.incidents.<i>.<field>`, each made once: unknown incident fields are named in nearly every
 * case, and building the same strings for each was a hot line. Bounded by the fields the rules
 * name times the most incidents one case has.
 */
const incidentRefs = new Map<string, string[]>();
function incidentRef(index: number, name: string): string {
  let byIndex = incidentRefs.get(name);
  if (!byIndex) incidentRefs.set(name, (byIndex = []));
  return (byIndex[index] ??= `case.incidents.${index}.${name}`);
}

/** An incident's date is worth asking for only when it is known roughly. */
function roughDate(m: IncidentView): ReadonlySet<string> {
  return m.range && m.range.earliest === m.range.latest ? NONE : new Set([incidentRef(m.index, 'date')]);
}

function field(view: IncidentView, name: string): unknown {
  return Object.hasOwn(view.incident, name) ? (view.incident as unknown as Record<string, unknown>)[name] : undefined;
}

// Runs for every selection and every incident of every case: plain loops, and a set of needs only
// when one is wanted.
function membership(s: CompiledSelection, view: IncidentView, from: Ev | undefined, until: Ev | undefined): Member {
  let member: Tri = true;
  let needs: Set<string> | undefined;
  for (const [name, wants] of s.where) {
    const have = field(view, name);
    if (have === undefined || have === null) {
      // A filter on a field nobody filled in is unknown, not false.
      if (member === true) member = undefined;
      (needs ??= new Set()).add(incidentRef(view.index, name));
    } else if (!wants.includes(have as Literal)) member = false;
  }
  if (from || until) {
    const dateValue: Value = view.range ? { t: 'date', lo: view.range.earliest, hi: view.range.latest } : UNKNOWN;
    for (const [bound, op] of [[from, '>='], [until, '<=']] as const) {
      if (!bound) continue;
      const r = compare(op, dateValue, bound.value);
      if (r === false) member = false;
      else if (r === undefined) {
        if (member === true) member = undefined;
        needs ??= new Set();
        for (const n of bound.needs) needs.add(n);
        for (const n of roughDate(view)) needs.add(n);
      }
    }
  }
  return { view, member, needs: member === undefined && needs ? needs : NONE };
}

/** The incidents surely in a selection, and those that may be: once per case for every derived value sharing it. */
function select(ctx: Ctx, s: CompiledSelection): { sure: Member[]; maybe: Member[] } {
  return (ctx.memo[s.slot] as { sure: Member[]; maybe: Member[] } | undefined) ?? once(ctx, s.slot, () => {
    // No filter and no window: every incident, surely (most counts are of all the acts).
    if (s.where.length === 0 && !s.from && !s.until) return { sure: ctx.view.incidents.map((view) => ({ view, member: true, needs: NONE })), maybe: [] };
    const from = s.from?.(ctx);
    const until = s.until?.(ctx);
    const members = ctx.view.incidents.map((view) => membership(s, view, from, until));
    return { sure: members.filter((m) => m.member === true), maybe: members.filter((m) => m.member === undefined) };
  });
}

export function evalDerived(ctx: Ctx, d: CompiledDerived): Ev {
  return (ctx.memo[d.slot] as Ev | undefined) ?? once(ctx, d.slot, () => {
    const { sure, maybe } = select(ctx, d.selection);
    return compute(d, sure, maybe);
  });
}

function compute(d: CompiledDerived, sure: Member[], maybe: Member[]): Ev {
  const maybeNeeds = union(maybe.map((m) => m.needs));
  switch (d.def.compute) {
    case 'count':
      // An entry may stand for many acts ("about 40 messages"): count the acts, not the entries.
      return { value: { t: 'num', lo: acts(sure, 'lo'), hi: acts(sure, 'hi') + acts(maybe, 'hi') }, needs: maybeNeeds };
    case 'first':
    case 'last':
      return bounds(d.def.compute, sure, maybe, maybeNeeds);
    case 'spanDays':
    case 'perWeek':
      return span(d.def.compute, sure, maybe, maybeNeeds);
    case 'distinct':
      return distinct(d.def.field ?? '', sure, maybe, maybeNeeds);
    case 'any':
    case 'all':
      return anyAll(d.def.compute, d.def.field, [...sure, ...maybe]);
  }
}

/** The first or last date among the selected incidents: a range when dates or membership are rough. */
function bounds(pick: 'first' | 'last', sure: Member[], maybe: Member[], maybeNeeds: ReadonlySet<string>): Ev {
  const dated = sure.filter((m) => m.view.range);
  if (dated.length === 0) return { value: UNKNOWN, needs: maybeNeeds };
  const los = dated.map((m) => (m.view.range as DayRange).earliest);
  const his = dated.map((m) => (m.view.range as DayRange).latest);
  let lo = pick === 'first' ? min(los) : max(los);
  let hi = pick === 'first' ? min(his) : max(his);
  // An incident that may or may not count can only widen the range outward.
  for (const m of maybe) {
    const r = m.view.range;
    if (!r) continue;
    if (pick === 'first' && r.earliest < lo) lo = r.earliest;
    if (pick === 'last' && r.latest > hi) hi = r.latest;
  }
  if (lo === hi) return { value: { t: 'date', lo, hi }, needs: NONE };
  // Still a range: the incidents that could be the first (last) one, and are dated roughly, would settle it.
  const candidates = [...dated, ...maybe.filter((m) => m.view.range)].filter((m) => {
    const r = m.view.range as DayRange;
    return r.earliest !== r.latest && r.earliest <= hi && r.latest >= lo;
  });
  return { value: { t: 'date', lo, hi }, needs: union([maybeNeeds, ...candidates.map((m) => roughDate(m.view))]) };
}

function span(kind: 'spanDays' | 'perWeek', sure: Member[], maybe: Member[], maybeNeeds: ReadonlySet<string>): Ev {
  const first = bounds('first', sure, maybe, maybeNeeds);
  const last = bounds('last', sure, maybe, maybeNeeds);
  if (first.value.t !== 'date' || last.value.t !== 'date') return { value: UNKNOWN, needs: union([first.needs, last.needs]) };
  const spanLo = Math.max(0, daysBetween(first.value.hi, last.value.lo));
  const spanHi = daysBetween(first.value.lo, last.value.hi);
  const needs = union([first.needs, last.needs]);
  if (kind === 'spanDays') return { value: { t: 'num', lo: spanLo, hi: spanHi }, needs };
  // A span under a week counts as one week, so a burst of calls in one day is not "infinitely" frequent.
  const weeks = (days: number): number => Math.max(1, days / 7);
  return { value: { t: 'num', lo: round2(acts(sure, 'lo') / weeks(spanHi)), hi: round2((acts(sure, 'hi') + acts(maybe, 'hi')) / weeks(spanLo)) }, needs: union([needs, maybeNeeds]) };
}

function distinct(name: string, sure: Member[], maybe: Member[], maybeNeeds: ReadonlySet<string>): Ev {
  const values = new Set<string>();
  let complete = maybe.length === 0;
  const needs = new Set(maybeNeeds);
  for (const m of sure) {
    const v = field(m.view, name);
    if (v === undefined) {
      complete = false;
      needs.add(incidentRef(m.view.index, name));
    } else values.add(String(v));
  }
  return { value: { t: 'set', values: [...values].sort(), complete }, needs: complete ? NONE : needs };
}

function anyAll(kind: 'any' | 'all', name: string | undefined, members: Member[]): Ev {
  const tris: Tri[] = [];
  const needs = new Set<string>();
  for (const m of members) {
    const v = name === undefined ? true : field(m.view, name);
    const fieldTri: Tri = typeof v === 'boolean' ? v : v === undefined ? undefined : true;
    if (fieldTri === undefined && name) needs.add(incidentRef(m.view.index, name));
    // For "any": the incident counts if it is a member and the field holds.
    tris.push(kind === 'any' ? triAnd([m.member, fieldTri]) : triOr([triNot(m.member), fieldTri]));
    if (m.member === undefined) for (const n of m.needs) needs.add(n);
  }
  const result = kind === 'any' ? triOr(tris) : triAnd(tris);
  return { value: result === undefined ? UNKNOWN : { t: 'bool', v: result }, needs: result === undefined ? needs : NONE };
}

function acts(members: readonly Member[], bound: 'lo' | 'hi'): number {
  let n = 0;
  for (const m of members) n += m.view.count[bound];
  return n;
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
