/**
 * The HTML report in a real browser: every bundled fixture is rendered by headless Chromium to a
 * PDF, and the PDF's text must have "What to do now" on its first page and the timeline's labels.
 * Skipped only where Chromium is missing and CI is not set; in CI it must run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { humanDate } from '../src/explain/values.js';
import type { Lang } from '../src/rules/types.js';
import { say } from '../src/words/report.js';
import { runInProcess } from './cli-harness.js';
import { ROOT } from './helpers.js';

const FIXTURES = ['example', 'ew', 'nl'].flatMap((dir) => readdirSync(join(ROOT, 'fixtures', dir)).filter((f) => f.endsWith('.yaml')).map((f) => `fixtures/${dir}/${f}`));

function found(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.error === undefined && r.status === 0;
}

const chromium = ['chromium', 'chromium-browser'].find((c) => found(c, ['--version']));
const pdftotext = found('pdftotext', ['-v']);
const inCI = Boolean(process.env['CI']);
const canRun = chromium !== undefined && pdftotext;
if (!canRun && !inCI) console.warn('report-html: skipped, chromium or pdftotext is not installed (sudo apt-get install -y chromium poppler-utils); CI runs it.');

const work = mkdtempSync(join(tmpdir(), 'rulecase-html-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function browser(args: string[]): void {
  const r = spawnSync(chromium as string, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--user-data-dir=${join(work, 'profile')}`, ...args], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`chromium failed (${r.status}): ${r.stderr}`);
}

async function htmlOf(fixture: string, lang?: Lang, extra: string[] = []): Promise<{ html: string; lang: Lang; asOf: string }> {
  // The example case goes with the example rules.
  const rules = fixture.startsWith('fixtures/example/') ? ['--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml'] : [];
  const run = await runInProcess(['assess', ...rules, ...(lang ? ['--lang', lang] : []), ...extra, '--format', 'html', fixture]);
  expect(run.stderr).toBe('');
  const c = parse(readFileSync(join(ROOT, fixture), 'utf8')) as { lang?: Lang; asOf?: string };
  return { html: run.stdout, lang: lang ?? c.lang ?? 'en', asOf: c.asOf ?? '2026-06-01' };
}

/** Each bundled case in its own language, and two in Dutch. */
const RUNS: [string, Lang | undefined][] = [...FIXTURES.map((f): [string, Lang | undefined] => [f, undefined]), ['fixtures/nl/belaging-ex-partner.yaml', 'nl'], ['fixtures/ew/ro-messages-doorstep.yaml', 'nl']];

/** The PDF's text page by page (pdftotext ends each page with a form feed), whitespace collapsed. */
function pdfPages(pdf: string): string[] {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout
    .split('\f')
    .slice(0, -1)
    .map((p) => p.replace(/\s+/g, ' '));
}

describe.skipIf(!canRun && !inCI)('the HTML report, printed by Chromium', () => {
  it('finds Chromium and pdftotext (CI installs them in .ci/run)', () => {
    expect(chromium, 'chromium is not installed').toBeDefined();
    expect(pdftotext, 'pdftotext (poppler-utils) is not installed').toBe(true);
  });

  it.each(RUNS)('%s (--lang %s) prints to A4 with what to do first and the timeline', async (fixture, asked) => {
    const { html, lang, asOf } = await htmlOf(fixture, asked);
    // Self-contained: nothing to fetch, nothing to run.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\ssrc=|\shref=/i);
    expect(html).toContain('<svg');
    const file = join(work, `${fixture.replace(/\W/g, '_')}-${lang}.html`);
    writeFileSync(file, html);
    const pdf = file.replace(/\.html$/, '.pdf');
    browser(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${file}`]);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    // Every element with its reasons and sources: long for the English cases, which weigh many routes.
    expect(pages.length).toBeLessThanOrEqual(24);
    const first = pages[0] ?? '';
    expect(first).toContain(say(lang, 'whatToDo'));
    const all = pages.join(' ');
    // The timeline's labels, in the case's language: the as-of mark and the lanes.
    expect(all).toContain(say(lang, 'timelineAsOf', { date: humanDate(asOf, lang) }));
    expect(all).toContain(say(lang, 'timeline'));
    expect(all).toContain(say(lang, 'incidents'));
    expect(all).toContain(say(lang, 'disclaimer').slice(0, 40));
  }, 90_000);

  it('--detail lean keeps the longest case to a few pages, still opening with what to do now', async () => {
    const { html, lang } = await htmlOf('fixtures/ew/sentencing-judgments.yaml', undefined, ['--detail', 'lean']);
    const file = join(work, 'lean.html');
    writeFileSync(file, html);
    const pdf = join(work, 'lean.pdf');
    browser(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${file}`]);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeLessThanOrEqual(10);
    expect(pages[0] ?? '').toContain(say(lang, 'whatToDo'));
    expect(pages.join(' ')).toContain(say(lang, 'sources'));
  }, 90_000);

  it('takes a screenshot of the report', async () => {
    const { html } = await htmlOf('fixtures/nl/belaging-ex-partner.yaml');
    const file = join(work, 'shot.html');
    writeFileSync(file, html);
    const png = join(work, 'shot.png');
    browser(['--hide-scrollbars', '--window-size=900,1400', `--screenshot=${png}`, `file://${file}`]);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(bytes.readUInt32BE(16)).toBe(900);
    expect(bytes.readUInt32BE(20)).toBe(1400);
  }, 90_000);
});

describe('the HTML report escapes case text', () => {
  it('shows markup in a case as text, never as markup', async () => {
    const text = [
      'id: "<b>x</b>"',
      'jurisdiction: NL',
      'asOf: "2026-05-01"',
      'summary: "<script>alert(1)</script> & \\"quotes\\""',
      'incidents:',
      '  - { date: "2026-03-01", kind: message, description: "<img src=x onerror=alert(1)>" }',
      'judgments: {}',
    ].join('\n');
    const { writeFileSync: write, mkdtempSync: mk } = await import('node:fs');
    const dir = mk(join(tmpdir(), 'rulecase-esc-'));
    write(join(dir, 'case.yaml'), text);
    const r = await runInProcess(['assess', '--format', 'html', join(dir, 'case.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/<script|<img|<b>x/);
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
