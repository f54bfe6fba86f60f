import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../src/io/files.js';
import { ROOT } from './helpers.js';
import { runInProcess } from './cli-harness.js';

const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
const validateCase = ajv.compile(schema('case'));
const validateRuleset = ajv.compile(schema('ruleset'));
const validateReport = ajv.compile(schema('report'));
const validateJurisdiction = ajv.compile(schema('jurisdiction'));
const read = (f: string) => parse(readFileSync(f, 'utf8')) as unknown;

const caseFiles = listFiles(join(ROOT, 'fixtures'), (n) => /\.(ya?ml|json)$/.test(n)).filter((f) => !f.includes('/invalid/') && !f.includes('/rules/') && !f.includes('/rules-constructs/') && !/\.test\.ya?ml$/.test(f));
const isManifest = (n: string): boolean => /^jurisdiction\.ya?ml$/.test(n);
const ruleFiles = [
  ...listFiles(join(ROOT, 'rules'), (n) => /\.ya?ml$/.test(n) && !/\.test\.ya?ml$/.test(n) && !isManifest(n)),
  ...listFiles(join(ROOT, 'fixtures', 'rules'), (n) => /\.ya?ml$/.test(n) && !/\.test\.ya?ml$/.test(n) && !isManifest(n)),
  ...listFiles(join(ROOT, 'fixtures', 'rules-constructs'), (n) => /\.ya?ml$/.test(n) && !isManifest(n)),
];
const manifests = [join(ROOT, 'rules'), join(ROOT, 'fixtures')].flatMap((dir) => listFiles(dir, isManifest));

describe('every fixture and example validates against the shipped schemas', () => {
  it('there are fixtures to check', () => {
    expect(caseFiles.length).toBeGreaterThan(0);
    expect(ruleFiles.length).toBeGreaterThan(1);
    expect(manifests.length).toBeGreaterThan(1);
  });
  it.each(caseFiles.map((f) => [f.slice(ROOT.length + 1), f]))('case %s', (_, f) => {
    expect(validateCase(read(f)), JSON.stringify(validateCase.errors)).toBe(true);
  });
  it.each(ruleFiles.map((f) => [f.slice(ROOT.length + 1), f]))('rule set %s', (_, f) => {
    expect(validateRuleset(read(f)), JSON.stringify(validateRuleset.errors)).toBe(true);
  });
  it.each(manifests.map((f) => [f.slice(ROOT.length + 1), f]))('jurisdiction %s', (_, f) => {
    expect(validateJurisdiction(read(f)), JSON.stringify(validateJurisdiction.errors)).toBe(true);
  });
  it('every rule set names a shipped jurisdiction and its time zone', () => {
    const zones = new Map(manifests.map((f) => read(f) as { id: string; timeZone: string }).map((j) => [j.id, j.timeZone]));
    for (const f of ruleFiles) {
      const rs = read(f) as { jurisdiction: string; timeZone: string };
      expect([f.slice(ROOT.length + 1), zones.get(rs.jurisdiction)]).toEqual([f.slice(ROOT.length + 1), rs.timeZone]);
    }
  });
  it('the JSON report validates against the report schema', async () => {
    const r = await runInProcess(['assess', '--format', 'json', '--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml', 'fixtures/example/ex-partner.yaml', 'fixtures/invalid/cases/dates-and-facts.yaml']);
    const report = JSON.parse(r.stdout) as unknown;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  });
  it.each(['lean', 'full'])('the %s JSON report of every bundled fixture and decision validates against the report schema', async (detail) => {
    const r = await runInProcess(['assess', '--format', 'json', '--detail', detail, '--as-of', '2026-06-01', 'fixtures/nl', 'fixtures/ew', 'fixtures/decisions']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as unknown;
    expect(validateReport(report), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
  });
  it('rulecase schema prints the same schemas users point their editors at', async () => {
    for (const which of ['case', 'ruleset', 'report']) {
      const r = await runInProcess(['schema', which]);
      expect(JSON.parse(r.stdout)).toEqual(schema(which));
    }
  });
});
