import { answerValue, type CaseFile, type Incident } from '../case/types.js';
import { caseField } from '../case/fields.js';
import { parseWhen, type DayRange } from '../dates/legal-date.js';
import type { Fact } from '../rules/types.js';
import { literalValue, UNKNOWN, type Value } from './values.js';

export interface IncidentView {
  index: number;
  incident: Incident;
  /** the incident's date as a range of days; undefined when it cannot be read */
  range: DayRange | undefined;
  /** how many acts it stands for: "about 40 messages" is 40; a rough count is a range */
  count: { lo: number; hi: number };
}

/**
 * A loaded case as the engine reads it: every date parsed once, in the jurisdiction's zone,
 * and every value looked up once, however many rules read it.
 */
export interface CaseView {
  caseFile: CaseFile;
  zone: string;
  incidents: IncidentView[];
  values: Map<string, Value>;
}

export function viewCase(caseFile: CaseFile, zone: string, asOf?: string): CaseView {
  const incidents = (caseFile.incidents ?? []).map((incident, index) => {
    const p = parseWhen(incident.date, zone);
    // What happened happened by the as-of date: an open end ("on or after 1 May") stops there.
    const range = p.ok && asOf !== undefined && p.range.latest > asOf && p.range.earliest <= asOf ? { earliest: p.range.earliest, latest: asOf } : p.ok ? p.range : undefined;
    const c = incident.count;
    const count = c === undefined ? { lo: 1, hi: 1 } : typeof c === 'number' ? { lo: c, hi: c } : { lo: c.min, hi: c.max };
    return { index, incident, range, count };
  });
  return { caseFile, zone, incidents, values: new Map() };
}

/** A date field: false says it did not happen; a date, month, year or range is a range of days. */
export function whenValue(w: unknown, zone: string): Value {
  if (w === undefined || w === null || w === 'unknown') return UNKNOWN;
  if (w === false) return { t: 'bool', v: false };
  const p = parseWhen(w, zone);
  return p.ok ? { t: 'date', lo: p.range.earliest, hi: p.range.latest } : UNKNOWN;
}

/** A case field by its concrete path (orders.0.made). */
export function caseValue(view: CaseView, path: readonly string[]): Value {
  const key = path.join('.');
  const hit = view.values.get(key);
  if (hit) return hit;
  const value = readCaseValue(view, path);
  view.values.set(key, value);
  return value;
}

function readCaseValue(view: CaseView, path: readonly string[]): Value {
  const caseFile = view.caseFile;
  // `orders: []` says there is no order: its fields are known to be absent, not unknown.
  if (path[0] === 'orders' && Array.isArray(caseFile.orders) && Number(path[1]) >= caseFile.orders.length) {
    return path[2] === 'type' ? { t: 'text', v: 'none' } : { t: 'bool', v: false };
  }
  let node: unknown = caseFile;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return UNKNOWN;
    node = (node as Record<string, unknown>)[key];
  }
  if (node === undefined || node === null || node === 'unknown') return UNKNOWN;
  const field = caseField(path);
  if (field?.type === 'date') return whenValue(node, view.zone);
  // A list the case file gives (what the client wants) is complete: what it leaves out is not wanted.
  if (field?.list && Array.isArray(node)) return { t: 'set', values: node.map(String), complete: true };
  if (typeof node === 'boolean' || typeof node === 'number' || typeof node === 'string') return literalValue(node);
  return UNKNOWN;
}

/** A fact's answer, read by the type the rules give it; a fact the rules do not define is unknown. */
export function factValue(view: CaseView, id: string, fact: Fact): Value {
  const key = `facts.${id}`;
  const hit = view.values.get(key);
  if (hit) return hit;
  const facts = view.caseFile.facts;
  const raw = facts && Object.hasOwn(facts, id) ? answerValue(facts[id]) : undefined;
  const value = raw === undefined ? UNKNOWN : typedFact(raw, fact, view.zone);
  view.values.set(key, value);
  return value;
}

function typedFact(raw: NonNullable<ReturnType<typeof answerValue>>, fact: Fact, zone: string): Value {
  switch (fact.type) {
    case 'date':
    case 'datetime':
      return whenValue(raw, zone);
    case 'boolean':
      return typeof raw === 'boolean' ? { t: 'bool', v: raw } : UNKNOWN;
    case 'number':
      return typeof raw === 'number' ? { t: 'num', lo: raw, hi: raw } : UNKNOWN;
    default:
      return { t: 'text', v: String(raw) };
  }
}
