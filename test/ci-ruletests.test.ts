import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../src/io/files.js';
import { runInProcess } from './cli-harness.js';
import { ROOT } from './helpers.js';

const schema = (name: string): object => JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as object;

function scratch(tests: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rulecase-rt-'));
  copyFileSync(join(ROOT, 'fixtures', 'rules', 'example.yaml'), join(dir, 'example.yaml'));
  copyFileSync(join(ROOT, 'rules', 'nl', 'atw-calendar.yaml'), join(dir, 'atw-calendar.yaml'));
  writeFileSync(join(dir, 'x.test.yaml'), tests);
  return dir;
}

describe('rule-test files', () => {
  const files = [...listFiles(join(ROOT, 'rules'), (n) => /\.test\.ya?ml$/.test(n)), ...listFiles(join(ROOT, 'fixtures'), (n) => /\.test\.ya?ml$/.test(n))];
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(schema('case'));
  const validate = ajv.compile(schema('ruletest'));
  it('the shipped rules have tests for both jurisdictions', () => {
    expect(files.some((f) => f.includes('/rules/nl/'))).toBe(true);
    expect(files.some((f) => f.includes('/rules/ew/'))).toBe(true);
  });
  it.each(files.map((f) => [f.slice(ROOT.length + 1), f]))('%s validates against schemas/ruletest.schema.json', (_, f) => {
    expect(validate(parse(readFileSync(f, 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
  });
  it('rulecase schema ruletest prints the published schema', async () => {
    const r = await runInProcess(['schema', 'ruletest']);
    expect(JSON.parse(r.stdout)).toEqual(schema('ruletest'));
  });
});

describe('rulecase test', () => {
  it('the shipped rule tests pass', async () => {
    const r = await runInProcess(['test']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Rule tests: \d+ passed, 0 failed/);
  });

  it('--run selects by name; the rerun command of a failure runs just that test again', async () => {
    const dir = scratch(readFileSync(join(ROOT, 'fixtures', 'rules', 'example.test.yaml'), 'utf8').replace('rules: [example.yaml, ../../rules/nl/atw-calendar.yaml]', 'rules: [example.yaml, atw-calendar.yaml]').replace('case: ../example/ex-partner.yaml', `case: ${join(ROOT, 'fixtures', 'example', 'ex-partner.yaml')}`).replace('due: "2026-02-16"', 'due: "2026-02-17"'));
    const some = await runInProcess(['test', dir, '--run', 'complaint']);
    expect(some.stdout.match(/^(PASS|FAIL)/gm)).toHaveLength(3);
    const all = await runInProcess(['test', dir]);
    expect(all.code).toBe(1);
    const rerun = /rerun: (.*)/.exec(all.stdout)?.[1] ?? '';
    expect(rerun).toBe(`rulecase test ${join(dir, 'x.test.yaml')} --run '^the complaint term ends on the Monday after a weekend$'`);
    // Run it as a user would, through a shell.
    const r = spawnSync('sh', ['-c', rerun.replace(/^rulecase /, `${process.execPath} ${join(ROOT, 'bin', 'rulecase.js')} `)], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(1);
    expect(r.stdout.match(/^(PASS|FAIL)/gm)).toEqual(['FAIL']);
    expect(r.stdout).toContain('deadline complaint (Complaint term): due\n    expected: 2026-02-17\n    actual:   2026-02-16');
  });

  it('no test found is an error unless --pass-with-no-tests', async () => {
    const none = await runInProcess(['test', 'fixtures/invalid/rules']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^rulecase: no rule tests found in fixtures\/invalid\/rules; write <name>\.test\.yaml files/);
    const filtered = await runInProcess(['test', 'fixtures/rules', '--run', 'no such test']);
    expect(filtered.code).toBe(2);
    expect(filtered.stderr).toMatch(/no rule tests found matching --run no such test/);
    const ok = await runInProcess(['test', 'fixtures/invalid/rules', '--pass-with-no-tests']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/0 passed, 0 failed/);
    const badPattern = await runInProcess(['test', 'fixtures/rules', '--run', '(']);
    expect(badPattern.code).toBe(2);
  });

  it('a todo test may fail; one that passes says so', async () => {
    const dir = scratch(`rules: [example.yaml, atw-calendar.yaml]
tests:
  - name: not yet
    asOf: "2026-03-01"
    todo: waiting for the rule
    case: { jurisdiction: NL, incidents: [{ date: "2026-01-05" }] }
    expect: { conclusions: { repeated: met } }
  - name: already
    asOf: "2026-03-01"
    todo: true
    case: { jurisdiction: NL, incidents: [{ date: "2026-01-05" }] }
    expect: { conclusions: { repeated: not_met } }
`);
    const r = await runInProcess(['test', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('TODO  not yet');
    expect(r.stdout).toMatch(/TODO {2}already .*passes now: remove todo/);
    expect(r.stdout).toContain('0 passed, 0 failed, 2 todo');
  });

  it('checks what is still needed, judgment values, indicators, how a term was counted and the warnings, each at its own key', async () => {
    const testCase = `
    asOf: "2026-03-01"
    case:
      jurisdiction: NL
      incidents: [{ date: "2026-01-10", kind: call }, { date: "2026-01-24", kind: message }]
      complaint: { learned: "2025-11-15" }
      judgments: { persistent: { value: false, reason: Two calls only., by: J. Jansen, at: "2026-05-01" } }`;
    const dir = scratch(`rules: [example.yaml, atw-calendar.yaml]
tests:
  - name: right${testCase}
    expect:
      warnings: []
      conclusions:
        persistent: { status: not_met, value: false, needs: [], indicators: { derived.incident_count: 2, derived.channels: [call, message] } }
        harassment: { status: not_met, needs: [] }
      deadlines:
        complaint: { startRef: case.complaint.learned, start: "2025-11-15", unextendedDue: "2026-02-15", extended: true, due: "2026-02-16", needs: [case.complaint.filed] }
  - name: wrong${testCase}
    expect:
      warnings: [ruleset-period]
      conclusions:
        persistent: { value: true, needs: [judgments.persistent], indicators: { derived.incident_count: 3 } }
      deadlines:
        complaint: { startRef: derived.last_incident, start: "2026-01-24", unextendedDue: "2026-04-24", extended: false, needs: [] }
  - name: no such indicator${testCase}
    expect:
      conclusions:
        persistent: { indicators: { derived.incident_cont: 2 } }
  - name: conduct before the rules were in force
    asOf: "2026-03-01"
    case: { jurisdiction: NL, incidents: [{ date: "2019-12-20" }, { date: "2019-12-31" }] }
    expect: { warnings: [ruleset-period], deadlines: { limitation: { start: "2019-12-31", extended: false } } }
`);
    const r = await runInProcess(['test', dir, '--format', 'json']);
    type Json = { tests: { name: string; status: string; mismatches: { what: string; expected: unknown; actual: unknown; pointer: string }[]; diagnostics: { message: string; pointer: string }[] }[] };
    const byName = new Map((JSON.parse(r.stdout) as Json).tests.map((t) => [t.name, t]));
    expect(byName.get('right')?.status).toBe('passed');
    expect(byName.get('conduct before the rules were in force')?.status).toBe('passed');
    const wrong = byName.get('wrong');
    expect(wrong?.status).toBe('failed');
    expect(wrong?.mismatches.map((m) => [m.pointer.replace('/tests/1/expect/', ''), m.expected, m.actual])).toEqual([
      ['conclusions/persistent/value', true, false],
      ['conclusions/persistent/needs', ['judgments.persistent'], []],
      ['conclusions/persistent/indicators/derived.incident_count', 3, 2],
      ['deadlines/complaint/needs', [], ['case.complaint.filed']],
      ['deadlines/complaint/start', '2026-01-24', '2025-11-15'],
      ['deadlines/complaint/startRef', 'derived.last_incident', 'case.complaint.learned'],
      ['deadlines/complaint/unextendedDue', '2026-04-24', '2026-02-15'],
      ['deadlines/complaint/extended', false, true],
      ['warnings', ['ruleset-period'], []],
    ]);
    expect(wrong?.mismatches[2]?.what).toBe('judgment persistent (Persistent (stelselmatig)): indicator derived.incident_count');
    const missing = byName.get('no such indicator');
    expect(missing?.status).toBe('error');
    expect(missing?.diagnostics[0]).toMatchObject({ pointer: '/tests/2/expect/conclusions/persistent/indicators/derived.incident_cont', message: 'judgment persistent shows no indicator "derived.incident_cont". Did you mean "derived.incident_count"?' });
  });

  it('a problem inside an inline case, or a case path that does not exist, is shown in the test file', async () => {
    const dir = scratch(`rules: [example.yaml, atw-calendar.yaml]
tests:
  - name: a misspelt fact
    asOf: "2026-03-01"
    case:
      jurisdiction: NL
      facts: { victim_refused: true }
    expect: { conclusions: { repeated: not_met } }
  - name: a missing file
    asOf: "2026-03-01"
    case: cases/nope.yaml
    expect: { conclusions: { repeated: not_met } }
  - name: a date that is not one
    asOf: "2026-02-30"
    case: { jurisdiction: NL }
    expect: { conclusions: { repeated: not_met } }
`);
    const r = await runInProcess(['test', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { problems: { line: number; column: number; message: string }[]; tests: { name: string; status: string; diagnostics: { line: number; column: number; message: string }[] }[] };
    // A bad as-of date makes the whole file invalid, at the date.
    expect(j.problems).toEqual([expect.objectContaining({ line: 14, column: 11, message: '2026-02-30 is not a date in the calendar.' })]);
    const fixed = readFileSync(join(dir, 'x.test.yaml'), 'utf8').replace('2026-02-30', '2026-03-01');
    writeFileSync(join(dir, 'x.test.yaml'), fixed);
    const again = JSON.parse((await runInProcess(['test', dir, '--format', 'json'])).stdout) as typeof j;
    const [fact, file] = again.tests;
    expect(fact?.status).toBe('error');
    expect(fact?.diagnostics[0]).toMatchObject({ line: 7, column: 16, message: 'the rules ask no fact called "victim_refused". Did you mean "victim_refused_contact"?' });
    expect(file?.status).toBe('error');
    expect(file?.diagnostics[0]?.line).toBe(11);
    expect(file?.diagnostics[0]?.message).toMatch(/^cannot read the case file cases\/nope\.yaml \(.*\): ENOENT; the path is relative to the test file\.$/);
  });

  it('--coverage prints per rule set; --threshold exits 1 below it, also when tests fail', async () => {
    const r = await runInProcess(['test', 'fixtures/rules', '--coverage']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ +\d+(\.\d)?% {2}example-harassment 0\.1\.0 {2}fixtures\/rules\/example\.yaml {2}conditions \d+\/\d+, deadlines 3\/3, table rows \d+\/6$/m);
    expect(r.stdout).toMatch(/fixtures\/rules\/example\.yaml:\d+:\d+: tables\.advice_grid row 2: no test matched this row/);
    const low = await runInProcess(['test', 'fixtures/rules', '--threshold', '99']);
    expect(low.code).toBe(1);
    expect(low.stdout).toMatch(/threshold 99%: NOT MET/);
    const high = await runInProcess(['test', 'fixtures/rules', '--threshold', '50']);
    expect(high.code).toBe(0);
    // A failing test and coverage together: coverage is still reported.
    const dir = scratch(readFileSync(join(ROOT, 'fixtures', 'rules', 'example.test.yaml'), 'utf8').replace('rules: [example.yaml, ../../rules/nl/atw-calendar.yaml]', 'rules: [example.yaml, atw-calendar.yaml]').replace('case: ../example/ex-partner.yaml', `case: ${join(ROOT, 'fixtures', 'example', 'ex-partner.yaml')}`).replace('repeated: not_met', 'repeated: met'));
    const failing = await runInProcess(['test', dir, '--coverage', '--threshold', '50', '--format', 'json']);
    expect(failing.code).toBe(1);
    const j = JSON.parse(failing.stdout) as { summary: { failed: number }; coverage: { percent: number; threshold: number; rulesets: { file: string; items: { kind: string; reached: string[] }[] }[] } };
    expect(j.summary.failed).toBe(1);
    expect(j.coverage.threshold).toBe(50);
    expect(j.coverage.percent).toBeGreaterThan(50);
    expect(j.coverage.rulesets.map((s) => s.file)).toEqual([join(dir, 'example.yaml')]);
    expect(await runInProcess(['test', 'fixtures/rules', '--threshold', '101'])).toMatchObject({ code: 2 });
  });

  it('coverage counts rule sets that no test loads', async () => {
    const r = await runInProcess(['test', 'fixtures/rules', 'fixtures/invalid/rules/duplicate-a.yaml', '--coverage', '--format', 'json']);
    const j = JSON.parse(r.stdout) as { coverage: { rulesets: { file: string; percent: number }[] } };
    expect(j.coverage.rulesets.map((s) => s.file)).toContain('fixtures/invalid/rules/duplicate-a.yaml');
    expect(j.coverage.rulesets.find((s) => s.file.endsWith('duplicate-a.yaml'))?.percent).toBe(0);
  });
});

describe('rulecase validate --review-overdue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rulecase-review-'));
  copyFileSync(join(ROOT, 'rules', 'nl', 'atw-calendar.yaml'), join(dir, 'atw-calendar.yaml'));
  const text = readFileSync(join(ROOT, 'fixtures', 'rules', 'example.yaml'), 'utf8').replace('    cite: [sr-66]\n    checked: "2026-11-25"\n  intimidating:', '    cite: [sr-66]\n    checked: "2026-11-25"\n    reviewBy: "2027-01-01"\n  intimidating:');
  writeFileSync(join(dir, 'example.yaml'), text);
  const line = text.split('\n').findIndex((l) => l.includes('reviewBy')) + 1;
  const args = ['validate', join(dir, 'example.yaml'), join(dir, 'atw-calendar.yaml')];

  it('before the date: nothing', async () => {
    const r = await runInProcess([...args, '--as-of', '2026-12-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('review-overdue');
  });
  it('past it: a warning by default (exit 0), an error with --review-overdue error (exit 1), at the reviewBy line', async () => {
    const warn = await runInProcess([...args, '--as-of', '2027-01-02']);
    expect(warn.code).toBe(0);
    expect(warn.stdout).toContain(`${join(dir, 'example.yaml')}:${line}:15: warning review-overdue: criteria.repeated was due for review by 2027-01-01 (last checked 2026-11-25; as of 2027-01-02): check it against Wetboek van Strafrecht Art. 66 lid 1, then update checked and reviewBy. (/criteria/repeated/reviewBy)`);
    const err = await runInProcess([...args, '--as-of', '2027-01-02', '--review-overdue', 'error', '--format', 'github']);
    expect(err.code).toBe(1);
    expect(err.stdout).toContain(`::error file=${join(dir, 'example.yaml')},line=${line},col=15,title=rulecase validate%3A review-overdue::criteria.repeated was due for review`);
    const off = await runInProcess([...args, '--as-of', '2027-01-02', '--review-overdue', 'off']);
    expect(off.stdout).not.toContain('review-overdue');
  });
  it('without --as-of: today in the rule set\'s time zone (the test clock says 2026-06-01)', async () => {
    const r = await runInProcess(args);
    expect(r.stdout).not.toContain('review-overdue');
  });
});
