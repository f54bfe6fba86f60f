/**
 * The text report on a terminal: it opens with what to do now and fits the width, 80 columns
 * included (the deadline table too); in a pipe, lines stay whole for scripts that grep them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wrapLine } from '../src/report/wrap.js';
import { say } from '../src/words/report.js';
import { runInProcess } from './cli-harness.js';
import { ROOT } from './helpers.js';

const FIXTURES = ['ew', 'nl'].flatMap((dir) => readdirSync(join(ROOT, 'fixtures', dir)).filter((f) => f.endsWith('.yaml')).map((f) => `fixtures/${dir}/${f}`));
const columns = (line: string): number => [...line].length;

describe('the text report at 80 columns', () => {
  it.each(FIXTURES)('%s: no line over 80, what to do first, the deadline table whole', async (fixture) => {
    for (const lang of ['en', 'nl'] as const) {
      const r = await runInProcess(['assess', '--lang', lang, fixture], { COLUMNS: '80' });
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split('\n');
      const long = lines.filter((l) => columns(l) > 80);
      expect(long, long[0]).toEqual([]);
      const todo = lines.findIndex((l) => l.trim() === say(lang, 'whatToDo'));
      expect(todo).toBe(2);
      // Each row of the deadline table keeps its status on its first line.
      const header = lines.find((l) => l.includes(say(lang, 'daysLeftHeader')));
      expect(header === undefined || header.trimEnd().endsWith(say(lang, 'status'))).toBe(true);
    }
  });

  it('--detail lean: what to do, the headlines and the deadlines that apply, no rows of n/a', async () => {
    const full = await runInProcess(['assess', 'fixtures/ew/ro-messages-doorstep.yaml'], { COLUMNS: '80' });
    const lean = await runInProcess(['assess', '--detail', 'lean', 'fixtures/ew/ro-messages-doorstep.yaml'], { COLUMNS: '80' });
    const count = (t: string): number => t.split('\n').length;
    expect(count(lean.stdout)).toBeLessThan(count(full.stdout) / 4);
    // Short enough to read out: what to do (eight actions here, with the civil claim of PHA s.3), at a glance, one
    // table, and the notes saying what is unconfirmed (ten here). It was 159 lines before the lean report was cut.
    expect(count(lean.stdout)).toBeLessThanOrEqual(120);
    expect(lean.stdout).toContain(say('en', 'whatToDo'));
    expect(lean.stdout).toContain('Breach of the protective order (criminal offence) — met');
    expect(lean.stdout).toContain('The order ends');
    expect(lean.stdout).not.toContain(say('en', 'status.not_applicable'));
    expect(lean.stdout).toContain(say('en', 'moreDetail'));
  });

  it('in a pipe, without COLUMNS, keeps lines whole', async () => {
    const r = await runInProcess(['assess', 'fixtures/ew/ro-messages-doorstep.yaml']);
    expect(r.stdout.split('\n').some((l) => columns(l) > 80)).toBe(true);
  });
});

describe('wrapLine', () => {
  it.each([
    ['    ▶ one two three four five six', 16, ['    ▶ one two', '      three four', '      five six']],
    ['  · https://example.org/a/very/long/path', 20, ['  · https://example.', '    org/a/very/long/', '    path']],
    ['short', 10, ['short']],
  ])('%s at %i', (line, width, expected) => {
    expect(wrapLine(line, width)).toEqual(expected);
    for (const l of wrapLine(line, width)) expect(columns(l)).toBeLessThanOrEqual(width);
  });

  it('gives colour codes no width', () => {
    const red = '\x1b[31mred words here\x1b[39m';
    expect(wrapLine(`  ${red}`, 14)).toEqual(['  \x1b[31mred words', '  here\x1b[39m']);
  });
});

describe('a term counted from a day known only as "on or before"', () => {
  // The incidents of this decision are recorded as "on or before 29 December 2006": the term's first
  // possible last day is reached from an open start (year 1), which nobody wrote and nobody can act on.
  const fixture = 'fixtures/decisions/nl/gharn-2007-ba6426-geen-concrete-dreiging.yaml';
  it.each(['text', 'markdown', 'html', 'ics'])('%s names its latest day only, never a day in year 1', async (format) => {
    for (const lang of ['en', 'nl'] as const) {
      const r = await runInProcess(['assess', '--lang', lang, '--format', format, '--detail', 'full', fixture]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/\b(april|April) 1\b|\b000\d-\d\d-\d\d|\b000\d\d\d\d\d\b/);
      if (format === 'text') expect(r.stdout).toContain(lang === 'en' ? 'on or before 29 March 2007' : 'op of vóór 29 maart 2007');
    }
  });
});

/** Every bundled case in both languages, in the three reports for people. */
const FORMATS_FOR_PEOPLE = ['text', 'markdown', 'html'] as const;

