/**
 * The report to print and hand on, as one self-contained HTML file: inline CSS and SVG, no
 * scripts, fonts or images from anywhere (a Content-Security-Policy says so to the browser),
 * laid out for A4. Every piece of case text is escaped.
 */
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { ActionReport, CaseReport, ConclusionReport, DeadlineReport, SourceRef } from '../explain/types.js';
import { humanDate, humanDatesIn } from '../explain/values.js';
import type { Lang } from '../rules/types.js';
import { say } from '../words/report.js';
import {
  actionWhen,
  caseMeta,
  conclusionBullets,
  conclusionStatusText,
  daysLeftText,
  deadlineBullets,
  deadlinesByKind,
  deadlineStatusText,
  dueText,
  headlines,
  incidentWhat,
  numberedDeadlines,
  onlyHistory,
  pendingActions,
  routeIf,
  routesNotApplying,
  sourceLong,
  shownInDetails,
  sourceShort,
  type NumberedDeadline,
} from './handoff.js';
import { UnconfirmedNotes } from './marks.js';
import { escapeXml as esc, KIND_COLOURS, timelineLegend, timelineSvg } from './timeline.js';

const CSS = `
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 9.5pt; color: #1b1b1b; line-height: 1.35; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
@media print { body { padding: 0; } }
article.case + article.case { break-before: page; }
h1 { font-size: 16pt; margin: 0 0 1.5mm; }
h2 { font-size: 12pt; margin: 5mm 0 1.5mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #1f3a5f; color: #1f3a5f; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
h4 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
p { margin: 1mm 0 2mm; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 2mm 0; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
.summary { background: #f3f5f8; padding: 2.5mm 3.5mm; border-left: 3pt solid #1f3a5f; }
ol.actions { padding-left: 6mm; margin: 0; }
ol.actions li { margin-bottom: 2mm; break-inside: avoid; }
.due { font-weight: bold; }
.soon { color: #8a4b00; }
.late { color: #b3261e; }
.needs { color: #6b4e00; }
.muted { color: #555; }
.small { font-size: 9pt; }
ul.conclusions { list-style: none; padding: 0; margin: 0; }
ul.conclusions li { margin-bottom: 1.5mm; break-inside: avoid; }
.badge { display: inline-block; min-width: 22mm; padding: 0 1.5mm; border-radius: 2pt; font-size: 8.5pt; font-weight: bold; text-align: center; margin-right: 2mm; border: 0.75pt solid currentColor; }
.s-met { color: #1e6b34; } .s-not_met { color: #b3261e; } .s-undetermined { color: #8a4b00; } .s-information { color: #1f5fa8; }
figure { margin: 2mm 0; break-inside: avoid; }
svg.timeline { display: block; font-family: inherit; }
svg .axis { font-size: 10px; fill: #444; } svg .lane { font-size: 11px; font-weight: bold; fill: #1b1b1b; }
svg .tick { stroke: #e1e4e8; stroke-width: 1; } svg .rail { stroke: #c9ced6; stroke-width: 1; }
svg .incident { fill: #6a1b9a; } svg .period { fill: #6a1b9a; opacity: 0.55; }
svg .order { fill: #9ec1e8; } svg .order.open { fill: #cfe0f3; } svg .made { fill: #1f3a5f; } svg .served { fill: #fff; stroke: #1f3a5f; stroke-width: 1.5; }
svg .ends { fill: #1f3a5f; } svg .num { font-size: 8px; fill: #6a1b9a; } svg .dnum { font-size: 9px; font-weight: bold; }
svg .asof { stroke: #b3261e; stroke-width: 1.5; stroke-dasharray: 4 3; } svg .asoflabel { font-size: 10.5px; fill: #b3261e; font-weight: bold; } svg .key { font-size: 10px; fill: #333; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; }
table.deadlines { table-layout: fixed; }
table.deadlines col.n { width: 7mm; } table.deadlines col.due { width: 36mm; } table.deadlines col.left { width: 15mm; } table.deadlines col.status { width: 25mm; }
table.fixed { table-layout: fixed; }
td, th { overflow-wrap: anywhere; hyphens: auto; }
tr.kind th { font-size: 9.5pt; color: #1b1b1b; padding-top: 2mm; border-bottom: 0.5pt solid #d5d9df; }
.refs { color: #555; font-size: 8.5pt; }
th, td { text-align: left; vertical-align: top; padding: 1mm 1.5mm; border-bottom: 0.5pt solid #d5d9df; }
th { font-size: 9pt; color: #444; border-bottom: 1pt solid #888; }
tr { break-inside: avoid; }
td.n { width: 7mm; font-weight: bold; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 1mm 4mm; padding: 0; margin: 1mm 0 0 16%; font-size: 8.5pt; color: #333; }
ul.legend li { white-space: nowrap; } svg.swatch { vertical-align: -1px; } svg .far { fill: #f3f5f8; }
section.appendix { break-before: page; } section.keep { break-inside: avoid; }
section.routes ul { margin: 0; padding-left: 5mm; }
.kindmark { display: inline-block; width: 2.5mm; height: 2.5mm; transform: rotate(45deg); margin-right: 2mm; }
.detail { break-inside: avoid; margin-bottom: 3mm; }
.detail ul { margin: 0.5mm 0 1mm; padding-left: 5mm; font-size: 9pt; color: #333; }
.detail { font-size: 10pt; }
ol.sources { font-size: 9pt; padding-left: 6mm; word-break: break-word; }
section.unconfirmed ol { font-size: 9pt; padding-left: 6mm; margin: 0; }
footer { margin-top: 5mm; padding-top: 2mm; border-top: 0.5pt solid #888; font-size: 9pt; color: #444; break-inside: avoid; }
`;

