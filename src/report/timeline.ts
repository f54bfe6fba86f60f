/**
 * The timeline picture: incidents (points, bars for periods), each order (made, served, ended)
 * and the numbered deadlines on one time axis, with the as-of date marked. Inline SVG, no fonts
 * or scripts from anywhere; every label in the case's language and escaped.
 */
import type { CaseReport } from '../explain/types.js';
import { daysBetween, fromOpenEnd } from '../dates/legal-date.js';
import { humanDate } from '../explain/values.js';
import type { Lang } from '../rules/types.js';
import { say } from '../words/report.js';
import { dueText, shownDay, type NumberedDeadline } from './handoff.js';

export const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const WIDTH = 720;
const LEFT = 118;
const RIGHT = 24;
const LANE = 30;
const AXIS = 34;
export const KIND_COLOURS: Record<string, string> = { 'act-by': '#b3261e', lapse: '#b26a00', ends: '#1f5fa8', limit: '#5f6368' };

interface Scale {
  x: (iso: string) => number;
  /** whether a date lies past the picture's right edge: it is drawn in the strip at the edge */
  beyond: (iso: string) => boolean;
  first: string;
  last: string;
  /** where the dated part of the axis ends and the strip for far dates begins */
  edge: number;
}

/** The strip at the right edge where dates far past the case's own are marked, with "later". */
const FAR = 44;
/** Deadlines and order ends within this many days of the as-of day shape the axis; later ones sit at the edge. */
const NEAR_DAYS = 120;

/**
 * The axis spans the incidents, the orders' dates, the as-of day and the dates near it; a date
 * far beyond (a limitation period years away) is a mark in the strip at the edge, so that it
 * does not squeeze the incidents into a corner.
 */
function scaleFor(core: readonly string[], all: readonly string[]): Scale | undefined {
  const sorted = [...(core.length > 0 ? core : all)].sort();
  const lo = sorted[0];
  const hi = sorted.at(-1);
  if (lo === undefined || hi === undefined) return undefined;
  const span = Math.max(daysBetween(lo, hi), 30);
  const pad = Math.ceil(span * 0.03);
  const first = shift(lo, -pad);
  const last = shift(hi, pad + (daysBetween(lo, hi) < 30 ? 30 - daysBetween(lo, hi) : 0));
  const total = daysBetween(first, last);
  const hasFar = all.some((d) => d > last);
  const edge = WIDTH - RIGHT - (hasFar ? FAR : 0);
  const x = (iso: string): number => (iso > last ? edge + FAR / 2 : LEFT + ((edge - LEFT) * Math.max(daysBetween(first, iso), 0)) / total);
  return { x, first, last, edge, beyond: (iso) => iso > last };
}

