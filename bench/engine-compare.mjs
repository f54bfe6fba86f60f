/* global console, process */
// In-memory engine comparison, run in a child process of its own (a clean heap, no other work):
// rulecase's engine (through bench/rulecase-adapter.mjs) against the json-rules-engine peer
// (bench/jre-belaging.mjs) on the same Dutch cases, already loaded into memory. Every pass checks
// that both give the same belaging answer for every case and exits 3 if they ever differ.
//
//   node bench/engine-compare.mjs --dir <folder of case files> [--runs 5] [--as-of 2026-06-01]
// Prints one JSON object on standard output.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { createRulecaseBelaging } from './rulecase-adapter.mjs';
import { createJreBelaging, jreFacts } from './jre-belaging.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dir = opt('dir');
const RUNS = Number(opt('runs', '5'));
const AS_OF = opt('as-of', '2026-06-01');
if (!dir) throw new Error('--dir is required');

// Only the Dutch belaging rule set and the calendar its deadlines name: the same scope as the peer
// as far as rulecase allows (it still evaluates the whole rule set: complaint, deadlines, reasons).
const BELAGING = join(root, 'rules/nl/belaging.yaml');
const rulecase = createRulecaseBelaging({ ruleFiles: [BELAGING, join(root, 'rules/nl/atw-calendar.yaml')], asOf: AS_OF });
const peer = createJreBelaging();
const declared = YAML.parse(readFileSync(BELAGING, 'utf8'));

/**
 * For information: the same YAML cut down to the belaging criterion and its four judgments (with
 * the indicators that are plain facts, as the rule schema wants indicators): exactly the logic the
 * peer has, so the difference from the full rule set shows what the rest of it costs.
 */
function coreRuleSet() {
  const judgments = {};
  for (const id of ['stelselmatig_inbreuk', 'wederrechtelijk', 'opzettelijk', 'oogmerk']) {
    const judgment = { ...declared.judgments[id] };
    delete judgment.counterIndicators;
    judgments[id] = { ...judgment, indicators: (judgment.indicators ?? []).filter((ref) => ref.startsWith('facts.')) };
  }
  const criteria = { belaging: declared.criteria.belaging };
  const cited = new Set([...Object.values(judgments), ...Object.values(criteria)].flatMap((x) => x.cite ?? []));
  const sources = Object.fromEntries(Object.entries(declared.sources).filter(([id]) => cited.has(id)));
  const { version, jurisdiction, timeZone, title, description, order, validFrom } = declared;
  return { id: 'bench-belaging-core', version, jurisdiction, timeZone, title, description, order, validFrom, sources, facts: declared.facts, criteria, judgments };
}
const coreDir = mkdtempSync(join(tmpdir(), 'rulecase-bench-core-'));
chmodSync(coreDir, 0o700);
let core;
try {
  writeFileSync(join(coreDir, 'belaging-core.yaml'), YAML.stringify(coreRuleSet()));
  core = createRulecaseBelaging({ ruleFiles: [join(coreDir, 'belaging-core.yaml')], asOf: AS_OF });
} finally {
  rmSync(coreDir, { recursive: true, force: true });
}

// With only this rule set loaded, rulecase rejects facts and judgments that other Dutch rule sets
// ask (bans, procedural deadlines), as it should: a misspelt fact must not silently stay unknown.
// So both engines get each case without those: only what belaging.yaml itself declares.
const keep = (record, ids) => (record ? Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id))) : undefined);
const factIds = new Set(Object.keys(declared.facts ?? {}));
const judgmentIds = new Set(Object.keys(declared.judgments ?? {}));

// Load into memory before any timing: rulecase parses and schema-checks its case files; the peer
// gets the recorded judgments as plain facts.
const cases = [];
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.json')) continue;
  const file = join(dir, name);
  const value = JSON.parse(readFileSync(file, 'utf8'));
  if (value.jurisdiction !== 'NL') continue;
  const facts = keep(value.facts, factIds);
  const judgments = keep(value.judgments, judgmentIds);
  const scoped = { ...value, ...(facts ? { facts } : {}), ...(judgments ? { judgments } : {}) };
  const text = JSON.stringify(scoped);
  cases.push({ id: value.id ?? name, loaded: rulecase.load(file, text), loadedCore: core.load(file, text), facts: jreFacts(scoped) });
}
if (cases.length === 0) throw new Error(`no Dutch cases in ${dir}`);

const answers = { rulecase: new Array(cases.length), core: new Array(cases.length), jre: new Array(cases.length) };
const passes = {
  rulecase() {
    const out = answers.rulecase;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < cases.length; i++) out[i] = rulecase.belaging(cases[i].loaded);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  },
  core() {
    const out = answers.core;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < cases.length; i++) out[i] = core.belaging(cases[i].loadedCore);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  },
  async jre() {
    const out = answers.jre;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < cases.length; i++) out[i] = await peer.belaging(cases[i].facts);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  },
};
function check(pass) {
  const differ = [];
  for (let i = 0; i < cases.length; i++) {
    const { rulecase: a, core: b, jre: c } = { rulecase: answers.rulecase[i], core: answers.core[i], jre: answers.jre[i] };
    if (a !== c || b !== c) differ.push(`${cases[i].id}: rulecase ${a} (belaging criterion only: ${b}), json-rules-engine ${c}`);
  }
  if (differ.length > 0) {
    console.error(`ENGINES DISAGREE on belaging for ${differ.length} of ${cases.length} cases (pass ${pass}):\n  ${differ.slice(0, 20).join('\n  ')}`);
    process.exit(3);
  }
}

// One warm-up pass each (JIT, caches), checked too; then rotate which engine goes first.
const names = Object.keys(passes);
for (const name of names) await passes[name]();
check('warm-up');
const samples = Object.fromEntries(names.map((name) => [name, []]));
for (let r = 0; r < RUNS; r++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(r + k) % names.length];
    samples[name].push(await passes[name]());
  }
  check(r + 1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdicts = {};
const counts = { met: 0, not_met: 0, undetermined: 0 };
cases.forEach((c, i) => {
  const v = answers.rulecase[i];
  verdicts[c.id] = v;
  counts[v] = (counts[v] ?? 0) + 1;
});
const round = (xs) => xs.map((x) => Math.round(x * 10) / 10);
console.log(JSON.stringify({ cases: cases.length, runs: RUNS, rulesets: rulecase.rulesets, rulecaseMs: median(samples.rulecase), coreMs: median(samples.core), jreMs: median(samples.jre), rulecaseSamples: round(samples.rulecase), coreSamples: round(samples.core), jreSamples: round(samples.jre), counts, verdicts }));
