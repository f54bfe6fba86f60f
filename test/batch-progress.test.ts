import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node-pty';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('progress on a terminal', () => {
  it('shows a progress bar on standard error for a large batch on a terminal, and the report is unaffected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-progress-'));
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `c${String(i).padStart(3, '0')}.json`), JSON.stringify({ id: `c${i}`, jurisdiction: 'NL', complaint: { learned: '2026-05-01' } }));
    const out = join(dir, 'report.csv');
    let screen = '';
    const code = await new Promise<number>((resolve) => {
      const p = spawn(process.execPath, [join(ROOT, 'bin', 'rulecase.js'), 'assess', '--format', 'csv', '--as-of', '2026-06-01', '--out', out, dir], {
        name: 'xterm-256color',
        cols: 100,
        rows: 30,
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', TERM: 'xterm-256color' },
      });
      p.onData((d) => (screen += d));
      p.onExit(({ exitCode }) => resolve(exitCode));
    });
    expect(code).toBe(0);
    expect(screen).toMatch(/\[#+ *\] \d+\/60/);
    expect(screen).toContain('60/60');
    expect(readFileSync(out, 'utf8').trim().split('\r\n')).toHaveLength(61);
  });
});
