import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, explainCase, formatText, loadRules } from '../src/index.js';
import { ROOT } from './helpers.js';

describe('the programmatic API', () => {
  it("works as documented: import { loadRules, assess } from 'rulecase'", () => {
    // A script inside the package resolves its own name through package.json "exports".
    const script = `
      import { loadRules, assess, VERSION } from 'rulecase';
      const rules = loadRules(['fixtures/rules', 'rules/nl/atw-calendar.yaml']);
      const report = assess(rules, ['fixtures/example/ex-partner.yaml', { file: 'inline.yaml', text: 'jurisdiction: NL\\nincidents: [{ date: "2026-02-30" }]\\n' }], { asOf: '2026-05-01' });
      console.log(JSON.stringify({ version: report.tool.version === VERSION, cases: report.cases.map((c) => [c.id, c.status, [...new Set(c.conclusions.map((x) => x.ruleset))]]) }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    // Which verdicts the example rules give is tested in fixtures/rules/example.test.yaml; here, that the API assesses.
    expect(JSON.parse(r.stdout)).toEqual({ version: true, cases: [['example-001', 'assessed', ['example-harassment']], ['inline', 'invalid', []]] });
  });
});

describe('assess()', () => {
  it("writes a case in its own language (the case file's lang) unless options.lang says otherwise, as the CLI does", () => {
    const rules = loadRules([join(ROOT, 'fixtures/rules'), join(ROOT, 'rules/nl/atw-calendar.yaml')]);
    const zaak = { file: 'zaak.yaml', text: 'jurisdiction: NL\nlang: nl\ncomplaint: { learned: "2026-03-02" }\n' };
    const own = assess(rules, [zaak], { asOf: '2026-04-01' }).cases[0];
    expect(own?.lang).toBe('nl');
    // The result is data; its words come in the case's language from the explanation layer.
    expect(own && explainCase(own, rules.rulesets).deadlines.map((d) => d.title)).toContain('Klachttermijn');
    expect(assess(rules, [zaak], { asOf: '2026-04-01', lang: 'en' }).cases[0]?.lang).toBe('en');
  });
});

describe('results as data, words on demand', () => {
  it('explains a result in another language than it was assessed for, and formatText writes it all in that language', () => {
    const rules = loadRules();
    const report = assess(rules, [join(ROOT, 'fixtures/nl/belaging-ex-partner.yaml')], { asOf: '2026-06-01', lang: 'en' });
    const result = report.cases[0];
    if (!result) throw new Error('no case');
    const text = formatText({ lang: 'nl', cases: [explainCase(result, rules.rulesets, 'nl')] }, { color: false });
    expect(text).toContain('Wat nu te doen');
    expect(text).toContain('Belaging (art. 285b lid 1 Sr) — voldaan');
    expect(text).not.toContain('What to do now');
  });
});
