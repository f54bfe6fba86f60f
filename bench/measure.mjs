/* global process */
// Runs a node command as a child process and measures its wall time (in this process, around the
// spawn) and its peak resident memory: from GNU time (`/usr/bin/time -v`) when there is one, else
// from the child's own process.resourceUsage().maxRSS, written at exit by bench/maxrss.mjs.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const GNU_TIME = process.env.BENCH_NO_GNU_TIME ? undefined : ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));
export const MEMORY_SOURCE = GNU_TIME ? `GNU time (${GNU_TIME} -v)` : 'the child\'s process.resourceUsage().maxRSS';

const MAXRSS_HOOK = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'maxrss.mjs')).href;

/** One run of `node ...args`; throws unless it exits 0. Returns { ms, peakMb }. */
export function runNode(args, { cwd } = {}) {
  const rssFile = GNU_TIME ? undefined : join(tmpdir(), `rulecase-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [cmd, cmdArgs] = GNU_TIME ? [GNU_TIME, ['-v', process.execPath, ...args]] : [process.execPath, ['--import', MAXRSS_HOOK, ...args]];
  const env = rssFile ? { ...process.env, BENCH_MAXRSS_OUT: rssFile } : process.env;
  // Standard error goes to a file: a large batch may write more than any pipe buffer holds.
  const errFile = join(tmpdir(), `rulecase-bench-err-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const errFd = openSync(errFile, 'w', 0o600);
  const t0 = process.hrtime.bigint();
  const spawned = spawnSync(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'ignore', errFd] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(errFd);
  const r = { ...spawned, stderr: readFileSync(errFile, 'utf8') };
  rmSync(errFile, { force: true });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stderr.slice(-2000)}`);
  let kb = NaN;
  if (GNU_TIME) kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  else {
    try {
      kb = Number(readFileSync(rssFile, 'utf8'));
    } catch {
      kb = NaN;
    }
    rmSync(rssFile, { force: true });
  }
  return { ms, peakMb: Number.isFinite(kb) ? kb / 1024 : null };
}

export const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs each named command `runs` times, round-robin (one of each per round, in a rotating order),
 * so that noise from a shared machine falls on all of them alike. Returns per name
 * { ms: median, peakMb: median, samples: [ms...], peaks: [MB...] }.
 */
export function measureSideBySide(commands, runs, { onRound } = {}) {
  const names = Object.keys(commands);
  const samples = Object.fromEntries(names.map((n) => [n, { ms: [], mb: [] }]));
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const r = runNode(commands[name]);
      samples[name].ms.push(r.ms);
      samples[name].mb.push(r.peakMb);
    }
    onRound?.(round + 1, runs);
  }
  return Object.fromEntries(names.map((n) => [n, { ms: median(samples[n].ms), peakMb: median(samples[n].mb), samples: samples[n].ms.map((x) => Math.round(x * 10) / 10), peaks: samples[n].mb.map((x) => (x === null ? null : Math.round(x))) }]));
}
