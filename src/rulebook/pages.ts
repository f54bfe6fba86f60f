/**
 * The pages beside the rule sets' own: the index of rule sets, the unverified points and review
 * dates (each said once), and the case fields with the rules that read them.
 */
import { CASE_FIELDS, genericPath } from '../case/fields.js';
import { humanDate } from '../explain/values.js';
import type { RuleMeta, RuleSet } from '../rules/types.js';
import { CASE_FIELDS_PAGE, casePlace, INDEX_PAGE, RuleSetContext, UNVERIFIED_PAGE } from './context.js';
import { esc, facts, type Site } from './html.js';
import { RULE_SECTIONS, type Book, type RuleSection } from './model.js';
import { book } from './words.js';
import type { Lang } from '../rules/types.js';

const nav = (site: Site, lang: Lang, here: string): string =>
  `<nav class="top">${[
    [INDEX_PAGE, book(lang, 'back')],
    [UNVERIFIED_PAGE, book(lang, 'unverifiedTitle')],
    [CASE_FIELDS_PAGE, book(lang, 'caseFieldsTitle')],
  ]
    .filter(([p]) => p !== here)
    .map(([p, t]) => site.link({ page: p as string }, t as string))
    .join(' ')}</nav>`;

/** Every rule of a rule set, by section. */
function rulesOf(rs: RuleSet): { section: RuleSection; id: string; rule: RuleMeta }[] {
  return RULE_SECTIONS.flatMap((section) => Object.entries((rs[section] ?? {}) as Record<string, RuleMeta>).map(([id, rule]) => ({ section, id, rule })));
}

