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
/** Every bundled case: the fixtures and the decided cases. */
const BUNDLED = [...FIXTURES, ...['ew', 'nl'].flatMap((dir) => readdirSync(join(ROOT, 'fixtures', 'decisions', dir)).filter((f) => f.endsWith('.yaml')).map((f) => `fixtures/decisions/${dir}/${f}`))];

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
  browserOut(args);
}

function browserOut(args: string[]): string {
  const r = spawnSync(chromium as string, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--user-data-dir=${join(work, 'profile')}`, ...args], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`chromium failed (${r.status}): ${r.stderr}`);
  return r.stdout;
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

/** Prints an HTML report to PDF and reads its text back, page by page. */
function printed(html: string, name: string): string[] {
  const file = join(work, `${name.replace(/\W/g, '_')}.html`);
  writeFileSync(file, html);
  const pdf = file.replace(/\.html$/, '.pdf');
  browser(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${file}`]);
  return pdfPages(pdf);
}

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

  it.each(BUNDLED)('%s: --detail lean fits in 4 A4 pages, each with the case id and its page number', async (fixture) => {
    const { html, lang } = await htmlOf(fixture, undefined, ['--detail', 'lean']);
    const pages = printed(html, fixture);
    expect(pages.length).toBeLessThanOrEqual(4);
    expect(pages[0] ?? '').toContain(say(lang, 'whatToDo'));
    const id = (parse(readFileSync(join(ROOT, fixture), 'utf8')) as { id: string }).id;
    pages.forEach((page, i) => {
      expect(page).toContain(say(lang, 'pageNofM', { n: i + 1, m: pages.length }));
      expect(page).toContain(`${say(lang, 'case')} ${id}`);
    });
    // The appendix is what lean leaves out.
    expect(pages.join(' ')).not.toContain(say(lang, 'appendix'));
  }, 90_000);

  it.each<[string, Lang | undefined]>([...FIXTURES.map((f): [string, Lang | undefined] => [f, undefined]), ['fixtures/nl/belaging-ex-partner.yaml', 'nl'], ['fixtures/ew/two-orders.yaml', 'nl']])('%s (--lang %s): nothing overflows a table cell', async (fixture, asked) => {
    const { html } = await htmlOf(fixture, asked);
    // A test copy: the CSP lifted and a script that marks every cell whose content is wider than the cell.
    const probe = html
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
      .replace('</body>', `<script>for (const c of document.querySelectorAll('td, th')) if (c.scrollWidth > c.clientWidth + 1) c.setAttribute('data-overflow', c.textContent.slice(0, 60));</script></body>`);
    const file = join(work, `${fixture.replace(/\W/g, '_')}-${asked ?? ''}-probe.html`);
    writeFileSync(file, probe);
    const dom = browserOut(['--window-size=720,1000', '--virtual-time-budget=2000', '--dump-dom', `file://${file}`]);
    expect(dom).toContain('</table>');
    expect([...dom.matchAll(/data-overflow="([^"]*)"/g)].map((m) => m[1])).toEqual([]);
  }, 90_000);

  it('a Dutch report is titled and marked as Dutch, and full adds the appendix on a page of its own', async () => {
    const { html } = await htmlOf('fixtures/nl/belaging-ex-partner.yaml', 'nl');
    expect(html).toMatch(/<html lang="nl">/);
    expect(html).toContain(`<title>${say('nl', 'reportTitle')}</title>`);
    const pages = printed(html, 'full-nl');
    const appendix = pages.findIndex((p) => p.includes(say('nl', 'appendix')));
    expect(appendix).toBeGreaterThan(0);
    // The appendix starts a page: the part to hand over ends before it, with the disclaimer.
    expect(pages[appendix - 1] ?? '').toContain(say('nl', 'disclaimer').slice(0, 40));
    expect(pages[appendix]?.indexOf(say('nl', 'appendix'))).toBeLessThan(120);
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
