import { conditionRefs, dateExprRefs, parseRef } from '../rules/refs.js';
import type { RuleMeta, RuleSet } from '../rules/types.js';

export type RuleKind = 'criteria' | 'judgments' | 'tables' | 'deadlines' | 'actions';
const KINDS: readonly RuleKind[] = ['criteria', 'judgments', 'tables', 'deadlines', 'actions'];

/** The rules a rule reads (criteria, judgments, tables, deadlines), by `kind.id`. */
export function dependsOn(rs: RuleSet, kind: RuleKind, id: string): string[] {
  const refs: { ref: string; pointer: string }[] = [];
  if (kind === 'criteria') {
    const c = rs.criteria?.[id];
    if (c) conditionRefs(c.when, '', refs);
  } else if (kind === 'judgments') {
    const j = rs.judgments?.[id];
    if (j?.relevantWhen) conditionRefs(j.relevantWhen, '', refs);
  } else if (kind === 'tables') {
    const t = rs.tables?.[id];
    for (const r of t?.inputs ?? []) refs.push({ ref: r, pointer: '' });
    for (const row of t?.rows ?? []) if (row.if) conditionRefs(row.if, '', refs);
  } else if (kind === 'deadlines') {
    const d = rs.deadlines?.[id];
    if (d) dateExprRefs(d.start, '', refs);
    if (d?.appliesWhen) conditionRefs(d.appliesWhen, '', refs);
  } else {
    const a = rs.actions?.[id];
    if (a?.when) conditionRefs(a.when, '', refs);
    if (a?.by) refs.push({ ref: a.by, pointer: '' });
  }
  return refs.flatMap(({ ref }) => {
    const r = parseRef(ref);
    return r && (r.kind === 'criteria' || r.kind === 'judgments' || r.kind === 'tables' || r.kind === 'deadlines') ? [`${r.kind}.${r.id}`] : [];
  });
}

export function ownVerified(rs: RuleSet, m: Pick<RuleMeta, 'cite' | 'verified'>): boolean {
  return m.verified !== false && m.cite.every((id) => !Object.hasOwn(rs.sources, id) || rs.sources[id]?.verified !== false);
}

function ruleOf(rs: RuleSet, kind: RuleKind, id: string): RuleMeta | undefined {
  const section = rs[kind] as Record<string, RuleMeta> | undefined;
  return section && Object.hasOwn(section, id) ? section[id] : undefined;
}

/** For each rule, whether it and every rule it reads rest on verified sources. */
export function verifiedRules(rs: RuleSet): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const visit = (kind: RuleKind, id: string, seen: Set<string>): boolean => {
    const key = `${kind}.${id}`;
    const known = out.get(key);
    if (known !== undefined) return known;
    if (seen.has(key)) return true;
    seen.add(key);
    const rule = ruleOf(rs, kind, id);
    const result =
      rule === undefined ||
      (ownVerified(rs, rule) &&
        dependsOn(rs, kind, id).every((dep) => {
          const [k, i] = dep.split('.') as [RuleKind, string];
          return visit(k, i, seen);
        }));
    out.set(key, result);
    return result;
  };
  for (const kind of KINDS) for (const id of Object.keys(rs[kind] ?? {})) visit(kind, id, new Set());
  return out;
}
