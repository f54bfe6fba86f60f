import type { CaseFile } from '../../src/case/types.js';
import { addDays, daysBetween } from '../../src/dates/legal-date.js';
import { datePaths, daysOf, getAt, removablePaths, setAt, type Path } from './harness.js';

/**
 * One change to a case and which way it goes: "narrow" makes a date more precise (the original is the
 * wider), "wide" makes it rougher (the change is the wider), "remove" leaves a field out or answers
 * "don't know".
 */
export interface Variant {
  kind: 'narrow' | 'wide' | 'remove';
  change: string;
  caseFile: CaseFile;
}

const show = (path: Path): string => path.join('.');

/** Days inside a rough date to try: its ends, the middle, and `extra` (a fraction 0..1) when given. */
function daysInside(range: { earliest: string; latest: string }, extra?: number): string[] {
  const span = daysBetween(range.earliest, range.latest);
  const picks = [0, span, ...(extra !== undefined ? [Math.floor(span * extra)] : [Math.floor(span / 2)])];
  return [...new Set(picks.map((n) => addDays(range.earliest, n)))];
}

export function variants(caseFile: CaseFile, asOf: string, dateFacts: ReadonlySet<string>, extra?: number): Variant[] {
  const out: Variant[] = [];
  for (const { path, past } of datePaths(caseFile, dateFacts)) {
    const raw = getAt(caseFile, path);
    const range = daysOf(raw, asOf, past);
    if (!range) continue;
    const wrapped = raw !== null && typeof raw === 'object' && 'value' in raw;
    const put = (v: unknown): CaseFile => setAt(caseFile, path, wrapped ? { ...(raw as object), value: v } : v);
    if (range.earliest !== range.latest || typeof raw !== 'string' || raw.length !== 10) {
      for (const d of daysInside(range, extra)) out.push({ kind: 'narrow', change: `${show(path)}: ${JSON.stringify(raw)} → ${d}`, caseFile: put(d) });
    } else {
      out.push({ kind: 'wide', change: `${show(path)}: ${raw} → ${raw.slice(0, 7)}`, caseFile: put(raw.slice(0, 7)) });
      out.push({ kind: 'wide', change: `${show(path)}: ${raw} → ${raw.slice(0, 4)}`, caseFile: put(raw.slice(0, 4)) });
    }
  }
  for (const path of removablePaths(caseFile)) {
    out.push({ kind: 'remove', change: `${show(path)} left out`, caseFile: setAt(caseFile, path, undefined) });
    if (getAt(caseFile, path) !== 'unknown') out.push({ kind: 'remove', change: `${show(path)} → "unknown"`, caseFile: setAt(caseFile, path, 'unknown') });
  }
  return out;
}
