import type { CompiledJudgment, CompiledRuleSet, CompiledTable } from './compile.js';
import { evalCondition, evalCriterion, evalJudgment } from './conditions.js';
import type { Ctx } from './context.js';
import { evalDeadline } from './deadlines.js';
import { evalAction } from './actions.js';
import type { ActionResult, ConclusionResult, ConclusionStatus, DeadlineResult, Need, Reason } from './result.js';
import { evalTable } from './tables.js';
import { isKnown, jsonValue, type Tri } from './values.js';

const statusOf = (r: Tri): ConclusionStatus => (r === true ? 'met' : r === false ? 'not_met' : 'undetermined');
/** What would decide an element, sorted; most elements need nothing or one thing, which takes no sort. */
function needList(s: ReadonlySet<string>): Need[] {
  if (s.size === 0) return [];
  if (s.size === 1) for (const ref of s) return [{ ref, decides: 1 }];
  return [...s].sort().map((ref) => ({ ref, decides: 1 }));
}

/**
 * Evaluates one compiled rule set against one case: a pure function of the context. Rules are
 * evaluated lazily and once each; results come out in the order the rule set declares.
 */
export function evaluateRuleSet(crs: CompiledRuleSet, ctx: Ctx): { conclusions: ConclusionResult[]; deadlines: DeadlineResult[]; actions: ActionResult[] } {
  // An item of a route that does not apply is not evaluated into the output at all (rules that
  // read it still can); one of an undetermined route carries the route, for the "if …" words.
  const routes = ctx.routes;
  const skip = (def: { route?: string }): boolean => def.route !== undefined && routes?.get(def.route) === 'not_applying';
  const mark = <T extends { route?: string }>(def: { route?: string }, result: T): T => {
    if (def.route !== undefined && routes?.get(def.route) === 'undetermined') result.route = def.route;
    return result;
  };
  const conclusions: ConclusionResult[] = [];
  for (const c of crs.criteria) {
    if (skip(c.def)) continue;
    const ev = evalCriterion(ctx, c);
    conclusions.push(mark(c.def, { id: c.id, ruleset: ctx.ruleset, kind: 'criterion', role: c.def.kind ?? 'element', status: statusOf(ev.result), headline: c.def.conclusion === true, reasons: ev.trace, needs: needList(ev.needs), verified: c.verified } as ConclusionResult));
  }
  for (const j of crs.judgments) if (!skip(j.def)) conclusions.push(mark(j.def, judgmentResult(ctx, j)));
  for (const t of crs.tables) if (!skip(t.def)) conclusions.push(mark(t.def, tableResult(ctx, t)));
  const deadlines: DeadlineResult[] = [];
  for (const d of crs.deadlines) if (!skip(d.def)) deadlines.push(mark(d.def, evalDeadline(ctx, d).result));
  if (ctx.coverage) {
    for (const d of deadlines) ctx.coverage.deadline(ctx.ruleset, d.id, d.status);
    for (const t of crs.tables) if (!skip(t.def)) for (const row of evalTable(ctx, t).rows) ctx.coverage.tableRow(ctx.ruleset, t.id, row);
  }
  const actions: ActionResult[] = [];
  for (const a of crs.actions) {
    if (skip(a.def)) continue;
    const r = evalAction(ctx, a);
    if (r) actions.push(mark(a.def, r));
  }
  return { conclusions, deadlines, actions };
}

function judgmentResult(ctx: Ctx, j: CompiledJudgment): ConclusionResult {
  const ev = evalJudgment(ctx, j);
  const judgments = ctx.view.caseFile.judgments;
  const record = judgments && Object.hasOwn(judgments, j.id) ? judgments[j.id] : undefined;
  const indicators = ctx.reasons ? j.indicators.map((ind) => ({ ref: ind.ref, value: jsonValue(ind.get(ctx).value), counter: ind.counter })) : [];
  const relevant = j.relevantWhen ? evalCondition(ctx, j.relevantWhen).result : true;
  const value = ev.value.t === 'bool' ? ev.value.v : ev.value.t === 'text' ? ev.value.v : undefined;
  // A choice (a culpability category) is met once chosen; a yes/no judgment is met when yes.
  const status: ConclusionStatus = value === undefined ? 'undetermined' : value === false ? 'not_met' : 'met';
  // Key by key in the report's order: conditional spreads here were a hot spot of the batch.
  // A judgment this case does not call for (no ban recorded, say) is no headline of it.
  const result = { id: j.id, ruleset: ctx.ruleset, kind: 'judgment', role: 'element', status, headline: j.def.conclusion === true && relevant !== false } as ConclusionResult;
  if (value !== undefined) result.value = value;
  if (relevant === false) result.relevant = false;
  result.reasons = [];
  result.needs = status === 'undetermined' && relevant !== false ? needList(ev.needs) : [];
  result.indicators = indicators;
  if (record && record.value !== 'unknown') result.judgment = { value: record.value, reason: record.reason, by: record.by, at: record.at };
  result.verified = j.verified;
  return result;
}

function tableResult(ctx: Ctx, t: CompiledTable): ConclusionResult {
  const ev = evalTable(ctx, t);
  const relevant = t.relevantWhen ? evalCondition(ctx, t.relevantWhen).result : true;
  const status = statusOf(ev.result);
  const reasons: Reason[] = !ctx.reasons ? [] : t.inputs.map((inp) => {
    const v = inp.get(ctx).value;
    return { ref: inp.ref, actual: jsonValue(v), result: isKnown(v) ? 'true' : 'unknown' };
  });
  return {
    id: t.id,
    ruleset: ctx.ruleset,
    kind: 'table',
    role: t.def.kind ?? 'information',
    status,
    headline: t.def.conclusion === true && relevant !== false,
    ...(relevant === false ? { relevant: false as const } : {}),
    reasons,
    needs: relevant === false ? [] : needList(ev.needs),
    ...(status === 'met' ? { outputs: ev.outputs, rows: ev.rows.map((r) => r + 1) } : {}),
    ...(ev.problem ? { problem: ev.problem } : {}),
    verified: t.verified,
  };
}
