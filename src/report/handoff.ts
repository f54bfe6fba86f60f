/**
 * What the reports for people (text, HTML, Markdown) say, whatever their markup: the parts of one
 * explained case in reading order, as plain strings in the case's language. Renderers only mark up.
 */
import type { ActionReport, CaseReport, ConclusionReport, DeadlineReport, SourceRef } from '../explain/types.js';
import { dayRangeText, durationInWords, humanDate, humanDatesIn } from '../explain/values.js';
import { fromOpenEnd } from '../dates/legal-date.js';
import type { StoryIncident } from '../explain/story.js';
import type { DeadlineKind, Lang } from '../rules/types.js';
import { say } from '../words/report.js';

export const DEADLINE_KINDS: readonly DeadlineKind[] = ['act-by', 'lapse', 'ends', 'limit'];

/** A deadline's status in words: a lapsed right or an ended order is not "expired". */
export function deadlineStatusText(d: DeadlineReport, lang: Lang): string {
  if (d.kind !== 'act-by' && (d.status === 'passed' || d.status === 'open')) return say(lang, `status.${d.status}.${d.kind}`);
  return say(lang, `status.${d.status}`);
}

/** The due date in words: a day, a range of days, or a dash. */
export function dueText(d: Pick<DeadlineReport, 'due' | 'earliest' | 'latest'>, lang: Lang): string {
  if (d.due === null) return '—';
  if (d.earliest !== undefined && d.latest !== undefined) return dayRangeText(d.earliest, d.latest, lang);
  return humanDate(d.due, lang);
}

/**
 * The day a picture or a calendar puts a deadline on: its due day (the earliest, when its start is
 * known only roughly), or its latest where the earliest was reached from an open-ended start
 * ("on or before …"), which no one wrote and no one can act on.
 */
export function shownDay(d: Pick<DeadlineReport, 'due' | 'earliest' | 'latest'>): string | null {
  const first = d.earliest ?? d.due;
  if (first === null) return null;
  return fromOpenEnd(first) ? (d.latest ?? first) : first;
}

/** Days left, only where it means something (a running date). */
export function daysLeftText(d: DeadlineReport): string {
  return d.daysLeft === null || d.daysLeft < 0 || d.status === 'not_applicable' || d.status === 'satisfied' ? '' : String(d.daysLeft);
}

export function sourceShort(s: SourceRef): string {
  return [s.instrument, s.article].filter(Boolean).join(', ');
}

export function sourceLong(s: SourceRef, lang: Lang): string {
  const link = s.ecli ?? s.url ?? '';
  return `${sourceShort(s)}${link ? ` — ${link}` : ''} (${say(lang, 'checked')} ${humanDate(s.checked, lang)})${s.verified ? '' : ` (${[say(lang, 'unverified'), s.unverifiedBecause].filter(Boolean).join(': ')})`}`;
}

/** What can still be done first; what is too late after it, for the record. Done actions are left out. */
export function pendingActions(cr: CaseReport): ActionReport[] {
  return [...cr.actions.filter((a) => a.status !== 'done' && a.status !== 'expired'), ...cr.actions.filter((a) => a.status === 'expired')];
}

/** An action's last day in words: "by 3 March 2026 (12 days left)", or "" when it has none or is too late. */
export function actionWhen(a: ActionReport, lang: Lang): string {
  if (a.due === null || a.status === 'expired') return '';
  const left = a.daysLeft === 0 ? say(lang, 'today') : say(lang, 'daysLeftN', { days: a.daysLeft ?? 0 });
  return `${say(lang, 'byDate', { due: humanDate(a.due, lang) })} (${left})`;
}

/** The headline conclusions: elements always, information only where it applies. */
/**
 * What the details show: every element, and information where it applies; never a judgment or
 * table this case does not call for ("undetermined" beside "no judgment needed" reads as a contradiction).
 */
export function shownInDetails(x: ConclusionReport): boolean {
  return (x.role === 'element' || x.status === 'met') && x.relevant !== false;
}

export function headlines(cr: CaseReport): ConclusionReport[] {
  return cr.conclusions.filter((x) => x.headline && (x.role === 'element' || x.status === 'met'));
}

export function conclusionStatusText(c: ConclusionReport, lang: Lang): string {
  if (c.role === 'information') return say(lang, 'information');
  if (c.kind === 'judgment' && typeof c.value === 'string') return `${say(lang, 'judgment')}: ${c.value}`;
  return say(lang, c.status);
}

/** The deadlines that apply (or may), numbered by date for the timeline and the tables. */
export interface NumberedDeadline {
  n: number;
  d: DeadlineReport;
}

export function numberedDeadlines(cr: CaseReport): NumberedDeadline[] {
  return cr.deadlines
    .filter((d) => d.status !== 'not_applicable')
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))
    .map((d, i) => ({ n: i + 1, d }));
}

/**
 * Whether a date is only history: a right that lapsed, an order or a hearing day that is over, a
 * limit that passed. It belongs in the appendix, not among what the reader must still diary; a
 * missed or met last day to act stays in front (it says what was done, or what is too late).
 */
export function onlyHistory(d: DeadlineReport): boolean {
  return d.kind !== 'act-by' && d.status === 'passed';
}

/** The numbered deadlines by kind, in the order act-by, lapse, ends, limit; empty kinds left out. */
export function deadlinesByKind(numbered: readonly NumberedDeadline[]): { kind: DeadlineKind; items: NumberedDeadline[] }[] {
  return DEADLINE_KINDS.map((kind) => ({ kind, items: numbered.filter((x) => x.d.kind === kind) })).filter((g) => g.items.length > 0);
}

