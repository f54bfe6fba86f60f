import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The first ```sh block after a heading or sentence containing `marker`. */
function shellBlockAfter(marker: string): string {
  const from = readme.indexOf(marker);
  const start = readme.indexOf('```sh\n', from);
  return readme.slice(start + 6, readme.indexOf('```', start + 6));
}

describe('the README', () => {
  it('the nightly script works as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-nightly-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(join(ROOT, 'bin', 'rulecase.js'), join(bin, 'rulecase'));
    const cases = join(dir, 'cases');
    mkdirSync(cases);
    // The script uses today's date, so the cases are dated relative to today.
    const today = DateTime.now().setZone('Europe/Amsterdam');
    const learned = (d: DateTime) => d.toISODate();
    writeFileSync(join(cases, 'due.yaml'), `id: due-soon\njurisdiction: NL\nincidents: [{ date: "${learned(today.minus({ months: 3 }).plus({ days: 7 }))}", kind: call }]\ncomplaint: { learned: "${learned(today.minus({ months: 3 }).plus({ days: 7 }))}" }\n`);
    writeFileSync(join(cases, 'later.yaml'), `id: later\njurisdiction: NL\nincidents: [{ date: "${learned(today.minus({ days: 2 }))}", kind: call }]\ncomplaint: { learned: "${learned(today.minus({ days: 2 }))}" }\n`);
    writeFileSync(join(cases, 'broken.yaml'), 'jurisdiction: NL\nincidents: [{ date: "2026-02-30" }]\n');
    const script = join(dir, 'nightly.sh');
    writeFileSync(script, shellBlockAfter('A nightly script'));
    chmodSync(script, 0o755);
    const r = spawnSync('sh', [script, cases], { cwd: dir, encoding: 'utf8', env: { PATH: `${bin}:${process.env['PATH'] ?? ''}` } });
    expect(r.stdout).toContain('some case files could not be read');
    const rows = readFileSync(join(dir, 'todo.csv'), 'utf8').trim().split('\r\n').slice(1).map((l) => l.split(',')[0]);
    expect(rows).toEqual(['broken', 'due-soon']);
  });
});