/** The document's head: everything the cases share, in the language of the (first) case. */
export function htmlHead(lang: Lang): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rulecase">
<title>${esc(say(lang, 'reportTitle'))}</title>
<style>${CSS}</style>
</head>
<body>
`;
}

export function htmlTail(): string {
  return '</body>\n</html>\n';
}

/** A string for CSS `content`: quotes, backslashes and line breaks escaped, and no `<` to end the style element. */
const cssString = (s: string): string => `"${s.replace(/[\\"<>\n\r]/g, (ch) => `\\${ch.charCodeAt(0).toString(16)} `)}"`;

/** A page name per case, so that every printed page carries its own case's id (CSS named pages). */
function pageName(id: string): string {
  let h = 0;
  for (const ch of id) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) >>> 0;
  return `case-${h.toString(36)}`;
}

/** The page boxes of a case's printed pages: its id at the top, "page n of m" at the foot, in its language. */
function pageStyle(name: string, id: string, lang: Lang): string {
  const [before, after] = say(lang, 'pageNofM').split('{n}') as [string, string];
  const [middle, end] = after.split('{m}') as [string, string];
  const box = 'font-size: 8pt; color: #555;';
  return `<style>article.${name} { page: ${name}; } @page ${name} { @top-right { content: ${cssString(`${say(lang, 'case')} ${id}`)}; ${box} } @bottom-right { content: ${cssString(before)} counter(page) ${cssString(middle)} counter(pages) ${cssString(end)}; ${box} } @bottom-left { content: ${cssString(say(lang, 'reportTitle'))}; ${box} } }</style>`;
}

/**
 * One case as an article: what to do, the conclusions, the timeline and the deadlines, then (full,
 * the default) an appendix with the incidents, the orders, each element's reasons and the sources,
 * which --detail lean leaves out. A case that could not be read says so, with where to fix it.
 */
