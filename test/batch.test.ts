import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess, runSpawned } from './cli-harness.js';
import { ROOT } from './helpers.js';

const RULES = ['--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml'];
let dir: string;

/** A case folder as an organisation keeps it: good cases, a malformed one, and files that are not cases. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rulecase-batch-'));
  mkdirSync(join(dir, 'open', 'sub'), { recursive: true });
  copyFileSync(join(ROOT, 'fixtures/example/ex-partner.yaml'), join(dir, 'open', 'a-ex-partner.yaml'));
  // Complaint learned 2026-05-10: due 2026-08-10; on 2026-08-01 it is 9 days away.
  writeFileSync(join(dir, 'open', 'b-due.json'), JSON.stringify({ id: 'b-due', jurisdiction: 'NL', complaint: { learned: '2026-05-10' } }));
  writeFileSync(join(dir, 'open', 'sub', 'c-broken.yaml'), 'jurisdiction: NL\nincidents:\n  - date: "2026-02-30"\n');
  writeFileSync(join(dir, 'open', 'notes.txt'), 'not a case');
  writeFileSync(join(dir, 'open', 'package.json'), '{"name": "x"}');
  copyFileSync(join(ROOT, 'fixtures/rules/example.yaml'), join(dir, 'open', 'sub', 'rules.yaml'));
});

const asOf = ['--as-of', '2026-08-01'];

describe('batch assessment', () => {
  it('a malformed file becomes a diagnostic, the rest go on, non-case files are skipped, exit 2', async () => {
    const r = await runInProcess(['assess', ...RULES, ...asOf, '--format', 'json', join(dir, 'open')]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { cases: { id: string; status: string; diagnostics: { line: number; column: number }[] }[] };
    expect(report.cases.map((c) => [c.id, c.status])).toEqual([
      ['example-001', 'assessed'],
      ['b-due', 'assessed'],
      ['c-broken', 'invalid'],
    ]);
    expect(report.cases[2]!.diagnostics[0]).toMatchObject({ line: 3, column: 11 });
    expect(r.stderr).toContain('c-broken.yaml:3:11: error invalid-date');
    expect(r.stderr).toContain('1 of 3 case file(s) could not be assessed');
  });

  it('text output ends with a summary that counts skipped files', async () => {
    const r = await runInProcess(['assess', ...RULES, ...asOf, join(dir, 'open')]);
    expect(r.stdout).toContain('Summary: 3 cases, 2 assessed, 1 could not be assessed. 2 other file(s) skipped.');
  });

  it.each([
    ['none', 0],
    ['expired', 0],
    ['due', 1],
    ['undetermined', 1],
  ])('--fail-on %s on a due case: exit %i', async (level, code) => {
    const r = await runInProcess(['assess', ...RULES, ...asOf, '--fail-on', level, join(dir, 'open', 'b-due.json')]);
    expect(r.code).toBe(code);
  });

  it('--fail-on expired does not fire for a case that is only due soon', async () => {
    const r = await runInProcess(['assess', ...RULES, '--as-of', '2026-07-01', '--due-within', '60', '--fail-on', 'expired', join(dir, 'open', 'b-due.json')]);
    expect(r.code).toBe(0);
  });

  it('selects the cases due within 14 days, and the invalid ones, as CSV', async () => {
    const r = await runInProcess(['assess', ...RULES, ...asOf, '--format', 'csv', '--only', 'due,invalid', '--due-within', '14', join(dir, 'open')]);
    const rows = r.stdout.trim().split('\r\n');
    expect(rows[0]).toMatch(/^id,file,jurisdiction,as_of,status,triage,next_action,next_action_who,next_action_due,next_action_days_left,example-harassment\.harassment,nearest_deadline,nearest_due/);
    expect(rows.slice(1).map((l) => l.split(',')[0])).toEqual(['b-due', 'c-broken']);
    expect(rows[1]).toContain('example-harassment.complaint,2026-08-10,9,due_soon');
  });

  it('reads one case or an NDJSON stream from standard input, and writes NDJSON', async () => {
    const stream = [JSON.stringify({ id: 'one', jurisdiction: 'NL' }), JSON.stringify({ id: 'two', jurisdiction: 'XX' }), JSON.stringify({ id: 'three', jurisdiction: 'NL', complaint: { learned: '2026-07-01' } })].join('\n') + '\n';
    const r = runSpawned(['assess', ...RULES, ...asOf, '--format', 'ndjson', '-'], {}, stream);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; status: string; actions: string[]; diagnostics: { line: number }[] });
    expect(lines.map((l) => [l.id, l.status])).toEqual([
      ['one', 'assessed'],
      // Its shape is valid, so it is reported under its own id; its jurisdiction is unknown.
      ['two', 'invalid'],
      ['three', 'assessed'],
    ]);
    expect(lines[1]!.diagnostics[0]!.line).toBe(2);
    expect(r.stderr).toContain('<stdin>:2:');
    const single = runSpawned(['assess', ...RULES, ...asOf, '--format', 'json', '-'], {}, 'jurisdiction: NL\nid: from-stdin\n');
    expect(single.code).toBe(0);
    expect(JSON.parse(single.stdout).cases[0].id).toBe('from-stdin');
  });

  it.each([
    [[], 'lean'],
    [['--detail', 'full'], 'full'],
  ])('--detail %j gives json and ndjson the same %s cases', async (flag, detail) => {
    const out = mkdtempSync(join(tmpdir(), 'rulecase-detail-'));
    const r = await runInProcess(['assess', ...RULES, ...asOf, ...flag, '--format', 'ndjson', '--format', `json=${join(out, 'r.json')}`, join(dir, 'open', 'b-due.json')]);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout) as { conclusions: unknown; actions: unknown };
    const envelope = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as { detail: string; cases: unknown[] };
    expect(envelope.detail).toBe(detail);
    expect(envelope.cases[0]).toEqual(line);
    // Lean: each headline conclusion's status by id; full: every element with its words.
    if (detail === 'lean') expect(Array.isArray(line.conclusions)).toBe(false);
    else expect((line.conclusions as { explanation: string }[]).every((c) => typeof c.explanation === 'string')).toBe(true);
  });

  it('accepts a glob the shell did not expand', async () => {
    const r = await runInProcess(['assess', ...RULES, ...asOf, '--format', 'ndjson', `${dir}/open/**/*.json`]);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['b-due']);
  });
});

describe('many files, several cores', () => {
  let many: string;
  beforeAll(() => {
    many = mkdtempSync(join(tmpdir(), 'rulecase-many-'));
    for (let i = 0; i < 260; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const c = i === 100 ? 'jurisdiction: NL\nincidents: [ { date: "2026-13-01" } ]\n' : `id: c${i}\njurisdiction: NL\ncomplaint: { learned: "2026-0${(i % 9) + 1}-${day}" }\nincidents:\n  - { date: "2026-01-${day}", threat: ${i % 3 === 0} }\n`;
      writeFileSync(join(many, `case-${String(i).padStart(4, '0')}.yaml`), c);
    }
  });

  it('gives byte-identical output across runs and across --jobs values', () => {
    const run = (jobs: string, format: string) => runSpawned(['assess', ...RULES, ...asOf, '--format', format, '--jobs', jobs, many]);
    for (const format of ['ndjson', 'json', 'csv']) {
      const one = run('1', format);
      const four = run('4', format);
      expect(one.code).toBe(2);
      expect(four.stdout).toBe(one.stdout);
      expect(run('4', format).stdout).toBe(four.stdout);
    }
    expect(run('1', 'ndjson').stdout.trim().split('\n')).toHaveLength(260);
    // Ten spawned runs of 260 cases: on a shared two-core machine this takes 15–25 s.
  }, 60_000);

  it('shows no progress bar in a pipe', () => {
    const r = runSpawned(['assess', ...RULES, ...asOf, '--format', 'csv', many]);
    expect(r.stderr).not.toContain('[#');
  });
});

describe('one bad file never costs a batch', () => {
  it('an alias bomb, an unresolved alias and JSON nested 1,000 deep are invalid at 1:1; the good case beside them is assessed', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'rulecase-bad-'));
    const level = (n: string, x: string): string => `${n}: &${n} [${Array(10).fill(x).join(',')}]`;
    writeFileSync(join(bad, 'bomb.yaml'), [level('a', '"x"'), level('b', '*a'), level('c', '*b'), level('d', '*c'), level('e', '*d'), level('f', '*e'), 'jurisdiction: NL', ''].join('\n'));
    writeFileSync(join(bad, 'unresolved.yaml'), 'jurisdiction: NL\nx: *nope\n');
    writeFileSync(join(bad, 'deep.json'), '{"a":'.repeat(1000) + '1' + '}'.repeat(1000));
    copyFileSync(join(ROOT, 'fixtures/nl/belaging-ex-partner.yaml'), join(bad, 'good.yaml'));
    const r = await runInProcess(['assess', '--format', 'ndjson', bad]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; status: string; diagnostics: { code: string; line: number }[] });
    expect(lines.map((l) => [l.id, l.status])).toEqual([['bomb', 'invalid'], ['deep', 'invalid'], ['NL-2026-0142', 'assessed'], ['unresolved', 'invalid']]);
    expect(lines[0]?.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line: 1 });
    expect(r.stderr).toContain('bomb.yaml:1:1: error yaml-syntax: the file cannot be read as YAML: its aliases (*name) expand into too many values.');
    expect(r.stderr).not.toMatch(/at \w+ \(|Excessive alias count/);
  });
});
