import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadCaseValue } from '../../src/case/load.js';
import type { CaseFile } from '../../src/case/types.js';
import { addDays, parseWhen } from '../../src/dates/legal-date.js';
import { assessCase } from '../../src/engine/assess.js';
import type { CaseResult } from '../../src/engine/result.js';
import type { LoadedRules } from '../../src/io/files.js';
import { ROOT } from '../helpers.js';

/** A case to assess, with the day it is assessed on and where it came from. */
export interface Sample {
  label: string;
  asOf: string;
  caseFile: CaseFile;
}

/** What a person reads as decided: each conclusion's and each deadline's status, where it is determined. */
export type Verdicts = Map<string, string>;

// Statuses that say the same thing: open and due soon are both "still running" (which one depends on
// the exact due day, that a rough start leaves open); a passed end and a missed last day both "ended".
const DEADLINE_CLASS: Record<string, string | undefined> = { open: 'running', due_soon: 'running', expired: 'ended', passed: 'ended', satisfied: 'satisfied' };

/**
 * A deadline that does not apply is not shown: whether a term is about this case at all is a gate
 * (is there a kort geding judgment? a gedragsaanwijzing?), answered from what is recorded, so that a
 * case without one is not filled with open questions about it. Only the statuses of deadlines that
 * apply are verdicts here.
 */
