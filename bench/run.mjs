/* global console, process, Buffer */
// rulecase benchmark: everything measured side by side in one run on the same machine, reported
// as ratios (a shared, noisy machine makes absolute times meaningless from one run to the next).
//
//   npm run bench [-- --cases 10000 --memory-cases 100000 --runs 10 --json results.json]
//   npm run bench -- --cases 1000 --memory-cases 0 --runs 3        (quick: under a minute)
//
// Options:
//   --cases N          generated case files for the batch and engine comparisons (default 10000)
//   --memory-cases N   case files for the peak-memory run; 0 skips it (default 100000)
//   --runs N           runs of each start-up command and engine passes (default 10)
//   --batch-runs N     runs of the batch and of the read-and-parse floor (default max(3, runs/3))
//   --as-of DATE       the assessment date given to every assessment (default 2026-06-01)
//   --json FILE        also write the results as JSON to FILE
//
// It fails (exit 1) if a generated case is invalid, if the CLI's output is not one line per case,
// or if rulecase and json-rules-engine ever disagree on belaging (exit 3 from the comparison).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, writeCases } from './generate.mjs';
import { GNU_TIME, MEMORY_SOURCE, measureSideBySide, runNode } from './measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'rulecase.js');

function option(name, fallback, parse = Number) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const raw = process.argv[i + 1];
  const v = parse(raw);
  if (raw === undefined || (parse === Number && !(Number.isInteger(v) && v >= 0))) {
    console.error(`--${name} needs ${parse === Number ? 'a whole number' : 'a value'}`);
    process.exit(2);
  }
  return v;
}
const CASES = option('cases', 10000);
const MEMORY_CASES = option('memory-cases', 100000);
const RUNS = Math.max(1, option('runs', 10));
const BATCH_RUNS = Math.max(1, option('batch-runs', Math.max(3, Math.floor(RUNS / 3))));
const AS_OF = option('as-of', '2026-06-01', String);
const JSON_OUT = option('json', undefined, String);
if (CASES < 2) {
  console.error('--cases must be at least 2 (half Dutch, half English)');
  process.exit(2);
}

const FIXTURE = join(root, 'fixtures', 'nl', 'belaging-ex-partner.yaml');
const cpuModel = (() => {
  try {
    return /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
})();
const machine = { node: process.version, cores: cpus().length, availableParallelism: availableParallelism(), cpu: cpuModel, memGiB: Math.round(totalmem() / 2 ** 30), loadavgAtStart: loadavg().map((x) => Math.round(x * 100) / 100) };
const log = (msg) => process.stderr.write(`${msg}\n`);

/**
 * One untimed run of the batch, its output read here: one line per case, none invalid, the NDJSON
 * size, and each Dutch case's belaging answer (checked against the engines' answers).
 */
function checkBatch(dir, count) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'assess', '--format', 'ndjson', '--as-of', AS_OF, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let rest = '';
    let stderr = '';
    const statuses = {};
    const invalid = [];
    const belaging = {};
    const line = (text) => {
      if (text === '') return;
      const report = JSON.parse(text);
      statuses[report.status] = (statuses[report.status] ?? 0) + 1;
      if (report.status !== 'assessed') invalid.push(`${report.file}: ${report.status} ${report.diagnostics.map((d) => d.message).join('; ')}`);
      // A lean NDJSON line (the default) maps each headline conclusion to its status.
      const b = report.conclusions?.['nl-belaging.belaging'];
      if (b) belaging[report.id] = b;
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      bytes += Buffer.byteLength(chunk);
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      for (const l of lines) line(l);
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      line(rest);
      const lines = Object.values(statuses).reduce((a, b) => a + b, 0);
      if (code !== 0 || lines !== count || invalid.length > 0) {
        reject(new Error(`the generated cases do not all assess: exit ${code}, ${lines} lines for ${count} cases, statuses ${JSON.stringify(statuses)}\n${invalid.slice(0, 10).join('\n')}\n${stderr.slice(-2000)}`));
      } else resolve({ bytes, statuses, belaging });
    });
  });
}

function engineComparison(dir) {
  const r = spawnSync(process.execPath, [join(root, 'bench', 'engine-compare.mjs'), '--dir', dir, '--runs', String(RUNS), '--as-of', AS_OF], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) {
    const e = new Error(`the engine comparison exited ${r.status ?? r.signal}${r.status === 3 ? ': rulecase and json-rules-engine DISAGREE on belaging' : ''}:\n${r.stderr.slice(-4000)}`);
    e.exitCode = r.status === 3 ? 3 : 1;
    throw e;
  }
  return JSON.parse(r.stdout);
}

