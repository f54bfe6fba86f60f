/* global console, process */
// Where does a batch's time go? Profiles `rulecase assess --format ndjson` on generated cases with
// `node --cpu-prof` and prints the functions with the most self time, and self time per file.
//
//   node bench/profile.mjs [--cases 2000] [--jobs 1] [--top 25] [--keep] [--engine]
// With --jobs 1 the whole batch runs on the main thread (one profile); with more jobs each worker
// thread writes its own profile, and they are added up. --keep keeps the .cpuprofile files (their
// folder is printed) to open in Chrome DevTools. --engine profiles the in-memory engine comparison
// (bench/engine-compare.mjs: rulecase, rulecase with the belaging criterion only, json-rules-engine)
// instead of the CLI.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, writeCases } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const CASES = Number(opt('cases', '2000'));
const JOBS = opt('jobs', '1');
const TOP = Number(opt('top', '25'));
const KEEP = process.argv.includes('--keep');
const ENGINE = process.argv.includes('--engine');

const casesDir = makeTempDir('profile-cases');
const profDir = makeTempDir('profile');
try {
  writeCases(casesDir, CASES);
  const target = ENGINE ? [join(root, 'bench', 'engine-compare.mjs'), '--dir', casesDir, '--runs', '3'] : [join(root, 'bin', 'rulecase.js'), 'assess', '--format', 'ndjson', '--as-of', '2026-06-01', '--jobs', JOBS, casesDir];
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, ...target], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${ENGINE ? 'the engine comparison' : 'rulecase assess'} exited ${r.status}`);

  const selfByFn = new Map();
  const selfByFile = new Map();
  let total = 0;
  const profiles = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile'));
  for (const f of profiles) {
    const p = JSON.parse(readFileSync(join(profDir, f), 'utf8'));
    const byId = new Map(p.nodes.map((nd) => [nd.id, nd]));
    // timeDeltas[i] is the time before samples[i]: attribute it to that sample's node.
    const selfUs = new Map();
    p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
    for (const [id, us] of selfUs) {
      const { callFrame } = byId.get(id);
      const url = callFrame.url;
      const file = !url ? `(${callFrame.functionName || 'native'})` : url.startsWith('file:') ? relative(root, fileURLToPath(url)) : url.startsWith('/') ? relative(root, url) : url;
      const fn = `${callFrame.functionName || '(anonymous)'}  ${callFrame.url ? `${file}:${callFrame.lineNumber + 1}` : ''}`.trim();
      selfByFn.set(fn, (selfByFn.get(fn) ?? 0) + us);
      const fileKey = url ? file.replace(/^node_modules\/([^/]+(?:\/[^/]+)?)\/.*$/, (m, pkg) => (pkg.startsWith('@') ? `node_modules/${pkg}` : `node_modules/${pkg.split('/')[0]}`)) : `(${callFrame.functionName || 'native'})`;
      selfByFile.set(fileKey, (selfByFile.get(fileKey) ?? 0) + us);
      total += us;
    }
  }
  const pct = (us) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  console.log(`${CASES} cases, ${ENGINE ? 'in-memory engine comparison' : `rulecase assess --jobs ${JOBS}`}: ${profiles.length} profile(s), ${(total / 1000).toFixed(0)} ms sampled\n`);
  console.log(`top ${TOP} functions by self time:`);
  for (const [fn, us] of [...selfByFn].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms(us)} ${pct(us)}  ${fn}`);
  console.log(`\nself time by file:`);
  for (const [file, us] of [...selfByFile].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms(us)} ${pct(us)}  ${file}`);
  if (KEEP) console.log(`\nprofiles kept in ${profDir}`);
} finally {
  rmSync(casesDir, { recursive: true, force: true });
  if (!KEEP) rmSync(profDir, { recursive: true, force: true });
}