export function formatCaseHtml(cr: CaseReport, reportLang: Lang, detail: 'lean' | 'full' = 'full'): string {
  const lang = cr.lang ?? reportLang;
  const w = (k: Parameters<typeof say>[1], vars?: Record<string, string | number>): string => esc(say(lang, k, vars));
  const name = pageName(cr.id);
  const out = [`<article class="case ${name}" lang="${lang}">`, pageStyle(name, cr.id, lang), `<header><h1>${w('case')} ${esc(cr.id)}</h1>`];
  if (cr.status === 'invalid') {
    out.push('</header>', `<p class="late">${w('couldNotAssess')}:</p><ul>`, ...cr.diagnostics.map((d) => `<li>${esc(formatDiagnostic(d))}</li>`), '</ul>', footer(lang), '</article>');
    return out.join('\n') + '\n';
  }
  out.push('<dl class="meta">', ...caseMeta(cr, lang).map((m) => `<dt>${esc(m.label)}</dt><dd>${esc(m.value)}</dd>`), '</dl>');
  for (const d of cr.diagnostics.filter((x) => x.severity === 'warning')) out.push(`<p class="soon">! ${esc(d.message)}</p>`);
  if (cr.story?.summary) out.push(`<p class="summary">${esc(cr.story.summary)}</p>`);
  out.push('</header>');
  const numbered = numberedDeadlines(cr);
  const current = numbered.filter((x) => !onlyHistory(x.d));
  const m: Marks = { notes: new UnconfirmedNotes(lang) };
  out.push(...whatToDo(cr, lang, m), ...conclusionsPart(cr, lang, m), ...timelinePart(cr, current, lang), ...deadlinesPart(cr, current, lang, 'deadlines', m), ...routesPart(cr, lang));
  // The appendix is written first so that its marks are numbered too; the notes close the report proper.
  const appendix = detail === 'full' ? ['<section class="appendix">', `<h2>${w('appendix')}</h2>`, ...deadlinesPart(cr, numbered.filter((x) => onlyHistory(x.d)), lang, 'datesPassed', m), ...storyPart(cr, lang), ...detailsPart(cr, lang, m), '</section>'] : [];
  out.push(...notesPart(m, lang), footer(lang), ...appendix, '</article>');
  return out.join('\n') + '\n';
}

function footer(lang: Lang): string {
  return `<footer>${esc(say(lang, 'disclaimer'))}</footer>`;
}

/** The routes that do not apply, each once, with why: at the end, so that nothing above need mention them. */
function routesPart(cr: CaseReport, lang: Lang): string[] {
  const lines = routesNotApplying(cr);
  if (lines.length === 0) return [];
  return [`<section class="routes"><h2>${esc(say(lang, 'routesNotApplying'))}</h2><ul>`, ...lines.map((l) => `<li>${esc(l)}</li>`), '</ul></section>'];
}

/** The marks of one case: their notes, numbered as the case first shows them. */
interface Marks {
  notes: UnconfirmedNotes;
}

/** The notes the marks point to, once, with the legend: what each mark says is not confirmed. */
function notesPart(m: Marks, lang: Lang): string[] {
  const notes = m.notes.notes();
  if (notes.length === 0) return [];
  return [`<section class="unconfirmed"><h2>${esc(say(lang, 'unconfirmedHeading'))}</h2><p class="muted small">${esc(say(lang, 'unconfirmedLegend'))}</p><ol>`, ...notes.map(({ n, reason }) => `<li value="${n}">${esc(reason)}</li>`), '</ol></section>'];
}

function whatToDo(cr: CaseReport, lang: Lang, m: Marks): string[] {
  const actions = pendingActions(cr);
  const out = [`<section class="todo"><h2>${esc(say(lang, 'whatToDo'))}</h2>`];
  if (actions.length === 0) return [...out, `<p>${esc(say(lang, 'nothingToDo'))}</p>`, '</section>'];
  out.push('<ol class="actions">', ...actions.map((a) => actionItem(a, routeIf(cr, a), lang, m)), '</ol></section>');
  return out;
}

function actionItem(a: ActionReport, ifRoute: string, lang: Lang, m: Marks): string {
  const when = actionWhen(a, lang);
  const cls = a.status === 'due_soon' ? ' soon' : a.status === 'expired' ? ' late' : '';
  const parts = [
    `<li><strong>${esc(ifRoute)}${a.conditional && ifRoute === '' ? `${esc(say(lang, 'ifStill'))} ` : ''}${esc(a.title)}</strong> <span class="muted">(${esc(a.whoText)})</span>${when ? ` — <span class="due${cls}">${esc(when)}</span>` : ''}${unverified(a, m)}`,
    `<br><span>${esc(a.because)}</span>`,
  ];
  if (a.status === 'expired' && a.due) parts.push(`<br><span class="late">${esc(say(lang, 'missed', { due: humanDate(a.due, lang) }))}</span>`);
  if (a.needs.length > 0) parts.push(`<br><span class="needs">${esc(say(lang, 'stillNeeded'))}: ${esc(a.needs.map((n) => n.label).join('; '))}</span>`);
  if (a.sources.length > 0) parts.push(`<br><span class="muted small">${esc(a.sources.map(sourceShort).join('; '))}</span>`);
  return parts.join('') + '</li>';
}