export function indexPage(b: Book, site: Site, contexts: Map<RuleSet, RuleSetContext>): string {
  const lang = b.input.lang;
  const w = (k: Parameters<typeof book>[1], v: Record<string, string | number> = {}): string => book(lang, k, v);
  const rulesets = b.rulesets;
  const sources = rulesets.flatMap((rs) => Object.values(rs.sources));
  const figures = w('figures', { rulesets: rulesets.length, rules: rulesets.reduce((n, rs) => n + rulesOf(rs).length, 0), sources: sources.length, unverified: sources.filter((s) => !s.verified).length, tests: b.input.tests.length });
  const byJurisdiction = [...new Set(rulesets.map((rs) => rs.jurisdiction))].map((j) => {
    const name = b.input.jurisdictions.find((x) => x.id === j)?.name[lang] ?? j;
    const rows = rulesets
      .filter((rs) => rs.jurisdiction === j)
      .map((rs) => {
        const c = contexts.get(rs) as RuleSetContext;
        const rules = rulesOf(rs);
        const unverified = rules.filter((r) => !c.ownVerified(r.rule)).length;
        const untested = rules.filter((r) => b.testsFor(rs, r.section, r.id).length === 0).length;
        return `<tr><td>${site.link({ page: b.page(rs) }, c.tx(rs.title))}<br><span class="small muted">${esc(c.tx(rs.description))}</span></td><td>${esc(rs.version)}</td><td>${esc(c.period())}</td><td>${rules.length}</td><td>${unverified > 0 ? `<span class="warn">${unverified}</span>` : '0'}</td><td>${untested > 0 ? `<span class="warn">${untested}</span>` : '0'}</td><td class="small">${coverageCell(b, rs)}</td></tr>`;
      })
      .join('');
    return `<h2>${esc(name)}</h2>${routesIndex(b, site, contexts, j)}<table><thead><tr><th>${esc(w('ruleSets'))}</th><th>${esc(w('version'))}</th><th>${esc(w('period'))}</th><th>${esc(w('rules'))}</th><th>${esc(w('unverifiedRules'))}</th><th>${esc(w('untestedRules'))}</th><th>${esc(w('coverage'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  const noRoutes = rulesets.some((rs) => Object.keys(rs.routes ?? {}).length > 0) ? '' : `<p class="muted">${esc(w('noRoutes'))}</p>`;
  return `${nav(site, lang, INDEX_PAGE)}<h1>${esc(w('title'))}</h1><p>${esc(w('intro'))}</p><p class="muted small">${esc(w('generated', { version: b.input.toolVersion, date: humanDate(b.input.asOf, lang) }))} ${esc(figures)}</p>${noRoutes}${byJurisdiction.join('\n')}`;
}

/** The routes a jurisdiction's rule sets declare: when each does not apply, and what it holds. */
function routesIndex(b: Book, site: Site, contexts: Map<RuleSet, RuleSetContext>, jurisdiction: string): string {
  const lang = b.input.lang;
  const routes = b.rulesets.filter((rs) => rs.jurisdiction === jurisdiction).flatMap((rs) => Object.entries(rs.routes ?? {}).map(([id, r]) => ({ rs, id, r })));
  if (routes.length === 0) return '';
  const rows = routes.map(({ rs, id, r }) => {
    const c = contexts.get(rs) as RuleSetContext;
    return `<tr><td>${site.link(b.place(rs, 'routes', id), c.tx(r.title))}</td><td>${esc(c.tx(r.notApplying))}</td><td>${esc(c.tx(r.ifUnknown))}</td><td>${b.routeItems(rs, id).length}</td></tr>`;
  });
  return `<h3>${esc(book(lang, 'section.routes'))}</h3><table><thead><tr><th>${esc(book(lang, 'section.routes'))}</th><th>${esc(book(lang, 'routeNotApplying'))}</th><th>${esc(book(lang, 'routeIfUnknown'))}</th><th>${esc(book(lang, 'routeItems'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table><h3>${esc(book(lang, 'ruleSets'))}</h3>`;
}

function coverageCell(b: Book, rs: RuleSet): string {
  const items = b.coverageOf(rs)?.items ?? [];
  let total = 0;
  let covered = 0;
  for (const i of items) {
    total += i.possible.length;
    covered += i.possible.filter((o) => i.seen.has(o)).length;
  }
  return total === 0 ? '—' : `${Math.floor((covered / total) * 1000) / 10}%`;
}

const unverifiedAnchor = (b: Book, rs: RuleSet, source: string): string => `${UNVERIFIED_PAGE}--${b.place(rs, 'sources', source).anchor}`;

/** Every unverified rule and source once, with the reason; then every review date, the due ones first. */
export function unverifiedPage(b: Book, site: Site, contexts: Map<RuleSet, RuleSetContext>): string {
  const lang = b.input.lang;
  const w = (k: Parameters<typeof book>[1], v: Record<string, string | number> = {}): string => book(lang, k, v);
  const rules: string[] = [];
  const sources: string[] = [];
  const reviews: { due: boolean; date: string; html: string }[] = [];
  for (const rs of b.rulesets) {
    const c = contexts.get(rs) as RuleSetContext;
    for (const { section, id, rule } of rulesOf(rs)) {
      const link = site.link(b.place(rs, section, id), c.tx(rule.title));
      // The rule's own note here; a source's reason once, in the list of sources below, linked.
      const own = rule.verified === false ? [`<li><strong>${esc(w('ruleNote'))}</strong>: ${esc(c.tx(rule.note) || w('noReason'))}</li>`] : [];
      const cited = rule.cite.filter((s) => rs.sources[s] && !rs.sources[s]?.verified).map((s) => `<li>${site.link({ page: UNVERIFIED_PAGE, anchor: unverifiedAnchor(b, rs, s) }, c.sourceName(s))}</li>`);
      if (own.length + cited.length > 0) rules.push(`<li>${link} <span class="muted small">(${esc(c.tx(rs.title))})</span><ul class="plain small">${[...own, ...cited].join('')}</ul></li>`);
      if (rule.reviewBy) reviews.push({ due: c.reviewDue(rule), date: rule.reviewBy, html: `${link} <span class="muted small">(${esc(c.tx(rs.title))})</span>` });
    }
    for (const [id, s] of Object.entries(rs.sources)) {
      if (s.verified) continue;
      sources.push(`<li id="${esc(unverifiedAnchor(b, rs, id))}">${site.link(b.place(rs, 'sources', id), c.sourceName(id))} <span class="muted small">(${esc(c.tx(rs.title))})</span>: ${esc(c.whyUnverified(s))}</li>`);
    }
  }
  reviews.sort((x, y) => Number(y.due) - Number(x.due) || x.date.localeCompare(y.date));
  const list = (items: string[]): string => (items.length > 0 ? `<ul>${items.join('')}</ul>` : `<p>${esc(w('noUnverified'))}</p>`);
  const reviewList = reviews.map((r) => `<li>${esc(humanDate(r.date, lang))} ${r.due ? `<span class="badge bad">${esc(w('reviewDue'))}</span>` : ''} ${r.html}</li>`);
  return `${nav(site, lang, UNVERIFIED_PAGE)}<h1>${esc(w('unverifiedTitle'))}</h1><p>${esc(w('unverifiedIntro'))}</p>
<h2>${esc(w('unverifiedRules'))} (${rules.length})</h2>${list(rules)}
<h2>${esc(w('unverifiedSources'))} (${sources.length})</h2>${list(sources)}
<h2>${esc(w('reviewDates'))} (${reviews.filter((r) => r.due).length} ${esc(w('reviewDue'))})</h2>${list(reviewList)}`;
}

/** The case fields rules may read, each with its label and the rules that read it. */
export function caseFieldsPage(b: Book, site: Site, contexts: Map<RuleSet, RuleSetContext>): string {
  const lang = b.input.lang;
  const readers = b.caseFieldReaders();
  const items = CASE_FIELDS.filter((f) => f.referable).map((f) => {
    const by = readers.get(genericPath(f.path)) ?? [];
    const links = by.map(({ rs, key }) => `${(contexts.get(rs) as RuleSetContext).entryLink(key)} <span class="muted small">(${esc(rs.title[lang])})</span>`);
    return `<article class="entry" id="${esc(casePlace(f.path).anchor)}"><h3>${esc(f.label[lang])}<code class="id">case.${esc(f.path)}</code></h3>${facts([[book(lang, 'readBy'), links.length > 0 ? `<ul class="plain">${links.map((l) => `<li>${l}</li>`).join('')}</ul>` : esc(book(lang, 'notRead'))]])}</article>`;
  });
  return `${nav(site, lang, CASE_FIELDS_PAGE)}<h1>${esc(book(lang, 'caseFieldsTitle'))}</h1><p>${esc(book(lang, 'caseFieldsIntro'))}</p>${items.join('\n')}`;
}

