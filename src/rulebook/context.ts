/**
 * What every part of a rule set's page needs: the book, the site's links, the language, the rule
 * set and its words; and the parts every rule shows (sources, verification, tests and coverage,
 * dates), written once here.
 */
import { genericPath } from '../case/fields.js';
import { humanDate } from '../explain/values.js';
import { ownVerified, verifiedRules } from '../engine/verified.js';
import { parseRef } from '../rules/refs.js';
import type { CoverageItem } from '../rules/tests.js';
import type { Lang, RuleMeta, RuleSet, Source, Text } from '../rules/types.js';
import { esc, facts, partsHtml, Site } from './html.js';
import { LogicWords, type Line } from './logic.js';
import { entryKey, type Book, type Place, type RuleSection } from './model.js';
import { book, bookIfKnown, type BookWordKey } from './words.js';

/** A source as a rule file gives it; `kind` may be missing in rule files written before it was required. */
export type BookSource = Omit<Source, 'kind'> & { kind?: string };

export const CASE_FIELDS_PAGE = 'case-fields';
export const UNVERIFIED_PAGE = 'unverified';
export const INDEX_PAGE = 'index';
export const ROUTES_PAGE = 'routes';

export const casePlace = (path: string): Place => ({ page: CASE_FIELDS_PAGE, anchor: `${CASE_FIELDS_PAGE}--${genericPath(path)}` });

export class RuleSetContext {
  readonly words: LogicWords;
  private readonly verified: Map<string, boolean>;

  constructor(
    readonly book: Book,
    readonly site: Site,
    readonly lang: Lang,
    readonly rs: RuleSet,
  ) {
    this.words = new LogicWords(rs, lang);
    this.verified = verifiedRules(rs);
  }

  w(key: BookWordKey, vars: Record<string, string | number> = {}): string {
    return book(this.lang, key, vars);
  }

  tx(t: Text | undefined): string {
    return t ? t[this.lang] : '';
  }

  date(iso: string): string {
    return humanDate(iso, this.lang);
  }

  /** Where a reference of this rule set has its place in the book. */
  placeOf = (ref: string): Place | undefined => {
    const r = parseRef(ref);
    if (!r || r.kind === 'asOf') return undefined;
    if (r.kind === 'case') return casePlace(r.path.join('.'));
    const section = this.rs[r.kind] as Record<string, unknown> | undefined;
    return section && Object.hasOwn(section, r.id) ? this.book.place(this.rs, r.kind, r.id) : undefined;
  };

  /** An entry of this rule set (`section.id`) as a link with its title. */
  entryLink(key: string): string {
    const dot = key.indexOf('.');
    const section = key.slice(0, dot);
    const id = key.slice(dot + 1);
    const title = this.titleOf(section, id);
    if (section === 'calendars') {
      const owner = this.calendarOwner(id);
      return owner ? this.site.link(this.book.place(owner, 'calendars', id), title) : esc(title);
    }
    return this.site.link(this.book.place(this.rs, section, id), title);
  }

  /** An entry's name: a rule's or derived value's title, a fact's question, a source's citation. */
  titleOf(section: string, id: string): string {
    if (section === 'sources') return this.sourceName(id);
    if (section === 'calendars') return this.tx(this.calendarOwner(id)?.calendars?.[id]?.title) || id;
    if (section === 'facts') return this.tx(this.rs.facts?.[id]?.question) || id;
    const entries = this.rs[section as 'criteria'] as Record<string, { title?: Text }> | undefined;
    return (entries && Object.hasOwn(entries, id) ? this.tx(entries[id]?.title) : '') || id;
  }

  /** An item of another rule set of the jurisdiction (one that names a route this rule set declares). */
  foreignLink(rs: RuleSet, key: string): string {
    const [section, id] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    const item = (rs[section as 'criteria'] as Record<string, { title?: Text }> | undefined)?.[id];
    return this.site.link(this.book.place(rs, section, id), this.tx(item?.title) || id);
  }