/** An item's one mark, " [unconfirmed 1]", or nothing; no link (the report links to nothing), its number is the note's. */
function unverified(item: { unverifiedBecause?: string }, m: Marks): string {
  const n = m.notes.number(item);
  return n === undefined ? '' : ` <span class="mark soon small">[${esc(m.notes.mark(item) ?? '')}]</span>`;
}

function badge(c: ConclusionReport, lang: Lang): string {
  const cls = c.role === 'information' ? 's-information' : `s-${c.status}`;
  return `<span class="badge ${cls}">${esc(conclusionStatusText(c, lang))}</span>`;
}

function conclusionsPart(cr: CaseReport, lang: Lang, m: Marks): string[] {
  const items = headlines(cr);
  if (items.length === 0) return [];
  return [`<section><h2>${esc(say(lang, 'conclusions'))}</h2><ul class="conclusions">`, ...items.map((c) => `<li>${badge(c, lang)}<strong>${esc(routeIf(cr, c))}${esc(c.title)}</strong>${unverified(c, m)}<br><span class="small">${esc(humanDatesIn(c.explanation, lang))}</span></li>`), '</ul></section>'];
}

function timelinePart(cr: CaseReport, numbered: readonly NumberedDeadline[], lang: Lang): string[] {
  const svg = timelineSvg(cr, numbered, lang);
  if (svg === '') return [];
  const undated = numbered.filter((x) => x.d.due === null).map((x) => x.d.title);
  return [`<section><h2>${esc(say(lang, 'timeline'))}</h2><figure>`, svg, timelineLegend(cr, numbered, lang), '</figure>', ...(undated.length > 0 ? [`<p class="muted small">${esc(say(lang, 'notInTimeline', { titles: undated.join('; ') }))}</p>`] : []), '</section>'];
}

function deadlinesPart(cr: CaseReport, numbered: readonly NumberedDeadline[], lang: Lang, heading: 'deadlines' | 'datesPassed', m: Marks): string[] {
  if (numbered.length === 0) return [];
  const w = (k: Parameters<typeof say>[1]): string => esc(say(lang, k));
  // A short table is kept whole, so that its heading is never left alone at the foot of a page.
  const open = `<section${numbered.length <= 10 ? ' class="keep"' : ''}>`;
  const out = [heading === 'deadlines' ? `${open}<h2>${w(heading)}</h2>` : `${open}<h3>${w(heading)}</h3>`];
  out.push(`<table class="deadlines"><colgroup><col class="n"><col><col class="due"><col class="left"><col class="status"></colgroup><thead><tr><th></th><th>${w('deadline')}</th><th>${w('due')}</th><th>${w('daysLeftHeader')}</th><th>${w('status')}</th></tr></thead>`);
  for (const group of deadlinesByKind(numbered)) {
    out.push(`<tbody><tr class="kind"><th colspan="5"><span class="kindmark" style="background:${KIND_COLOURS[group.kind] ?? '#333'}"></span>${esc(say(lang, `dkind.${group.kind}`))}</th></tr>`);
    for (const { n, d } of group.items) out.push(deadlineRow(n, d, routeIf(cr, d), lang, m));
    out.push('</tbody>');
  }
  out.push('</table></section>');
  return out;
}

function deadlineRow(n: number, d: DeadlineReport, ifRoute: string, lang: Lang, m: Marks): string {
  const cls = d.status === 'expired' ? 'late' : d.status === 'due_soon' ? 'soon' : '';
  return `<tr><td class="n">${n}</td><td>${esc(ifRoute)}${esc(d.title)}${unverified(d, m)}<br><span class="muted small">${esc(humanDatesIn(d.explanation, lang))}</span></td><td>${esc(dueText(d, lang))}</td><td>${esc(daysLeftText(d))}</td><td class="${cls}">${esc(deadlineStatusText(d, lang))}</td></tr>`;
}

