import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess, runSpawned } from './cli-harness.js';

const EXAMPLE_RULES = ['--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml'];

describe('problems in rule files are reported at file:line:column with a stable code', () => {
  it('references naming built-in object properties are undefined references, not rules (toString, constructor, __proto__)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-proto-'));
    const file = join(dir, 'p.yaml');
    const probe = '  proto_probe:\n    title: { en: P, nl: P }\n    when: { all: [ { check: facts.toString }, { check: criteria.constructor }, { check: tables.__proto__.x } ] }\n    explain: { met: { en: a, nl: a }, not_met: { en: b, nl: b } }\n    cite: [constructor]\n    checked: "2026-12-01"\n';
    writeFileSync(file, readFileSync('fixtures/rules/example.yaml', 'utf8').replace(/^criteria:\n/m, `criteria:\n${probe}`));
    const r = await runInProcess(['validate', file, 'rules/nl/atw-calendar.yaml']);
    expect(r.code).toBe(1);
    for (const ref of ['facts.toString', 'criteria.constructor', 'tables.__proto__']) expect(r.stdout).toMatch(new RegExp(`p\\.yaml:\\d+:\\d+: error undefined-reference: ${ref.replace('.', '\\.')} is not defined`));
    expect(r.stdout).toMatch(/the source "constructor" is not listed under sources/);
  });

  it('a calendar whose every day is weekend is refused: a term would never end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-weekend-'));
    const file = join(dir, 'cal.yaml');
    writeFileSync(file, readFileSync('rules/nl/atw-calendar.yaml', 'utf8').replace(/weekend: \[[^\]]*\]/, 'weekend: [1, 2, 3, 4, 5, 6, 7]'));
    const r = await runInProcess(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/cal\.yaml:\d+:\d+: error schema-value: a calendar needs at least one working day in the week/);
  });

  it('an element decided by whether a case field was filled in: a warning at its line, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-closed-world-'));
    const file = join(dir, 'cw.yaml');
    const rs = readFileSync('fixtures/rules/example.yaml', 'utf8').replace(/^criteria:\n/m, 'criteria:\n  withdrawn_on_nothing:\n    title: { en: W, nl: W }\n    when: { not: { check: case.complaint.withdrawn, op: known } }\n    explain: { met: { en: a, nl: a }, not_met: { en: b, nl: b } }\n    cite: [' + 'SOURCE' + ']\n    checked: "2026-12-01"\n');
    const source = /^sources:\n {2}([\w-]+):/m.exec(rs)?.[1] ?? 'x';
    writeFileSync(file, rs.replace('SOURCE', source));
    const r = await runInProcess(['validate', file, 'rules/nl/atw-calendar.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/cw\.yaml:\d+:\d+: warning closed-world-reading: "not: case\.complaint\.withdrawn is known" decides the element/);
  });

  it.each([
    ['a YAML syntax error', ['fixtures/invalid/rules/yaml-syntax.yaml'], 'fixtures/invalid/rules/yaml-syntax.yaml:3:1: error yaml-syntax:'],
    ['a missing translation', ['fixtures/invalid/rules/schema-errors.yaml'], 'schema-errors.yaml:12:12: error missing-translation: criteria.c1.title: the Dutch text is missing'],
    ['an unknown key, with did-you-mean', ['fixtures/invalid/rules/schema-errors.yaml'], 'schema-errors.yaml:23:5: error schema-unknown-key: "cheked" is not a known field of criteria.c2. Did you mean "checked"?'],
    ['a rule without a citation', ['fixtures/invalid/rules/schema-errors.yaml'], 'schema-errors.yaml:25:5: error missing-citation: criteria.c3: every rule must cite its source'],
    ['a deadline without a counting rule', ['fixtures/invalid/rules/schema-errors.yaml'], 'schema-errors.yaml:31:5: error deadline-counting: deadlines.d1: a deadline must declare its counting rule'],
    ['an impossible date', ['fixtures/invalid/rules/semantic-errors.yaml'], 'semantic-errors.yaml:7:12: error invalid-date: 2026-02-30 is not a date in the calendar.'],
    ['a cycle', ['fixtures/invalid/rules/semantic-errors.yaml'], 'semantic-errors.yaml:19:20: error reference-cycle: these rules depend on each other in a circle: criteria.c1 → criteria.c2 → criteria.c1.'],
    ['an undefined reference', ['fixtures/invalid/rules/semantic-errors.yaml'], 'semantic-errors.yaml:25:20: error undefined-reference: derived.nothing is not defined in this rule set.'],
    ['a misspelt case field', ['fixtures/invalid/rules/semantic-errors.yaml'], 'semantic-errors.yaml:32:12: error undefined-reference: "case.complaint.learnt" is not a case field. Did you mean "case.complaint.learned"?'],
    ['an undefined citation', ['fixtures/invalid/rules/semantic-errors.yaml'], 'semantic-errors.yaml:39:12: error undefined-reference: the source "s2" is not listed under sources. Did you mean "s1"?'],
    ['a duplicate rule-set id', ['fixtures/invalid/rules/duplicate-a.yaml', 'fixtures/invalid/rules/duplicate-b.yaml', 'rules/nl/atw-calendar.yaml'], 'duplicate-b.yaml:1:5: error duplicate-id: the rule set id "dup" is also used by'],
    ['the Atw named for a term in years', ['fixtures/invalid/rules/duplicate-a.yaml', 'rules/nl/atw-calendar.yaml'], 'duplicate-a.yaml:17:15: error calendar-not-applicable: the nl-atw calendar does not extend terms in years (P6Y)'],
    ['an unknown calendar', ['fixtures/invalid/rules/duplicate-b.yaml', 'rules/nl/atw-calendar.yaml'], 'duplicate-b.yaml:17:15: error undefined-reference: the calendar "nl-atv" is not defined by any loaded rule set (use none or a calendar id). Did you mean "nl-atw"?'],
  ])('%s: exit 1', async (_, files, expected) => {
    const r = await runInProcess(['validate', ...files]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(expected);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(/at \w+ \(|\[object Object\]/);
  });

  it('the same diagnostics in JSON, with the JSON pointer', async () => {
    const r = await runInProcess(['validate', '--format', 'json', 'fixtures/invalid/rules/semantic-errors.yaml']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; diagnostics: { code: string; line: number; column: number; pointer: string }[] };
    expect(out.valid).toBe(false);
    expect(out.diagnostics).toContainEqual(expect.objectContaining({ code: 'reference-cycle', line: 19, column: 20, pointer: '/criteria/c2/when/check' }));
  });

  it('invalid rules given to assess: exit 2 and the rule errors on stderr', async () => {
    const r = await runInProcess(['assess', '--rules', 'fixtures/invalid/rules/semantic-errors.yaml', 'fixtures/example/ex-partner.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('semantic-errors.yaml:19:20: error reference-cycle');
  });
});

describe('problems in case files: exit 2, every problem listed, no stack trace', () => {
  it.each([
    ['an unknown value with did-you-mean', 'fixtures/invalid/cases/schema-errors.yaml', 'schema-errors.yaml:4:11: error schema-enum: incidents[0].kind is "mesage", which is not one of: message, call'],
    ['a wrong type', 'fixtures/invalid/cases/schema-errors.yaml', 'schema-errors.yaml:6:13: error schema-type: incidents[1].threat must be boolean.'],
    ['an unknown key', 'fixtures/invalid/cases/schema-errors.yaml', 'schema-errors.yaml:8:3: error schema-unknown-key: "lerned" is not a known field of complaint. Did you mean "learned"?'],
    ['JSON syntax', 'fixtures/invalid/cases/json-syntax.json', 'json-syntax.json:1:61: error json-syntax: the file is not valid JSON'],
    ['an impossible date', 'fixtures/invalid/cases/dates-and-facts.yaml', 'dates-and-facts.yaml:3:11: error invalid-date: incidents[0].date: 2026-02-30 is not a date in the calendar.'],
    ['a reversed range', 'fixtures/invalid/cases/dates-and-facts.yaml', 'dates-and-facts.yaml:4:11: error date-range-reversed: incidents[1].date: the range ends (2026-05-01) before it starts (2026-05-15).'],
    ['a fact the rules do not ask', 'fixtures/invalid/cases/dates-and-facts.yaml', 'dates-and-facts.yaml:6:3: error unknown-fact: the rules ask no fact called "victim_refused". Did you mean "victim_refused_contact"?'],
    ['a choice that is not an option', 'fixtures/invalid/cases/dates-and-facts.yaml', 'dates-and-facts.yaml:7:17: error fact-type-mismatch: facts.relationship must be one of ex-partner, neighbour, stranger or unknown, not "neigbour". Did you mean "neighbour"?'],
  ])('%s', async (_, file, expected) => {
    const r = await runInProcess(['assess', ...EXAMPLE_RULES, '--format', 'json', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
    const report = JSON.parse(r.stdout) as { cases: { status: string; diagnostics: unknown[] }[] };
    expect(report.cases[0]!.status).toBe('invalid');
  });

  it('a case file that does not exist: exit 2 with one line', async () => {
    const r = await runInProcess(['assess', 'fixtures/nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rulecase: cannot read fixtures/nope.yaml: no such file or folder.\n');
  });
});

describe('the built binary (precompiled validators) reports exactly what the source does', () => {
  it.each([
    [['validate', 'fixtures/invalid/rules/schema-errors.yaml']],
    [['assess', ...EXAMPLE_RULES, '--format', 'json', 'fixtures/invalid/cases/schema-errors.yaml']],
  ])('%j', async (args) => {
    const inProcess = await runInProcess(args);
    const spawned = runSpawned(args);
    expect(spawned.code).toBe(inProcess.code);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(spawned.stderr).toBe(inProcess.stderr);
  });
});

describe('jurisdictions and order types are checked against the jurisdiction.yaml manifests', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rulecase-jurisdictions-'));
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  };
  const unknownJurisdiction = file('unknown-jurisdiction.yaml', 'id: j-1\njurisdiction: NLD\nincidents:\n  - { date: "2026-01-10" }\n');
  const unknownOrder = file('unknown-order-type.yaml', 'id: o-1\njurisdiction: EW\norders:\n  - type: non-molestation\n    made: "2026-01-05"\n  - { type: nl-huisverbod }\n');
  const noSuchCode = file('no-such-code.yaml', 'jurisdiction: XX\n');

  it.each([
    ['an unknown jurisdiction, with did-you-mean', unknownJurisdiction, `${unknownJurisdiction}:2:15: error unknown-jurisdiction: jurisdiction "NLD" is not one the rules know; the loaded rules declare EW (England and Wales), NL (the Netherlands). Did you mean "NL"? (/jurisdiction)`],
    ['a code that resembles none: no guess', noSuchCode, `${noSuchCode}:1:15: error unknown-jurisdiction: jurisdiction "XX" is not one the rules know; the loaded rules declare EW (England and Wales), NL (the Netherlands). (/jurisdiction)`],
    ['an unknown order type, with did-you-mean', unknownOrder, `${unknownOrder}:4:11: error unknown-order-type: orders[0].type "non-molestation" is not an order type of EW; EW has restraining-order-conviction, restraining-order-acquittal, non-molestation-order, domestic-abuse-protection-order, stalking-protection-order, occupation-order. Did you mean "non-molestation-order"? (/orders/0/type)`],
    ['an order type of another jurisdiction', unknownOrder, `${unknownOrder}:6:13: error unknown-order-type: orders[1].type "nl-huisverbod" is an order type of NL, not of EW;`],
  ])('%s: rulecase assess exits 2 with the problem at file:line:column', async (_, path, expected) => {
    const r = await runInProcess(['assess', '--format', 'json', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(expected);
    const report = JSON.parse(r.stdout) as { cases: { status: string; diagnostics: { code: string }[] }[] };
    expect(report.cases[0]!.status).toBe('invalid');
    // The unknown jurisdiction is the one problem: not also "no rule set covers it".
    expect(report.cases[0]!.diagnostics.map((d) => d.code)).not.toContain('no-ruleset');
  });

  it('the same in the text report, exit 2', async () => {
    const r = await runInProcess(['assess', unknownJurisdiction]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${unknownJurisdiction}:2:15: error unknown-jurisdiction:`);
  });

  const rules = join(dir, 'rules');
  file('rules/jurisdiction.yaml', 'id: ZQ\nname: { en: Zqland, nl: Zqland }\ntimeZone: Pacific/Auckland\nlanguages: [en]\nlawInForceOn: last-incident\norderTypes:\n  - { value: keep-away-order, label: { en: keep-away order, nl: wegblijfbevel } }\n');
  const ruleset = (id: string, jurisdiction: string, timeZone: string, extra = ''): string =>
    `id: ${id}\nversion: 1.0.0\njurisdiction: ${jurisdiction}\ntimeZone: ${timeZone}\ntitle: { en: T, nl: T }\ndescription: { en: D, nl: D }\nvalidFrom: "2020-01-01"\nsources:\n  s1: { kind: statute, instrument: Act, url: "https://example.org/act", quote: "a test citation", checked: "2026-01-01", verified: true }\n${extra}`;
  file('rules/zone.yaml', ruleset('zq-zone', 'ZQ', 'Europe/Paris'));
  file('rules/unknown.yaml', ruleset('zq-unknown', 'ZR', 'Pacific/Auckland'));
  file(
    'rules/orders.yaml',
    ruleset('zq-orders', 'ZQ', 'Pacific/Auckland', 'criteria:\n  c1:\n    title: { en: T, nl: T }\n    when: { check: case.orders.0.type, op: in, value: [keep-away-order, keep-away] }\n    explain: { met: { en: M, nl: M }, not_met: { en: N, nl: N } }\n    cite: [s1]\n    checked: "2026-01-01"\n'),
  );

  it.each([
    ['a rule set of a jurisdiction no manifest declares', `${join(rules, 'unknown.yaml')}:3:15: error unknown-jurisdiction: no jurisdiction.yaml declares the jurisdiction ZR: add one to the rule folder (see docs/rule-language.md). The loaded ones are EW (England and Wales), NL (the Netherlands), ZQ (Zqland). Did you mean "ZQ"?`],
    ['a rule set in another time zone than its jurisdiction', `${join(rules, 'zone.yaml')}:4:11: error time-zone-mismatch: the rule set reads dates in Europe/Paris, but the jurisdiction ZQ is in Pacific/Auckland (its jurisdiction.yaml); write timeZone: Pacific/Auckland.`],
    ['a rule comparing an order with an undeclared type', `${join(rules, 'orders.yaml')}:13:73: error unknown-order-type: keep-away is not an order type of ZQ; its jurisdiction.yaml declares keep-away-order. Did you mean "keep-away-order"? (/criteria/c1/when/value/1)`],
  ])('%s: rulecase validate exits 1, at file:line:column', async (_, expected) => {
    const r = await runInProcess(['validate', rules]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(expected);
  });

  it('the built binary (precompiled jurisdiction schema) reports exactly what the source does', async () => {
    file('broken/jurisdiction.yaml', 'id: zq\nname: { en: Zqland }\ntimezone: Pacific/Auckland\nlanguages: [en]\nlawInForceOn: last-incident\norderTypes: []\n');
    const args = ['validate', join(dir, 'broken')];
    const inProcess = await runInProcess(args);
    const spawned = runSpawned(args);
    expect(inProcess.stdout).toContain('jurisdiction.yaml:3:1: error schema-unknown-key: "timezone" is not a known field of the file. Did you mean "timeZone"?');
    expect([spawned.code, spawned.stdout, spawned.stderr]).toEqual([inProcess.code, inProcess.stdout, inProcess.stderr]);
  });
});
