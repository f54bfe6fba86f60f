/**
 * The dates to keep as calendar entries (RFC 5545): an all-day event with a reminder for every
 * last day to act that is still open (each action's and each act-by deadline's) and every end of
 * an order or measure still to come. Titles are in the case's language. Without `--ics-details`
 * an entry names the case by its id only; nothing else of the case goes into the calendar.
 * Deterministic: UIDs come from the case and the rule, DTSTAMP from the as-of date, never the clock.
 */
import { createHash } from 'node:crypto';
import type { ActionReport, CaseReport, DeadlineReport } from '../explain/types.js';
import { shownDay } from './handoff.js';
import { parseDuration } from '../dates/legal-date.js';
import { humanDate, humanDatesIn } from '../explain/values.js';
import type { Lang } from '../rules/types.js';
import { say } from '../words/report.js';

/** How long before the date the reminder goes off, where the rule does not say (its remindBefore). */
const REMIND_BEFORE = 'P7D';
const CRLF = '\r\n';

/**
 * TEXT value escaping (RFC 5545 3.3.11): a line break of any kind (CRLF, LF, a lone CR) becomes \n;
 * the other control characters, which TEXT cannot hold (tab aside), are dropped. A raw CR made
 * node-ical drop DESCRIPTION from every event.
 */
export function icsText(s: string): string {
  return (
    s
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n?|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
  );
}

/** Folds a content line at 75 octets (3.1), never inside a UTF-8 character; continuations start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF + ' ');
}

const lines = (list: readonly string[]): string => list.map((l) => foldLine(l) + CRLF).join('');

export function icsHead(lang: Lang, version: string): string {
  return lines(['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//rulecase//rulecase ${version}//${lang.toUpperCase()}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(say(lang, 'ics.calendar'))}`]);
}

/**
 * The end of the calendar. RFC 5545 wants at least one component in a calendar: when no case had a
 * date to keep, a journal entry (VJOURNAL) says so. Calendar apps that show no journals (most) import
 * nothing, as nothing is to be kept; no event is made up on anyone's calendar.
 */
export function icsTail(options: { empty?: boolean; lang?: Lang; asOf?: string | null } = {}): string {
  if (!options.empty) return lines(['END:VCALENDAR']);
  const lang = options.lang ?? 'en';
  const day = options.asOf ?? '1970-01-01';
  return lines([
    'BEGIN:VJOURNAL',
    `UID:${createHash('sha256').update(`nothing to keep\n${day}`).digest('hex').slice(0, 32)}@rulecase`,
    `DTSTAMP:${basic(day)}T000000Z`,
    ...(options.asOf ? [`DTSTART;VALUE=DATE:${basic(options.asOf)}`] : []),
    `SUMMARY:${icsText(say(lang, 'ics.nothing'))}`,
    'END:VJOURNAL',
    'END:VCALENDAR',
  ]);
}

/** One date to keep: what the event needs, before it is written. */
export interface CalendarEntry {
  /** the rule's key: ruleset/kind/id[/order] */
  key: string;
  date: string;
  summary: string;
  /** what the rule says, in words; with details, also what the case says */
  description: string;
  /** how long before the date the reminder goes off (an ISO 8601 duration, never zero) */
  remindBefore: string;
}

/**
 * The entries of one case, one per matter: a last day to act, or an end of an order still to come.
 * An action whose last day is a deadline's, on that same day, is one entry with it (the action's
 * words, the deadline's reminder): "apply to extend the order" and "the order ends" are one matter.
 * The authorities' own limits are never anyone's last day and stay out of the calendar.
 */