function storyPart(cr: CaseReport, lang: Lang): string[] {
  const story = cr.story;
  if (!story) return [];
  const w = (k: Parameters<typeof say>[1]): string => esc(say(lang, k));
  const out = [`<section><h3>${w('incidents')}</h3>`];
  if (story.incidents.length === 0) out.push(`<p>${w('noIncidents')}</p>`);
  else {
    out.push(`<table class="fixed"><colgroup><col style="width:7mm"><col style="width:34mm"><col style="width:34mm"><col></colgroup><thead><tr><th></th><th>${w('date')}</th><th>${w('what')}</th><th>${w('description')}</th></tr></thead><tbody>`);
    for (const inc of story.incidents) {
      const what = incidentWhat(inc, lang);
      out.push(`<tr><td class="n">${inc.n}</td><td>${esc(inc.date.text)}</td><td>${esc(what)}</td><td>${esc(inc.description ?? '')}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  if (story.orders.length > 0) {
    out.push(`<section><h3>${w('ordersAndMeasures')}</h3><table class="fixed"><colgroup><col style="width:7mm"><col><col style="width:30mm"><col style="width:30mm"><col style="width:30mm"></colgroup><thead><tr><th></th><th>${w('what')}</th><th>${esc(say(lang, 'order.made'))}</th><th>${esc(say(lang, 'order.served'))}</th><th>${esc(say(lang, 'order.ends'))}</th></tr></thead><tbody>`);
    for (const o of story.orders) {
      const ends = o.indefinite ? say(lang, 'order.indefinite') : (o.ends?.text ?? '—');
      out.push(`<tr><td class="n">${o.n}</td><td>${esc(o.type)}${o.text ? `<br><span class="small muted">${esc(o.text)}</span>` : ''}</td><td>${esc(o.made?.text ?? '—')}</td><td>${esc(o.served?.text ?? '—')}</td><td>${esc(ends)}</td></tr>`);
    }
    out.push('</tbody></table></section>');
  }
  return out;
}

/** Each source once, numbered: the details cite them as [n]. Keyed by rule set, as ids are per rule set. */
type SourceIndex = Map<string, { n: number; s: SourceRef }>;

function sourceRefs(sources: readonly SourceRef[], ruleset: string, index: SourceIndex): string {
  const ns = sources.map((s) => {
    const key = `${ruleset}/${s.id}`;
    if (!index.has(key)) index.set(key, { n: index.size + 1, s });
    return index.get(key)?.n;
  });
  return ns.length === 0 ? '' : `<span class="refs">[${ns.join(', ')}]</span>`;
}

function detailsPart(cr: CaseReport, lang: Lang, m: Marks): string[] {
  const out = [`<section><h3>${esc(say(lang, 'details'))}</h3>`];
  const index: SourceIndex = new Map();
  for (const rs of cr.rulesets) {
    const items = cr.conclusions.filter((x) => x.ruleset === rs.id && shownInDetails(x));
    const deadlines = cr.deadlines.filter((d) => d.ruleset === rs.id && d.status !== 'not_applicable');
    if (items.length === 0 && deadlines.length === 0) continue;
    out.push(`<h4>${esc(rs.title)}</h4>`);
    for (const c of items) out.push(conclusionDetail(c, lang, sourceRefs(c.sources, c.ruleset, index), m));
    for (const d of deadlines) out.push(deadlineDetail(d, lang, sourceRefs(d.sources, d.ruleset, index), m));
  }
  for (const a of cr.actions) sourceRefs(a.sources, a.ruleset, index);
  if (index.size > 0) out.push(`<h4>${esc(say(lang, 'sources'))}</h4><ol class="sources">`, ...[...index.values()].map(({ s }) => `<li>${esc(sourceLong(s, lang))}</li>`), '</ol>');
  out.push('</section>');
  return out;
}

function conclusionDetail(c: ConclusionReport, lang: Lang, refs: string, m: Marks): string {
  const head = `<div class="detail">${badge(c, lang)}<strong>${esc(c.title)}</strong>${unverified(c, m)} ${refs}<br>${esc(humanDatesIn(c.explanation, lang))}`;
  return `${head}<ul>${conclusionBullets(c, lang).map((b) => `<li>${esc(b)}</li>`).join('')}</ul></div>`;
}

function deadlineDetail(d: DeadlineReport, lang: Lang, refs: string, m: Marks): string {
  return `<div class="detail"><strong>${esc(d.title)}</strong>${unverified(d, m)} — ${esc(dueText(d, lang))} · ${esc(deadlineStatusText(d, lang))} ${refs}<br>${esc(humanDatesIn(d.explanation, lang))}<ul>${deadlineBullets(d, lang).map((x) => `<li>${esc(x)}</li>`).join('')}</ul></div>`;
}
