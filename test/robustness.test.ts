import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessSources } from '../src/app/assess.js';
import { runInProcess, runSpawned } from './cli-harness.js';
import { rules, ROOT } from './helpers.js';

/**
 * The issue "Bad input never costs a batch": every bad input found by trying about 750 malformed
 * files, in one folder with good cases. Each good case must come out exactly as when it is assessed
 * alone, in one thread and in worker threads; each bad one as that file's diagnostic, with a code
 * and its place; the run exits 2, within seconds.
 */
const GOOD = ['nl/belaging-buurman.yaml', 'nl/belaging-ex-partner.yaml', 'nl/belaging-onvolledig.yaml', 'ew/ro-messages-doorstep.yaml', 'ew/two-orders.yaml', 'ew/approximate-date.yaml'];
/** Worker threads start at 200 files: the folder holds more, so --jobs 2 really uses them. */
const COPIES = 36;
const asOf = ['--as-of', '2026-06-01'];

/** name → [content, the diagnostic expected: code, line, column, words in the message] */
function badInputs(): Record<string, [string | Buffer, string, number, number, RegExp]> {
  const buurman = readFileSync(join(ROOT, 'fixtures/nl/belaging-buurman.yaml'), 'utf8');
  const level = (n: string, x: string): string => `${n}: &${n} [${Array(10).fill(x).join(',')}]`;
  return {
    'alias-bomb.yaml': [[level('a', '"x"'), level('b', '*a'), level('c', '*b'), level('d', '*c'), level('e', '*d'), level('f', '*e'), 'jurisdiction: NL', ''].join('\n'), 'yaml-syntax', 1, 1, /aliases/],
    'alias-unresolved.yaml': ['jurisdiction: NL\nx: *nope\n', 'yaml-syntax', 1, 1, /refers to no anchor/],
    'deep-1000.json': ['{"jurisdiction":"NL","x":' + '['.repeat(1000) + '1' + ']'.repeat(1000) + '}', 'json-syntax', 1, 525, /nested more than 500 levels/],
    // Refused where the 501st bracket opens, JSON or YAML, in one thread or in workers.
    'deep-flow.yaml': ['jurisdiction: NL\nx: ' + '['.repeat(20000) + '\n', 'yaml-syntax', 2, 504, /nested more than 500 levels/],
    'deep-10000.json': ['{"jurisdiction":"NL","facts":{"x":' + '['.repeat(10000) + ']'.repeat(10000) + '}}', 'json-syntax', 1, 533, /nested more than 500 levels/],
    'tag-omap.yaml': ['jurisdiction: NL\nfacts: !!omap\n  - a: 1\n', 'yaml-syntax', 2, 8, /the tag !!omap is not one rulecase reads/],
    'year-9999.yaml': [buurman.replace('made: "2026-04-16"', 'made: "9999-12-31"'), 'invalid-date', 27, 11, /outside the years rulecase counts with/],
    'year-0050.yaml': [buurman.replace('made: "2026-04-16"', 'made: "0050-04-16"'), 'invalid-date', 27, 11, /outside the years/],
    'duplicate-key.json': ['{"jurisdiction": "NL",\n "jurisdiction": "EW"}', 'json-syntax', 2, 2, /"jurisdiction" appears twice/],
    // Nested, and with a colon after a quote inside a string value (the fast count then defers to the exact scan).
    'duplicate-key-nested.json': ['{"jurisdiction": "NL", "summary": "he said \\"go\\": twice",\n "facts": {"a": 1,\n  "a": 2}}', 'json-syntax', 3, 3, /"a" appears twice/],
    'tag-js-function.yaml': ['jurisdiction: !!js/function "function () {}"\n', 'yaml-syntax', 1, 15, /the tag !!js\/function is not one rulecase reads/],
    'tag-custom.yaml': ['jurisdiction: !custom NL\n', 'yaml-syntax', 1, 15, /the tag !custom/],
    'utf16.json': [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"jurisdiction":"NL"}', 'utf16le')]), 'file-unreadable', 1, 1, /UTF-16; save it as UTF-8/],
    'two-documents.yaml': ['jurisdiction: NL\n---\njurisdiction: EW\n', 'yaml-syntax', 2, 1, /more than one YAML document/],
    'too-large.json': ['{"jurisdiction":"NL","summary":"' + 'x'.repeat(4 * 1024 * 1024) + '"}', 'file-unreadable', 1, 1, /larger than 4 MB/],
    'tab-indent.yaml': ['jurisdiction: NL\ncomplaint:\n\tfiled: false\n', 'yaml-syntax', 3, 1, /YAML indents with spaces only/],
  };
}

