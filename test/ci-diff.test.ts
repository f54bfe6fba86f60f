import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './cli-harness.js';
import { ROOT } from './helpers.js';

interface DiffJson {
  base: string;
  changed: number;
  cases: { id: string; file: string; changes: { kind: string; ruleset: string; id: string; field: string; old: unknown; new: unknown }[] }[];
}

/** A copy of the shipped rules with the complaint term (Art. 66 Sr) shortened from three months to two. */
function shortenedRules(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'rulecase-diff-')), 'rules');
  cpSync(join(ROOT, 'rules'), dir, { recursive: true });
  const file = join(dir, 'nl', 'belaging.yaml');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('\n  complaint:\n');
  const at = text.indexOf('length: P3M', start);
  expect(start).toBeGreaterThan(0);
  expect(at).toBeGreaterThan(start);
  writeFileSync(file, text.slice(0, at) + 'length: P2M' + text.slice(at + 'length: P3M'.length));
  return dir;
}

const moved = (d: DiffJson): string[] => d.cases.flatMap((c) => c.changes.map((ch) => `${c.id} ${ch.kind} ${ch.ruleset}.${ch.id} ${ch.field}: ${String(ch.old)} → ${String(ch.new)}`));

// The complaint term runs from the later of the day of learning and the last act; two months
// instead of three moves every Dutch fixture's due date by a month (to the same day, or the month's
// last day), and nothing in England & Wales.
const EXPECTED = [
  'NL-2026-0119 deadline nl-belaging.complaint due: 2026-07-27 → 2026-06-25',
  'NL-2026-0161 deadline nl-belaging.complaint due: 2026-07-02 → 2026-06-02',
  'NL-2026-0161 deadline nl-belaging.complaint latest: 2026-07-03 → 2026-06-03',
  'NL-2026-0142 deadline nl-belaging.complaint due: 2026-07-20 → 2026-06-18',
  'NL-2026-0203 deadline nl-belaging.complaint due: 2026-05-11 → 2026-04-10',
  'NL-2026-0178 deadline nl-belaging.complaint due: 2026-08-31 → 2026-07-30',
  'NL-2026-0344 deadline nl-belaging.complaint due: 2026-06-03 → 2026-05-04',
  'NL-2026-0518 deadline nl-belaging.complaint due: 2026-08-25 → 2026-07-27',
  'NL-2026-0311 deadline nl-belaging.complaint due: 2027-02-12 → 2027-01-12',
];

describe('rulecase diff: what a rule change moves', () => {
  it('against a rules folder: exactly the cases and dates that move, with old and new values', async () => {
    const rules = shortenedRules();
    const r = await runInProcess(['diff', '--base', 'rules', '--rules', rules, '--format', 'json', 'fixtures/nl', 'fixtures/ew']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout) as DiffJson;
    expect(d.cases.length).toBeGreaterThanOrEqual(10);
    expect(moved(d).sort()).toEqual([...EXPECTED].sort());
    expect(d.changed).toBe(8);
  });

  it('against a git revision: the rule files of that commit, read with git show', async () => {
    const repo = join(mkdtempSync(join(tmpdir(), 'rulecase-git-')), 'repo');
    cpSync(join(ROOT, 'rules'), join(repo, 'rules'), { recursive: true });
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'rules');
    const file = join(repo, 'rules', 'nl', 'belaging.yaml');
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('length: P3M', text.indexOf('\n  complaint:\n'));
    writeFileSync(file, text.slice(0, at) + 'length: P2M' + text.slice(at + 11));
    const r = await runInProcess(['diff', '--base', 'HEAD', '--rules', join(repo, 'rules'), '--format', 'json', '--exit-code', 'fixtures/nl', 'fixtures/ew']);
    expect(r.code, r.stderr).toBe(1); // --exit-code: something changed
    expect(moved(JSON.parse(r.stdout) as DiffJson).sort()).toEqual([...EXPECTED].sort());
    // Text and Markdown name the same moves.
    const text2 = await runInProcess(['diff', '--base', 'HEAD', '--rules', join(repo, 'rules'), '--format', 'text', '--format', `markdown=${join(repo, '..', 'moves.md')}`, 'fixtures/nl']);
    expect(text2.stdout).toContain('NL-2026-0142  fixtures/nl/belaging-ex-partner.yaml  (as of 2026-05-20)\n  deadline nl-belaging.complaint  Complaint term (Art. 66 Sr)  due: 2026-07-20 → 2026-06-18');
    expect(readFileSync(join(repo, '..', 'moves.md'), 'utf8')).toContain('| `NL-2026-0142` | deadline nl-belaging.complaint (Complaint term (Art. 66 Sr)) | due | 2026-07-20 | 2026-06-18 |');
    // The working tree is untouched: diff reads the revision into memory.
    expect(git('status', '--porcelain')).toBe(' M rules/nl/belaging.yaml\n');
  });

  it('no change, no moves; a base that is neither a folder nor a revision is a usage error', async () => {
    const same = await runInProcess(['diff', '--base', 'rules', '--exit-code', 'fixtures/nl']);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^rulecase diff: 0 of 8 case\(s\) change/);
    const bad = await runInProcess(['diff', '--base', 'no-such-revision-xyz', 'fixtures/nl']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--base no-such-revision-xyz is neither a rule file or folder nor a git revision/);
  });
});
