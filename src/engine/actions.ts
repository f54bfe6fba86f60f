import { addTerm, daysBetween } from '../dates/legal-date.js';
import type { CompiledAction } from './compile.js';
import { evalCondition } from './conditions.js';
import { NONE, union, type Ctx } from './context.js';
import type { ActionResult, ActionStatus } from './result.js';
import { isKnown, truthy } from './values.js';

/**
 * An action the rules advise, when its condition holds or may hold: its last day, how many days
 * are left, and whether it has been done. Undefined when the condition is false.
 */
export function evalAction(ctx: Ctx, a: CompiledAction): ActionResult | undefined {
  const when = a.when ? evalCondition(ctx, a.when) : { result: true, needs: NONE };
  if (when.result === false) return undefined;
  const done = a.done?.(ctx);
  const isDone = done !== undefined && isKnown(done.value) && truthy(done.value) === true;
  const by = a.by?.(ctx);
  // The earliest possible last day: act by then, whatever the rough dates turn out to be.
  const due = by && by.value.t === 'date' ? by.value.lo : null;
  const daysLeft = due === null ? null : daysBetween(ctx.asOf, due);
  const needs = union([when.result === undefined ? when.needs : NONE, by && due === null ? by.needs : NONE]);
  return {
    id: a.id,
    ruleset: ctx.ruleset,
    who: a.def.who,
    status: isDone ? 'done' : statusOf(ctx.asOf, due, a),
    ...(when.result === undefined ? { conditional: true as const } : {}),
    urgency: a.def.urgency ?? (a.def.by !== undefined ? 'by-last-day' : 'when-convenient'),
    due,
    daysLeft,
    needs: [...needs].sort().map((ref) => ({ ref, decides: 1 })),
    verified: a.verified,
  };
}

function statusOf(asOf: string, due: string | null, a: CompiledAction): ActionStatus {
  if (due === null) return 'open';
  if (asOf > due) return 'expired';
  return due <= addTerm(asOf, a.dueSoon, 'last-day-of-month').date ? 'due_soon' : 'open';
}
