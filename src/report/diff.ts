import type { CaseReport } from '../explain/types.js';
import { cell, codeCell } from './markdown.js';

/**
 * One thing a rule change moves for one case. For an action, `present` is an action that appears
 * (old null) or disappears (new null), `due` its last day, `order` its place (1 = first) among the
 * actions advised under both versions, so one that appears does not count as moving the others.
 */
export interface Change {
  kind: 'case' | 'conclusion' | 'deadline' | 'action';
  ruleset: string;
  id: string;
  title: string;
  field: 'status' | 'due' | 'latest' | 'outputs' | 'present' | 'order';
  old: unknown;
  new: unknown;
}

export interface CaseDiff {
  id: string;
  file: string;
  asOf: string | null;
  /** rule-set versions used, old and new, when they differ */
  versions?: { old: string[]; new: string[] };
  changes: Change[];
}

export interface DiffResult {
  schemaVersion: '1.0';
  tool: { name: 'rulecase'; version: string };
  base: string;
  rules: string[];
  cases: CaseDiff[];
  /** how many cases changed */
  changed: number;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What differs between a case assessed under the old rules and under the new. */
export function diffCase(old: CaseReport, neu: CaseReport): CaseDiff {
  const changes: Change[] = [];
  const versions = (r: CaseReport): string[] => r.rulesets.map((x) => `${x.id} ${x.version}`);
  if (old.status !== neu.status) {
    changes.push({ kind: 'case', ruleset: '', id: neu.id, title: 'case', field: 'status', old: old.status, new: neu.status });
  }
  const keyed = <T extends { ruleset: string; id: string }>(xs: readonly T[]): Map<string, T> => new Map(xs.map((x) => [`${x.ruleset}.${x.id}`, x]));
  const oldC = keyed(old.conclusions);
  const newC = keyed(neu.conclusions);
  for (const key of [...new Set([...oldC.keys(), ...newC.keys()])]) {
    const a = oldC.get(key);
    const b = newC.get(key);
    const ref = (b ?? a) as NonNullable<typeof a>;
    const base = { kind: 'conclusion' as const, ruleset: ref.ruleset, id: ref.id, title: ref.title };
    if (!a || !b) {
      changes.push({ ...base, field: 'present', old: a ? a.status : null, new: b ? b.status : null });
      continue;
    }
    if (a.status !== b.status) changes.push({ ...base, field: 'status', old: a.status, new: b.status });
    if (!same(a.outputs, b.outputs)) changes.push({ ...base, field: 'outputs', old: a.outputs ?? null, new: b.outputs ?? null });
  }
  const oldD = keyed(old.deadlines);
  const newD = keyed(neu.deadlines);
  for (const key of [...new Set([...oldD.keys(), ...newD.keys()])]) {
    const a = oldD.get(key);
    const b = newD.get(key);
    const base = { kind: 'deadline' as const, ...titled(a, b) };
    if (!a || !b) {
      changes.push(presence(base, a, b));
      continue;
    }
    if (a.due !== b.due) changes.push({ ...base, field: 'due', old: a.due, new: b.due });
    // The earliest due date is `due`; a start known only roughly adds a latest one.
    if ((a.latest !== undefined || b.latest !== undefined) && (a.latest ?? a.due) !== (b.latest ?? b.due)) changes.push({ ...base, field: 'latest', old: a.latest ?? a.due, new: b.latest ?? b.due });
    if (a.status !== b.status) changes.push({ ...base, field: 'status', old: a.status, new: b.status });
  }
  changes.push(...actionChanges(old, neu));
  const vo = versions(old);
  const vn = versions(neu);
  return { id: neu.id, file: neu.file, asOf: neu.asOf, ...(same(vo, vn) ? {} : { versions: { old: vo, new: vn } }), changes };
}

/** Actions that appear, disappear, change their last day or status, or move in the order of what to do now. */
function actionChanges(old: CaseReport, neu: CaseReport): Change[] {
  // A rule set read once per order may advise the same action for two orders: the order is part of its key.
  const key = (a: CaseReport['actions'][number]): string => `${a.ruleset}.${a.id}${a.order !== undefined ? `#${a.order}` : ''}`;
  const oldA = new Map(old.actions.map((a) => [key(a), a]));
  const newA = new Map(neu.actions.map((a) => [key(a), a]));
  const inBoth = (xs: CaseReport['actions'], other: Map<string, unknown>): string[] => xs.map(key).filter((k) => other.has(k));
  const oldRank = new Map(inBoth(old.actions, newA).map((k, i) => [k, i + 1]));
  const newRank = new Map(inBoth(neu.actions, oldA).map((k, i) => [k, i + 1]));
  const out: Change[] = [];
  for (const k of [...new Set([...oldA.keys(), ...newA.keys()])]) {
    const a = oldA.get(k);
    const b = newA.get(k);
    const base = { kind: 'action' as const, ...titled(a, b) };
    if (!a || !b) {
      out.push(presence(base, a, b));
      continue;
    }
    if (a.due !== b.due) out.push({ ...base, field: 'due', old: a.due, new: b.due });
    if (a.status !== b.status) out.push({ ...base, field: 'status', old: a.status, new: b.status });
    if (oldRank.get(k) !== newRank.get(k)) out.push({ ...base, field: 'order', old: oldRank.get(k), new: newRank.get(k) });
  }
  return out;
}

interface Dated {
  ruleset: string;
  id: string;
  title: string;
  due: string | null;
  status: string;
}

/** Who a change is about: the newer version's words where there is one. */
function titled(a: Dated | undefined, b: Dated | undefined): Pick<Change, 'ruleset' | 'id' | 'title'> {
  const ref = (b ?? a) as Dated;
  return { ruleset: ref.ruleset, id: ref.id, title: ref.title };
}

/** A deadline or action in one version only: it appears or disappears, with its last day (or status). */
function presence(base: Omit<Change, 'field' | 'old' | 'new'>, a: Dated | undefined, b: Dated | undefined): Change {
  return { ...base, field: 'present', old: a ? (a.due ?? a.status) : null, new: b ? (b.due ?? b.status) : null };
}

const val = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const what = (c: Change): string => (c.kind === 'case' ? 'case' : `${c.kind} ${c.ruleset}.${c.id}`);

/** "due: 2026-07-20 → 2026-06-18"; something that appears or disappears says so. */
function move(ch: Change): string {
  if (ch.field === 'present' && ch.old === null) return `appears: ${val(ch.new)}`;
  if (ch.field === 'present' && ch.new === null) return `disappears (was ${val(ch.old)})`;
  return `${ch.field}: ${val(ch.old)} → ${val(ch.new)}`;
}

export function formatDiffText(d: DiffResult): string {
  const out: string[] = [`rulecase diff: ${d.changed} of ${d.cases.length} case(s) change between ${d.base} and ${d.rules.join(', ')}.`];
  for (const c of d.cases) {
    if (c.changes.length === 0) continue;
    out.push('', `${c.id}  ${c.file}${c.asOf ? `  (as of ${c.asOf})` : ''}`);
    if (c.versions) out.push(`  rule sets: ${c.versions.old.join(', ') || '—'} → ${c.versions.new.join(', ') || '—'}`);
    for (const ch of c.changes) out.push(`  ${what(ch)}  ${ch.title}  ${move(ch)}`);
  }
  return out.join('\n') + '\n';
}

export function formatDiffMarkdown(d: DiffResult): string {
  const out: string[] = [`### rulecase diff: ${d.changed} of ${d.cases.length} case(s) change`, '', `Base \`${d.base}\`, new rules \`${d.rules.join(', ')}\`.`, ''];
  if (d.changed > 0) {
    out.push('| case | rule | what | old | new |', '|---|---|---|---|---|');
    for (const c of d.cases) for (const ch of c.changes) out.push(`| ${codeCell(c.id)} | ${cell(`${what(ch)} (${ch.title})`)} | ${ch.field} | ${cell(val(ch.old))} | ${cell(val(ch.new))} |`);
  } else out.push('No conclusion, deadline or action changes.');
  return out.join('\n') + '\n';
}

export function formatDiffJson(d: DiffResult): string {
  return JSON.stringify(d, null, 2) + '\n';
}