function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Month ticks, thinned to at most about eight, labelled "Jan 2026" / "jan 2026". */
function ticks(scale: Scale, lang: Lang): string[] {
  const fmt = new Intl.DateTimeFormat(say(lang, 'locale'), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const months: string[] = [];
  let [y, m] = scale.first.slice(0, 7).split('-').map(Number) as [number, number];
  for (;;) {
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
    const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
    if (iso > scale.last) break;
    months.push(iso);
  }
  const step = [1, 2, 3, 6, 12, 24, 60, 120].find((s) => months.length / s <= 8) ?? 240;
  return months
    .filter((iso) => (Number(iso.slice(5, 7)) - 1) % Math.min(step, 12) === 0 && (step <= 12 || Number(iso.slice(0, 4)) % (step / 12) === 0))
    .filter((iso) => scale.x(iso) <= scale.edge - 20)
    .map((iso) => {
      const x = scale.x(iso).toFixed(1);
      return `<line x1="${x}" y1="${AXIS - 6}" x2="${x}" y2="{BOTTOM}" class="tick"/><text x="${x}" y="${AXIS - 10}" class="axis" text-anchor="middle">${escapeXml(fmt.format(new Date(`${iso}T00:00:00Z`)))}</text>`;
    });
}

const laneLabel = (y: number, text: string): string => `<text x="4" y="${y + 4}" class="lane">${escapeXml(text)}</text><line x1="${LEFT}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}" class="rail"/>`;

/** The strip for far dates: set off by a break in the axis and headed "later". */
function farStrip(scale: Scale, bottom: number, lang: Lang): string[] {
  if (scale.edge >= WIDTH - RIGHT) return [];
  const x = scale.edge + 4;
  return [`<rect x="${x.toFixed(1)}" y="${AXIS - 6}" width="${(WIDTH - RIGHT - x).toFixed(1)}" height="${bottom - AXIS + 6}" class="far"/>`, `<text x="${(scale.edge + FAR / 2 + 2).toFixed(1)}" y="${AXIS - 10}" class="axis" text-anchor="middle">${escapeXml(say(lang, 'timelineLater'))} →</text>`];
}

function incidentsLane(cr: CaseReport, scale: Scale, y: number, lang: Lang): string[] {
  const out = [laneLabel(y, say(lang, 'incidents'))];
  let lastLabel = -Infinity;
  for (const inc of cr.story?.incidents ?? []) {
    const from = inc.date.from;
    // "Since September": a period still running, drawn to the as-of day.
    const to = inc.date.to ?? (from !== undefined && typeof cr.asOf === 'string' && cr.asOf > from ? cr.asOf : undefined);
    if (from === undefined && to === undefined) continue;
    const a = scale.x(from ?? (to as string));
    const b = scale.x(to ?? (from as string));
    const title = `<title>${escapeXml(`${inc.n}. ${inc.date.text}${inc.kind ? ` — ${inc.kind}` : ''}`)}</title>`;
    if (from !== undefined && to !== undefined && from !== to) out.push(`<rect x="${a.toFixed(1)}" y="${y - 5}" width="${Math.max(b - a, 3).toFixed(1)}" height="10" rx="3" class="period">${title}</rect>`);
    else out.push(`<circle cx="${a.toFixed(1)}" cy="${y}" r="4.5" class="incident">${title}</circle>`);
    if (a - lastLabel >= 14) {
      out.push(`<text x="${a.toFixed(1)}" y="${y - 9}" class="num" text-anchor="middle">${inc.n}</text>`);
      lastLabel = a;
    }
  }
  return out;
}

function orderLane(cr: CaseReport, scale: Scale, y: number, lang: Lang, index: number): string[] {
  const o = cr.story?.orders[index];
  if (!o) return [];
  const out = [laneLabel(y, say(lang, 'laneOrder', { n: o.n }))];
  const start = o.made?.from ?? o.served?.from;
  const end = o.ends?.to;
  if (start !== undefined) {
    const a = scale.x(start);
    const b = end !== undefined ? (scale.beyond(end) ? scale.edge : scale.x(end)) : scale.edge;
    out.push(`<rect x="${a.toFixed(1)}" y="${y - 4}" width="${Math.max(b - a, 2).toFixed(1)}" height="8" class="order${end === undefined ? ' open' : ''}"><title>${escapeXml(o.type)}</title></rect>`);
  }
  if (o.made?.from) out.push(`<path d="${tri(scale.x(o.made.from), y)}" class="made"><title>${escapeXml(`${say(lang, 'order.made')} ${o.made.text}`)}</title></path>`);
  if (o.served?.from) out.push(`<circle cx="${scale.x(o.served.from).toFixed(1)}" cy="${y - 10}" r="3.5" class="served"><title>${escapeXml(`${say(lang, 'order.served')} ${o.served.text}`)}</title></circle>`);
  if (end !== undefined) out.push(`<rect x="${(scale.x(end) - 4).toFixed(1)}" y="${y - 7}" width="8" height="14" class="ends"><title>${escapeXml(`${say(lang, 'order.ends')} ${o.ends?.text ?? ''}`)}</title></rect>`);
  return out;
}

const tri = (x: number, y: number): string => `M${(x - 5).toFixed(1)},${y + 14} L${(x + 5).toFixed(1)},${y + 14} L${x.toFixed(1)},${y + 6} Z`;
const diamond = (x: number, y: number, r: number): string => `M${x.toFixed(1)},${y - r} L${(x + r).toFixed(1)},${y} L${x.toFixed(1)},${y + r} L${(x - r).toFixed(1)},${y} Z`;

/** Numbered diamonds, stacked on up to three rows so that close dates do not overlap. */
function deadlineLane(deadlines: readonly NumberedDeadline[], scale: Scale, y: number, lang: Lang): { svg: string[]; rows: number } {
  const rowsEnd: number[] = [];
  const marks: string[] = [];
  for (const { n, d } of deadlines) {
    if (d.due === null) continue;
    const day = shownDay(d) ?? d.due;
    const x = scale.x(day);
    let row = rowsEnd.findIndex((end) => x - end >= 20);
    if (row === -1) row = rowsEnd.length < 3 ? rowsEnd.length : rowsEnd.indexOf(Math.min(...rowsEnd));
    rowsEnd[row] = x;
    const cy = y + row * 22;
    const colour = KIND_COLOURS[d.kind] ?? '#333';
    const past = d.status === 'expired' || d.status === 'passed' || d.status === 'satisfied';
    if (d.earliest !== undefined && d.latest !== undefined && !fromOpenEnd(d.earliest) && !scale.beyond(d.earliest)) marks.push(`<line x1="${scale.x(d.earliest).toFixed(1)}" y1="${cy}" x2="${scale.x(d.latest).toFixed(1)}" y2="${cy}" stroke="${colour}" stroke-width="3" opacity="0.5"/>`);
    marks.push(`<path d="${diamond(x, cy, 9)}" fill="${past ? '#fff' : colour}" stroke="${colour}" stroke-width="1.5"><title>${escapeXml(`${n}. ${d.title}: ${dueText(d, lang)}`)}</title></path>`);
    marks.push(`<text x="${x.toFixed(1)}" y="${cy + 3.5}" class="dnum" fill="${past ? colour : '#fff'}" text-anchor="middle">${n}</text>`);
  }
  const rows = Math.max(rowsEnd.length, 1);
  return { svg: [laneLabel(y, say(lang, 'deadlines')), ...marks], rows };
}

/** Every day the picture marks: incidents, order dates, deadlines and the as-of day. */
function datesOf(cr: CaseReport, deadlines: readonly NumberedDeadline[]): { core: string[]; all: string[] } {
  const core: string[] = cr.asOf ? [cr.asOf] : [];
  for (const inc of cr.story?.incidents ?? []) core.push(...[inc.date.from, inc.date.to].filter((d): d is string => d !== undefined));
  for (const o of cr.story?.orders ?? []) core.push(...[o.made?.from, o.served?.from].filter((d): d is string => d !== undefined));
  // A day reached from an open-ended start ("on or before …") is not a day anyone wrote: it would stretch the picture over centuries.
  const later = [...(cr.story?.orders ?? []).map((o) => o.ends?.to), ...deadlines.map(({ d }) => shownDay(d))].filter((x): x is string => typeof x === 'string' && !fromOpenEnd(x));
  // What falls near the as-of day (or before it) shapes the axis; what lies far beyond sits at the edge.
  const near = typeof cr.asOf !== 'string' ? later : later.filter((d) => daysBetween(cr.asOf as string, d) <= NEAR_DAYS);
  return { core: [...core, ...near], all: [...core, ...later] };
}

/** The timeline as one SVG element; empty when the case has no date at all. */
export function timelineSvg(cr: CaseReport, deadlines: readonly NumberedDeadline[], lang: Lang): string {
  const dates = datesOf(cr, deadlines);
  const scale = scaleFor(dates.core, dates.all);
  if (!scale) return '';
  const body: string[] = [];
  let y = AXIS + 22;
  body.push(...incidentsLane(cr, scale, y, lang));
  for (let i = 0; i < (cr.story?.orders.length ?? 0); i++) {
    y += LANE + 6;
    body.push(...orderLane(cr, scale, y, lang, i));
  }
  y += LANE + 6;
  const lane = deadlineLane(deadlines, scale, y, lang);
  body.push(...lane.svg);
  const bottom = y + (lane.rows - 1) * 22 + 18;
  const asOf = cr.asOf ? asOfMark(scale, cr.asOf, bottom, lang) : [];
  const height = bottom + 20;
  const tickMarks = ticks(scale, lang).map((t) => t.replace('{BOTTOM}', String(bottom)));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeXml(say(lang, 'timeline'))}">`,
    ...farStrip(scale, bottom, lang),
    ...tickMarks,
    ...body,
    ...asOf,
    '</svg>',
  ].join('\n');
}

