/**
 * The rule book of the bundled rules (`rulecase docs`): every rule, value, question, calendar and
 * source of every rule set has its anchor; every internal link resolves (checked here, independently
 * of the command's own check); a reader sees words, not references; and Chromium prints a page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTIONS } from '../src/rulebook/model.js';
import type { RuleSet } from '../src/rules/types.js';
import { runInProcess } from './cli-harness.js';
import { ROOT, rules } from './helpers.js';
import { listFiles } from '../src/io/files.js';
import { parse } from 'yaml';

const work = mkdtempSync(join(tmpdir(), 'rulecase-rulebook-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bundled = rules();
const pagesIn = (dir: string): Map<string, string> => new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const idsIn = (html: string): Set<string> => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string));
const hrefsIn = (html: string): string[] => [...html.matchAll(/\shref="([^"]+)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));
/** What a reader sees: the text outside tags, without the small ids shown for maintainers. */
const visibleText = (html: string): string =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<code class="id">[^<]*<\/code>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

/** Every internal link that does not resolve: a page that is not there, or an anchor not on it. */
function brokenLinks(pages: Map<string, string>): string[] {
  const broken: string[] = [];
  for (const [page, html] of pages)
    for (const href of hrefsIn(html)) {
      if (/^https?:/.test(href)) continue;
      const [file, fragment] = href.split('#') as [string, string | undefined];
      const target = pages.get(file === '' ? page : file);
      if (target === undefined || (fragment !== undefined && !idsIn(target).has(fragment))) broken.push(`${page}: ${href}`);
    }
  return broken;
}

const internalLinks = (pages: Map<string, string>): number => [...pages.values()].reduce((n, html) => n + hrefsIn(html).filter((h) => !/^https?:/.test(h)).length, 0);

let en: Map<string, string>;
let nl: Map<string, string>;
let single: Map<string, string>;
let stderr: string;

beforeAll(async () => {
  const a = await runInProcess(['docs', '--out', join(work, 'en')]);
  expect(a.code, a.stderr).toBe(0);
  stderr = a.stderr;
  const b = await runInProcess(['docs', '--lang', 'nl', '--out', join(work, 'nl')]);
  expect(b.code, b.stderr).toBe(0);
  const c = await runInProcess(['docs', '--out', join(work, 'one', 'rulebook.html')]);
  expect(c.code, c.stderr).toBe(0);
  en = pagesIn(join(work, 'en'));
  nl = pagesIn(join(work, 'nl'));
  single = pagesIn(join(work, 'one'));
}, 120_000);