const fmtMs = (x) => (x === null || x === undefined ? 'n/a' : x >= 1000 ? Math.round(x).toLocaleString('en') : x.toFixed(1));
const fmtMb = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(0));
const fmtX = (x) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${x.toFixed(2)}×`);
const n = (x) => x.toLocaleString('en');

const small = makeTempDir('cases');
let big;
let exitCode = 0;
try {
  const t0 = Date.now();
  log(`generating ${n(CASES)} case files in ${small} ...`);
  const gen = writeCases(small, CASES);

  log(`start-up commands, ${RUNS} rounds ...`);
  const startup = measureSideBySide(
    {
      node: ['-e', '0'],
      version: [bin, '--version'],
      single: [bin, 'assess', FIXTURE],
      validate: [bin, 'validate'],
    },
    RUNS,
    { onRound: (r, of) => log(`  round ${r}/${of}`) },
  );

  log(`read-and-parse floor and batch assessment of ${n(CASES)} files, ${BATCH_RUNS} rounds ...`);
  const floorScript = `const fs=require('fs'),p=require('path'),d=${JSON.stringify(small)};for(const f of fs.readdirSync(d))JSON.parse(fs.readFileSync(p.join(d,f),'utf8'))`;
  const batch = measureSideBySide(
    {
      floor: ['-e', floorScript],
      batch: [bin, 'assess', '--format', 'ndjson', '--as-of', AS_OF, small],
    },
    BATCH_RUNS,
    { onRound: (r, of) => log(`  round ${r}/${of}`) },
  );

  log('checking the batch output (untimed run) ...');
  const checked = await checkBatch(small, CASES);

  log(`engine comparison in memory (Dutch cases, ${RUNS} passes each) ...`);
  const engines = engineComparison(small);
  // The CLI (all Dutch rule sets, from files) must agree with the in-memory answers too.
  const cliDiffer = Object.entries(engines.verdicts).filter(([id, v]) => checked.belaging[id] !== v);
  if (cliDiffer.length > 0) throw new Error(`the CLI and the in-memory engine disagree on belaging for ${cliDiffer.length} cases, e.g. ${cliDiffer.slice(0, 5).map(([id, v]) => `${id}: CLI ${checked.belaging[id]}, engine ${v}`).join('; ')}`);

  let memory;
  if (MEMORY_CASES > 0) {
    big = makeTempDir('memory');
    log(`writing ${n(MEMORY_CASES)} case files (the ${n(CASES)} contents reused) in ${big} ...`);
    writeCases(big, MEMORY_CASES, CASES);
    log(`assessing ${n(MEMORY_CASES)} files once for peak memory ...`);
    memory = runNode([bin, 'assess', '--format', 'ndjson', '--as-of', AS_OF, big]);
  }

  const ratio = (a, b) => (a === null || a === undefined || b === null || b === undefined ? null : a / b);
  const goals = [
    { id: 'batch', what: `batch NDJSON, ${n(CASES)} files ÷ read-and-parse floor`, value: ratio(batch.batch.ms, batch.floor.ms), goal: 5, op: '≤' },
    // Like for like: the same Art. 285b logic (the belaging criterion and its four judgments) in both engines.
    { id: 'engine', what: 'rulecase engine ÷ json-rules-engine on the same belaging logic, in memory (time)', value: ratio(engines.coreMs, engines.jreMs), goal: 0.5, op: '≤', note: 'goal: rulecase ≥ 2× faster' },
    { id: 'single', what: 'one assessment ÷ `node -e 0`', value: ratio(startup.single.ms, startup.node.ms), goal: 2, op: '≤' },
    { id: 'validate', what: '`rulecase validate` ÷ `node -e 0`', value: ratio(startup.validate.ms, startup.node.ms), goal: 2.5, op: '≤' },
    { id: 'memory', what: MEMORY_CASES > 0 ? `peak memory, ${n(MEMORY_CASES)} ÷ ${n(CASES)} files` : 'peak memory, --memory-cases ÷ --cases files (skipped: --memory-cases 0)', value: memory ? ratio(memory.peakMb, batch.batch.peakMb) : null, goal: 1.3, op: '≤' },
  ].map((g) => ({ ...g, met: g.value === null ? null : g.value <= g.goal }));

  const jobs = availableParallelism();
  const casesPerSecond = CASES / (batch.batch.ms / 1000);
  const ndjsonBytesPerCase = checked.bytes / CASES;
  machine.loadavgAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);

  const out = [];
  out.push(`rulecase benchmark: node ${machine.node}, ${machine.cores} cores (${machine.cpu}), ${machine.memGiB} GiB; load average ${machine.loadavgAtStart.join(' ')} at start, ${machine.loadavgAtEnd.join(' ')} at end`);
  out.push(`${n(CASES)} generated cases (${(gen.bytes / CASES).toFixed(0)} bytes each on average; half NL, half EW; ${Object.entries(checked.statuses).map(([k, v]) => `${n(v)} ${k}`).join(', ')}); as of ${AS_OF}; medians of ${RUNS} runs (${BATCH_RUNS} for the batch and floor), interleaved; peak memory from ${MEMORY_SOURCE}`);
  out.push('');
  out.push('| what | median ms | peak MB | ratio |');
  out.push('|---|---:|---:|---|');
  out.push(`| \`node -e 0\` | ${fmtMs(startup.node.ms)} | ${fmtMb(startup.node.peakMb)} | 1 |`);
  out.push(`| \`rulecase --version\` | ${fmtMs(startup.version.ms)} | ${fmtMb(startup.version.peakMb)} | ${fmtX(startup.version.ms / startup.node.ms)} \`node -e 0\` |`);
  out.push(`| \`rulecase assess\` one case (fixtures/nl/belaging-ex-partner.yaml) | ${fmtMs(startup.single.ms)} | ${fmtMb(startup.single.peakMb)} | ${fmtX(startup.single.ms / startup.node.ms)} \`node -e 0\` |`);
  out.push(`| \`rulecase validate\` (bundled rules) | ${fmtMs(startup.validate.ms)} | ${fmtMb(startup.validate.peakMb)} | ${fmtX(startup.validate.ms / startup.node.ms)} \`node -e 0\` |`);
  out.push(`| read + \`JSON.parse\` ${n(CASES)} files (the floor) | ${fmtMs(batch.floor.ms)} | ${fmtMb(batch.floor.peakMb)} | 1 |`);
  out.push(`| \`rulecase assess --format ndjson\` ${n(CASES)} files, ${jobs} jobs | ${fmtMs(batch.batch.ms)} | ${fmtMb(batch.batch.peakMb)} | ${fmtX(batch.batch.ms / batch.floor.ms)} the floor; ${n(Math.round(casesPerSecond))} cases/s; ${n(Math.round(ndjsonBytesPerCase))} bytes of NDJSON a case |`);
  if (memory) out.push(`| \`rulecase assess --format ndjson\` ${n(MEMORY_CASES)} files, ${jobs} jobs (1 run) | ${fmtMs(memory.ms)} | ${fmtMb(memory.peakMb)} | ${fmtX(memory.peakMb / batch.batch.peakMb)} the peak memory of ${n(CASES)} files |`);
  out.push(`| rulecase engine in memory, ${n(engines.cases)} NL cases, the belaging criterion and its judgments (the peer's logic) | ${fmtMs(engines.coreMs)} | | ${((engines.coreMs / engines.cases) * 1000).toFixed(1)} µs a case; ${fmtX(engines.coreMs / engines.jreMs)} json-rules-engine |`);
  out.push(`| rulecase engine in memory, same cases, the whole rule sets ${engines.rulesets.join(', ')} (for information: complaint, deadlines, calendar) | ${fmtMs(engines.rulecaseMs)} | | ${((engines.rulecaseMs / engines.cases) * 1000).toFixed(1)} µs a case |`);
  out.push(`| json-rules-engine in memory, same cases (belaging rules in bench/jre-belaging.mjs) | ${fmtMs(engines.jreMs)} | | ${((engines.jreMs / engines.cases) * 1000).toFixed(1)} µs a case |`);
  out.push('');
  out.push(`Both engines gave the same belaging answer on all ${n(engines.cases)} Dutch cases in every pass (${n(engines.counts.met)} met, ${n(engines.counts.not_met)} not met, ${n(engines.counts.undetermined)} undetermined), and so did the CLI.`);
  out.push('');
  out.push('| goal | ratio | goal | met |');
  out.push('|---|---:|---:|---|');
  for (const g of goals) out.push(`| ${g.what}${g.note ? ` (${g.note})` : ''} | ${fmtX(g.value)} | ${g.op} ${g.goal}× | ${g.met === null ? 'not measured' : g.met ? 'yes' : 'no'} |`);
  out.push('');
  out.push(`(${((Date.now() - t0) / 1000).toFixed(0)} s in all)`);
  console.log(out.join('\n'));

  if (JSON_OUT) {
    const results = {
      date: new Date().toISOString(),
      machine,
      options: { cases: CASES, memoryCases: MEMORY_CASES, runs: RUNS, batchRuns: BATCH_RUNS, asOf: AS_OF, jobs, memorySource: MEMORY_SOURCE, gnuTime: GNU_TIME ?? null },
      cases: { count: CASES, bytesPerCase: gen.bytes / CASES, statuses: checked.statuses },
      startup,
      floor: batch.floor,
      batch: { ...batch.batch, casesPerSecond, ndjsonBytesPerCase, msPerCase: batch.batch.ms / CASES },
      memory: memory ? { cases: MEMORY_CASES, ...memory } : null,
      engines: { cases: engines.cases, runs: engines.runs, rulesets: engines.rulesets, rulecaseMs: engines.rulecaseMs, coreMs: engines.coreMs, jreMs: engines.jreMs, rulecaseSamples: engines.rulecaseSamples, coreSamples: engines.coreSamples, jreSamples: engines.jreSamples, answers: engines.counts, agree: true },
      goals,
      table: out.join('\n'),
    };
    writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${JSON_OUT}`);
  }
} catch (e) {
  console.error(`\nFAILED: ${e instanceof Error ? e.message : String(e)}`);
  exitCode = e?.exitCode ?? 1;
} finally {
  rmSync(small, { recursive: true, force: true });
  if (big) rmSync(big, { recursive: true, force: true });
}
process.exitCode = exitCode;
