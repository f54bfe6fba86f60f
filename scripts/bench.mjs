#!/usr/bin/env node
// Benchmark: times the CLI against Node's own start-up on this machine, side by side in one run.
// Usage: npm run bench [-- --cases 1000 --runs 10]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'rulecase.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 1000);
const RUNS = arg('runs', 10);

/** A deterministic pseudo-random generator, so every run benchmarks the same files. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const KINDS = ['message', 'call', 'email', 'social-media', 'following', 'visit-home', 'visit-work', 'gift', 'third-party'];
function makeCase(i) {
  const r = rng(i + 1);
  const nl = i % 2 === 0;
  const n = 1 + Math.floor(r() * 12);
  const start = Date.UTC(2025, 0, 1) + Math.floor(r() * 500) * 86400000;
  const incidents = Array.from({ length: n }, (_, k) => {
    const d = new Date(start + k * Math.floor(1 + r() * 10) * 86400000).toISOString().slice(0, 10);
    const inc = { date: r() < 0.1 ? d.slice(0, 7) : d, kind: KINDS[Math.floor(r() * KINDS.length)] };
    if (r() < 0.7) inc.threat = r() < 0.3;
    if (r() < 0.5) inc.afterRefusal = r() < 0.6;
    if (r() < 0.6) inc.direct = r() < 0.7;
    return inc;
  });
  const last = incidents[incidents.length - 1].date;
  const c = { id: `bench-${i}`, jurisdiction: nl ? 'NL' : 'EW', incidents };
  if (nl) c.complaint = { learned: incidents[0].date.length === 10 ? incidents[0].date : `${incidents[0].date}-01`, ...(r() < 0.5 ? { filed: last.length === 10 ? last : `${last}-28` } : {}) };
  else c.orders = [{ type: 'restraining-order-conviction', made: '2024-11-01', served: '2024-11-01', expires: '2027-11-01', terms: { directContact: true, indirectContact: true } }];
  return c;
}

function time(cmd, args, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const dir = mkdtempSync(join(tmpdir(), 'rulecase-bench-'));
try {
  for (let i = 0; i < CASES; i++) writeFileSync(join(dir, `case-${String(i).padStart(6, '0')}.json`), JSON.stringify(makeCase(i)));
  const one = join(root, 'fixtures', 'nl', 'belaging-ex-partner.yaml');
  const floorScript = `const fs=require('fs'),p=require('path');for(const f of fs.readdirSync(${JSON.stringify(dir)}))JSON.parse(fs.readFileSync(p.join(${JSON.stringify(dir)},f),'utf8'))`;

  const nodeStart = time(process.execPath, ['-e', '0'], RUNS);
  const version = time(process.execPath, [bin, '--version'], RUNS);
  const single = time(process.execPath, [bin, 'assess', '--as-of', '2026-06-01', one], RUNS);
  const floor = time(process.execPath, ['-e', floorScript], Math.max(3, Math.floor(RUNS / 2)));
  const many = time(process.execPath, [bin, 'assess', '--format', 'json', '--as-of', '2026-06-01', dir], Math.max(3, Math.floor(RUNS / 2)));

  const rows = [
    ['node -e 0', nodeStart, ''],
    ['rulecase --version', version, `${(version / nodeStart).toFixed(2)}× node -e 0 (goal ≤ 2×)`],
    ['rulecase assess (1 case)', single, `${(single / nodeStart).toFixed(2)}× node -e 0 (goal ≤ 3×)`],
    [`read + JSON.parse ${CASES} files`, floor, ''],
    [`rulecase assess ${CASES} cases`, many, `${(many / floor).toFixed(2)}× the read+parse floor (goal ≤ 2×); ${(many / CASES).toFixed(2)} ms per case`],
  ];
  console.log(`rulecase benchmark: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), median of ${RUNS} runs\n`);
  console.log('| what | median ms | ratio |');
  console.log('|---|---:|---|');
  for (const [what, ms, ratio] of rows) console.log(`| ${what} | ${ms.toFixed(1)} | ${ratio} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