describe('words for people', () => {
  it.each(FIXTURES)('%s: no programmer\'s words, no versions, no n/a, no sentence about what the rules lack, one language', async (fixture) => {
    for (const lang of ['en', 'nl'] as const) {
      for (const format of FORMATS_FOR_PEOPLE) {
        const r = await runInProcess(['assess', '--lang', lang, '--format', format, fixture]);
        expect(r.code, r.stderr).toBe(0);
        const text = r.stdout;
        for (const bad of ['must not hold', 'mag niet gelden', 'is known: yes', 'is known: no', 'is bekend: ja', 'is bekend: nee', '(1.0.0)', ' 1.0.0', 'n/a', 'record-keeping checklist', 'geen checklist']) expect(text, `${format} ${lang}: ${bad}`).not.toContain(bad);
        expect(text).not.toMatch(/when the complaint was made: no|wanneer de klacht is gedaan: nee/);
        // The disclaimer in the report's language, and not in the other.
        const other = lang === 'en' ? 'nl' : 'en';
        expect(text).toContain(say(lang, 'disclaimer').slice(0, 30));
        expect(text).not.toContain(say(other, 'disclaimer').slice(0, 30));
      }
    }
  });

  it('lists the routes that do not apply once, at the end, each with why', async () => {
    for (const format of FORMATS_FOR_PEOPLE) {
      const r = await runInProcess(['assess', '--format', format, 'fixtures/nl/ex-partner-zonder-aangifte.yaml']);
      const text = r.stdout.replace(/<[^>]+>/g, '');
      const heading = text.indexOf(say('nl', 'routesNotApplying'));
      expect(heading, format).toBeGreaterThan(text.indexOf(say('nl', 'deadlines')));
      expect(text.split(say('nl', 'routesNotApplying'))).toHaveLength(2);
      expect(text).toContain('Schadevergoeding vorderen in de strafzaak: er is geen strafzaak bij de rechter');
      // Nothing of a route that does not apply is said elsewhere.
      expect(text.indexOf('Spreekrecht')).toBeGreaterThan(heading);
    }
  });

  it('marks the items of a route not yet settled with the route\'s "if …"', async () => {
    const r = await runInProcess(['assess', '--detail', 'lean', 'fixtures/nl/belaging-ex-partner.yaml']);
    expect(r.stdout).toMatch(/\? If a criminal case is brought: Claim for damages in the criminal case/);
  });

  it('says "no complaint has been made" where no complaint was made', async () => {
    const dir = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'rulecase-words-'));
    const file = join(dir, 'c.yaml');
    (await import('node:fs')).writeFileSync(file, 'id: x\njurisdiction: NL\nasOf: "2026-06-01"\ncomplaint: { learned: "2026-04-01", filed: false }\nincidents:\n  - { date: "2026-03-20", kind: message }\n  - { date: "2026-04-01", kind: visit-home }\n');
    const r = await runInProcess(['assess', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('when the complaint was made: no');
  });
});
