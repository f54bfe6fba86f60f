/**
 * Checks a built rule book's internal links: every `href="#…"` names an id on its own page, and
 * every relative link names a page of the book (and an id on it, when it has a fragment). External
 * links (https:) are not followed: the rule book never reaches the network.
 */

export interface BrokenLink {
  page: string;
  href: string;
}

export interface LinkCheck {
  /** internal links checked */
  checked: number;
  broken: BrokenLink[];
}

const ids = (html: string): Set<string> => new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => unescape(m[1] as string)));
const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** `pages`: file name → HTML. */
export function checkLinks(pages: ReadonlyMap<string, string>): LinkCheck {
  const idsOf = new Map([...pages].map(([name, html]) => [name, ids(html)]));
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const [page, html] of pages) {
    for (const m of html.matchAll(/\shref="([^"]*)"/g)) {
      const href = unescape(m[1] as string);
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      checked++;
      const hash = href.indexOf('#');
      const file = hash < 0 ? href : href.slice(0, hash);
      const fragment = hash < 0 ? undefined : decodeURIComponent(href.slice(hash + 1));
      const target = file === '' ? page : file;
      const targetIds = idsOf.get(target);
      if (targetIds === undefined || (fragment !== undefined && !targetIds.has(fragment))) broken.push({ page, href });
    }
  }
  return { checked, broken };
}
