/**
 * --redact: no name, description, free text, case id or file name of a bundled case appears in
 * any format's output; the verdicts and dates stay what they were.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatNames } from '../src/report/formats.js';
import { runInProcess } from './cli-harness.js';
import { ROOT } from './helpers.js';

const FIXTURES = ['example', 'ew', 'nl'].flatMap((dir) => readdirSync(join(ROOT, 'fixtures', dir)).filter((f) => f.endsWith('.yaml')).map((f) => `fixtures/${dir}/${f}`));
const rulesFor = (fixture: string): string[] => (fixture.startsWith('fixtures/example/') ? ['--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml'] : []);
const work = mkdtempSync(join(tmpdir(), 'rulecase-redact-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Where a case file keeps names and free text. */
const FREE_TEXT = new Set(['id', 'summary', 'description', 'evidence', 'witnesses', 'text', 'places', 'exceptions', 'name', 'by', 'reason', 'note', 'source', 'court', 'protects', 'filedBy', 'channel', 'offence']);

/** Every free-text string of a case file (ids included), and the personal names its summary gives. */
function personalStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return FREE_TEXT.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => personalStrings(v, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'facts' ? factTexts(v) : personalStrings(v, k)));
  return [];
}

function factTexts(facts: unknown): string[] {
  // A fact's note and source are free text; a plain value may be a code the rules compare.
  return Object.values(facts as Record<string, unknown>).flatMap((a) => (a !== null && typeof a === 'object' ? personalStrings(a) : []));
}

/** Two or more capitalised words in a row, as names are written ("Sarah Collins", "Sanne de Boer"). */
function namesIn(text: string): string[] {
  return [...text.matchAll(/\b[A-Z][a-z]+(?: (?:de|van|der|den) )?(?: ?[A-Z][a-z]+)+\b/g)].map((m) => m[0]).filter((n) => n.includes(' '));
}

/** The law's and the tool's own words: a case's text that also appears there is not what gives a person away. */
const COMMON = [join(ROOT, 'rules', 'ew'), join(ROOT, 'rules', 'nl'), join(ROOT, 'fixtures', 'rules')]
  .flatMap((dir) => readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')))
  .concat(readFileSync(join(ROOT, 'src', 'words', 'report.ts'), 'utf8'))
  .join('\n')
  .replace(/\s+/g, ' ');

/** An output as a reader sees its text: entities, Markdown escapes, iCalendar folding and escapes undone. */
function plain(output: string): string {
  return output
    .replace(/\r\n[ \t]/g, '')
    .replace(/\\n/g, ' ')
    .replace(/\\([\\,;`*_{}[\]<>#|~!"])/g, '$1')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('--redact', () => {
  it.each(FIXTURES)('%s: no name or free text in any format', async (fixture) => {
    const c = parse(readFileSync(join(ROOT, fixture), 'utf8')) as Record<string, unknown>;
    const secrets = [...new Set([...personalStrings(c), ...namesIn(String(c['summary'] ?? '')), fixture])].map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length >= 3 && !COMMON.includes(s));
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const formats = formatNames('assess');
    const dir = join(work, basename(fixture, '.yaml'));
    const r = await runInProcess(['assess', '--redact', '--ics-details', '--detail', 'full', ...rulesFor(fixture), ...formats.map((f) => `--format=${f}=${join(dir + '-' + f)}`), fixture]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of formats) {
      const out = plain(readFileSync(dir + '-' + f, 'utf8'));
      for (const s of secrets) expect(out, `${f} shows "${s}"`).not.toContain(s);
    }
    expect(readFileSync(dir + '-markdown', 'utf8')).toMatch(/\[(case|zaak) 1\\\]/);
  });

  it('changes no verdict or date', async () => {
    const fixture = 'fixtures/ew/ro-messages-doorstep.yaml';
    const lean = async (extra: string[]): Promise<unknown> => {
      const r = await runInProcess(['assess', '--format', 'json', ...extra, fixture]);
      const cases = (JSON.parse(r.stdout) as { cases: Record<string, unknown>[] }).cases;
      return cases.map(({ file: _f, id: _i, ...rest }) => rest);
    };
    expect(await lean(['--redact'])).toEqual(await lean([]));
  });

  it('numbers the cases by their place in the input, the same in every run', async () => {
    const r = await runInProcess(['assess', '--redact', '--format', 'csv', 'fixtures/nl/belaging-buurman.yaml', 'fixtures/ew/two-orders.yaml']);
    expect(r.stdout).toMatch(/\[case 1\]|\[zaak 1\]/);
    expect(r.stdout).toMatch(/\[case 2\]|\[zaak 2\]/);
    expect(r.stdout).not.toMatch(/buurman|two-orders/);
  });
});
