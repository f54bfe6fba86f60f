import type { CaseFile, Incident } from '../case/types.js';
import { parseWhen } from '../dates/legal-date.js';
import type { RuleSet } from '../rules/types.js';

/**
 * What the interview reads from the loaded rule sets to decide which status questions to ask up
 * front (the complaint, the orders and their fields), and the pure steps behind them. No law here:
 * only which case fields the rules mention.
 */

// Worked out once per set of loaded rules: the interview plans again after every answer.
const FALLBACKS = new WeakMap<readonly RuleSet[], Map<string, string[]>>();
const GATED = new WeakMap<readonly RuleSet[], Map<string, string[][]>>();

function walk(v: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(v)) for (const x of v) walk(x, visit);
  else if (v !== null && typeof v === 'object') {
    visit(v as Record<string, unknown>);
    for (const x of Object.values(v)) walk(x, visit);
  }
}

function strings(rs: RuleSet): string[] {
  const out: string[] = [];
  const all = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(all);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(all);
  };
  all({ derived: rs.derived, criteria: rs.criteria, judgments: rs.judgments, tables: rs.tables, deadlines: rs.deadlines, actions: (rs as { actions?: unknown }).actions, routes: (rs as { routes?: unknown }).routes });
  return out;
}

/** The case references (case.orders.N.terms.violence, with N for an index) the jurisdiction's rules mention. */
export function mentionedCaseRefs(rulesets: readonly RuleSet[], jurisdiction: string): Set<string> {
  const out = new Set<string>();
  for (const rs of rulesets) if (rs.jurisdiction === jurisdiction) for (const s of strings(rs)) if (s.startsWith('case.')) out.add(s.replace(/\.\d+(?=\.|$)/g, '.N'));
  return out;
}

/**
 * Facts that stand in for a case field when the case leaves it out: `firstKnown: [case.x, facts.y]`
 * reads the fact only where the field is silent. Asked "don't know" about the field, the adviser
 * would be asked the same thing again through the fact; this says which facts those are.
 */
export function factFallbacks(rulesets: readonly RuleSet[]): Map<string, string[]> {
  const known = FALLBACKS.get(rulesets);
  if (known) return known;
  const out = new Map<string, string[]>();
  FALLBACKS.set(rulesets, out);
  for (const rs of rulesets) {
    walk({ derived: rs.derived, criteria: rs.criteria, judgments: rs.judgments, tables: rs.tables, deadlines: rs.deadlines }, (o) => {
      const list = o['firstKnown'];
      if (!Array.isArray(list)) return;
      const refs = list.map((x) => (typeof x === 'string' ? x : x !== null && typeof x === 'object' && typeof (x as { check?: unknown }).check === 'string' ? (x as { check: string }).check : undefined));
      const first = refs[0];
      if (first === undefined || !first.startsWith('case.')) return;
      const facts = refs.slice(1).filter((r): r is string => r !== undefined && r.startsWith('facts.'));
      if (facts.length > 0) out.set(first, [...new Set([...(out.get(first) ?? []), ...facts])]);
    });
  }
  return out;
}

/**
 * Whether an incident came after the day contact was refused: true when it began after the last
 * day the refusal may have been, false when it ended before the first, undefined when the dates
 * overlap (that incident is then asked on its own).
 */
export function afterRefusal(incident: Incident, refused: unknown, zone: string): boolean | undefined {
  const r = parseWhen(refused, zone);
  const i = parseWhen(incident.date, zone);
  if (!r.ok || !i.ok) return undefined;
  if (i.range.earliest > r.range.latest) return true;
  if (i.range.latest < r.range.earliest) return false;
  return undefined;
}

/** Fills in afterRefusal on every incident that leaves it out and whose dates decide it. */
export function applyRefusal(c: CaseFile, refused: unknown, zone: string): CaseFile {
  const incidents = (c.incidents ?? []).map((inc) => {
    if (inc.afterRefusal !== undefined) return inc;
    const after = afterRefusal(inc, refused, zone);
    return after === undefined ? inc : { ...inc, afterRefusal: after };
  });
  return c.incidents ? { ...c, incidents } : c;
}

type Node = Record<string, unknown>;

/** The references a condition reads (checks and the values compared with). */
function refsIn(node: unknown): string[] {
  const out: string[] = [];
  walk(node, (o) => {
    for (const k of ['check', 'other']) if (typeof o[k] === 'string') out.push(o[k]);
  });
  return out;
}

/** Every check in a condition, with the references earlier members of the `all`s around it read. */
function gatedLeaves(node: unknown, gates: string[], out: { ref: string; gates: string[] }[]): void {
  if (Array.isArray(node)) return node.forEach((n) => gatedLeaves(n, gates, out));
  if (node === null || typeof node !== 'object') return;
  const o = node as Node;
  for (const k of ['check', 'other']) if (typeof o[k] === 'string') out.push({ ref: o[k], gates });
  if (Array.isArray(o['all'])) {
    o['all'].forEach((child, i) => gatedLeaves(child, [...gates, ...refsIn((o['all'] as unknown[]).slice(0, i)).filter((r) => /^(criteria|facts|case)\./.test(r))], out));
  }
  for (const k of ['any', 'of', 'firstKnown', 'not', 'if', 'rows', 'when', 'relevantWhen', 'appliesWhen']) if (k in o) gatedLeaves(o[k], gates, out);
}

/**
 * Questions that only make sense after another answer: a reference read only inside an `all`,
 * after a member that must hold first ("the complaint was made" before "by whom"). For each such
 * reference, the references that gate it, one list per place it is read; a reference also read
 * anywhere else is not listed. When a gate is known to stay open (answered "don't know"), asking
 * what it gates would ask about something that may not exist.
 */
export function gatedRefs(rulesets: readonly RuleSet[]): Map<string, string[][]> {
  const known = GATED.get(rulesets);
  if (known) return known;
  const leaves: { ref: string; gates: string[] }[] = [];
  const counts = new Map<string, number>();
  for (const rs of rulesets) {
    for (const s of strings(rs)) counts.set(s, (counts.get(s) ?? 0) + 1);
    for (const group of [rs.criteria, rs.judgments, rs.tables, rs.deadlines, (rs as { actions?: unknown }).actions]) {
      for (const item of Object.values((group ?? {}) as Record<string, unknown>)) gatedLeaves(item, [], leaves);
    }
  }
  const out = new Map<string, string[][]>();
  const byRef = new Map<string, { ref: string; gates: string[] }[]>();
  for (const l of leaves) byRef.set(l.ref, [...(byRef.get(l.ref) ?? []), l]);
  for (const [ref, list] of byRef) {
    // Read somewhere outside a condition (a deadline's start), or somewhere ungated: always worth asking.
    if (list.length !== (counts.get(ref) ?? 0) || list.some((l) => l.gates.length === 0)) continue;
    out.set(ref, list.map((l) => l.gates));
  }
  GATED.set(rulesets, out);
  return out;
}