export function calendarEntries(cr: CaseReport, lang: Lang, details: boolean): CalendarEntry[] {
  if (cr.status !== 'assessed') return [];
  const caseName = `${say(lang, 'case')} ${cr.id}`;
  const entries: CalendarEntry[] = [];
  const running = (s: string): boolean => s === 'open' || s === 'due_soon';
  const deadlines = cr.deadlines.filter((d) => d.due !== null && running(d.status) && (d.kind === 'act-by' || d.kind === 'ends'));
  const merged = new Set<DeadlineReport>();
  // Actions counted from the same deadline, due the same day, are one matter ("apply to extend the
  // order" and "tell the court about every breach when applying"): one event, the first one's title.
  const matters = new Map<string, ActionReport[]>();
  for (const a of cr.actions) {
    if (a.due === null || !running(a.status)) continue;
    const key = a.byDeadline !== undefined ? `${a.ruleset}/${a.byDeadline}/${a.order ?? ''}/${a.due}` : `${a.ruleset}/action/${a.id}/${a.order ?? ''}`;
    matters.set(key, [...(matters.get(key) ?? []), a]);
  }
  for (const group of matters.values()) {
    const [a, ...more] = group as [ActionReport, ...ActionReport[]];
    const due = a.due as string;
    const own = deadlines.find((d) => d.ruleset === a.ruleset && d.id === a.byDeadline && d.order === a.order && (shownDay(d) ?? d.due) === due);
    if (own) merged.add(own);
    const needs = group.flatMap((x) => x.needs);
    const extra = details ? [needs.length > 0 ? `${say(lang, 'stillNeeded')}: ${needs.map((n) => n.label).join('; ')}` : '', own ? humanDatesIn(own.explanation, lang) : ''] : [];
    entries.push({
      key: `${a.ruleset}/action/${a.id}/${a.order ?? ''}`,
      date: due,
      summary: `${say(lang, 'ics.actBy', { title: a.title })} — ${caseName}`,
      description: [caseName, `${a.title} (${a.whoText})`, a.because, ...more.map((x) => `${x.title} (${x.whoText})\n${x.because}`), own ? own.title : '', ...extra].filter(Boolean).join('\n'),
      remindBefore: own?.remindBefore ?? REMIND_BEFORE,
    });
  }
  for (const d of deadlines) {
    if (merged.has(d)) continue;
    // A date known only roughly: act as if the earliest day applies (the latest, for an open-ended start).
    const date = shownDay(d) ?? (d.due as string);
    const extra = details ? [humanDatesIn(d.explanation, lang)] : [];
    entries.push({ key: `${d.ruleset}/deadline/${d.id}/${d.order ?? ''}`, date, summary: `${say(lang, d.kind === 'act-by' ? 'ics.actBy' : 'ics.ends', { title: d.title })} — ${caseName}`, description: [caseName, d.title, d.basis.text, ...extra].filter(Boolean).join('\n'), remindBefore: d.remindBefore ?? REMIND_BEFORE });
  }
  if (details && cr.story) {
    const story = [cr.story.summary, cr.story.advisers.length > 0 ? `${say(lang, 'adviser')}: ${cr.story.advisers.join(', ')}` : ''].filter(Boolean).join('\n');
    for (const e of entries) e.description += story ? `\n\n${story}` : '';
  }
  // Two rules can still name one matter on one day in the same words: keep it once.
  const seen = new Set<string>();
  return entries
    .sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key))
    .filter((e) => {
      const same = `${e.date}\n${e.summary}`;
      if (seen.has(same)) return false;
      seen.add(same);
      return true;
    });
}

const basic = (iso: string): string => iso.replace(/-/g, '');

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The reminder's offset: RFC 5545 durations know weeks and days but not months or years, so a
 * rule's P2M is counted back from the event's day in days ("-P61D").
 */
export function trigger(date: string, remindBefore: string): string {
  const d = parseDuration(remindBefore) ?? { years: 0, months: 0, weeks: 1, days: 0 };
  if (d.years === 0 && d.months === 0) return d.days === 0 ? `-P${d.weeks}W` : `-P${d.weeks * 7 + d.days}D`;
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  // A month back from 31 March is the last of February, not 3 March.
  const month = new Date(Date.UTC(y - d.years, m - 1 - d.months, 1));
  const last = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
  const back = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), Math.min(day, last) - d.weeks * 7 - d.days));
  return `-P${Math.round((Date.parse(`${date}T00:00:00Z`) - back.getTime()) / 86_400_000)}D`;
}

/** One case's events. */
export function formatCaseIcs(cr: CaseReport, reportLang: Lang, details: boolean): string {
  const lang = cr.lang ?? reportLang;
  const stamp = `${basic(cr.asOf ?? '1970-01-01')}T000000Z`;
  const out: string[] = [];
  for (const e of calendarEntries(cr, lang, details)) {
    // --redact names every first case "[case 1]": its UID comes from what the case was before.
    const uid = createHash('sha256').update(`${cr.uidKey ?? cr.id}\n${e.key}`).digest('hex').slice(0, 32);
    out.push(
      'BEGIN:VEVENT',
      `UID:${uid}@rulecase`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basic(e.date)}`,
      `DTEND;VALUE=DATE:${basic(nextDay(e.date))}`,
      `SUMMARY:${icsText(e.summary)}`,
      `DESCRIPTION:${icsText(e.description)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER:${trigger(e.date, e.remindBefore)}`,
      `DESCRIPTION:${icsText(say(lang, 'ics.alarm', { title: e.summary, due: humanDate(e.date, lang) }))}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  return lines(out);
}
