import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { caseToday, lawInForceDate } from '../src/case/case-dates.js';
import type { CaseFile } from '../src/case/types.js';
import { listFiles, loadRuleFiles, loadRules } from '../src/io/files.js';
import { jurisdictionsOf, loadJurisdictionText, loadJurisdictionTexts, timeZoneOf, type Jurisdiction } from '../src/rules/jurisdiction.js';
import { runInProcess } from './cli-harness.js';
import { ROOT } from './helpers.js';
import { writeZedland } from './interview-helpers.js';

const shipped = listFiles(join(ROOT, 'rules'), (n) => n === 'jurisdiction.yaml').map((f) => parse(readFileSync(f, 'utf8')) as Jurisdiction);

describe('jurisdictions are data: nothing in src/ names one', () => {
  // Built from the shipped manifests, so a jurisdiction added later is covered too.
  const forbidden: [string, RegExp][] = [
    ['a time zone of Europe', /Europe\//],
    ...shipped.flatMap((j): [string, RegExp][] => [
      [`the id ${j.id}`, new RegExp(`(['"\`])${j.id}\\1|\\.${j.id}\\b|\\b${j.id}\\s*:`)],
      [`the zone ${j.timeZone}`, new RegExp(j.timeZone.replace('/', '\\/'))],
      ...j.orderTypes.map((t): [string, RegExp] => [`the order type ${t.value}`, new RegExp(`\\b${t.value}\\b`)]),
    ]),
  ];
  const sources = listFiles(join(ROOT, 'src'), (n) => n.endsWith('.ts'));

  it('the shipped manifests are there to read the literals from', () => {
    expect(shipped.map((j) => j.id).sort()).toEqual(['EW', 'NL']);
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(forbidden)('no %s', (_, re) => {
    const hits = sources.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (re.test(line) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});

describe('a jurisdiction manifest (jurisdiction.yaml)', () => {
  const good = 'id: AB\nname: { en: Alphaland, nl: Alfaland }\ntimeZone: Pacific/Auckland\nlanguages: [en]\nlawInForceOn: last-incident\norderTypes: []\n';

  it('is read into a Jurisdiction', () => {
    const r = loadJurisdictionText('ab.yaml', good);
    expect(r.diagnostics).toEqual([]);
    expect(r.jurisdiction).toEqual({ id: 'AB', name: { en: 'Alphaland', nl: 'Alfaland' }, timeZone: 'Pacific/Auckland', languages: ['en'], lawInForceOn: 'last-incident', orderTypes: [] });
  });

  it.each([
    ['a misspelt key', good.replace('timeZone', 'timezone'), 'schema-unknown-key', 3, 1, '"timezone" is not a known field of the file. Did you mean "timeZone"?'],
    ['a lower-case id', good.replace('AB', 'ab'), 'schema-pattern', 1, 5, 'upper-case letters, digits and hyphens'],
    ['a zone that does not exist', good.replace('Pacific/Auckland', 'Pacific/Atlantis'), 'invalid-time-zone', 3, 11, 'Pacific/Atlantis is not a time zone rulecase knows'],
    ['an unknown way to choose the law', good.replace('last-incident', 'first-incident'), 'schema-enum', 5, 15, 'not one of: last-incident, as-of'],
    [
      'an order type declared twice',
      good.replace('orderTypes: []', 'orderTypes:\n  - { value: ban, label: { en: ban, nl: verbod } }\n  - { value: ban, label: { en: ban, nl: verbod } }'),
      'duplicate-id',
      8,
      14,
      'the order type ban is declared twice',
    ],
  ])('%s: a diagnostic at file:line:column', (_, text, code, line, column, message) => {
    const d = loadJurisdictionText('ab.yaml', text).diagnostics;
    expect(d).toContainEqual(expect.objectContaining({ code, file: 'ab.yaml', line, column, message: expect.stringContaining(message) }));
  });

  it('one declared among the rules replaces the shipped one; two among the rules are an error', () => {
    const other = good.replace('Alphaland', 'Alphaland II');
    const replaced = loadJurisdictionTexts([{ file: 'shipped.yaml', text: good, fallback: true }, { file: 'mine.yaml', text: other }]);
    expect(replaced.diagnostics).toEqual([]);
    expect(replaced.jurisdictions.map((j) => j.name.en)).toEqual(['Alphaland II']);
    const twice = loadJurisdictionTexts([{ file: 'a.yaml', text: good }, { file: 'b.yaml', text: other }]);
    expect(twice.diagnostics).toEqual([expect.objectContaining({ code: 'duplicate-id', file: 'b.yaml', line: 1, column: 5, message: 'the jurisdiction AB is also declared by a.yaml; keep one of the two.' })]);
  });
});

describe('loading rules brings their jurisdictions', () => {
  it('the bundled rules: each rule set is linked to its manifest, and the bundle says the same as the YAML', () => {
    const fast = loadRules();
    const slow = loadRuleFiles([join(ROOT, 'rules')]);
    expect(fast.jurisdictions).toEqual(slow.jurisdictions);
    expect(fast.jurisdictions.map((j) => [j.id, j.timeZone])).toEqual([
      ['EW', 'Europe/London'],
      ['NL', 'Europe/Amsterdam'],
    ]);
    for (const rs of fast.rulesets) expect(rs.jurisdictionRecord?.id).toBe(rs.jurisdiction);
    expect(jurisdictionsOf(fast.rulesets)).toEqual(fast.jurisdictions);
  });

  it('rules without a manifest of their own use the shipped one', () => {
    const example = loadRuleFiles([join(ROOT, 'fixtures', 'rules'), join(ROOT, 'rules', 'nl', 'atw-calendar.yaml')]);
    expect(example.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(timeZoneOf(example.jurisdictions, 'NL')).toBe('Europe/Amsterdam');
    expect(example.rulesets.every((rs) => rs.jurisdictionRecord?.id === 'NL')).toBe(true);
  });
});

describe('dates that depend on the jurisdiction', () => {
  const zed = { timeZone: 'Pacific/Auckland', lawInForceOn: 'last-incident' } as const;
  const caseWith = (...dates: CaseFile['incidents'] & object): CaseFile => ({ jurisdiction: 'ZZ', incidents: dates });

  it.each([
    ['no incident: the as-of date', caseWith(), zed, '2026-06-01'],
    ['the last incident', caseWith({ date: '2026-01-10' }, { date: '2026-03-02' }), zed, '2026-03-02'],
    ['an incident known roughly: its latest day', caseWith({ date: '2026-03' }), zed, '2026-03-31'],
    ['an incident after the as-of date: the as-of date', caseWith({ date: '2026-07-01' }), zed, '2026-06-01'],
    ['an instant read in the zone: 20:00 UTC is the next morning in Auckland', caseWith({ date: '2026-03-03T20:00:00Z' }), zed, '2026-03-04'],
    ['the same instant in London', caseWith({ date: '2026-03-03T20:00:00Z' }), { ...zed, timeZone: 'Europe/London' }, '2026-03-03'],
    ['lawInForceOn: as-of ignores the incidents', caseWith({ date: '2026-01-10' }), { ...zed, lawInForceOn: 'as-of' }, '2026-06-01'],
  ] as const)('%s', (_, c, j, expected) => {
    expect(lawInForceDate(c, '2026-06-01', j)).toBe(expected);
  });

  it('today is today in the jurisdiction', () => {
    const zz = { id: 'ZZ', name: { en: 'Zedland', nl: 'Zedland' }, timeZone: 'Pacific/Auckland', languages: ['en'], lawInForceOn: 'as-of', orderTypes: [] } satisfies Jurisdiction;
    const evening = new Date('2026-05-31T20:00:00Z');
    expect(caseToday({ jurisdiction: 'ZZ' }, [zz], evening)).toBe('2026-06-01');
    expect(caseToday({ jurisdiction: 'ZZ' }, [{ ...zz, timeZone: 'Europe/London' }], evening)).toBe('2026-05-31');
  });
});

describe('a new jurisdiction is YAML only', () => {
  const dir = writeZedland(join(mkdtempSync(join(tmpdir(), 'rulecase-zedland-')), 'zz'));

  it('validates', async () => {
    const r = await runInProcess(['validate', dir]);
    expect(r.stdout).toBe('2 rule file(s) valid.\n');
    expect(r.code).toBe(0);
  });

  it('assesses a case in its own time zone, with its own order types', async () => {
    const c = join(dir, '..', 'case.yaml');
    writeFileSync(c, 'jurisdiction: ZZ\norders: [{ type: keep-away-order }]\nincidents:\n  - { date: "2026-03-03T20:00:00Z" }\n');
    const ok = await runInProcess(['assess', '--rules', dir, '--as-of', '2026-03-04', '--format', 'json', '--detail', 'full', c]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout) as { cases: { timeZone: string; conclusions: { id: string; status: string }[]; deadlines: { id: string; due: string }[] }[] };
    const zz = report.cases[0]!;
    expect(zz.timeZone).toBe('Pacific/Auckland');
    expect(zz.conclusions.find((x) => x.id === 'breach')?.status).toBe('met');
    // 20:00 UTC on 3 March is 09:00 on 4 March in Auckland: the report is due the day after, the 5th.
    expect(zz.deadlines.find((x) => x.id === 'report')?.due).toBe('2026-03-05');
  });
});
