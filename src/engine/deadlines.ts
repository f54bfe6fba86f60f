import { addDays, addTerm, daysBetween, extendForCalendar, fromOpenEnd, OPEN_END, type DayRange, type Extension } from '../dates/legal-date.js';
import type { CompiledDeadline, Due, StartNode } from './compile.js';
import { evalCondition } from './conditions.js';
import { NONE, once, union, type Ctx } from './context.js';
import type { DeadlineBasis, DeadlineFinding, DeadlineResult, DeadlineStatus, Need, SkippedDay } from './result.js';
import { jsonValue, type Tri } from './values.js';

export interface DeadlineEv {
  result: DeadlineResult;
  due?: DayRange;
}

interface StartEv {
  range?: DayRange;
  needs: ReadonlySet<string>;
  /** the event that decided the start date, when one clearly did */
  ref?: string;
}

function evalStart(ctx: Ctx, node: StartNode): StartEv {
  if (node.kind === 'ref') {
    const ev = node.get(ctx);
    if (ev.value.t === 'date') return { range: { earliest: ev.value.lo, latest: ev.value.hi }, needs: ev.needs, ref: node.ref };
    const needs = ev.value.t === 'unknown' ? union([ev.needs, node.askable ? new Set([node.ref]) : NONE]) : NONE;
    return { needs, ref: node.ref };
  }
  if (node.kind === 'firstKnown') {
    const tried: ReadonlySet<string>[] = [];
    for (const part of node.parts) {
      const s = evalStart(ctx, part);
      if (s.range) return s;
      tried.push(s.needs);
    }
    return { needs: union(tried) };
  }
  const parts = node.parts.map((p) => evalStart(ctx, p));
  if (parts.some((p) => !p.range)) return { needs: union(parts.filter((p) => !p.range).map((p) => p.needs)) };
  const ranges = parts.map((p) => p.range as DayRange);
  const pick = node.kind === 'latest' ? max : min;
  const earliest = pick(ranges.map((r) => r.earliest));
  const latest = pick(ranges.map((r) => r.latest));
  const decisive = parts.find((p) => p.range?.earliest === earliest && p.range.latest === latest);
  return { range: { earliest, latest }, needs: union(parts.map((p) => p.needs)), ...(decisive?.ref ? { ref: decisive.ref } : {}) };
}


/** Due dates depend only on the deadline and its start day: a batch computes each pair once. */
function computeDue(ctx: Ctx, d: CompiledDeadline, start: string): Due {
  const hit = d.dues.get(start);
  if (hit) return hit;
  const due = computeDueUncached(ctx, d, start);
  // Bounded, so memory stays flat over any number of cases.
  if (d.dues.size >= 4096) d.dues.clear();
  d.dues.set(start, due);
  return due;
}

function computeDueUncached(ctx: Ctx, d: CompiledDeadline, start: string): Due {
  // No arithmetic on an open end: from "some day after X" the term ends on no known day, and from
  // "some day before X" the earliest end is no real day either; neither is moved by a calendar.
  if (fromOpenEnd(start)) {
    const open = start >= OPEN_END ? OPEN_END : addTerm(start, d.length, d.def.monthEnd).date;
    return { due: open, unextended: open, monthEndApplied: false };
  }
  const termStart = d.def.counting === 'day-after' ? addDays(start, 1) : start;
  const { date, monthEndApplied } = addTerm(start, d.length, d.def.monthEnd);
  // "day-after": a term of three months after the day of the event ends on the same calendar date;
  // "event-day": the event day is day one, so the term ends a day earlier.
  const unextended = d.def.counting === 'day-after' ? date : addDays(date, -1);
  const calendar = d.def.calendar === 'none' ? undefined : ctx.calendars.get(d.def.calendar);
  const extension = calendar ? extendForCalendar(calendar, termStart, unextended) : undefined;
  return { due: extension?.to ?? unextended, unextended, monthEndApplied, ...(extension ? { extension } : {}) };
}

