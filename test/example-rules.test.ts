import { describe, expect, it } from 'vitest';
import { assessFixture, conclusion, deadline, rules } from './helpers.js';

const example = () => rules('fixtures/rules', 'rules/nl/atw-calendar.yaml');

describe('the example rule set', () => {
  it('assesses the bundled example case', () => {
    const r = assessFixture('fixtures/example/ex-partner.yaml', { asOf: '2026-04-20', rules: example() });
    expect(r.status).toBe('assessed');
    expect(conclusion(r, 'harassment').status).toBe('met');
    const complaint = deadline(r, 'complaint');
    expect(complaint.due).toBe('2026-04-10');
    expect(complaint.status).toBe('expired');
  });
});
