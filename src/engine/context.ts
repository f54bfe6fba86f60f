import type { Calendar } from '../rules/types.js';
import type { CaseView } from './case-view.js';
import type { Tri, Value } from './values.js';
import type { RouteStatus } from './result.js';

/** A value with the inputs that could still change it, while it is not decided. */
export interface Ev {
  value: Value;
  needs: ReadonlySet<string>;
}

/** A condition's three-valued result with the inputs that could still decide it. */
export interface CondEv {
  result: Tri;
  needs: ReadonlySet<string>;
}

export const NONE: ReadonlySet<string> = new Set<string>();

export function union(sets: Iterable<ReadonlySet<string>>): ReadonlySet<string> {
  let out: Set<string> | undefined;
  let only: ReadonlySet<string> = NONE;
  for (const s of sets) {
    if (s.size === 0) continue;
    if (only === NONE && out === undefined) {
      only = s;
      continue;
    }
    out ??= new Set(only);
    for (const x of s) out.add(x);
  }
  return out ?? only;
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

/** Everything one evaluation of one rule set against one case reads besides the compiled rules. */
export interface Ctx {
  view: CaseView;
  asOf: string;
  /** calendars from every loaded rule set, by id */
  calendars: ReadonlyMap<string, Calendar>;
  /** one slot per compiled rule of the rule set: each rule is evaluated once per case */
  memo: unknown[];
  ruleset: string;
  /** collect each element's reasons and indicators (only formats that explain need them) */
  reasons: boolean;
  coverage?: CoverageCollector;
  /** each route's status for this case (a route not listed applies); worked out before any item */
  routes?: ReadonlyMap<string, RouteStatus>;
}

/**
 * Evaluates once per case: the slot holds the result after the first call. Callers look in the
 * slot themselves first (`memo[slot] ?? once(...)`), so a hit costs no closure.
 */
export function once<T>(ctx: Ctx, slot: number, compute: () => T): T {
  const hit = ctx.memo[slot];
  if (hit !== undefined) return hit as T;
  const value = compute();
  ctx.memo[slot] = value;
  return value;
}
