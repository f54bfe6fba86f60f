import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { runInProcess, runSpawned } from './cli-harness.js';
import { ROOT } from './helpers.js';

const EXAMPLE = ['--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml', 'fixtures/example/ex-partner.yaml'];

// One table, run twice: in process (fast, exact) and as the real binary (what users get).
const cases: { name: string; args: string[]; code: number; stdout?: RegExp; stderr?: RegExp }[] = [
  { name: '--version', args: ['--version'], code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  { name: '--help lists the commands', args: ['--help'], code: 0, stdout: /assess[\s\S]*validate[\s\S]*schema[\s\S]*rules/ },
  { name: 'assess --help has examples', args: ['assess', '--help'], code: 0, stdout: /Examples:/ },
  { name: 'an unknown option exits 2, not 1', args: ['assess', '--bogus', 'x.yaml'], code: 2, stderr: /unknown option '--bogus'/ },
  { name: 'an unknown command exits 2', args: ['asses'], code: 2, stderr: /unknown command 'asses'/ },
  { name: 'a missing argument exits 2', args: ['assess'], code: 2, stderr: /missing required argument/ },
  { name: 'a bad --lang exits 2', args: ['assess', '--lang', 'de', 'x.yaml'], code: 2, stderr: /"de" is not a language rulecase speaks; use nl or en./ },
  { name: 'a bad --detail exits 2', args: ['assess', '--detail', 'some', 'x.yaml'], code: 2, stderr: /Allowed choices are lean, full/ },
  { name: 'a bad --as-of exits 2', args: ['assess', '--as-of', '2026-02-30', ...EXAMPLE], code: 2, stderr: /--as-of 2026-02-30 is not a date/ },
  { name: 'assess the example', args: ['assess', ...EXAMPLE], code: 0, stdout: /Harassment \(example\)[\s\S]*not legal advice/ },
  { name: 'validate the example rules', args: ['validate', 'fixtures/rules', 'rules/nl/atw-calendar.yaml'], code: 0, stdout: /2 rule file\(s\) valid/ },
  { name: 'schema case', args: ['schema', 'case'], code: 0, stdout: /"title": "rulecase case file"/ },
  { name: 'rules lists versions and periods', args: ['rules', '--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml'], code: 0, stdout: /NL {2}example-harassment {2}0\.1\.0 {2}2020-01-01 – now/ },
];

describe.each([
  ['in process', (args: string[]) => runInProcess(args)],
  ['spawned', async (args: string[]) => runSpawned(args)],
])('the CLI %s', (_, run) => {
  it.each(cases)('$name: exit $code', async ({ args, code, stdout, stderr }) => {
    const r = await run(args);
    expect(r.code, r.stderr).toBe(code);
    if (stdout) expect(r.stdout).toMatch(stdout);
    if (stderr) expect(r.stderr).toMatch(stderr);
    expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });
});

describe('output', () => {
  it('is plain in a pipe and coloured on a terminal, never with NO_COLOR', async () => {
    const plain = await runInProcess(['assess', ...EXAMPLE]);
    expect(plain.stdout).not.toContain('\u001b[');
    const tty = await runInProcess(['assess', ...EXAMPLE], {}, true);
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await runInProcess(['assess', ...EXAMPLE], { NO_COLOR: '1' }, true);
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('--out writes the whole report to the file and nothing to stdout, leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-'));
    const out = join(dir, 'report.json');
    const r = await runInProcess(['assess', '--format', 'json', '--out', out, ...EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).cases[0].id).toBe('example-001');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it.each([
    ['report.html', /^<!DOCTYPE html>/],
    ['report.HTM', /^<!DOCTYPE html>/],
    ['report.md', /^# /m],
    ['report.ics', /^BEGIN:VCALENDAR/],
    ['report.json', /^\{\n {2}"schemaVersion"/],
    ['report.csv', /^[a-z_]+,/],
    ['report.txt', /Harassment \(example\)/],
    ['report', /Harassment \(example\)/],
  ])('--out %s without --format writes the format its extension names', async (name, start) => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-'));
    const r = await runInProcess(['assess', '--out', join(dir, name), ...EXAMPLE]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, name), 'utf8')).toMatch(start);
  });

  it.each([
    [['--format', 'json', '--out', 'x.html'], '--format json does not fit x.html, an HTML file'],
    [['--format', 'html', '--out', 'x.ics'], '--format html does not fit x.ics, a calendar file'],
    [['--format', 'html=x.json'], '--format html does not fit x.json, a JSON file'],
  ])('a format its file contradicts (%j) is an error before any work: exit 2, one line', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-'));
    // Run in an empty folder: nothing may be written there (the cases are not even read).
    const r = await runInProcess(['assess', ...args, ...EXAMPLE], {}, false, dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--out into a folder that does not exist: exit 2, one line', async () => {
    const r = await runInProcess(['assess', '--out', '/nonexistent/dir/r.txt', ...EXAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rulecase: cannot write /nonexistent/dir/r.txt: ENOENT.\n');
    expect(existsSync('/nonexistent/dir/r.txt')).toBe(false);
  });

  it('the same inputs give the same bytes', async () => {
    const a = await runInProcess(['assess', '--format', 'json', '--as-of', '2026-05-01', ...EXAMPLE]);
    const b = runSpawned(['assess', '--format', 'json', '--as-of', '2026-05-01', ...EXAMPLE]);
    expect(a.stdout).toBe(b.stdout);
  });

  it('defaults --as-of to the case file, then to today in the jurisdiction', async () => {
    const r = await runInProcess(['assess', '--format', 'json', ...EXAMPLE]);
    expect(JSON.parse(r.stdout).cases[0].asOf).toBe('2026-04-20');
  });

  it('speaks Dutch with --lang nl, dates included', async () => {
    const r = await runInProcess(['assess', '--lang', 'nl', ...EXAMPLE]);
    expect(r.stdout).toContain('beoordeeld op 20 april 2026');
    expect(r.stdout).toContain('Termijnen');
    expect(r.stdout).toContain('geen juridisch advies');
  });

  it("writes a case in its own language (the case file's lang) unless --lang says otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-lang-'));
    const file = join(dir, 'zaak.yaml');
    writeFileSync(file, 'jurisdiction: NL\nlang: nl\nasOf: "2026-04-01"\ncomplaint: { learned: "2026-03-02" }\n');
    const own = await runInProcess(['assess', '--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml', file]);
    expect(own.stdout).toContain('Klachttermijn');
    expect(own.stdout).toContain('beoordeeld op 1 april 2026');
    const english = await runInProcess(['assess', '--lang', 'en', '--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml', file]);
    expect(english.stdout).toContain('Complaint term');
  });
});

describe('IO passed in', () => {
  it('reads, shows and writes paths relative to the working folder it is given, with its clock and standard input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-cwd-'));
    writeFileSync(join(dir, 'zaak.yaml'), 'jurisdiction: NL\nid: zaak\n');
    let stderr = '';
    const io = { stdout: () => {}, stderr: (t: string) => (stderr += t), isTTY: false, env: {}, now: () => new Date('2026-06-01T10:00:00Z'), cwd: dir, pid: 4242, readStdin: async () => 'jurisdiction: NL\nid: piped\n' };
    const rules = ['--rules', join(ROOT, 'fixtures/rules'), '--rules', join(ROOT, 'rules/nl/atw-calendar.yaml')];
    const code = await runCli(['assess', ...rules, '--format', 'json', '--out', 'report.json', 'zaak.yaml', '-'], io);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { cases: { file: string; id: string; asOf: string }[] };
    expect(report.cases.map((c) => [c.file, c.id, c.asOf])).toEqual([
      ['zaak.yaml', 'zaak', '2026-06-01'],
      ['<stdin>', 'piped', '2026-06-01'],
    ]);
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'zaak.yaml']);
  });
});

describe('the saved case file', () => {
  it('says how to assess it from where the interview ran, folder included', async () => {
    const { serialise } = await import('../src/cli/interview-command.js');
    expect(serialise({ jurisdiction: 'NL' }, 'zaken/zaak.yaml').split('\n')[0]).toBe('# Saved by rulecase interview. Assess it with: rulecase assess zaken/zaak.yaml');
    expect(serialise({ jurisdiction: 'NL' }, 'mijn zaken/zaak 1.yaml').split('\n')[0]).toBe("# Saved by rulecase interview. Assess it with: rulecase assess 'mijn zaken/zaak 1.yaml'");
  });
});
