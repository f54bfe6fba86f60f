#!/usr/bin/env node
// Benchmark: times the CLI against Node's own start-up and against a script that merely reads
// and parses the same files, side by side in one run on the same machine.
// Usage: npm run bench [-- --cases 10000 --memory-cases 100000 --runs 10]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'rulecase.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 10000);
const MEMORY_CASES = arg('memory-cases', 100000);
const RUNS = arg('runs', 10);
const AS_OF = '2026-06-01';

/** A deterministic pseudo-random generator, so every run benchmarks the same files. */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const NL_KINDS = ['message', 'call', 'email', 'social-media', 'following', 'watching', 'visit-home', 'visit-work', 'gift', 'third-party'];
const EW_ORDERS = ['restraining-order-conviction', 'non-molestation-order', 'domestic-abuse-protection-order', 'stalking-protection-order'];
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Realistic cases for both jurisdictions: a handful of incidents, some details unknown. */
function makeCase(i) {
  const r = rng(i + 1);
  const nl = i % 2 === 0;
  const n = 1 + Math.floor(r() * 12);
  const start = Date.UTC(2026, 0, 2) + Math.floor(r() * 120) * 86400000;
  let t = start;
  const incidents = Array.from({ length: n }, () => {
    t += Math.floor(1 + r() * 9) * 86400000;
    const inc = { date: r() < 0.08 ? day(t).slice(0, 7) : day(t), kind: NL_KINDS[Math.floor(r() * NL_KINDS.length)] };
    if (r() < 0.7) inc.threat = r() < 0.25;
    if (r() < 0.5) inc.afterRefusal = r() < 0.7;
    if (r() < 0.6) inc.direct = r() < 0.7;
    return inc;
  });
  const c = { id: `bench-${i}`, jurisdiction: nl ? 'NL' : 'EW', incidents };
  if (nl) {
    c.complaint = { learned: day(start) };
    if (r() < 0.5) c.complaint.filed = day(t + 86400000 * Math.floor(r() * 30));
  } else {
    c.orders = [{ type: EW_ORDERS[Math.floor(r() * EW_ORDERS.length)], made: day(start - 30 * 86400000), served: day(start - 28 * 86400000), expires: day(start + 700 * 86400000), terms: { directContact: true, indirectContact: r() < 0.7 } }];
  }
  return c;
}

function makeFolder(count) {
  const dir = mkdtempSync(join(tmpdir(), 'rulecase-bench-'));
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `case-${String(i).padStart(6, '0')}.json`), JSON.stringify(makeCase(i)));
  return dir;
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Median wall time in ms over `runs`, and the peak resident memory of the last run in MB. */
function measure(args, runs) {
  const samples = [];
  let peakMb = null;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = GNU_TIME
      ? spawnSync(GNU_TIME, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] })
      : spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0 && r.status !== 1 && r.status !== 2) throw new Error(`${args.join(' ')} failed: ${r.stderr.slice(0, 500)}`);
    const kb = GNU_TIME ? Number(r.stderr.trim().split('\n').pop()) : NaN;
    if (Number.isFinite(kb)) peakMb = kb / 1024;
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)], peakMb };
}

const ms = (x) => x.ms.toFixed(1);
const mb = (x) => (x.peakMb === null ? 'n/a' : x.peakMb.toFixed(0));
const floorScript = (dir) => `const fs=require('fs'),p=require('path');for(const f of fs.readdirSync(${JSON.stringify(dir)}))JSON.parse(fs.readFileSync(p.join(${JSON.stringify(dir)},f),'utf8'))`;
const assessArgs = (dir) => [bin, 'assess', '--format', 'ndjson', '--as-of', AS_OF, dir];

const small = makeFolder(CASES);
const big = MEMORY_CASES > 0 ? makeFolder(MEMORY_CASES) : undefined;
try {
  const one = join(root, 'fixtures', 'nl', 'belaging-ex-partner.yaml');
  const node = measure(['-e', '0'], RUNS);
  const version = measure([bin, '--version'], RUNS);
  const single = measure([bin, 'assess', '--as-of', AS_OF, one], RUNS);
  const batchRuns = Math.max(3, Math.floor(RUNS / 3));
  const floor = measure(['-e', floorScript(small)], batchRuns);
  const all = measure(assessArgs(small), batchRuns);
  const allOne = measure([...assessArgs(small), '--jobs', '1'], batchRuns);
  const bigRun = big ? measure(assessArgs(big), 1) : undefined;

  console.log(`rulecase benchmark: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; median of ${RUNS} runs (${batchRuns} for batches)\n`);
  console.log('| what | median ms | peak MB | against the goal |');
  console.log('|---|---:|---:|---|');
  console.log(`| \`node -e 0\` | ${ms(node)} | ${mb(node)} | |`);
  console.log(`| \`rulecase --version\` | ${ms(version)} | ${mb(version)} | ${(version.ms / node.ms).toFixed(2)}× \`node -e 0\` (goal ≤ 2×) |`);
  console.log(`| \`rulecase assess\`, one case | ${ms(single)} | ${mb(single)} | ${(single.ms / node.ms).toFixed(2)}× \`node -e 0\` (goal ≤ 3×) |`);
  console.log(`| read + \`JSON.parse\` ${CASES} files | ${ms(floor)} | ${mb(floor)} | the floor |`);
  console.log(`| \`rulecase assess\` ${CASES} files, ${cpus().length} jobs | ${ms(all)} | ${mb(all)} | ${(all.ms / floor.ms).toFixed(2)}× the floor (goal ≤ 2×); ${((all.ms / CASES) * 1000).toFixed(0)} µs a case |`);
  console.log(`| \`rulecase assess\` ${CASES} files, 1 job | ${ms(allOne)} | ${mb(allOne)} | ${(allOne.ms / floor.ms).toFixed(2)}× the floor |`);
  if (bigRun) console.log(`| \`rulecase assess\` ${MEMORY_CASES} files, ${cpus().length} jobs | ${ms(bigRun)} | ${mb(bigRun)} | peak memory ${bigRun.peakMb !== null && all.peakMb !== null ? `${(bigRun.peakMb / all.peakMb).toFixed(2)}× that of ${CASES} files (goal: flat)` : 'n/a'} |`);
} finally {
  rmSync(small, { recursive: true, force: true });
  if (big) rmSync(big, { recursive: true, force: true });
}
