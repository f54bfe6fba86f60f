/**
 * Values in the engine are honest about what is not known: a boolean may be unknown, a count
 * over incidents whose details are partly unknown is an interval, a rough date is a range.
 */
export type Value =
  | { t: 'unknown' }
  | { t: 'bool'; v: boolean }
  | { t: 'num'; lo: number; hi: number }
  | { t: 'date'; lo: string; hi: string }
  | { t: 'text'; v: string }
  | { t: 'set'; values: string[]; complete: boolean };

/** Three-valued truth: undefined is unknown (Kleene). */
export type Tri = boolean | undefined;

export const UNKNOWN: Value = { t: 'unknown' };

export function triAnd(values: Tri[]): Tri {
  if (values.some((v) => v === false)) return false;
  return values.every((v) => v === true) ? true : undefined;
}

export function triOr(values: Tri[]): Tri {
  if (values.some((v) => v === true)) return true;
  return values.every((v) => v === false) ? false : undefined;
}

export function triNot(v: Tri): Tri {
  return v === undefined ? undefined : !v;
}

export function triAtLeast(n: number, values: Tri[]): Tri {
  const yes = values.filter((v) => v === true).length;
  const maybe = values.filter((v) => v === undefined).length;
  if (yes >= n) return true;
  if (yes + maybe < n) return false;
  return undefined;
}

export function isKnown(v: Value): boolean {
  return v.t !== 'unknown';
}

export function truthy(v: Value): Tri {
  switch (v.t) {
    case 'bool':
      return v.v;
    case 'num':
      return v.lo > 0 ? true : v.hi <= 0 ? false : undefined;
    case 'date':
      return true;
    case 'text':
      return v.v !== '';
    case 'set':
      return v.values.length > 0 ? true : v.complete ? false : undefined;
    default:
      return undefined;
  }
}

type Ord = { lo: number | string; hi: number | string };

function ordered(v: Value): Ord | undefined {
  if (v.t === 'num') return { lo: v.lo, hi: v.hi };
  if (v.t === 'date') return { lo: v.lo, hi: v.hi };
  return undefined;
}

/** Interval comparison: decided only when every possible value gives the same answer. */
export function compare(op: string, left: Value, right: Value): Tri {
  if (!isKnown(left) || !isKnown(right)) return undefined;
  if (op === '==' || op === '!=') {
    const eq = equals(left, right);
    return op === '==' ? eq : triNot(eq);
  }
  const a = ordered(left);
  const b = ordered(right);
  if (!a || !b) return undefined;
  switch (op) {
    case '<':
      return a.hi < b.lo ? true : a.lo >= b.hi ? false : undefined;
    case '<=':
      return a.hi <= b.lo ? true : a.lo > b.hi ? false : undefined;
    case '>':
      return a.lo > b.hi ? true : a.hi <= b.lo ? false : undefined;
    case '>=':
      return a.lo >= b.hi ? true : a.hi < b.lo ? false : undefined;
    default:
      return undefined;
  }
}

function equals(a: Value, b: Value): Tri {
  const oa = ordered(a);
  const ob = ordered(b);
  if (oa && ob) {
    if (oa.lo === oa.hi && ob.lo === ob.hi) return oa.lo === ob.lo;
    return oa.hi < ob.lo || ob.hi < oa.lo ? false : undefined;
  }
  if (a.t === 'bool' && b.t === 'bool') return a.v === b.v;
  if (a.t === 'text' && b.t === 'text') return a.v === b.v;
  return false;
}

export function literalValue(x: string | number | boolean): Value {
  if (typeof x === 'boolean') return { t: 'bool', v: x };
  if (typeof x === 'number') return { t: 'num', lo: x, hi: x };
  if (/^\d{4}-\d{2}-\d{2}$/.test(x)) return { t: 'date', lo: x, hi: x };
  return { t: 'text', v: x };
}

/** Values for the JSON report: plain and stable. */
export function jsonValue(v: Value): unknown {
  switch (v.t) {
    case 'unknown':
      return null;
    case 'bool':
      return v.v;
    case 'num':
      return v.lo === v.hi ? v.lo : { min: round(v.lo), max: round(v.hi) };
    case 'date':
      return v.lo === v.hi ? v.lo : { earliest: v.lo, latest: v.hi };
    case 'text':
      return v.v;
    case 'set':
      return v.complete ? v.values : { known: v.values, complete: false };
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