describe('rulecase docs: the rule book of the bundled rules', () => {
  it('has an index, a page per rule set, the unverified points and the case fields, readable by their owner only', () => {
    expect([...en.keys()]).toEqual(expect.arrayContaining(['index.html', 'unverified.html', 'case-fields.html', ...bundled.rulesets.map((rs) => `${rs.id}.html`)]));
    expect(statSync(join(work, 'en', 'index.html')).mode & 0o777).toBe(0o600);
    for (const rs of bundled.rulesets) expect(en.get('index.html')).toContain(`href="${rs.id}.html"`);
    expect(stderr).toMatch(/wrote \d+ page file\(s\) .* \d+ internal links checked/);
  });

  it('gives every rule, derived value, question, calendar and source of every rule set its anchor', () => {
    let ids = 0;
    for (const rs of bundled.rulesets) {
      const page = en.get(`${rs.id}.html`) as string;
      const anchors = idsIn(page);
      for (const section of SECTIONS)
        for (const id of Object.keys((rs as RuleSet)[section] ?? {})) {
          ids++;
          expect(anchors.has(`${rs.id}--${section}--${id}`), `${rs.id} ${section}.${id}`).toBe(true);
        }
    }
    expect(ids).toBeGreaterThan(400);
    // Every source shows its kind and whether it is verified.
    for (const rs of bundled.rulesets) {
      const page = en.get(`${rs.id}.html`) as string;
      for (const [id, s] of Object.entries(rs.sources)) {
        const at = page.indexOf(`id="${rs.id}--sources--${id}"`);
        const entry = page.slice(at, page.indexOf('</article>', at));
        expect(entry, `${rs.id} source ${id}`).toMatch(new RegExp(`class="badge muted">(statute|decision|guideline|official guidance|secondary source|practice)<`));
        expect(entry, `${rs.id} source ${id}`).toContain(s.verified ? '>verified<' : '>NOT VERIFIED<');
      }
    }
  });

  it('has no broken internal link, in a folder of pages, in one file, and in Dutch', () => {
    for (const pages of [en, nl, single]) {
      expect(brokenLinks(pages)).toEqual([]);
      expect(internalLinks(pages)).toBeGreaterThan(2000);
    }
    // One file links only to its own anchors.
    expect([...single.keys()]).toEqual(['rulebook.html']);
    expect(hrefsIn(single.get('rulebook.html') as string).filter((h) => !h.startsWith('#') && !/^https?:/.test(h))).toEqual([]);
  });

  it('says the logic in words: no reference, ISO duration or code reaches the reader', () => {
    for (const [name, html] of [...en, ...nl]) {
      const text = visibleText(html);
      expect(text, name).not.toMatch(/\b(facts|derived|criteria|judgments|tables|deadlines|actions|case)\.[a-z_]+/);
      expect(text, name).not.toMatch(/\bP\d+[YMWD]\b/);
    }
    // The Dutch stalking element: its logic names the four judgments, each linked to its entry.
    const belaging = en.get('nl-belaging.html') as string;
    const entry = belaging.slice(belaging.indexOf('id="nl-belaging--criteria--belaging"'), belaging.indexOf('id="nl-belaging--criteria--', belaging.indexOf('id="nl-belaging--criteria--belaging"') + 10));
    expect(visibleText(entry)).toContain('Logic all of these hold:');
    for (const j of ['stelselmatig_inbreuk', 'wederrechtelijk', 'opzettelijk', 'oogmerk']) expect(entry).toContain(`href="nl-belaging.html#nl-belaging--judgments--${j}"`);
    // The complaint term in words: three months, from the later of two dates, with the Dutch calendar.
    const at = belaging.indexOf('id="nl-belaging--deadlines--complaint"');
    const complaint = visibleText(belaging.slice(at, belaging.indexOf('<article', at)));
    expect(complaint).toMatch(/Length: 3 months\. Counted from: the first known of: the latest of: when the victim learned of the conduct last act /);
    expect(complaint).toContain('by the calendar: Algemene termijnenwet');
  });

  it('shows each rule’s sources with their status, whether it is verified and why not, and the tests that assert it', () => {
    const belaging = visibleText(en.get('nl-belaging.html') as string);
    expect(belaging).toContain('Rule tests that check it');
    expect(belaging).toMatch(/ex-partner - all elements met, complaint filed in time, gedragsaanwijzing running passes/);
    expect(en.get('nl-belaging.html')).toContain('<code class="id">belaging.test.yaml</code>');
    // Which actions and routes a test asserts, read from the test files themselves: the book says
    // "no rule test" for exactly the others (the gaps a maintainer must close).
    const named = new Set<string>();
    for (const f of listFiles(join(ROOT, 'rules'), (n) => n.endsWith('.test.yaml'))) {
      const tf = parse(readFileSync(f, 'utf8')) as { tests: { expect?: { actions?: object; actionOrder?: string[]; routes?: object } }[] };
      for (const t of tf.tests) {
        for (const k of Object.keys(t.expect?.actions ?? {})) named.add(`actions.${k.split('.').at(-1)}`);
        for (const k of t.expect?.actionOrder ?? []) named.add(`actions.${k.split('.').at(-1)}`);
        for (const k of Object.keys(t.expect?.routes ?? {})) named.add(`routes.${k}`);
      }
    }
    let checked = 0;
    for (const rs of bundled.rulesets) {
      const page = en.get(`${rs.id}.html`) as string;
      for (const section of ['routes', 'actions'] as const)
        for (const id of Object.keys(rs[section] ?? {})) {
          const at = page.indexOf(`id="${rs.id}--${section}--${id}"`);
          const untested = page.slice(at, page.indexOf('</article>', at)).includes('No rule test checks it.');
          expect(untested, `${rs.id} ${section}.${id}`).toBe(!named.has(`${section}.${id}`));
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(40);
    expect(belaging).toMatch(/\d+ of \d+ outcomes reached by the rule tests/);
    expect(belaging).toContain('NOT VERIFIED');
    // An unverified source's reason, on the rule that cites it and once on the page of unverified points.
    const reason = 'the explanatory memorandum was not read; its words are quoted in a defence pleading';
    expect(belaging).toContain(reason);
    const unverified = visibleText(en.get('unverified.html') as string);
    expect(unverified.split(reason).length - 1).toBe(1);
    expect(unverified).toMatch(/Rules not verified \(\d+\)/);
    expect(unverified).toMatch(/Review dates \(\d+ review due\)/);
  });

  it('is written in Dutch with --lang nl', () => {
    const index = nl.get('index.html') as string;
    expect(index).toContain('<html lang="nl">');
    expect(visibleText(index)).toContain('Regelboek');
    expect(visibleText(nl.get('nl-belaging.html') as string)).toMatch(/Logica al deze voorwaarden gelden:/);
    expect(visibleText(nl.get('nl-belaging.html') as string)).not.toMatch(/\b(When met|Rule tests that check it|Sources)\b/);
  });
});

describe('rulecase docs: routes and urgency', () => {
  it('indexes the routes, shows each route with its items, and an action with its urgency', async () => {
    const dir = join(work, 'routes');
    const r = await runInProcess(['docs', '--rules', 'fixtures/rulebook/rules/routes.yaml', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const pages = pagesIn(dir);
    expect(brokenLinks(pages)).toEqual([]);
    const index = visibleText(pages.get('index.html') as string);
    expect(index).toContain('Routes Does not apply when While unknown What belongs to it Claiming damages in the criminal case there is no criminal case if a criminal case is brought 2');
    const page = pages.get('nl-route-example.html') as string;
    const route = visibleText(page.slice(page.indexOf('id="nl-route-example--routes--injured_party_claim"'), page.indexOf('id="nl-route-example--criteria--')));
    expect(route).toMatch(/Applies when where the criminal case stands : one of charged/);
    expect(page).toContain('href="nl-route-example.html#nl-route-example--actions--join_as_injured_party"');
    const action = visibleText(page.slice(page.indexOf('id="nl-route-example--actions--join_as_injured_party"')));
    expect(action).toMatch(/Urgency now: before anything else/);
    expect(action).toMatch(/Route Claiming damages in the criminal case/);
    // The source's kind and the one line on why it is not verified, said once on the unverified page.
    expect(visibleText(page)).toContain('statute');
    expect(visibleText(pages.get('unverified.html') as string).split('the text was not re-read for this example').length - 1).toBe(1);
  });
});

function found(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.error === undefined && r.status === 0;
}
const chromium = ['chromium', 'chromium-browser'].find((c) => found(c, ['--version']));
const canPrint = chromium !== undefined && found('pdftotext', ['-v']);
const inCI = Boolean(process.env['CI']);

describe.skipIf(!canPrint && !inCI)('the rule book, printed by Chromium', () => {
  it('prints a rule set page to PDF whose text has its title and its first rule', () => {
    const pdf = join(work, 'nl-belaging.pdf');
    const r = spawnSync(chromium as string, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--user-data-dir=${join(work, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${join(work, 'en', 'nl-belaging.html')}`], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Stalking (belaging, Art. 285b Sr)');
    expect(text).toContain('Stalking (belaging, Art. 285b(1) Sr)');
    expect(text).toContain('all of these hold:');
  }, 90_000);
});
