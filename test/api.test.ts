import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
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
