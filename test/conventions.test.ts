import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInProcess, runSpawned } from './cli-harness.js';
import { ROOT } from './helpers.js';

/** What users of command-line tools expect, as the issue "Bad input never costs a batch" lists it. */
const asOf = ['--as-of', '2026-06-01'];

describe('globs the shell passed through', () => {
  it('the quoted globs of the README match what the shell would have matched', async () => {
    const count = (dir: string, test: (n: string) => boolean): number => readdirSync(join(ROOT, dir)).filter(test).length;
    for (const [glob, expected] of [
      ['fixtures/{nl,ew}/*.yaml', count('fixtures/nl', (n) => n.endsWith('.yaml')) + count('fixtures/ew', (n) => n.endsWith('.yaml'))],
      ['fixtures/nl/belaging-[eb]*.yaml', count('fixtures/nl', (n) => /^belaging-[eb]/.test(n))],
      ['fixtures/**/belaging-ex-*.yaml', 1],
    ] as const) {
      const r = await runInProcess(['assess', ...asOf, '--format', 'ndjson', glob]);
      expect(r.stderr, glob).toBe('');
      expect(r.stdout.trim().split('\n'), glob).toHaveLength(expected);
    }
    expect(count('fixtures/nl', (n) => /^belaging-[eb]/.test(n))).toBe(2);
  });
});

/** The first field of a CSV row, unquoted as RFC 4180 says. */
function firstCell(row: string): string {
  if (!row.startsWith('"')) return row.slice(0, row.indexOf(','));
  let out = '';
  for (let i = 1; i < row.length; i++) {
    if (row[i] === '"' && row[i + 1] === '"') {
      out += '"';
      i++;
    } else if (row[i] === '"') return out;
    else out += row[i];
  }
  return out;
}

describe('CSV for spreadsheets', () => {
  it('a case id that a spreadsheet would run as a formula is inert: a leading quote, as escape_formulas writes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-csv-'));
    const ids = ['=HYPERLINK("http://example.invalid","click")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', 'plain'];
    ids.forEach((id, i) => writeFileSync(join(dir, `c${i}.json`), JSON.stringify({ id, jurisdiction: 'NL' })));
    const r = await runInProcess(['assess', ...asOf, '--format', 'csv', dir]);
    const rows = r.stdout.split('\r\n').slice(1, -1);
    expect(rows.map(firstCell)).toEqual([
      `'=HYPERLINK("http://example.invalid","click")`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'plain',
    ]);
    // Numbers stay numbers: days left may be negative.
    expect(rows.join('\n')).not.toMatch(/,'-\d+,/);
  });
});

describe('SARIF for code scanning', () => {
  it('paths are relative to the repository root, with %SRCROOT% set, wherever rulecase runs', async () => {
    const r = await runInProcess(['assess', ...asOf, '--format', 'sarif', 'invalid/cases/schema-errors.yaml'], {}, false, join(ROOT, 'fixtures'));
    const run = (JSON.parse(r.stdout) as { runs: { originalUriBaseIds: Record<string, { uri: string }>; invocations: { executionSuccessful: boolean }[]; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] }[] }).runs[0];
    expect(run?.originalUriBaseIds['%SRCROOT%']?.uri).toBe(pathToFileURL(ROOT).href + '/');
    expect(run?.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'fixtures/invalid/cases/schema-errors.yaml', uriBaseId: '%SRCROOT%' });
    expect(run?.invocations[0]?.executionSuccessful).toBe(true);
  });

  it('executionSuccessful is false when a file could not be read, with a notification naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-sarif-'));
    writeFileSync(join(dir, 'utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"jurisdiction":"NL"}', 'utf16le')]));
    const r = await runInProcess(['assess', ...asOf, '--format', 'sarif', join(dir, 'utf16.json')]);
    expect(r.code).toBe(2);
    const inv = (JSON.parse(r.stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[] }[] }).runs[0]?.invocations[0];
    expect(inv?.executionSuccessful).toBe(false);
    expect(inv?.toolExecutionNotifications[0]?.message.text).toMatch(/UTF-16/);
  });
});

describe('--quiet and colour', () => {
  it('--quiet leaves only the errors on standard error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-quiet-'));
    writeFileSync(join(dir, 'bad.yaml'), 'jurisdiction: NL\nincidents: [{ date: "2026-02-30" }]\n');
    writeFileSync(join(dir, 'good.yaml'), readFileSync(join(ROOT, 'fixtures/nl/belaging-buurman.yaml')));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.yaml')]).status).toBe(0);
    const loud = await runInProcess(['assess', ...asOf, '--format', 'json', dir]);
    expect(loud.stderr).toMatch(/skipped .*pipe\.yaml/);
    expect(loud.stderr).toContain('1 of 2 case file(s) could not be assessed');
    const quiet = await runInProcess(['assess', '--quiet', ...asOf, '--format', 'json', dir]);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr.trim().split('\n')).toEqual([expect.stringMatching(/bad\.yaml:2:\d+: error invalid-date/)]);
  });

  it('FORCE_COLOR and --color colour a pipe; --no-color and FORCE_COLOR=0 keep a terminal plain', async () => {
    const coloured = (r: { stdout: string }): boolean => r.stdout.includes('\u001b[');
    const args = ['assess', ...asOf, 'fixtures/nl/belaging-buurman.yaml'];
    expect(coloured(await runInProcess(args, {}, false))).toBe(false);
    expect(coloured(await runInProcess(args, { FORCE_COLOR: '1' }, false))).toBe(true);
    expect(coloured(await runInProcess(['--color', ...args], {}, false))).toBe(true);
    expect(coloured(await runInProcess(args, {}, true))).toBe(true);
    expect(coloured(await runInProcess([...args, '--no-color'], {}, true))).toBe(false);
    expect(coloured(await runInProcess(args, { FORCE_COLOR: '0' }, true))).toBe(false);
    expect(coloured(await runInProcess(args, { NO_COLOR: '1' }, true))).toBe(false);
    expect(coloured(await runInProcess([...args, '--color'], { NO_COLOR: '1' }, false))).toBe(true);
  });
});

describe('validate -', () => {
  it('checks one rule file from standard input, named <stdin> in its diagnostics', () => {
    const good = runSpawned(['validate', '-'], {}, readFileSync(join(ROOT, 'rules/nl/atw-calendar.yaml'), 'utf8'));
    expect(good.code, good.stdout + good.stderr).toBe(0);
    const bad = runSpawned(['validate', '-'], {}, 'id: x\n---\nid: y\n');
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toContain('<stdin>:2:1: error yaml-syntax: the file cannot be read as YAML: it holds more than one YAML document');
  });
});
