import { describe, expect, it } from 'vitest';
import { runInProcess, runSpawned } from './cli-harness.js';

const EXAMPLE_RULES = ['--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml'];

describe('problems in rule files are reported at file:line:column with a stable code', () => {
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
