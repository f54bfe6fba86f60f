/**
 * What a report's mark says: for a rule that rests on something not confirmed, one line saying
 * what (the unverified source's own reason, else the rule's note, else a generic reason). No
 * mark on a fact the user gave (a date read from the case with no legal term added) nor on
 * practical advice (an action cited only to practice or official guidance): see
 * docs/rule-language.md, "Sources".
 */
import { dependsOn, type RuleKind } from '../engine/verified.js';
import type { Deadline, Lang, RuleMeta, RuleSet, SourceKind } from '../rules/types.js';
import { say } from '../words/report.js';

/** Kinds of source that make an action practical advice, not a legal conclusion. */
const ADVICE: ReadonlySet<SourceKind> = new Set(['practice', 'official-guidance']);

function ruleOf(rs: RuleSet, kind: RuleKind, id: string): RuleMeta | undefined {
  const section = rs[kind] as Record<string, RuleMeta> | undefined;
  return section && Object.hasOwn(section, id) ? section[id] : undefined;
}

/** A date the user gave: a deadline that only reads one case date and adds no term ("the order ends"). */
export function isUsersFact(d: Pick<Deadline, 'start' | 'length'>): boolean {
  return typeof d.start === 'string' && d.start.startsWith('case.') && /^P(0[YMWD])+$/.test(d.length);
}

/** Practical advice: an action whose every source is practice or official guidance ("keep the evidence"). */
export function isAdvice(rs: RuleSet, a: RuleMeta): boolean {
  return a.cite.length > 0 && a.cite.every((id) => Object.hasOwn(rs.sources, id) && ADVICE.has(rs.sources[id]?.kind as SourceKind));
}

function unmarked(rs: RuleSet, kind: RuleKind, rule: RuleMeta): boolean {
  return (kind === 'deadlines' && isUsersFact(rule as Deadline)) || (kind === 'actions' && isAdvice(rs, rule));
}

/**
 * Why a rule is not confirmed, in one line in `lang`; undefined when its mark is not shown (it
 * rests only on confirmed law, or is a user's fact or practical advice). A rule whose own sources
 * are confirmed but which reads an unconfirmed rule takes that rule's reason.
 */
export function unconfirmedReason(rs: RuleSet, kind: RuleKind, id: string, lang: Lang, seen: Set<string> = new Set()): string | undefined {
  const key = `${kind}.${id}`;
  const rule = ruleOf(rs, kind, id);
  if (rule === undefined || seen.has(key) || unmarked(rs, kind, rule)) return undefined;
  seen.add(key);
  // An action's practical part (how to call the police, what to keep) is advice: its sources never mark it.
  const sources = rule.cite.flatMap((s) => (Object.hasOwn(rs.sources, s) && rs.sources[s] ? [rs.sources[s]] : [])).filter((s) => kind !== 'actions' || !ADVICE.has(s.kind));
  // What is not confirmed (the source, by name) and why (its own one line).
  const source = sources.find((s) => !s.verified && s.unverifiedBecause);
  if (source?.unverifiedBecause) return `${[source.instrument, shortArticle(source.article)].filter(Boolean).join(', ')}: ${source.unverifiedBecause[lang].trim()}`;
  if (rule.verified === false || sources.some((s) => !s.verified)) return rule.note ? firstSentence(rule.note[lang]) : say(lang, 'unconfirmedRule');
  for (const dep of dependsOn(rs, kind, id)) {
    const [k, i] = dep.split('.') as [RuleKind, string];
    const reason = unconfirmedReason(rs, k, i, lang, seen);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/** A rule's note can run to a paragraph; the mark takes its first sentence. */
function firstSentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = /^(.+?[.;])(\s|$)/.exec(t);
  return (m?.[1] ?? t).replace(/[.;]$/, '');
}

/**
 * A source's article as the note names it: its reference ("s.47(8)"), without the words after it;
 * nothing for a description ("time runs from the last incident …"), which the reason says better.
 */
function shortArticle(article: string | undefined): string | undefined {
  const ref = article?.split(' (')[0]?.trim();
  return ref !== undefined && ref.length <= 28 ? ref : undefined;
}