let dir: string;
let alone: Map<string, Record<string, unknown>>;

/** An ndjson line without its file name: a copy of a case must say the same as the original. */
const strip = (line: Record<string, unknown>): Record<string, unknown> => {
  const { file: _file, ...rest } = line;
  void _file;
  return rest;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rulecase-robust-'));
  for (const [name, [content]] of Object.entries(badInputs())) writeFileSync(join(dir, name), content);
  symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
  symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
  // A pipe named like a case file blocked every batch over its folder: it is skipped and named.
  const fifo = spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
  expect(fifo.status).toBe(0);
  // A BOM is how some editors start UTF-8: such a file is good.
  const good = readFileSync(join(ROOT, 'fixtures/nl/belaging-ex-partner.yaml'), 'utf8');
  writeFileSync(join(dir, 'good-bom.yaml'), '\ufeff' + good);
  for (let i = 0; i < COPIES; i++) for (const g of GOOD) copyFileSync(join(ROOT, 'fixtures', g), join(dir, `good-${String(i).padStart(2, '0')}-${basename(g)}`));
  alone = new Map();
  for (const g of GOOD) {
    const r = await runInProcess(['assess', ...asOf, '--format', 'ndjson', join('fixtures', g)]);
    alone.set(basename(g), strip(JSON.parse(r.stdout) as Record<string, unknown>));
  }
  alone.set('good-bom.yaml', alone.get('belaging-ex-partner.yaml') as Record<string, unknown>);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a folder of good files mixed with every bad input', () => {
  for (const jobs of ['1', '2']) {
    it(`reports every good case as alone and every bad file as its own diagnostic, with --jobs ${jobs}`, () => {
      const started = Date.now();
      const r = runSpawned(['assess', ...asOf, '--format', 'ndjson', '--jobs', jobs, dir]);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at |please use|Maximum call stack/);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown> & { file: string; status: string; diagnostics: { code: string; line: number; column: number; message: string }[] });
      const byName = new Map(lines.map((l) => [basename(l.file), l]));
      // Good cases: byte for byte what they are alone (but for the file name).
      const goods = lines.filter((l) => basename(l.file).startsWith('good-'));
      expect(goods).toHaveLength(GOOD.length * COPIES + 1);
      for (const l of goods) expect(strip(l)).toEqual(alone.get(basename(l.file).replace(/^good-\d\d-/, '')));
      // Bad inputs: invalid, with a code, a place and our own sentence.
      for (const [name, [, code, line, column, words]] of Object.entries(badInputs())) {
        const d = byName.get(name);
        expect(d?.status, name).toBe('invalid');
        expect(d?.diagnostics[0], name).toMatchObject({ code, line, column });
        expect(d?.diagnostics[0]?.message, name).toMatch(words);
      }
      for (const loop of ['loop-a.yaml', 'loop-b.yaml']) expect(byName.get(loop)?.diagnostics[0]).toMatchObject({ code: 'file-unreadable', message: expect.stringMatching(/leads back to itself/) });
      expect(byName.has('pipe.yaml')).toBe(false);
      expect(r.stderr).toContain(`skipped ${join(dir, 'pipe.yaml')}: it is not a regular file`);
    }, 60_000);
  }
});

describe('bounded work', () => {
  it('a pipe or a device named on the command line is refused at once, not read', async () => {
    for (const path of [join(dir, 'pipe.yaml'), '/dev/zero']) {
      if (!existsSync(path)) continue;
      const r = runSpawned(['assess', ...asOf, path]);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).toMatch(/not a regular file \(a pipe, socket or device\)/);
    }
  });

  it('standard input has a limit: more than 64 MB ends with a message, not a full memory', () => {
    const r = spawnSync('sh', ['-c', `head -c 70000000 /dev/zero | "${process.execPath}" bin/rulecase.js assess -`], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('standard input holds more than 64 MB');
  });

  it('one case on standard input has the file limit', () => {
    const r = runSpawned(['assess', ...asOf, '--format', 'ndjson', '-'], {}, '{"jurisdiction":"NL","summary":"' + 'x'.repeat(5 * 1024 * 1024) + '"}');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ code: 'file-unreadable', file: '<stdin>', line: 1, column: 1 });
  });
});