function skippedDays(ext: Extension): SkippedDay[] {
  return ext.skipped.map((s) =>
    s.reason.kind === 'weekend' ? { date: s.date, weekday: s.reason.weekday } : { date: s.date, holiday: s.reason.holiday.name, holidayVerified: s.reason.holiday.verified !== false },
  );
}

const needList = (s: ReadonlySet<string>): Need[] => [...s].sort().map((ref) => ({ ref, decides: 1 }));

export function evalDeadline(ctx: Ctx, d: CompiledDeadline): DeadlineEv {
  return (ctx.memo[d.slot] as DeadlineEv | undefined) ?? once(ctx, d.slot, () => {
    const applies = d.appliesWhen ? evalCondition(ctx, d.appliesWhen) : { result: true as Tri, needs: NONE };
    const start = evalStart(ctx, d.start);
    if (applies.result === false) return { result: undated(ctx, d, 'not_applicable', basisOf(d, start.ref, null, false), []) };
    if (!start.range) {
      const needs = union([start.needs, applies.result === undefined ? applies.needs : NONE]);
      const result = undated(ctx, d, 'undetermined', basisOf(d, start.ref, null, false), needList(needs));
      if (applies.result === undefined) result.appliesUnknown = true;
      return { result };
    }
    return dated(ctx, d, { ...start, range: start.range }, applies);
  });
}

/**
 * A deadline's basis, its keys always in this order. Built field by field, not spread from a
 * shared part: this runs for every deadline of every case, and spreading objects whose optional
 * keys differ from deadline to deadline was a hot spot.
 */
function basisOf(d: CompiledDeadline, startRef: string | undefined, startDate: DeadlineBasis['startDate'], monthEndApplied: boolean): DeadlineBasis {
  const basis = { length: d.def.length, counting: d.def.counting, monthEnd: d.def.monthEnd, calendar: d.def.calendar } as DeadlineBasis;
  if (startRef) basis.startRef = startRef;
  if (d.def.satisfiedBy) basis.satisfiedBy = d.def.satisfiedBy;
  basis.startDate = startDate;
  basis.monthEndApplied = monthEndApplied;
  return basis;
}

function undated(ctx: Ctx, d: CompiledDeadline, status: 'not_applicable' | 'undetermined', basis: DeadlineBasis, needs: Need[]): DeadlineResult {
  return { id: d.id, ruleset: ctx.ruleset, kind: d.def.kind, status, finding: status === 'not_applicable' ? 'not_applicable' : 'start_unknown', due: null, daysLeft: null, basis, needs, verified: d.verified };
}

function dated(ctx: Ctx, d: CompiledDeadline, start: StartEv & { range: DayRange }, applies: { result: Tri; needs: ReadonlySet<string> }): DeadlineEv {
  const lo = computeDue(ctx, d, start.range.earliest);
  const hi = computeDue(ctx, d, start.range.latest);
  const due: DayRange = { earliest: lo.due, latest: hi.due };
  const exactStart = start.range.earliest === start.range.latest;
  const basis = basisOf(d, start.ref, exactStart ? start.range.earliest : { earliest: start.range.earliest, latest: start.range.latest }, lo.monthEndApplied || hi.monthEndApplied);
  basis.unextendedDue = lo.unextended;
  if (lo.extension) basis.extension = { from: lo.extension.from, to: lo.extension.to, skipped: skippedDays(lo.extension), minWorkingDays: lo.extension.minWorkingDays };
  const needs = new Set<string>(applies.result === undefined ? applies.needs : NONE);
  const { status, finding, doneOn } = statusOf(ctx, d, due, start, needs);
  // Shown with its date, but whether it applies at all is still open.
  const appliesUnknown = applies.result === undefined && status !== 'satisfied';
  const shownStatus: DeadlineStatus = appliesUnknown && (status === 'open' || status === 'due_soon' || status === 'expired' || status === 'passed') ? 'undetermined' : status;
  const result: DeadlineResult = {
    id: d.id,
    ruleset: ctx.ruleset,
    kind: d.def.kind,
    status: shownStatus,
    finding,
    ...(appliesUnknown ? { appliesUnknown: true as const } : {}),
    due: due.earliest,
    ...(exactStart ? {} : { earliest: due.earliest, latest: due.latest }),
    daysLeft: daysBetween(ctx.asOf, due.earliest),
    ...(doneOn !== undefined ? { doneOn } : {}),
    basis,
    needs: needList(needs),
    verified: d.verified,
  };
  return { result, due };
}

