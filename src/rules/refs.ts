import { REFERABLE_CASE_PATHS } from '../case/fields.js';
import type { Condition, DateExpr } from './types.js';

/** A parsed reference such as facts.x, derived.x, tables.grid.startingPoint or case.complaint.filed. */
export type Ref =
  | { kind: 'facts' | 'derived' | 'criteria' | 'judgments'; id: string }
  | { kind: 'tables'; id: string; output?: string }
  | { kind: 'deadlines'; id: string; field: 'due' | 'status' }
  | { kind: 'case'; path: string[] }
  | { kind: 'asOf' };

/** The case fields a rule may reference as case.<path>, from the one table of case fields. */
export const CASE_PATHS: readonly string[] = REFERABLE_CASE_PATHS;

export function normaliseCasePath(path: readonly string[]): string {
  return path.map((p) => (/^\d+$/.test(p) ? 'N' : p)).join('.');
}

// References are parsed at every evaluation of every case: parse each distinct text once.
const parsed = new Map<string, Ref | undefined>();

export function parseRef(text: string): Ref | undefined {
  if (parsed.has(text)) return parsed.get(text);
  const ref = parseRefUncached(text);
  parsed.set(text, ref);
  return ref;
}

function parseRefUncached(text: string): Ref | undefined {
  if (text === 'asOf') return { kind: 'asOf' };
  const [head, ...rest] = text.split('.');
  switch (head) {
    case 'facts':
    case 'derived':
    case 'criteria':
    case 'judgments':
      return rest.length === 1 && rest[0] ? { kind: head, id: rest[0] } : undefined;
    case 'tables':
      if (!rest[0] || rest.length > 2) return undefined;
      return rest[1] ? { kind: 'tables', id: rest[0], output: rest[1] } : { kind: 'tables', id: rest[0] };
    case 'deadlines':
      return rest.length === 2 && rest[0] && (rest[1] === 'due' || rest[1] === 'status') ? { kind: 'deadlines', id: rest[0], field: rest[1] } : undefined;
    case 'case':
      return CASE_PATHS.includes(normaliseCasePath(rest)) ? { kind: 'case', path: rest } : undefined;
    default:
      return undefined;
  }
}

/** Every reference in a condition, with the JSON pointer of the place it is written. */
export function conditionRefs(c: Condition, pointer: string, out: { ref: string; pointer: string }[] = []): { ref: string; pointer: string }[] {
  if ('all' in c) c.all.forEach((x, i) => conditionRefs(x, `${pointer}/all/${i}`, out));
  else if ('any' in c) c.any.forEach((x, i) => conditionRefs(x, `${pointer}/any/${i}`, out));
  else if ('not' in c) conditionRefs(c.not, `${pointer}/not`, out);
  else if ('atLeast' in c) c.of.forEach((x, i) => conditionRefs(x, `${pointer}/of/${i}`, out));
  else if ('firstKnown' in c) c.firstKnown.forEach((x, i) => conditionRefs(x, `${pointer}/firstKnown/${i}`, out));
  else {
    out.push({ ref: c.check, pointer: `${pointer}/check` });
    if (c.other !== undefined) out.push({ ref: c.other, pointer: `${pointer}/other` });
  }
  return out;
}

export function dateExprRefs(e: DateExpr, pointer: string, out: { ref: string; pointer: string }[] = []): { ref: string; pointer: string }[] {
  if (typeof e === 'string') out.push({ ref: e, pointer });
  else if ('latest' in e) e.latest.forEach((x, i) => dateExprRefs(x, `${pointer}/latest/${i}`, out));
  else if ('earliest' in e) e.earliest.forEach((x, i) => dateExprRefs(x, `${pointer}/earliest/${i}`, out));
  else e.firstKnown.forEach((x, i) => dateExprRefs(x, `${pointer}/firstKnown/${i}`, out));
  return out;
}
