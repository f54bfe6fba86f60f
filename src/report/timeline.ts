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
  /** whether a date lies past the picture's right edge */
  beyond: (iso: string) => boolean;
  first: string;
  last: string;
}

/** How far past the case's own dates the picture reaches: a limit years away would squash the rest. */
const REACH_DAYS = 550;

function scaleFor(dates: readonly string[], core: readonly string[]): Scale | undefined {
  const sorted = [...dates].sort();
  const lo = sorted[0];
  const coreMax = [...core].sort().at(-1);
  const far = sorted.at(-1);
  if (lo === undefined || far === undefined) return undefined;
  const hi = coreMax !== undefined && daysBetween(coreMax, far) > REACH_DAYS ? shift(coreMax, REACH_DAYS) : far;
  const span = Math.max(daysBetween(lo, hi), 30);
  const pad = Math.ceil(span * 0.04);
  const first = shift(lo, -pad);
  const last = shift(hi, pad + (daysBetween(lo, hi) < 30 ? 30 - daysBetween(lo, hi) : 0));
  const total = daysBetween(first, last);
  // A date past the picture's end sits at its edge; its title and the tables give the day.
  const x = (iso: string): number => LEFT + ((WIDTH - LEFT - RIGHT) * Math.min(Math.max(daysBetween(first, iso), 0), total)) / total;
  return { x, first, last, beyond: (iso) => iso > last };
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
    .map((iso) => {
      const x = scale.x(iso).toFixed(1);
      return `<line x1="${x}" y1="${AXIS - 6}" x2="${x}" y2="{BOTTOM}" class="tick"/><text x="${x}" y="${AXIS - 10}" class="axis" text-anchor="middle">${escapeXml(fmt.format(new Date(`${iso}T00:00:00Z`)))}</text>`;
    });
}

const laneLabel = (y: number, text: string): string => `<text x="4" y="${y + 4}" class="lane">${escapeXml(text)}</text><line x1="${LEFT}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}" class="rail"/>`;

function incidentsLane(cr: CaseReport, scale: Scale, y: number, lang: Lang): string[] {
  const out = [laneLabel(y, say(lang, 'incidents'))];
  let lastLabel = -Infinity;
  for (const inc of cr.story?.incidents ?? []) {
    const { from, to } = inc.date;
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
    const b = end !== undefined ? scale.x(end) : WIDTH - RIGHT;
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
    if (d.earliest !== undefined && d.latest !== undefined && !fromOpenEnd(d.earliest)) marks.push(`<line x1="${scale.x(d.earliest).toFixed(1)}" y1="${cy}" x2="${scale.x(d.latest).toFixed(1)}" y2="${cy}" stroke="${colour}" stroke-width="3" opacity="0.5"/>`);
    marks.push(`<path d="${diamond(x, cy, 9)}" fill="${past ? '#fff' : colour}" stroke="${colour}" stroke-width="1.5"><title>${escapeXml(`${n}. ${d.title}: ${dueText(d, lang)}`)}</title></path>`);
    marks.push(`<text x="${x.toFixed(1)}" y="${cy + 3.5}" class="dnum" fill="${past ? colour : '#fff'}" text-anchor="middle">${n}</text>`);
    if (scale.beyond(day)) marks.push(`<path d="M${(x + 11).toFixed(1)},${cy - 4} L${(x + 15).toFixed(1)},${cy} L${(x + 11).toFixed(1)},${cy + 4}" fill="none" stroke="${colour}" stroke-width="1.5"/>`);
  }
  const rows = Math.max(rowsEnd.length, 1);
  return { svg: [laneLabel(y, say(lang, 'deadlines')), ...marks], rows };
}

/** The days the picture must show: every dated incident, order date, deadline and the as-of date. */
function datesOf(cr: CaseReport, deadlines: readonly NumberedDeadline[]): string[] {
  const dates: string[] = cr.asOf ? [cr.asOf] : [];
  for (const inc of cr.story?.incidents ?? []) dates.push(...[inc.date.from, inc.date.to].filter((d): d is string => d !== undefined));
  for (const o of cr.story?.orders ?? []) dates.push(...[o.made?.from, o.served?.from, o.ends?.to].filter((d): d is string => d !== undefined));
  // A day reached from an open-ended start ("on or before …") is not a day anyone wrote: it would stretch the picture over centuries.
  for (const { d } of deadlines) dates.push(...[d.due, d.earliest, d.latest].filter((x): x is string => typeof x === 'string' && !fromOpenEnd(x)));
  return dates;
}

/** The timeline as one SVG element; empty when the case has no date at all. */
export function timelineSvg(cr: CaseReport, deadlines: readonly NumberedDeadline[], lang: Lang): string {
  const scale = scaleFor(datesOf(cr, deadlines), datesOf(cr, deadlines.filter((x) => x.d.kind === 'act-by')));
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
  const legendY = bottom + 34;
  const asOf = cr.asOf ? asOfMark(scale, cr.asOf, bottom, lang) : [];
  const height = legendY + 8;
  const tickMarks = ticks(scale, lang).map((t) => t.replace('{BOTTOM}', String(bottom)));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeXml(say(lang, 'timeline'))}">`,
    ...tickMarks,
    ...body,
    ...asOf,
    legend(legendY, lang),
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

function legend(y: number, lang: Lang): string {
  const items = [
    `<circle cx="${LEFT + 4}" cy="${y - 4}" r="4" class="incident"/><text x="${LEFT + 12}" y="${y}" class="key">${escapeXml(say(lang, 'incidents'))}</text>`,
    `<path d="${tri(LEFT + 104, y - 18)}" class="made"/><text x="${LEFT + 112}" y="${y}" class="key">${escapeXml(say(lang, 'order.made'))}</text>`,
    `<circle cx="${LEFT + 194}" cy="${y - 4}" r="3.5" class="served"/><text x="${LEFT + 202}" y="${y}" class="key">${escapeXml(say(lang, 'order.served'))}</text>`,
    `<rect x="${LEFT + 280}" y="${y - 10}" width="7" height="12" class="ends"/><text x="${LEFT + 292}" y="${y}" class="key">${escapeXml(say(lang, 'order.ends'))}</text>`,
    `<path d="${diamond(LEFT + 374, y - 4, 6)}" fill="${KIND_COLOURS['act-by']}"/><text x="${LEFT + 384}" y="${y}" class="key">${escapeXml(say(lang, 'deadlines'))}</text>`,
  ];
  return items.join('');
}