export function verdicts(result: CaseResult): Verdicts {
  const out: Verdicts = new Map();
  for (const c of result.conclusions) if (c.status !== 'undetermined') out.set(`conclusion ${c.ruleset}/${c.id}${c.order !== undefined ? `#${c.order}` : ''}`, c.status);
  for (const d of result.deadlines) {
    const cls = DEADLINE_CLASS[d.status];
    if (cls) out.set(`deadline ${d.ruleset}/${d.id}${d.order !== undefined ? `#${d.order}` : ''}`, cls);
  }
  return out;
}

/** Assesses a case value; undefined when the case is not valid (a mutation the schema refuses). */
export function assess(rules: LoadedRules, caseFile: CaseFile, asOf: string): CaseResult | undefined {
  const start = { line: 1, column: 1 };
  const doc = { file: 'generated.yaml', value: caseFile, locate: () => start, locateKey: () => start };
  const loaded = loadCaseValue(doc);
  if (!loaded.caseFile || loaded.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const r = assessCase(rules.rulesets, loaded.caseFile, doc, { asOf, lang: 'en' }, 'generated');
  return r.status === 'invalid' ? undefined : r;
}

/**
 * A term still running while its act is not known to be done says nothing against the act done in
 * time: "open, last day 11 May" and "met on 15 April" agree. Every other pair of different statuses
 * contradicts.
 */
const compatible = (a: string, b: string): boolean => a === b || (a === 'running' && b === 'satisfied') || (a === 'satisfied' && b === 'running');

/** Verdicts of `wide` that `narrow` contradicts: both determined, different. Keys in `skip` are not compared. */
export function contradictions(wide: Verdicts, narrow: Verdicts, skip: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (const [key, value] of wide) {
    const other = narrow.get(key);
    if (skip.has(key.replace(/#\d+$/, ''))) continue;
    if (other !== undefined && !compatible(value, other)) out.push(`${key}: ${value} with less known, ${other} with more`);
  }
  return out;
}

/** Every bundled fixture and every rule-test case, with its as-of day. */
export function corpus(): Sample[] {
  const out: Sample[] = [];
  for (const dir of ['fixtures/nl', 'fixtures/ew', 'fixtures/example']) {
    for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.yaml'))) {
      const caseFile = parse(readFileSync(join(ROOT, dir, f), 'utf8')) as CaseFile;
      out.push({ label: `${dir}/${f}`, asOf: caseFile.asOf ?? '2026-06-01', caseFile });
    }
  }
  for (const dir of ['rules/nl', 'rules/ew']) {
    for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.test.yaml'))) {
      const doc = parse(readFileSync(join(ROOT, dir, f), 'utf8')) as { tests?: { name: string; asOf?: string; case?: CaseFile }[] };
      for (const t of doc.tests ?? []) if (t.case && typeof t.case === 'object') out.push({ label: `${dir}/${f}: ${t.name}`, asOf: t.asOf ?? t.case.asOf ?? '2026-06-01', caseFile: t.case });
    }
  }
  return out;
}

/** A path into a case file and the value found there. */
export type Path = (string | number)[];

export function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const k of path) node = node === null || typeof node !== 'object' ? undefined : (node as Record<string | number, unknown>)[k];
  return node;
}

/** A copy of the case with the value at path replaced (undefined removes it). */
export function setAt(caseFile: CaseFile, path: Path, value: unknown): CaseFile {
  const copy = structuredClone(caseFile);
  let node = copy as unknown as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const DATE_KEYS = { incident: ['date', 'reported'], order: ['made', 'served', 'expires', 'returnDate'], complaint: ['learned', 'filed', 'withdrawn'] };
/** Fields that are events by the as-of day: a day chosen inside an open end stops there, as the engine's does. */
const FUTURE_KEYS = new Set(['expires', 'returnDate']);

/** Every date written in the case, with whether it is a past event. Facts of type date are included. */
export function datePaths(caseFile: CaseFile, dateFacts: ReadonlySet<string>): { path: Path; past: boolean }[] {
  const out: { path: Path; past: boolean }[] = [];
  caseFile.incidents?.forEach((inc, i) => DATE_KEYS.incident.forEach((k) => (inc as unknown as Record<string, unknown>)[k] !== undefined && out.push({ path: ['incidents', i, k], past: true })));
  caseFile.orders?.forEach((o, i) => DATE_KEYS.order.forEach((k) => (o as unknown as Record<string, unknown>)[k] !== undefined && out.push({ path: ['orders', i, k], past: !FUTURE_KEYS.has(k) })));
  for (const k of DATE_KEYS.complaint) {
    const v = (caseFile.complaint as Record<string, unknown> | undefined)?.[k];
    if (v !== undefined && v !== false && v !== 'unknown') out.push({ path: ['complaint', k], past: true });
  }
  for (const [id, v] of Object.entries(caseFile.facts ?? {})) if (dateFacts.has(id) && v !== 'unknown') out.push({ path: ['facts', id], past: false });
  return out;
}

/** The days a written date may be, as the engine reads it; undefined when it is not a date. */
export function daysOf(value: unknown, asOf: string, past: boolean): { earliest: string; latest: string } | undefined {
  const v = value !== null && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
  const p = parseWhen(v, 'UTC');
  if (!p.ok) return undefined;
  let { earliest, latest } = p.range;
  // An open end is not a day anyone could mean: stay within a few years of what is written.
  if (earliest < '1000-01-01') earliest = addDays(latest, -3 * 366);
  if (latest > '9000-01-01') latest = past ? (asOf >= earliest ? asOf : addDays(earliest, 366)) : addDays(earliest, 5 * 366);
  if (past && latest > asOf && earliest <= asOf) latest = asOf;
  return { earliest, latest };
}

/** Every field a person could leave out or answer "don't know" to. */
export function removablePaths(caseFile: CaseFile): Path[] {
  const out: Path[] = [];
  for (const k of Object.keys(caseFile.facts ?? {})) out.push(['facts', k]);
  for (const k of Object.keys(caseFile.judgments ?? {})) out.push(['judgments', k]);
  for (const k of Object.keys(caseFile.complaint ?? {})) out.push(['complaint', k]);
  caseFile.orders?.forEach((o, i) => {
    for (const k of Object.keys(o)) if (k !== 'type' && k !== 'terms' && k !== 'id') out.push(['orders', i, k]);
    for (const k of Object.keys(o.terms ?? {})) out.push(['orders', i, 'terms', k]);
  });
  caseFile.incidents?.forEach((inc, i) => {
    for (const k of Object.keys(inc)) if (!['id', 'description', 'evidence', 'witnesses', 'channel'].includes(k)) out.push(['incidents', i, k]);
  });
  return out;
}
