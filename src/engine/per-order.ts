import type { CompiledRuleSet } from './compile.js';
import type { Ctx } from './context.js';
import { caseValue, type CaseView } from './case-view.js';
import { evaluateRuleSet } from './evaluate.js';
import type { ActionResult, ConclusionResult, DeadlineResult } from './result.js';

type Run = ReturnType<typeof evaluateRuleSet>;

/**
 * A rule set about "the order" (perOrder) is evaluated once for each order of the case, each in
 * turn read as case.orders.0, so that every incident is weighed against every order. The report
 * gives the conclusions for the order that matters most (the first whose headline conclusion is
 * met, else one that may be, else the first), named; each order's deadlines; every action once.
 */
export function evaluatePerOrder(compiled: CompiledRuleSet, base: CaseView, ctxFor: (view: CaseView) => Ctx): Run {
  const caseFile = base.caseFile;
  const orders = caseFile.orders ?? [];
  const runs = orders.map((_, k) => {
    // The incidents (and their parsed dates) are the case's own in every run: only the orders turn.
    const view: CaseView = { caseFile: { ...caseFile, orders: rotate(orders, k) }, zone: base.zone, incidents: base.incidents, values: new Map(), ...(base.asOf !== undefined ? { asOf: base.asOf } : {}) };
    return { k, run: relabel(evaluateRuleSet(compiled, ctxFor(view)), k) };
  });
  // An order whose recorded end is past is not live, whatever else is missing: it is spoken of only
  // when no order may still be in force.
  const live = runs.filter(({ k }) => !endedBefore(base, k));
  const chosen = pick(live.length > 0 ? live : runs);
  const actions = new Map<string, ActionResult>();
  for (const { run } of [chosen, ...runs.filter((r) => r !== chosen)]) for (const a of run.actions) if (!actions.has(a.id)) actions.set(a.id, a);
  return { conclusions: chosen.run.conclusions, deadlines: runs.flatMap((r) => r.run.deadlines), actions: [...actions.values()] };
}

/** Whether order k's recorded end date (every day it may be) lies before the as-of day. */
function endedBefore(view: CaseView, k: number): boolean {
  const end = caseValue(view, ['orders', String(k), 'expires']);
  return view.asOf !== undefined && end.t === 'date' && end.hi < view.asOf;
}

/** The orders with the k-th first: the rules read it as case.orders.0. */
function rotate<T>(orders: readonly T[], k: number): T[] {
  return [orders[k] as T, ...orders.filter((_, i) => i !== k)];
}

/** The order that matters most: a headline conclusion met, else one that may be, else the first. */
function pick(runs: { k: number; run: Run }[]): { k: number; run: Run } {
  const headline = (r: Run, status: string): boolean => r.conclusions.some((c) => c.headline && c.role === 'element' && c.status === status);
  return runs.find((r) => headline(r.run, 'met')) ?? runs.find((r) => headline(r.run, 'undetermined')) ?? (runs[0] as { k: number; run: Run });
}

/** Names the order each result is about, and points references back at the order as the case file numbers it. */
function relabel(run: Run, k: number): Run {
  // In a run for order k, case.orders.0 is order k and case.orders.i (i ≥ 1) the i-th of the others.
  const original = (i: number): number => (i === 0 ? k : i <= k ? i - 1 : i);
  const fix = (text: string): string => text.replace(/^case\.orders\.(\d+)\./, (_, i: string) => `case.orders.${original(Number(i))}.`);
  const needs = <T extends { needs: { ref: string; decides: number }[] }>(x: T): T => ({ ...x, needs: x.needs.map((m) => ({ ...m, ref: fix(m.ref) })) });
  return {
    conclusions: run.conclusions.map((c): ConclusionResult => ({ ...needs(c), order: k, reasons: c.reasons.map((r) => ({ ...r, ref: fix(r.ref) })) })),
    deadlines: run.deadlines.map((d): DeadlineResult => ({ ...needs(d), order: k, basis: { ...d.basis, ...(d.basis.startRef ? { startRef: fix(d.basis.startRef) } : {}) } })),
    actions: run.actions.map((a): ActionResult => ({ ...needs(a), order: k })),
  };
}
