import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCaseText } from '../src/case/load.js';
import { assessCase } from '../src/engine/assess.js';
import { explainCase } from '../src/explain/explain.js';
import { runInProcess } from './cli-harness.js';
import { rules } from './helpers.js';

const FIXTURES = ['nl', 'ew'].flatMap((j) => readdirSync(`fixtures/${j}`).filter((f) => f.endsWith('.yaml')).map((f) => `fixtures/${j}/${f}`));

function result(file: string, lang: 'en' | 'nl') {
  const loaded = loadCaseText(file, readFileSync(file, 'utf8'));
  if (!loaded.caseFile || !loaded.doc) throw new Error(`cannot load ${file}`);
  return assessCase(rules().rulesets, loaded.caseFile, loaded.doc, { asOf: '2026-06-01', lang }, 'case');
}

describe('the engine returns data, the explanation layer words', () => {
  it.each(FIXTURES)('%s: the same result whatever the reader language', (file) => {
    const en = result(file, 'en');
    const nl = result(file, 'nl');
    expect(JSON.stringify(nl.conclusions)).toBe(JSON.stringify(en.conclusions));
    expect(JSON.stringify(nl.deadlines)).toBe(JSON.stringify(en.deadlines));
    // No sentences: a result has no title, explanation or label anywhere.
    expect(JSON.stringify(en)).not.toMatch(/"(title|explanation|label|text|display)":/);
  });

  it('explains one result in English and in Dutch, with dates for people', () => {
    const r = result('fixtures/nl/belaging-ex-partner.yaml', 'en');
    const en = explainCase(r, rules().rulesets, 'en');
    const nl = explainCase(r, rules().rulesets, 'nl');
    const complaint = (c: typeof en) => c.deadlines.find((d) => d.id === 'complaint');
    expect(complaint(en)?.title).toBe('Complaint term (Art. 66 Sr)');
    expect(complaint(nl)?.title).toMatch(/^Klachttermijn/);
    expect(complaint(en)?.basis.extension?.why).toContain('Saturday');
    expect(complaint(nl)?.basis.extension?.why).toContain('zaterdag');
    const reasons = en.conclusions.find((c) => c.id === 'complaint_in_time')?.reasons.map((x) => x.text) ?? [];
    expect(reasons.join('\n')).toContain('22 April 2026');
  });
});

describe('machine output is lean by default', () => {
  // 3.5 KB: an English case also carries the routes to an order (issue 14): two more headline results, their actions and needs.
  // 4 KB: each case also says which routes apply and each action's urgency (issue 18).
  it.each(FIXTURES)('%s: one NDJSON line under 4 KB, with statuses, dates, needs and routes', async (file) => {
    const r = await runInProcess(['assess', '--format', 'ndjson', '--as-of', '2026-06-01', file]);
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(4096);
    const line = JSON.parse(r.stdout) as { conclusions: Record<string, string>; deadlines: { id: string; due: string | null; daysLeft: number | null }[]; needs: string[]; actions: string[]; routes: Record<string, string> };
    expect(Object.keys(line.conclusions).length).toBeGreaterThan(0);
    expect(line.deadlines.every((d) => d.id.includes('.'))).toBe(true);
    expect(Array.isArray(line.needs)).toBe(true);
    expect(Object.keys(line.routes).length).toBeGreaterThan(0);
  });

  it('--detail full still gives every reason, value, explanation and citation', async () => {
    const r = await runInProcess(['assess', '--format', 'ndjson', '--detail', 'full', '--as-of', '2026-06-01', 'fixtures/nl/belaging-ex-partner.yaml']);
    const c = JSON.parse(r.stdout) as { conclusions: { id: string; explanation: string; reasons: { text: string; actual: unknown }[]; sources: { instrument: string }[] }[] };
    const belaging = c.conclusions.find((x) => x.id === 'belaging');
    expect(belaging?.explanation).toContain('belaging');
    expect(belaging?.reasons.length).toBeGreaterThan(0);
    expect(belaging?.sources.map((s) => s.instrument)).toContain('Wetboek van Strafrecht');
    expect(c.conclusions.length).toBeGreaterThan(10);
  });

  it('says each rule set, rule title and source once, in the envelope', async () => {
    const r = await runInProcess(['assess', '--format', 'json', '--as-of', '2026-06-01', 'fixtures/nl/']);
    const env = JSON.parse(r.stdout) as { schemaVersion: string; detail: string; rulesets: { id: string; conclusions: Record<string, { title: string; cite: string[] }>; sources: Record<string, { instrument: string }> }[]; cases: unknown[] };
    expect(env.schemaVersion).toBe('2.0');
    expect(env.detail).toBe('lean');
    const belaging = env.rulesets.find((rs) => rs.id === 'nl-belaging');
    expect(belaging?.conclusions['belaging']?.title).toContain('Stalking');
    expect(belaging?.conclusions['belaging']?.cite.every((id) => belaging.sources[id] !== undefined)).toBe(true);
    expect(r.stdout.split('"Wetboek van Strafrecht"').length - 1).toBeLessThan(40);
  });
});