  /** Calendars are declared once (in their own rule set) and counted by deadlines of any rule set of the jurisdiction. */
  calendarOwner(id: string): RuleSet | undefined {
    return this.book.owner(this.rs, 'calendars', id);
  }

  /** A route an item names, linked to the rule set of the jurisdiction that declares it. */
  routeLink(id: string): string {
    const owner = this.book.owner(this.rs, 'routes', id);
    const title = owner?.routes?.[id]?.title;
    return owner ? this.site.link(this.book.place(owner, 'routes', id), this.tx(title) || id) : esc(id);
  }

  lines(lines: readonly Line[]): string {
    return `<ul class="logic">${lines.map((l) => `<li>${this.line(l)}</li>`).join('')}</ul>`;
  }

  line(l: Line): string {
    const children = l.children && l.children.length > 0 ? `<ul>${l.children.map((c) => `<li>${this.line(c)}</li>`).join('')}</ul>` : '';
    return partsHtml(l.parts, this.placeOf, this.site) + children;
  }

  source(id: string): BookSource | undefined {
    return Object.hasOwn(this.rs.sources, id) ? (this.rs.sources[id] as BookSource) : undefined;
  }

  /** Why a source is not verified: its one line, else its note. */
  whyUnverified(s: BookSource): string {
    return this.tx(s.unverifiedBecause) || this.tx(s.note) || this.w('noReason');
  }

  sourceName(id: string): string {
    const s = this.source(id);
    return s ? [s.instrument, s.article, s.ecli].filter(Boolean).join(', ') : id;
  }

  /** A rule's own points not verified: its own mark with its note, and each cited source not verified with its note. */
  unverifiedReasons(rule: RuleMeta): { what: string; why: string }[] {
    const out: { what: string; why: string }[] = [];
    if (rule.verified === false) out.push({ what: this.w('ruleNote'), why: this.tx(rule.note) || this.w('noReason') });
    for (const id of rule.cite) {
      const s = this.source(id);
      if (s && !s.verified) out.push({ what: this.sourceName(id), why: this.whyUnverified(s) });
    }
    return out;
  }

  ownVerified(rule: RuleMeta): boolean {
    return ownVerified(this.rs, rule);
  }

  /** Whether the rule and every rule it reads are verified (as reports mark it). */
  fullyVerified(section: RuleSection, id: string): boolean {
    return this.verified.get(entryKey(section, id)) ?? true;
  }

  /** The parts every rule shows after its own: sources, verification, tests, coverage, dates. */
  ruleFooter(section: RuleSection, id: string, rule: RuleMeta): string {
    const sources = `<ul class="plain">${rule.cite.map((c) => `<li>${this.site.link(this.book.place(this.rs, 'sources', c), this.sourceName(c))} ${this.sourceBadge(c)}</li>`).join('')}</ul>`;
    return facts([
      [this.w('sources'), sources],
      [this.w('verification'), this.verificationHtml(section, id, rule)],
      [this.w('tests'), this.testsHtml(section, id)],
      [this.w('coverage'), this.coverageHtml(section, id)],
      [this.w('period'), esc(this.period())],
      [this.w('checked'), esc(this.date(rule.checked))],
      [this.w('reviewBy'), this.reviewHtml(rule)],
    ]);
  }

  sourceBadge(id: string): string {
    const s = this.source(id);
    const kind = s?.kind ? `<span class="badge muted">${esc(bookIfKnown(this.lang, `sourceKind.${s.kind}`) ?? s.kind)}</span>` : '';
    return kind + (s?.verified ? `<span class="badge ok">${esc(this.w('sourceVerified'))}</span>` : `<span class="badge warn">${esc(this.w('sourceUnverified'))}</span>`);
  }

