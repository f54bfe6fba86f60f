import type { CheckNode, CompiledCriterion, CompiledJudgment, CondNode } from './compile.js';
import { NONE, once, union, type CondEv, type Ctx, type Ev } from './context.js';
import type { Reason } from './result.js';
import { compare, isKnown, jsonValue, triNot, truthy, UNKNOWN, type Tri } from './values.js';

/** A criterion's result, with the comparisons made on the way (its reasons). */
export interface CriterionEv extends CondEv {
  trace: Reason[];
}

export function evalCriterion(ctx: Ctx, c: CompiledCriterion): CriterionEv {
  return (ctx.memo[c.slot] as CriterionEv | undefined) ?? once(ctx, c.slot, () => {
    const trace: Reason[] = [];
    const ev = evalCondition(ctx, c.when, ctx.reasons ? trace : undefined);
    return { result: ev.result, needs: ev.needs, trace };
  });
}

/** A judgment is the adviser's: recorded in the case file, or unknown and needed. */
export function evalJudgment(ctx: Ctx, j: CompiledJudgment): Ev {
  return (ctx.memo[j.slot] as Ev | undefined) ?? once(ctx, j.slot, () => {
    const judgments = ctx.view.caseFile.judgments;
    const record = judgments && Object.hasOwn(judgments, j.id) ? judgments[j.id] : undefined;
    if (!record || record.value === 'unknown') return { value: UNKNOWN, needs: j.ask };
    return { value: typeof record.value === 'boolean' ? { t: 'bool', v: record.value } : { t: 'text', v: String(record.value) }, needs: NONE };
  });
}

/** Evaluates a condition tree (Kleene logic); comparisons are added to `trace` when one is given. */
export function evalCondition(ctx: Ctx, node: CondNode, trace?: Reason[], negated = false): CondEv {
  const ev = evalNode(ctx, node, trace, negated);
  ctx.coverage?.condition(ctx.ruleset, node.pointer, ev.result);
  return ev;
}

function evalNode(ctx: Ctx, node: CondNode, trace: Reason[] | undefined, negated: boolean): CondEv {
  switch (node.kind) {
    case 'all':
    case 'any':
    case 'atLeast':
      return combine(ctx, node, trace, negated);
    case 'firstKnown': {
      // Only the sources up to the first known one are evaluated and shown.
      const unknownNeeds: ReadonlySet<string>[] = [];
      for (const part of node.parts) {
        const e = evalCondition(ctx, part, trace, negated);
        if (e.result !== undefined) return { result: e.result, needs: NONE };
        unknownNeeds.push(e.needs);
      }
      return { result: undefined, needs: union(unknownNeeds) };
    }
    case 'not': {
      const e = evalCondition(ctx, node.part, trace, !negated);
      return { result: triNot(e.result), needs: e.needs };
    }
    case 'check':
      return evalCheck(ctx, node, trace, negated);
  }
}

/**
 * all, any and atLeast (Kleene): every part is evaluated (each shows in the reasons and coverage),
 * counted as it comes; the needs of the undecided parts are gathered only when the whole is undecided.
 */
function combine(ctx: Ctx, node: CondNode & { parts: CondNode[] }, trace: Reason[] | undefined, negated: boolean): CondEv {
  const evs: CondEv[] = new Array<CondEv>(node.parts.length);
  let yes = 0;
  let no = 0;
  for (let i = 0; i < node.parts.length; i++) {
    const e = evalCondition(ctx, node.parts[i] as CondNode, trace, negated);
    evs[i] = e;
    if (e.result === true) yes++;
    else if (e.result === false) no++;
  }
  const n = evs.length;
  const result: Tri = node.kind === 'all' ? (no > 0 ? false : yes === n ? true : undefined) : node.kind === 'any' ? (yes > 0 ? true : no === n ? false : undefined) : node.kind === 'atLeast' ? atLeast(node.n, yes, n - no) : undefined;
  if (result !== undefined) return { result, needs: NONE };
  const open: ReadonlySet<string>[] = [];
  for (const e of evs) if (e.result === undefined) open.push(e.needs);
  return { result, needs: union(open) };
}

/** At least n of the parts: yes of them are true, and at most `possible` could be. */
function atLeast(n: number, yes: number, possible: number): Tri {
  return yes >= n ? true : possible < n ? false : undefined;
}

function evalCheck(ctx: Ctx, node: CheckNode, trace: Reason[] | undefined, negated: boolean): CondEv {
  const left = node.get(ctx);
  const right = node.other ? node.other.get(ctx) : undefined;
  const result = checkResult(node, left, right);
  const needs = result === undefined && node.op !== 'known' ? (right ? union([left.needs, right.needs]) : left.needs) : NONE;
  trace?.push({
    ref: node.ref,
    ...(node.op !== undefined ? { op: node.op } : {}),
    ...(node.expected !== undefined ? { expected: node.expected } : {}),
    ...(node.other && right ? { other: node.other.ref, otherValue: jsonValue(right.value) } : {}),
    actual: jsonValue(left.value),
    result: result === undefined ? 'unknown' : result ? 'true' : 'false',
    ...(negated ? { negated: true as const } : {}),
  });
  return { result, needs };
}

function checkResult(node: CheckNode, left: Ev, right: Ev | undefined): Tri {
  const v = left.value;
  switch (node.op) {
    case undefined:
      return truthy(v);
    case 'known':
      return isKnown(v);
    case 'in': {
      // Kleene or over the listed values, without an array per check.
      let result: Tri = false;
      for (const o of node.literals) {
        const r = compare('==', v, o);
        if (r === true) return true;
        if (r === undefined) result = undefined;
      }
      return result;
    }
    case 'includes': {
      const want = node.literals[0];
      if (v.t === 'set') {
        const text = want?.t === 'text' ? want.v : want?.t === 'date' ? want.lo : String(node.expected);
        return v.values.includes(text) ? true : v.complete ? false : undefined;
      }
      return v.t === 'unknown' || want === undefined ? undefined : compare('==', v, want);
    }
    default:
      return compare(node.op, v, right ? right.value : (node.literals[0] ?? UNKNOWN));
  }
}