describe('per-file isolation in the application layer', () => {
  it('whatever throws while assessing one file becomes its internal-error diagnostic, with its place; the others go on', () => {
    const loaded = rules();
    const good = readFileSync(join(ROOT, 'fixtures/nl/belaging-buurman.yaml'), 'utf8');
    // A case without an as-of date asks the clock; this clock breaks.
    const io = { readFile: () => 'jurisdiction: NL\n', now: (): Date => { throw new Error('the clock broke'); } };
    const reports = assessSources([{ file: 'a.yaml', text: good }, { file: 'stream', text: '{"jurisdiction":"NL"}', line: 7 }, { file: 'b.yaml' }], loaded.rulesets, {}, io);
    expect(reports.map((r) => r.status)).toEqual(['assessed', 'invalid', 'invalid']);
    expect(reports[1]?.diagnostics[0]).toMatchObject({ code: 'internal-error', file: 'stream', line: 7, column: 1 });
    expect(reports[1]?.diagnostics[0]?.message).toContain('the clock broke');
  });
});

describe('nothing left behind', () => {
  it('a batch killed with SIGTERM or SIGINT while writing --out leaves no temporary file', async () => {
    const big = mkdtempSync(join(tmpdir(), 'rulecase-kill-'));
    const out = mkdtempSync(join(tmpdir(), 'rulecase-kill-out-'));
    const fixture = join(ROOT, 'fixtures/nl/belaging-ex-partner.yaml');
    mkdirSync(join(big, 'c'));
    for (let i = 0; i < 1000; i++) copyFileSync(fixture, join(big, 'c', `c${i}.yaml`));
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'rulecase.js'), 'assess', ...asOf, '--jobs', '1', '--format', 'json', '--out', join(out, 'r.json'), join(big, 'c')], { stdio: 'ignore' });
      // Wait until the temporary file is there, then interrupt.
      const tmp = (): string[] => readdirSync(out).filter((f) => f.endsWith('.tmp'));
      for (let i = 0; i < 200 && tmp().length === 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(tmp()).toHaveLength(1);
      const mode = statSync(join(out, tmp()[0] as string)).mode & 0o777;
      expect(mode).toBe(0o600);
      child.kill(signal);
      const code = await new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (c, s) => resolve(s ?? c)));
      expect(code).toBe(signal);
      expect(readdirSync(out)).toEqual([]);
    }
    rmSync(big, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }, 60_000);
});

describe('names from input are looked up as own properties only', () => {
  // The built-in names the first test of diagnostics.test.ts does not cover, in every kind of reference.
  const example = readFileSync(join(ROOT, 'fixtures/rules/example.yaml'), 'utf8');
  const cases: [string, RegExp, RegExp][] = [
    ['derived.hasOwnProperty', /check: derived\.incident_count, op: ">=", value: 2/, /derived\.hasOwnProperty is not defined in this rule set/],
    ['judgments.toString', /check: derived\.incident_count, op: ">=", value: 2/, /judgments\.toString is not defined/],
    ['deadlines.valueOf.due', /from: facts\.judgment_date/, /deadlines\.valueOf is not defined/],
    ['case.constructor', /check: derived\.incident_count, op: ">=", value: 2/, /"case\.constructor" is not a case field/],
    ['tables.route.__proto__', /check: derived\.incident_count, op: ">=", value: 2/, /table route has no output "__proto__"/],
    ['calendar constructor', /calendar: nl-atw/, /the calendar "constructor" is not defined/],
  ];
  for (const [name, where, said] of cases) {
    it(`validate refuses ${name} at its line`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rulecase-own-'));
      const replacement = name.startsWith('calendar') ? 'calendar: constructor' : name.startsWith('deadlines') ? `from: ${name}` : `check: ${name}, op: ">=", value: 2`;
      writeFileSync(join(dir, 'p.yaml'), example.replace(where, replacement));
      const r = await runInProcess(['validate', join(dir, 'p.yaml'), 'rules/nl/atw-calendar.yaml']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`p\\.yaml:\\d+:\\d+: error undefined-reference: ${said.source}`));
      rmSync(dir, { recursive: true, force: true });
    });
  }
});

describe('quiet wrong answers', () => {
  it('a JSON case with a UTF-8 byte-order mark is read like one without', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-bom-'));
    const json = JSON.stringify({ id: 'bom', jurisdiction: 'NL', complaint: { learned: '2026-05-01' } });
    writeFileSync(join(dir, 'plain.json'), json);
    writeFileSync(join(dir, 'bom.json'), '\ufeff' + json);
    const r = await runInProcess(['assess', ...asOf, '--format', 'ndjson', dir]);
    expect(r.code).toBe(0);
    const [bom, plain] = r.stdout.trim().split('\n').map((l) => strip(JSON.parse(l) as Record<string, unknown>));
    expect(bom).toEqual(plain);
    expect(bom?.['status']).toBe('assessed');
    rmSync(dir, { recursive: true, force: true });
  });
});