/** Only a last day to act can be due soon or expired: a lapse, an end or a limit simply passes. */
function statusOf(ctx: Ctx, d: CompiledDeadline, due: DayRange, start: StartEv, needs: Set<string>): { status: DeadlineStatus; finding: DeadlineFinding; doneOn?: unknown } {
  const found = statusOfTerm(ctx, d, due, start, needs);
  if (d.def.kind === 'act-by') return found;
  return { ...found, status: found.status === 'expired' ? 'passed' : found.status === 'due_soon' ? 'open' : found.status };
}

function statusOfTerm(ctx: Ctx, d: CompiledDeadline, due: DayRange, start: StartEv, needs: Set<string>): { status: DeadlineStatus; finding: DeadlineFinding; doneOn?: unknown } {
  const done = d.satisfiedBy?.get(ctx);
  const v = done?.value;
  // An act recorded as done with no day happened by the as-of day at the latest.
  const doneDays = v?.t === 'date' ? { lo: v.lo, hi: v.hi } : v?.t === 'bool' && v.v ? { lo: '0001-01-01', hi: ctx.asOf } : undefined;
  if (done && doneDays) {
    if (doneDays.hi <= due.earliest) return { status: 'satisfied', finding: 'done_in_time', doneOn: jsonValue(done.value) };
    if (doneDays.lo > due.latest) return { status: 'expired', finding: 'done_late', doneOn: jsonValue(done.value) };
    // Done on a day that may fall on either side of the last day: in time for some days, late for others.
    for (const n of done.needs) needs.add(n);
    if (d.satisfiedBy) needs.add(d.satisfiedBy.ref);
    if (due.earliest !== due.latest) for (const n of start.needs) needs.add(n);
    return { status: 'undetermined', finding: 'may_have_been_done', doneOn: jsonValue(done.value) };
  }
  if (ctx.asOf > due.latest && done && v?.t === 'unknown') {
    // Not known whether (or when) it was done: it may have been done in time. Only a recorded
    // "not done" (or a late day) makes a last day to act missed.
    for (const n of done.needs) needs.add(n);
    if (d.satisfiedBy) needs.add(d.satisfiedBy.ref);
    return { status: 'undetermined', finding: 'may_have_been_done', doneOn: null };
  }
  if (ctx.asOf > due.latest) return { status: 'expired', finding: 'ended' };
  if (ctx.asOf > due.earliest) {
    for (const n of start.needs) needs.add(n);
    if (start.ref) needs.add(start.ref);
    return { status: 'undetermined', finding: 'may_have_ended' };
  }
  const soonDays = dueSoonDays(ctx.asOf, d);
  return { status: daysBetween(ctx.asOf, due.earliest) <= soonDays ? 'due_soon' : 'open', finding: 'running' };
}

/** The due-soon window in days from the as-of date (a month is not always 30 days). */
function dueSoonDays(asOf: string, d: CompiledDeadline): number {
  if (!d.dueSoon) return 0;
  if (d.soonFrom !== asOf) {
    d.soonFrom = asOf;
    d.soonDays = daysBetween(asOf, addTerm(asOf, d.dueSoon, 'last-day-of-month').date);
  }
  return d.soonDays;
}

function min(xs: string[]): string {
  return xs.reduce((a, b) => (b < a ? b : a));
}
function max(xs: string[]): string {
  return xs.reduce((a, b) => (b > a ? b : a));
}