function asOfMark(scale: Scale, asOf: string, bottom: number, lang: Lang): string[] {
  const x = scale.x(asOf);
  // The label sits on the side of the line with room for it.
  const anchor = x > WIDTH - 160 ? 'end' : 'start';
  const dx = anchor === 'end' ? -4 : 4;
  return [`<line x1="${x.toFixed(1)}" y1="${AXIS - 2}" x2="${x.toFixed(1)}" y2="${bottom + 14}" class="asof"/>`, `<text x="${(x + dx).toFixed(1)}" y="${bottom + 12}" class="asoflabel" text-anchor="${anchor}">${escapeXml(say(lang, 'timelineAsOf', { date: humanDate(asOf, lang) }))}</text>`];
}

/** One key swatch: a small SVG drawn with the same classes and colours as the picture. */
const swatch = (shape: string): string => `<svg class="swatch" viewBox="0 0 20 20" width="11" height="11" aria-hidden="true">${shape}</svg>`;

/**
 * The key under the picture, as HTML (it wraps), with only what the picture shows: the kinds of
 * deadline present each in its own colour, the order marks only where there is an order.
 */
export function timelineLegend(cr: CaseReport, deadlines: readonly NumberedDeadline[], lang: Lang): string {
  const items: [string, string][] = [[swatch('<circle cx="10" cy="10" r="7" class="incident"/>'), say(lang, 'incidents')]];
  if ((cr.story?.incidents ?? []).some((i) => i.date.from !== undefined && (i.date.to ?? cr.asOf) !== i.date.from)) items.push([swatch('<rect x="1" y="5" width="18" height="10" rx="3" class="period"/>'), say(lang, 'legendPeriod')]);
  if ((cr.story?.orders.length ?? 0) > 0) {
    items.push(
      [swatch('<rect x="0" y="6" width="20" height="8" class="order"/>'), say(lang, 'legendOrder')],
      [swatch(`<path d="${tri(10, -4)}" class="made"/>`), say(lang, 'order.made')],
      [swatch('<circle cx="10" cy="10" r="6" class="served"/>'), say(lang, 'order.served')],
      [swatch('<rect x="6" y="2" width="8" height="16" class="ends"/>'), say(lang, 'order.ends')],
    );
  }
  for (const kind of ['act-by', 'lapse', 'ends', 'limit'] as const) {
    if (!deadlines.some(({ d }) => d.kind === kind && d.due !== null)) continue;
    items.push([swatch(`<path d="${diamond(10, 10, 8)}" fill="${KIND_COLOURS[kind]}"/>`), say(lang, `legend.${kind}`)]);
  }
  if (deadlines.some(({ d }) => d.due !== null && (d.status === 'expired' || d.status === 'passed' || d.status === 'satisfied'))) items.push([swatch(`<path d="${diamond(10, 10, 8)}" fill="#fff" stroke="#555" stroke-width="2"/>`), say(lang, 'legendPast')]);
  return `<ul class="legend">${items.map(([mark, label]) => `<li>${mark} ${escapeXml(label)}</li>`).join('')}</ul>`;
}
