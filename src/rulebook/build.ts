/**
 * `rulecase docs`: the rule book as HTML pages — an index, one page per rule set, the unverified
 * points and review dates, the case fields — or all of them in one file. Pure: returns file name → HTML.
 */
import type { RuleSet } from '../rules/types.js';
import { CASE_FIELDS_PAGE, INDEX_PAGE, RuleSetContext, UNVERIFIED_PAGE } from './context.js';
import { documentHtml, pageSection, Site } from './html.js';
import { Book, type BookInput } from './model.js';
import { caseFieldsPage, indexPage, unverifiedPage } from './pages.js';
import { ruleSetPage } from './ruleset-page.js';
import { book } from './words.js';

export type { BookInput, BookTest } from './model.js';

/** The rule book: with `single`, one file (`rulebook.html`); otherwise one file per page. */
export function buildRuleBook(input: BookInput, options: { single: boolean }): Map<string, string> {
  const b = new Book(input);
  const site = new Site(options.single);
  const contexts = new Map<RuleSet, RuleSetContext>(b.rulesets.map((rs) => [rs, new RuleSetContext(b, site, input.lang, rs)]));
  const title = book(input.lang, 'title');
  const pages: [string, string, string][] = [
    [INDEX_PAGE, title, indexPage(b, site, contexts)],
    ...b.rulesets.map((rs): [string, string, string] => [b.page(rs), `${rs.title[input.lang]} — ${title}`, ruleSetPage(contexts.get(rs) as RuleSetContext)]),
    [UNVERIFIED_PAGE, `${book(input.lang, 'unverifiedTitle')} — ${title}`, unverifiedPage(b, site, contexts)],
    [CASE_FIELDS_PAGE, `${book(input.lang, 'caseFieldsTitle')} — ${title}`, caseFieldsPage(b, site, contexts)],
  ];
  if (options.single) return new Map([['rulebook.html', documentHtml(input.lang, title, pages.map(([page, , body]) => pageSection(page, body)).join('\n'))]]);
  return new Map(pages.map(([page, pageTitle, body]) => [`${page}.html`, documentHtml(input.lang, pageTitle, pageSection(page, body))]));
}
