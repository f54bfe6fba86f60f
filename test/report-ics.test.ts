/**
 * The calendar export, read back by a maintained iCalendar parser (ical.js): one all-day event
 * with a reminder per open last day to act and per order end, folded lines, no personal details.
 */
import ICAL from 'ical.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from './cli-harness.js';
import { assessFixture, ROOT } from './helpers.js';

const FIXTURES = ['ew', 'nl'].flatMap((dir) => readdirSync(join(ROOT, 'fixtures', dir)).filter((f) => f.endsWith('.yaml')).map((f) => `fixtures/${dir}/${f}`));

async function ics(args: string[]): Promise<string> {
  const r = await runInProcess(['assess', '--format', 'ics', ...args]);
  expect(r.stderr).toBe('');
  return r.stdout;
}

function events(text: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent');
}

function startOf(e: ICAL.Component): string {
  return (e.getFirstPropertyValue('dtstart') as ICAL.Time).toString();
}

describe('--format ics', () => {
  it.each(FIXTURES)('%s: an event on every must-act day and order end, one per matter, each with a reminder before the day', async (fixture) => {
    const text = await ics([fixture]);
    const c = parse(readFileSync(join(ROOT, fixture), 'utf8')) as { asOf: string };
    // The days the calendar must hold, from the report model: open actions with a last day, open
    // act-by deadlines (their earliest day) and order ends still to come; never an authorities' limit.
    const report = assessFixture(fixture, { asOf: c.asOf });
    const running = (s: string): boolean => s === 'open' || s === 'due_soon';
    const days = new Map<string, number>();
    const add = (day: string): void => void days.set(day, (days.get(day) ?? 0) + 1);
    for (const a of report.actions) if (a.due !== null && running(a.status)) add(a.due);
    for (const d of report.deadlines) if (d.due !== null && running(d.status) && (d.kind === 'act-by' || d.kind === 'ends')) add(d.earliest ?? d.due);
    const limits = new Set(report.deadlines.filter((d) => d.kind === 'limit' && d.due !== null).map((d) => d.due));
    const all = events(text);
    const got = new Map<string, number>();
    for (const e of all) got.set(startOf(e), (got.get(startOf(e)) ?? 0) + 1);
    expect(new Set(got.keys())).toEqual(new Set(days.keys()));
    // An action and the deadline it is counted from are one matter: never more events than dates.
    for (const [day, n] of got) expect(n).toBeLessThanOrEqual(days.get(day) ?? 0);
    const summaries = all.map((e) => `${startOf(e)} ${String(e.getFirstPropertyValue('summary'))}`);
    expect(new Set(summaries).size, 'the same matter twice on one day').toBe(summaries.length);
    for (const e of all) {
      expect((e.getFirstPropertyValue('dtstart') as ICAL.Time).isDate, 'all-day').toBe(true);
      const alarms = e.getAllSubcomponents('valarm');
      expect(alarms).toHaveLength(1);
      // The reminder goes off before the day, never on it.
      const lead = alarms[0]?.getFirstPropertyValue('trigger') as ICAL.Duration;
      expect(lead.isNegative).toBe(true);
      expect(lead.toSeconds()).toBeLessThan(0);
      expect(String(e.getFirstPropertyValue('dtstamp'))).toBe(`${c.asOf}T00:00:00Z`);
      if (limits.has(startOf(e))) expect(String(e.getFirstPropertyValue('summary'))).not.toMatch(/limit|information|verjaring/i);
    }
    // RFC 5545: CRLF line ends, no line longer than 75 octets.
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('an order ending is one event with the action to extend it, reminded of eight weeks before (the rules say how long)', async () => {
    const all = events(await ics(['fixtures/ew/ro-messages-doorstep.yaml']));
    const end = all.filter((e) => startOf(e) === '2027-09-14');
    expect(end).toHaveLength(1);
    expect(String(end[0]?.getFirstPropertyValue('summary'))).toMatch(/^Last day: Apply to extend or vary the restraining order/);
    const trigger = end[0]?.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger') as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(-8 * 7 * 86_400);
  });

  it('puts no limit of the authorities in the calendar as anyone\'s last day', async () => {
    // The six months for laying an information (MCA 1980 s.127) run to 11 April 2026 in this case.
    const all = events(await ics(['fixtures/ew/ro-messages-doorstep.yaml']));
    expect(all.map(startOf)).not.toContain('2026-04-11');
  });

  it('titles the events in the case language and keeps UIDs stable across as-of dates', async () => {
    const a = events(await ics(['--lang', 'nl', '--as-of', '2026-02-01', 'fixtures/ew/ro-messages-doorstep.yaml']));
    const b = events(await ics(['--lang', 'nl', '--as-of', '2026-02-02', 'fixtures/ew/ro-messages-doorstep.yaml']));
    expect(a.length).toBeGreaterThan(0);
    expect(String(a[0]?.getFirstPropertyValue('summary'))).toMatch(/^(Laatste dag|Loopt af): .* — Zaak ew-ro-messages-doorstep$/);
    expect(a.map((e) => e.getFirstPropertyValue('uid'))).toEqual(b.map((e) => e.getFirstPropertyValue('uid')));
    expect(new Set(a.map((e) => e.getFirstPropertyValue('uid'))).size).toBe(a.length);
  });

  it('names no one without --ics-details, and carries the story with it', async () => {
    const plain = await ics(['fixtures/ew/ro-messages-doorstep.yaml']);
    const unfolded = (t: string): string => t.replace(/\r\n /g, '');
    for (const name of ['Sarah Collins', 'Daniel Price', 'Okafor', 'Elm Grove']) expect(unfolded(plain)).not.toContain(name);
    const detailed = unfolded(await ics(['--ics-details', 'fixtures/ew/ro-messages-doorstep.yaml']));
    expect(detailed).toContain('Sarah Collins');
    expect(detailed).toContain('J. Okafor');
  });
});

describe('files holding case data', () => {
  it('are written readable by their owner only, in every format to hand on', async () => {
    const { mkdtempSync, statSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-mode-'));
    const files = ['html', 'markdown', 'ics', 'text'].map((f) => [f, join(dir, `report.${f}`)] as const);
    const r = await runInProcess(['assess', ...files.map(([f, file]) => `--format=${f}=${file}`), 'fixtures/nl/belaging-ex-partner.yaml']);
    expect(r.code, r.stderr).toBe(0);
    for (const [, file] of files) expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
  });
});

describe('the reminder lead time', () => {
  it.each([
    ['2027-09-14', 'P8W', '-P8W'],
    ['2027-09-14', 'P10D', '-P10D'],
    ['2027-09-14', 'P1W2D', '-P9D'],
    // RFC 5545 has no months: counted back in days from the event's day.
    ['2027-03-31', 'P1M', '-P31D'],
    ['2027-03-01', 'P1M', '-P28D'],
  ])('%s, %s before: TRIGGER %s', async (date, before, expected) => {
    const { trigger } = await import('../src/report/ics.js');
    expect(trigger(date, before)).toBe(expected);
  });
});
