/**
 * The dates to keep as calendar entries (RFC 5545): an all-day event with a reminder for every
 * last day to act that is still open (each action's and each act-by deadline's) and every end of
 * an order or measure still to come. Titles are in the case's language. Without `--ics-details`
 * an entry names the case by its id only; nothing else of the case goes into the calendar.
 * Deterministic: UIDs come from the case and the rule, DTSTAMP from the as-of date, never the clock.
 */
import { createHash } from 'node:crypto';
import type { CaseReport } from '../explain/types.js';
import { shownDay } from './handoff.js';
import { humanDate, humanDatesIn } from '../explain/values.js';
import type { Lang } from '../rules/types.js';
import { say } from '../words/report.js';

/** How many days before the date the reminder goes off. */
const REMIND_DAYS = 7;
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
}

/** The entries of one case: still-open last days to act (actions and act-by deadlines) and ends to come. */
export function calendarEntries(cr: CaseReport, lang: Lang, details: boolean): CalendarEntry[] {
  if (cr.status !== 'assessed') return [];
  const caseName = `${say(lang, 'case')} ${cr.id}`;
  const entries: CalendarEntry[] = [];
  const running = (s: string): boolean => s === 'open' || s === 'due_soon';
  for (const a of cr.actions) {
    if (a.due === null || !running(a.status)) continue;
    const extra = details ? [a.needs.length > 0 ? `${say(lang, 'stillNeeded')}: ${a.needs.map((n) => n.label).join('; ')}` : ''] : [];
    entries.push({ key: `${a.ruleset}/action/${a.id}/${a.order ?? ''}`, date: a.due, summary: `${say(lang, 'ics.actBy', { title: a.title })} — ${caseName}`, description: [caseName, `${a.title} (${a.whoText})`, a.because, ...extra].filter(Boolean).join('\n') });
  }
  for (const d of cr.deadlines) {
    if (d.due === null || !running(d.status) || (d.kind !== 'act-by' && d.kind !== 'ends')) continue;
    // A date known only roughly: act as if the earliest day applies (the latest, for an open-ended start).
    const date = shownDay(d) ?? d.due;
    const extra = details ? [humanDatesIn(d.explanation, lang)] : [];
    entries.push({ key: `${d.ruleset}/deadline/${d.id}/${d.order ?? ''}`, date, summary: `${say(lang, d.kind === 'act-by' ? 'ics.actBy' : 'ics.ends', { title: d.title })} — ${caseName}`, description: [caseName, d.title, d.basis.text, ...extra].filter(Boolean).join('\n') });
  }
  if (details && cr.story) {
    const story = [cr.story.summary, cr.story.advisers.length > 0 ? `${say(lang, 'adviser')}: ${cr.story.advisers.join(', ')}` : ''].filter(Boolean).join('\n');
    for (const e of entries) e.description += story ? `\n\n${story}` : '';
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}

const basic = (iso: string): string => iso.replace(/-/g, '');

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
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
      `TRIGGER:-P${REMIND_DAYS}D`,
      `DESCRIPTION:${icsText(say(lang, 'ics.alarm', { title: e.summary, due: humanDate(e.date, lang) }))}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  return lines(out);
}
