import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../src/cli/main.js';
import { ROOT } from './helpers.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, with a fixed clock and no terminal, in the repository (or in `at`). */
export async function runInProcess(args: string[], env: Record<string, string | undefined> = {}, isTTY = false, at = ROOT): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const cwd = process.cwd();
  process.chdir(at);
  try {
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY, env, now: () => new Date('2026-06-01T10:00:00Z') });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

/** Runs the real binary, as a user or a script would. */
export function runSpawned(args: string[], env: Record<string, string> = {}, input?: string): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'rulecase.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { PATH: process.env['PATH'] ?? '', ...env }, input });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
