/**
 * The calendar's encoding, read back by ical.js on every fixture — plain, with --ics-details, with
 * --redact, and with control characters in the case text: valid content lines, text that comes
 * back as written, UIDs unique per case, and never a calendar without a component.
 */
import ICAL from 'ical.js';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './cli-harness.js';
import { ROOT } from './helpers.js';

const FIXTURES = ['ew', 'nl'].flatMap((dir) => readdirSync(join(ROOT, 'fixtures', dir)).filter((f) => f.endsWith('.yaml')).map((f) => `fixtures/${dir}/${f}`));

async function calendar(args: string[]): Promise<string> {
  const r = await runInProcess(['assess', '--format', 'ics', '--fail-on', 'none', ...args]);
  expect(r.stderr).toBe('');
  return r.stdout;
}

/** Parses the calendar and checks what RFC 5545 asks of its form. */
function read(text: string): ICAL.Component {
  expect(text.endsWith('\r\n')).toBe(true);
  for (const line of text.slice(0, -2).split('\r\n')) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    // eslint-disable-next-line no-control-regex
    expect(line, 'no control character but tab in a content line').not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
  }
  const cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
  expect(cal.name).toBe('vcalendar');
  expect(cal.getAllSubcomponents().length, 'a calendar holds at least one component').toBeGreaterThan(0);
  return cal;
}

const texts = (cal: ICAL.Component): string[] =>
  cal.getAllSubcomponents().flatMap((c) => [c, ...c.getAllSubcomponents()].flatMap((x) => ['summary', 'description'].map((p) => String(x.getFirstPropertyValue(p) ?? ''))));
const uids = (cal: ICAL.Component): string[] => cal.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid')));

describe('every fixture\'s calendar, as ical.js reads it', () => {
  it.each(FIXTURES)('%s: plain, with details and redacted', async (fixture) => {
    for (const extra of [[], ['--ics-details'], ['--redact'], ['--redact', '--ics-details']]) {
      const cal = read(await calendar([...extra, fixture]));
      // eslint-disable-next-line no-control-regex
      for (const t of texts(cal)) expect(t).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
      expect(new Set(uids(cal)).size).toBe(uids(cal).length);
    }
  });
});

describe('text from the case, with control characters', () => {
  it('a lone carriage return is a line break, a bell is dropped, and the description comes back whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-ics-'));
    const source = readFileSync(join(ROOT, 'fixtures/nl/belaging-ex-partner.yaml'), 'utf8');
    const file = join(dir, 'case.yaml');
    writeFileSync(file, source.replace(/^summary: >-\n( {2}.*\n)+/m, 'summary: "first line\\rsecond line\\r\\nthird\\u0007 line; with, marks\\\\"\n'));
    const cal = read(await calendar(['--ics-details', file]));
    const events = cal.getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(String(e.getFirstPropertyValue('description'))).toContain('first line\nsecond line\nthird line; with, marks\\');
    }
  });
});

describe('UIDs under --redact', () => {
  it('two different cases, each the first of its run, get different UIDs; the same case the same ones', async () => {
    // Two clients with the same kind of case: the same events, told apart only by who they are.
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-uid-'));
    const source = readFileSync(join(ROOT, 'fixtures/nl/belaging-ex-partner.yaml'), 'utf8');
    writeFileSync(join(dir, 'a.yaml'), source.replace(/^id: .*$/m, 'id: client-a'));
    writeFileSync(join(dir, 'b.yaml'), source.replace(/^id: .*$/m, 'id: client-b'));
    const a = uids(read(await calendar(['--redact', join(dir, 'a.yaml')])));
    const b = uids(read(await calendar(['--redact', join(dir, 'b.yaml')])));
    const again = uids(read(await calendar(['--redact', join(dir, 'a.yaml')])));
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((u) => b.includes(u))).toEqual([]);
    expect(again).toEqual(a);
  });
});

describe('a calendar with nothing to keep', () => {
  it('holds one journal note saying so (in the case language), and no event', async () => {
    // Every last day long gone (a valid case), and a case that could not be assessed.
    const cal = read(await calendar(['--lang', 'nl', '--as-of', '2040-06-01', 'fixtures/nl/belaging-buurman.yaml']));
    expect(cal.getAllSubcomponents('vevent')).toEqual([]);
    const notes = cal.getAllSubcomponents('vjournal');
    expect(notes).toHaveLength(1);
    expect(String(notes[0]?.getFirstPropertyValue('summary'))).toMatch(/^Niets om in een agenda te zetten/);
    expect(String(notes[0]?.getFirstPropertyValue('dtstart'))).toBe('2040-06-01');
    const invalid = await runInProcess(['assess', '--format', 'ics', 'fixtures/invalid/cases/schema-errors.yaml']);
    expect(invalid.code).toBe(2);
    expect(read(invalid.stdout).getAllSubcomponents('vjournal')).toHaveLength(1);
  });
});