/** The header line's facts: as-of date, adviser(s), rule sets. */
export function caseMeta(cr: CaseReport, lang: Lang): { label: string; value: string }[] {
  const advisers = cr.story?.advisers ?? [];
  return [
    { label: say(lang, 'asOfLabel'), value: cr.asOf ? `${humanDate(cr.asOf, lang)}${cr.timeZone ? ` (${cr.timeZone})` : ''}` : '—' },
    { label: say(lang, 'adviser'), value: advisers.length > 0 ? advisers.join(', ') : say(lang, 'notRecorded') },
    { label: say(lang, 'ruleSet'), value: cr.rulesets.map((r) => r.title).join('; ') },
  ];
}

/** The routes that do not apply, one line each with why ("Claiming damages in the criminal case: there is no criminal case"). */
export function routesNotApplying(cr: CaseReport): string[] {
  return (cr.routes ?? []).filter((r) => r.status === 'not_applying').map((r) => (r.text ? `${r.title}: ${r.text}` : r.title));
}

const capital = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/**
 * What an item of a route still undetermined is said after: "If a criminal case is brought: "
 * (the route's own words); nothing for an item that always applies or whose route applies.
 */
export function routeIf(cr: CaseReport, item: { route?: string; ruleset: string }): string {
  if (item.route === undefined) return '';
  const route = (cr.routes ?? []).find((r) => r.id === item.route && r.status === 'undetermined');
  return route?.text ? `${capital(route.text)}: ` : '';
}

/**
 * The comparisons that decided a result, and only those: for "met", what held; for "not met", what
 * failed; for "undetermined", what is already established (what is open is listed as still needed).
 * A comparison under a `not` counts the other way round.
 */
export function decidingReasons(c: ConclusionReport): ConclusionReport['reasons'] {
  const held = (r: ConclusionReport['reasons'][number]): 'true' | 'false' | 'unknown' => (r.result === 'unknown' || !r.negated ? r.result : r.result === 'true' ? 'false' : 'true');
  const wanted = c.status === 'not_met' ? 'false' : 'true';
  return c.reasons.filter((r) => held(r) === wanted);
}

/** The lines under a conclusion in the details: its reasons, indicators, judgment, what is still needed and why it is unverified. */
export function conclusionBullets(c: ConclusionReport, lang: Lang): string[] {
  const bullets: string[] = [];
  if (c.kind === 'criterion' || (c.kind === 'table' && c.status !== 'met')) bullets.push(...decidingReasons(c).map((r) => r.text));
  for (const ind of c.indicators ?? []) bullets.push(`${say(lang, 'indicators')}: ${ind.label}: ${ind.display}${ind.counter ? ` (${say(lang, 'counterIndicator')})` : ''}`);
  if (c.judgment) {
    const value = typeof c.judgment.value === 'boolean' ? say(lang, c.judgment.value ? 'yes' : 'no') : String(c.judgment.value);
    bullets.push(`${say(lang, 'judgment')}: ${value} — ${c.judgment.reason} (${say(lang, 'by')} ${c.judgment.by}, ${c.judgment.at.replace('T', ' ')})`);
  }
  if (c.needs.length > 0) bullets.push(`${say(lang, 'stillNeeded')}: ${c.needs.map((n) => n.label).join('; ')}`);
  if (!c.verified && c.note) bullets.push(c.note);
  return bullets.filter(Boolean);
}

/** The lines under a deadline in the details: its basis, start and term, extension, what is still needed and why it is unverified. */
export function deadlineBullets(d: DeadlineReport, lang: Lang): string[] {
  const b = d.basis;
  const bullets = [`${say(lang, 'basis')}: ${b.text}`, startAndTerm(b, lang)];
  const extension = extensionText(b, lang);
  if (extension) bullets.push(extension);
  if (d.needs.length > 0) bullets.push(`${say(lang, 'stillNeeded')}: ${d.needs.map((n) => n.label).join('; ')}`);
  if (!d.verified && d.note) bullets.push(d.note);
  return bullets.filter(Boolean);
}

/** Where a term starts and how long it runs, in words: "counted from the last act: 10 February 2026; 3 months, counted from the day after" (never P3M). */
export function startAndTerm(b: DeadlineReport['basis'], lang: Lang): string {
  const start = typeof b.startDate === 'string' ? humanDate(b.startDate, lang) : b.startDate ? dayRangeText(b.startDate.earliest, b.startDate.latest, lang) : '—';
  const term = `${durationInWords(b.length, lang)}, ${say(lang, b.counting === 'event-day' ? 'counting.event-day' : 'counting.day-after')}${b.monthEndApplied ? `, ${say(lang, 'monthEndApplied')}` : ''}`;
  return `${say(lang, 'startedFrom')} ${b.startEvent}: ${start}; ${term}`;
}

/**
 * How the calendar moved a last day, in words; nothing when it did not, or when the day was
 * reached from an open-ended start (year 1 moved past a Sunday means nothing to anyone).
 */
export function extensionText(b: DeadlineReport['basis'], lang: Lang): string | undefined {
  if (!b.extension || fromOpenEnd(b.extension.from)) return undefined;
  return `${say(lang, 'extended')} ${humanDate(b.extension.from, lang)} → ${humanDate(b.extension.to, lang)}: ${humanDatesIn(b.extension.why, lang)}`;
}

/** What happened in an incident, in words: "12 times message (WhatsApp)". */
export function incidentWhat(inc: StoryIncident, lang: Lang): string {
  return [inc.count ? say(lang, 'timesN', { count: inc.count }) : '', inc.kind ?? '', inc.channel ? `(${inc.channel})` : ''].filter(Boolean).join(' ');
}
