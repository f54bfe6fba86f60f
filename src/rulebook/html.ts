/**
 * The rule book's HTML: one layout for every page, links that work from a folder of pages or from
 * one file (the same anchors; only the page part of a link differs), and logic lines as nested lists.
 * No scripts, fonts or images: a Content-Security-Policy forbids fetching anything.
 */
import { escapeXml as esc } from '../report/timeline.js';
import type { Lang } from '../rules/types.js';
import type { Part } from './logic.js';
import type { Place } from './model.js';

export { esc };

const CSS = `
@page { size: A4; margin: 15mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt; color: #1b1b1b; line-height: 1.45; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 4mm; }
@media print { body { padding: 0; } nav.top { display: none; } }
section.page + section.page { break-before: page; }
nav.top { font-size: 9pt; margin-bottom: 4mm; } nav.top a { margin-right: 4mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; color: #1f3a5f; }
h2 { font-size: 13pt; margin: 8mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #1f3a5f; color: #1f3a5f; break-after: avoid; }
h3 { font-size: 11pt; margin: 0 0 1.5mm; break-after: avoid; }
a { color: #1f4f8a; }
p { margin: 1mm 0 2mm; }
code.id { font-size: 8.5pt; color: #666; font-weight: normal; margin-left: 2mm; }
article.entry { border-left: 2.5pt solid #c9d3e0; padding: 1mm 0 1mm 3.5mm; margin: 3mm 0 5mm; }
article.entry.unverified { border-left-color: #d08a2c; }
dl.facts { display: grid; grid-template-columns: 38mm 1fr; gap: 1mm 4mm; margin: 1.5mm 0; }
dl.facts dt { font-weight: bold; color: #333; font-size: 9.5pt; }
dl.facts dd { margin: 0; }
ul.logic, ul.logic ul { margin: 0.5mm 0; padding-left: 5mm; }
ul.logic li { margin: 0.3mm 0; }
ul.plain { margin: 0.5mm 0; padding-left: 5mm; }
.badge { display: inline-block; padding: 0 1.5mm; border-radius: 2pt; font-size: 8pt; font-weight: bold; border: 0.75pt solid currentColor; margin-right: 1.5mm; vertical-align: 1pt; }
.ok { color: #1e6b34; } .warn { color: #9a5200; } .bad { color: #b3261e; } .muted { color: #555; } .small { font-size: 9pt; }
blockquote { margin: 1mm 0 1mm 2mm; padding-left: 3mm; border-left: 2pt solid #bbb; font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; }
th, td { text-align: left; vertical-align: top; padding: 1mm 1.5mm; border-bottom: 0.5pt solid #d5d9df; }
th { font-size: 9pt; color: #444; border-bottom: 1pt solid #888; }
tr, li, article.entry dl { break-inside: avoid; }
`;

/** How a place is linked: to its page file and anchor, or, in one file, to the anchor alone. */
export class Site {
  constructor(readonly single: boolean) {}

  href(place: Place | { page: string; anchor?: string }): string {
    const anchor = place.anchor ?? `page-${place.page}`;
    return this.single ? `#${anchor}` : `${place.page}.html${place.anchor ? `#${place.anchor}` : ''}`;
  }

  link(place: Place | { page: string; anchor?: string }, text: string): string {
    return `<a href="${esc(this.href(place))}">${esc(text)}</a>`;
  }
}

/** A logic line: its words, with references linked where the book has a place for them. */
export function partsHtml(parts: readonly Part[], placeOf: (ref: string) => Place | undefined, site: Site): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return esc(p);
      const place = placeOf(p.ref);
      return place ? site.link(place, p.label) : esc(p.label);
    })
    .join('');
}

/** A definition list of the rows that have something to say. */
export function facts(rows: readonly [string, string | undefined][]): string {
  const kept = rows.filter(([, v]) => v !== undefined && v !== '');
  return kept.length === 0 ? '' : `<dl class="facts">${kept.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v as string}</dd>`).join('')}</dl>`;
}

/** One page's body inside the page section every page has (its id is the page's own anchor). */
export function pageSection(page: string, body: string): string {
  return `<section class="page" id="page-${esc(page)}">\n${body}\n</section>`;
}

/** A whole HTML document around one or more page sections. */
export function documentHtml(lang: Lang, title: string, sections: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${sections}
</body>
</html>
`;
}
