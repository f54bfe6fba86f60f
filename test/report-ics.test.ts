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
  it.each(FIXTURES)('%s: one event per must-act date and order end, each with a reminder', async (fixture) => {
    const text = await ics([fixture]);
    const c = parse(readFileSync(join(ROOT, fixture), 'utf8')) as { asOf: string };
    // What the calendar must hold, counted from the report model: open actions with a last day,
    // open act-by deadlines (their earliest day) and order ends still to come.
    const report = assessFixture(fixture, { asOf: c.asOf });
    const running = (s: string): boolean => s === 'open' || s === 'due_soon';
    const expected = new Map<string, number>();
    const add = (day: string): void => void expected.set(day, (expected.get(day) ?? 0) + 1);
    for (const a of report.actions) if (a.due !== null && running(a.status)) add(a.due);
    for (const d of report.deadlines) if (d.due !== null && running(d.status) && (d.kind === 'act-by' || d.kind === 'ends')) add(d.earliest ?? d.due);
    const got = new Map<string, number>();
    const all = events(text);
    for (const e of all) got.set(startOf(e), (got.get(startOf(e)) ?? 0) + 1);
    expect(got).toEqual(expected);
    for (const e of all) {
      expect((e.getFirstPropertyValue('dtstart') as ICAL.Time).isDate, 'all-day').toBe(true);
      expect(e.getAllSubcomponents('valarm')).toHaveLength(1);
      expect(String(e.getFirstPropertyValue('dtstamp'))).toBe(`${c.asOf}T00:00:00Z`);
    }
    // RFC 5545: CRLF line ends, no line longer than 75 octets.
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
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