  private verificationHtml(section: RuleSection, id: string, rule: RuleMeta): string {
    const reasons = this.unverifiedReasons(rule);
    const deps = this.book
      .refsOf(this.rs, entryKey(section, id))
      .map((ref) => parseRef(ref))
      .flatMap((r) => (r && (r.kind === 'criteria' || r.kind === 'judgments' || r.kind === 'tables' || r.kind === 'deadlines') && !this.fullyVerified(r.kind, r.id) ? [entryKey(r.kind, r.id)] : []));
    if (reasons.length === 0 && deps.length === 0) return `<span class="ok">${esc(this.w('verifiedYes'))}</span>`;
    const items = reasons.map((r) => `<li><strong>${esc(r.what)}</strong>: ${esc(r.why)}</li>`);
    const rests = deps.length > 0 ? `<li>${esc(this.w('restsOn'))} ${[...new Set(deps)].map((d) => this.entryLink(d)).join(', ')}</li>` : '';
    return `<span class="warn">${esc(this.w('verifiedNo'))}</span><ul class="plain">${items.join('')}${rests}</ul>`;
  }

  private testsHtml(section: RuleSection, id: string): string {
    const tests = this.book.testsFor(this.rs, section, id);
    if (tests.length === 0) return `<span class="warn">${esc(this.w('noTests'))}</span>`;
    const cls = (s: string): string => (s === 'passed' ? 'ok' : s === 'todo' ? 'muted' : 'bad');
    return `<ul class="plain">${tests.map((t) => `<li>${esc(t.name)} <code class="id">${esc(t.file)}</code> <span class="${cls(t.status)}">${esc(this.w(`testStatus.${t.status}`))}</span></li>`).join('')}</ul>`;
  }

  coverageHtml(section: string, id: string): string {
    const items = this.book.coverageItems(this.rs, section, id);
    let total = 0;
    let covered = 0;
    for (const i of items) {
      total += i.possible.length;
      covered += i.possible.filter((o) => i.seen.has(o)).length;
    }
    if (total === 0) return esc(this.w('coverageNone'));
    const percent = Math.floor((covered / total) * 1000) / 10;
    const missing = items.filter((i) => i.possible.some((o) => !i.seen.has(o)));
    const head = `<span class="${covered === total ? 'ok' : 'warn'}">${esc(this.w('coverageOf', { covered, total, percent: String(percent) }))}</span>`;
    if (missing.length === 0) return head;
    return `${head}<br><span class="small">${esc(this.w('coverageMissing'))}</span><ul class="plain small">${missing.map((i) => `<li>${this.missingHtml(i)}</li>`).join('')}</ul>`;
  }

  /** What a coverage item lacks, with the condition it is about in words. */
  private missingHtml(i: CoverageItem): string {
    if (i.kind === 'row') return esc(this.w('rowNotMatched', { n: Number(i.pointer.split('/').at(-1)) + 1 }));
    if (i.kind === 'deadline') return esc(this.w('deadlineNotComputed'));
    const condition = atPointer(this.rs, i.pointer);
    const words = condition ? partsHtml(this.words.condition(condition as Parameters<LogicWords['condition']>[0]).parts, this.placeOf, this.site) : '';
    const never = i.possible.filter((o) => !i.seen.has(o)).map((o) => this.w('never', { outcome: this.w(`outcome.${o}`) }));
    return `${words ? `${words} — ` : ''}${esc(never.join(', '))}`;
  }

  period(): string {
    const from = this.date(this.rs.validFrom);
    return this.rs.validUntil ? this.w('periodFromTo', { from, until: this.date(this.rs.validUntil) }) : this.w('periodFrom', { from });
  }

  reviewDue(rule: RuleMeta): boolean {
    return rule.reviewBy !== undefined && rule.reviewBy <= this.book.input.asOf;
  }

  private reviewHtml(rule: RuleMeta): string {
    if (!rule.reviewBy) return `<span class="muted">${esc(this.w('noReviewDate'))}</span>`;
    return esc(this.date(rule.reviewBy)) + (this.reviewDue(rule) ? ` <span class="badge bad">${esc(this.w('reviewDue'))}</span>` : '');
  }
}

/** The value at a JSON pointer in a rule set (a condition a coverage item is about). */
export function atPointer(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
