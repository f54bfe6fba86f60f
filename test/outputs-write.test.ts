/**
 * Files written whole or not at all, whatever the spelling of their path: two outputs to one file,
 * outputs through symbolic links, the interview's saves. The README promises "whole or not at all".
 */
import { linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAtomic, writeFileAtomically } from '../src/io/atomic-write.js';
import { runInProcess } from './cli-harness.js';

const FIXTURE = 'fixtures/nl/belaging-buurman.yaml';
const asOf = ['--as-of', '2026-06-01'];
const scratch = (): string => mkdtempSync(join(tmpdir(), 'rulecase-write-'));
const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('two outputs to one file', () => {
  it('one file spelled two ways (relative and absolute) is refused before anything is written, ten times of ten', async () => {
    const dir = scratch();
    // An extension that names no format, so that only the two spellings of one file are at fault
    // (a CSV into r.json would be refused for its extension first).
    const file = join(dir, 'r.out');
    writeFileSync(file, 'the report of yesterday\n');
    for (let i = 0; i < 10; i++) {
      const r = await runInProcess(['assess', ...asOf, '--format', 'json=r.out', '--format', `csv=${file}`, join(process.cwd(), FIXTURE)], {}, false, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/two formats would write to r\.out \(also given as .*r\.out\); give each its own file/);
      expect(r.stderr).not.toMatch(/internal|ENOENT|at .*\.js/);
      expect(readFileSync(file, 'utf8')).toBe('the report of yesterday\n');
      expect(leftovers(dir)).toEqual([]);
    }
  });

  it('is refused through ./, a symbolic link and a hard link, for whole-file commands too', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'r.xml'), 'old\n');
    symlinkSync('r.xml', join(dir, 'link.xml'));
    writeFileSync(join(dir, 'r.out'), 'old\n');
    symlinkSync('r.out', join(dir, 'link.out'));
    linkSync(join(dir, 'r.out'), join(dir, 'hard.out'));
    for (const other of ['./r.out', 'link.out', 'hard.out']) {
      const r = await runInProcess(['assess', ...asOf, '--format', 'junit=r.out', '--format', `sarif=${other}`, join(process.cwd(), FIXTURE)], {}, false, dir);
      expect(r.code, other).toBe(2);
      expect(r.stderr).toMatch(/two formats would write to r\.out/);
    }
    expect(readFileSync(join(dir, 'r.out'), 'utf8')).toBe('old\n');
    const v = await runInProcess(['validate', '--format', 'junit=r.xml', '--format', 'sarif=link.xml'], {}, false, dir);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/two formats would write to r\.xml/);
    expect(readFileSync(join(dir, 'r.xml'), 'utf8')).toBe('old\n');
  });

  it('two writers of one file never share a temporary file: the last to finish wins, whole', () => {
    const dir = scratch();
    for (let i = 0; i < 10; i++) {
      const a = openAtomic('r.txt', { cwd: dir, pid: 1 });
      const b = openAtomic('r.txt', { cwd: dir, pid: 1 });
      a.write('aaaa\n'.repeat(100));
      b.write('bb\n');
      a.write('aaaa\n');
      b.commit();
      a.commit();
      expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe('aaaa\n'.repeat(101));
      expect(leftovers(dir)).toEqual([]);
    }
  });
});

describe('symbolic links are written through', () => {
  it('a report written through a link updates the target, keeps the link, and is owner-only', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'r.json'), 'stale\n', { mode: 0o644 });
    symlinkSync(join('real', 'r.json'), join(dir, 'r.json'));
    const r = await runInProcess(['assess', ...asOf, '--format', 'json=r.json', join(process.cwd(), FIXTURE)], {}, false, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'r.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'r.json'))).toBe(join('real', 'r.json'));
    expect(JSON.parse(readFileSync(join(dir, 'real', 'r.json'), 'utf8'))).toMatchObject({ cases: [{ id: 'NL-2026-0119' }] });
    expect((statSync(join(dir, 'real', 'r.json')).mode & 0o777).toString(8)).toBe('600');
    expect([...leftovers(dir), ...leftovers(join(dir, 'real'))]).toEqual([]);
  });

  it('a link to a file not yet there creates the file it names', () => {
    const dir = scratch();
    symlinkSync('target.yaml', join(dir, 'case.yaml'));
    writeFileAtomically('case.yaml', 'id: x\n', { cwd: dir, pid: 7 });
    expect(lstatSync(join(dir, 'case.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.yaml'), 'utf8')).toBe('id: x\n');
  });

  it("the interview's save (the same writer) keeps a linked case file a link, mode 0600", () => {
    const dir = scratch();
    mkdirSync(join(dir, 'cases'));
    writeFileSync(join(dir, 'cases', 'zaak.yaml'), 'id: old\n', { mode: 0o640 });
    symlinkSync(join(dir, 'cases', 'zaak.yaml'), join(dir, 'zaak.yaml'));
    // What interview-command.ts calls for --save and every answer.
    writeFileAtomically('zaak.yaml', 'id: new\n', { cwd: dir, pid: process.pid, mode: 0o600 });
    expect(lstatSync(join(dir, 'zaak.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'cases', 'zaak.yaml'), 'utf8')).toBe('id: new\n');
    expect((statSync(join(dir, 'cases', 'zaak.yaml')).mode & 0o777).toString(8)).toBe('600');
  });
});
