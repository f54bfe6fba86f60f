import type { Text } from '../rules/types.js';
import type { CompiledTable } from './compile.js';
import { evalCondition } from './conditions.js';
import { NONE, once, union, type CondEv, type Ctx, type Ev } from './context.js';
import type { TableProblem } from './result.js';
import { compare, isKnown, literalValue, triAnd, UNKNOWN, type Tri, type Value } from './values.js';

export type OutputValue = string | number | boolean | Text;

export interface TableEv {
  result: Tri;
  needs: ReadonlySet<string>;
  /** matched rows, 0-based */
  rows: number[];
  /** a single value per output, or every matching row's value for hit policy collect */
  outputs: Record<string, OutputValue | OutputValue[]>;
  problem?: TableProblem;
}

/** A table's value for a reference: met or not, or one of its outputs once a row is chosen. */
export function tableValue(ctx: Ctx, t: CompiledTable, output: string | undefined): Ev {
  const ev = evalTable(ctx, t);
  if (output === undefined) return { value: ev.result === undefined ? UNKNOWN : { t: 'bool', v: ev.result }, needs: ev.needs };
  const out = Object.hasOwn(ev.outputs, output) ? ev.outputs[output] : undefined;
  if (ev.result !== true || out === undefined || Array.isArray(out)) return { value: UNKNOWN, needs: ev.needs };
  return { value: outputAsValue(out), needs: NONE };
}

/** A text output compares by its English wording: rules compare codes, not prose, so this is rare. */
function outputAsValue(v: OutputValue): Value {
  return typeof v === 'object' ? { t: 'text', v: v.en } : literalValue(v);
}

export function evalTable(ctx: Ctx, t: CompiledTable): TableEv {
  return (ctx.memo[t.slot] as TableEv | undefined) ?? once(ctx, t.slot, () => {
    const inputs = t.inputs.map((inp) => inp.get(ctx));
    const rowResults = t.rows.map((row): CondEv => {
      if (row.if) return evalCondition(ctx, row.if);
      const result = triAnd((row.match ?? []).map((m, i) => (m === '-' ? true : compare('==', inputs[i]?.value ?? UNKNOWN, m))));
      return { result, needs: result === undefined ? union(inputs.filter((inp) => !isKnown(inp.value)).map((inp) => inp.needs)) : NONE };
    });
    return pickRows(t, rowResults);
  });
}

/** Applies the table's hit policy to the rows' results. */
function pickRows(t: CompiledTable, rowResults: CondEv[]): TableEv {
  const outputsOf = (i: number): Record<string, OutputValue> => ({ ...(t.rows[i]?.output ?? {}) });
  const hits = rowResults.flatMap((r, i) => (r.result === true ? [i] : []));
  const policy = t.def.hitPolicy;
  if (policy === 'first') {
    const firstOpen = rowResults.findIndex((r) => r.result !== false);
    const row = rowResults[firstOpen];
    if (!row) return { result: false, needs: NONE, rows: [], outputs: {} };
    if (row.result === undefined) return { result: undefined, needs: row.needs, rows: [], outputs: {} };
    return { result: true, needs: NONE, rows: [firstOpen], outputs: outputsOf(firstOpen) };
  }
  const overlap = policy === 'unique' && hits.length > 1;
  if (rowResults.some((r) => r.result === undefined) && !overlap) {
    return { result: undefined, needs: union(rowResults.filter((r) => r.result === undefined).map((r) => r.needs)), rows: hits, outputs: {} };
  }
  if (hits.length === 0) return { result: false, needs: NONE, rows: [], outputs: {} };
  if (overlap) return { result: undefined, needs: NONE, rows: hits, outputs: {}, problem: { code: 'table-overlap', rows: hits.map((h) => h + 1) } };
  if (policy === 'unique') return { result: true, needs: NONE, rows: hits, outputs: outputsOf(hits[0] as number) };
  const collected: Record<string, OutputValue[]> = {};
  for (const h of hits) for (const [k, v] of Object.entries(outputsOf(h))) (collected[k] ??= []).push(v);
  if (policy === 'collect') return { result: true, needs: NONE, rows: hits, outputs: collected };
  // Hit policy any: the matching rows must agree.
  const agreed: Record<string, OutputValue> = {};
  for (const [k, vs] of Object.entries(collected)) {
    if (new Set(vs.map((v) => JSON.stringify(v))).size > 1) return { result: undefined, needs: NONE, rows: hits, outputs: {}, problem: { code: 'table-disagree', rows: hits.map((h) => h + 1) } };
    agreed[k] = vs[0] as OutputValue;
  }
  return { result: true, needs: NONE, rows: hits, outputs: agreed };
}
