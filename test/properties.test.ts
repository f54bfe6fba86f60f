import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rules } from './helpers.js';
import { assess, contradictions, corpus, verdicts, type Sample } from './properties/harness.js';
import { caseArbitrary } from './properties/generate.js';
import { variants } from './properties/variants.js';

/**
 * The two promises of a three-valued, interval-aware engine, checked over every bundled fixture,
 * every rule-test case and generated cases:
 * (a) a rough date never yields a verdict that some day inside it would contradict;
 * (b) an unknown never decides: leaving a field out (or answering "don't know") never turns a
 *     determined verdict into a different determined one.
 * RULECASE_PROPERTY_RUNS sets how many cases are generated (default 1000).
 */
const RUNS = Number(process.env['RULECASE_PROPERTY_RUNS'] ?? 1000);
const loaded = rules();
const dateFacts = new Set(loaded.rulesets.flatMap((r) => Object.entries(r.facts ?? {}).filter(([, f]) => f.type === 'date' || f.type === 'datetime').map(([id]) => id)));

/** What a change broke, in words: empty when the promises hold. */
function violations(sample: Sample, extra?: number, only?: (i: number, n: number) => boolean): string[] {
  const base = assess(loaded, sample.caseFile, sample.asOf);
  if (!base) return [];
  const baseVerdicts = verdicts(base);
  const out: string[] = [];
  const all = variants(sample.caseFile, sample.asOf, dateFacts, extra);
  all.forEach((v, i) => {
    if (only && !only(i, all.length)) return;
    const r = assess(loaded, v.caseFile, sample.asOf);
    if (!r) return;
    const changed = verdicts(r);
    const broken = v.kind === 'narrow' ? contradictions(baseVerdicts, changed) : contradictions(changed, baseVerdicts);
    for (const b of broken) out.push(`${sample.label} (as of ${sample.asOf}) — ${v.change}: ${b}`);
  });
  return out;
}

describe('soundness properties', () => {
  it('hold for every bundled fixture and every rule-test case, changing one field at a time', () => {
    const samples = corpus();
    expect(samples.length).toBeGreaterThan(150);
    const found = samples.flatMap((s) => violations(s));
    // The first few, each with the case and the one change: enough to rebuild and fix it.
    expect(found.slice(0, 12), `${found.length} violations`).toEqual([]);
  }, 300_000);

  it(`hold for ${RUNS} generated cases, with boundary days on purpose`, () => {
    let assessed = 0;
    fc.assert(
      fc.property(caseArbitrary(loaded), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), ({ asOf, caseFile }, extra, pick) => {
        assessed++;
        // A handful of the case's variants per run, chosen by pick: every kind gets its turn over the runs.
        const found = violations({ label: 'generated', asOf, caseFile }, extra, (i, n) => n <= 6 || (i + pick) % Math.ceil(n / 6) === 0);
        if (found.length > 0) throw new Error(`${found[0]}\ncase: ${JSON.stringify(caseFile)}`);
      }),
      process.env['RULECASE_PROPERTY_SEED'] ? { numRuns: RUNS, seed: Number(process.env['RULECASE_PROPERTY_SEED']) } : { numRuns: RUNS },
    );
    expect(assessed).toBeGreaterThanOrEqual(RUNS);
  }, 600_000);
});
