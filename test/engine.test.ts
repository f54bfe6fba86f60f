import { describe, expect, it } from 'vitest';
import { triAnd, triAtLeast, triNot, triOr, compare, type Tri } from '../src/engine/values.js';
import { assessText, conclusion, rules } from './helpers.js';

const T = true;
const F = false;
const U = undefined;
const all3: Tri[] = [T, F, U];

describe('Kleene three-valued logic', () => {
  // The full truth tables: unknown only where the known values do not already decide.
  const and: Record<string, Tri> = { TT: T, TF: F, TU: U, FT: F, FF: F, FU: F, UT: U, UF: F, UU: U };
  const or: Record<string, Tri> = { TT: T, TF: T, TU: T, FT: T, FF: F, FU: U, UT: T, UF: U, UU: U };
  const name = (v: Tri) => (v === true ? 'T' : v === false ? 'F' : 'U');
  for (const a of all3) {
    for (const b of all3) {
      it(`${name(a)} and ${name(b)} = ${name(and[name(a) + name(b)])}; or = ${name(or[name(a) + name(b)])}`, () => {
        expect(triAnd([a, b])).toBe(and[name(a) + name(b)]);
        expect(triOr([a, b])).toBe(or[name(a) + name(b)]);
      });
    }
  }
  it('not', () => {
    expect([triNot(T), triNot(F), triNot(U)]).toEqual([F, T, U]);
  });
  it('at least N of', () => {
    expect(triAtLeast(2, [T, T, U])).toBe(T);
    expect(triAtLeast(2, [T, U, F])).toBe(U);
    expect(triAtLeast(2, [T, F, F])).toBe(F);
    expect(triAtLeast(1, [U, U])).toBe(U);
  });
  it('compares ranges only when every possible value agrees', () => {
    expect(compare('>=', { t: 'num', lo: 1, hi: 3 }, { t: 'num', lo: 2, hi: 2 })).toBe(U);
    expect(compare('>=', { t: 'num', lo: 2, hi: 3 }, { t: 'num', lo: 2, hi: 2 })).toBe(T);
    expect(compare('>=', { t: 'num', lo: 0, hi: 1 }, { t: 'num', lo: 2, hi: 2 })).toBe(F);
    expect(compare('<=', { t: 'date', lo: '2026-03-01', hi: '2026-03-31' }, { t: 'date', lo: '2026-04-01', hi: '2026-04-01' })).toBe(T);
    expect(compare('<=', { t: 'date', lo: '2026-03-01', hi: '2026-03-31' }, { t: 'date', lo: '2026-03-15', hi: '2026-03-15' })).toBe(U);
    expect(compare('==', { t: 'unknown' }, { t: 'bool', v: false })).toBe(U);
  });
});

describe('verdicts on the example rule set', () => {
  const example = () => rules('fixtures/rules', 'rules/nl/atw-calendar.yaml');
  const assess = (yaml: string) => assessText(`jurisdiction: NL\n${yaml}`, { asOf: '2026-06-01', rules: example() });

  it('an unknown fact makes an element undetermined, never not met', () => {
    const r = assess('incidents:\n  - { date: "2026-01-10" }\n  - { date: "2026-01-12" }\n');
    const c = conclusion(r, 'harassment');
    expect(c.status).toBe('undetermined');
    // What would decide it: the judgment and the relationship, ranked, and nothing already settled.
    expect(c.needs.map((n) => n.ref).sort()).toEqual(['facts.relationship', 'judgments.persistent']);
  });

  it('known facts decide an element even when others are unknown', () => {
    const r = assess('incidents:\n  - { date: "2026-01-10" }\nfacts:\n  relationship: stranger\n');
    const c = conclusion(r, 'harassment');
    expect(c.status).toBe('not_met');
    expect(c.needs).toEqual([]);
  });

  it('an incident with an unknown field makes a count a range and names the incident', () => {
    const r = assess('incidents:\n  - { date: "2026-01-10", threat: false }\n  - { date: "2026-01-12" }\n');
    const c = conclusion(r, 'intimidating');
    expect(c.status).toBe('undetermined');
    expect(c.reasons[0]).toMatchObject({ ref: 'derived.threat_count', actual: { min: 0, max: 1 }, result: 'unknown' });
    expect(c.needs.map((n) => n.ref)).toEqual(expect.arrayContaining(['case.incidents.1.threat', 'case.incidents.0.violence', 'case.incidents.1.violence']));
    expect(c.needs.map((n) => n.ref)).not.toContain('case.incidents.0.threat');
  });

  it('explanations carry the values compared', () => {
    const r = assess('incidents:\n  - { date: "2026-01-10" }\n  - { date: "2026-01-12" }\n  - { date: "2026-02-01" }\n');
    const c = conclusion(r, 'repeated');
    expect(c.status).toBe('met');
    expect(c.reasons[0]).toMatchObject({ ref: 'derived.incident_count', op: '>=', expected: 2, actual: 3, result: 'true' });
    expect(c.reasons[0]!.text).toBe('number of incidents: 3; required: at least 2');
    expect(c.sources[0]).toMatchObject({ instrument: 'Wetboek van Strafrecht', article: 'Art. 66 lid 1', verified: true });
  });

  it('at least 2 of 3 signs: decided by two known ones, open with one', () => {
    expect(conclusion(assess('incidents:\n  - { date: "2026-01-10", threat: true }\n  - { date: "2026-01-12", threat: false }\n'), 'several_signs').status).toBe('met');
    const open = conclusion(assess('incidents:\n  - { date: "2026-01-10", threat: false, violence: false }\n  - { date: "2026-01-12", threat: false, violence: false }\n'), 'several_signs');
    expect(open.status).toBe('undetermined');
    expect(open.needs.map((n) => n.ref)).toEqual(['facts.victim_refused_contact']);
  });

  it('shows the indicators of a judgment and records who judged, when and why', () => {
    const r = assess(
      'incidents:\n  - { date: "2026-01-10", kind: call }\n  - { date: "2026-01-24", kind: message }\njudgments:\n  persistent: { value: false, reason: "Two calls only.", by: "J. Jansen", at: "2026-05-01" }\n',
    );
    const j = conclusion(r, 'persistent');
    expect(j.status).toBe('not_met');
    expect(j.judgment).toEqual({ value: false, reason: 'Two calls only.', by: 'J. Jansen', at: '2026-05-01' });
    const ind = Object.fromEntries(j.indicators!.map((i) => [i.ref, i.value]));
    expect(ind).toMatchObject({ 'derived.incident_count': 2, 'derived.span_days': 14, 'derived.per_week': 1, 'derived.channels': ['call', 'message'] });
    expect(j.indicators!.find((i) => i.ref === 'facts.relationship')?.counter).toBe(true);
  });

  it('reads a lookup grid once its inputs are known, and marks it unverified', () => {
    const r = assess('incidents:\n  - { date: "2026-01-10", threat: true }\njudgments:\n  seriousness: { value: high, reason: "Threat to kill.", by: "J. Jansen", at: "2026-05-01" }\n');
    const t = conclusion(r, 'advice_grid');
    expect(t.status).toBe('met');
    expect(t.outputs).toEqual({ advice: 'report now', priority: 1 });
    expect(t.verified).toBe(false);
  });

  it('a first-hit table waits for an earlier row that is still open', () => {
    const r = assess('incidents:\n  - { date: "2026-01-10" }\n');
    const t = conclusion(r, 'route');
    expect(t.status).toBe('undetermined');
    expect(t.needs.map((n) => n.ref)).toEqual(['case.incidents.0.violence']);
  });

  it('gives the same report for the same inputs', () => {
    const yaml = 'incidents:\n  - { date: "2026-01", kind: call }\n  - { date: "2026-03-02" }\n';
    expect(JSON.stringify(assess(yaml))).toBe(JSON.stringify(assess(yaml)));
  });

  it('answers in Dutch', () => {
    const r = assessText('jurisdiction: NL\nincidents:\n  - { date: "2026-01-10" }\n  - { date: "2026-01-12" }\n', { asOf: '2026-06-01', lang: 'nl', rules: example() });
    expect(conclusion(r, 'repeated').explanation).toBe('Er is meer dan één incident.');
    expect(conclusion(r, 'repeated').reasons[0]!.text).toBe('aantal incidenten: 2; vereist: ten minste 2');
  });

  const constructs = () => rules('fixtures/rules-constructs');
  const assessC = (yaml: string) => assessText(`jurisdiction: NL\n${yaml}`, { asOf: '2026-06-01', rules: constructs() });

  it('firstKnown: the first source that is known decides, the next one only when it is not', () => {
    expect(conclusion(assessC('facts:\n  contact_refused: false\nincidents:\n  - { date: "2026-01-10", afterRefusal: true }\n'), 'refused').status).toBe('not_met');
    expect(conclusion(assessC('incidents:\n  - { date: "2026-01-10", afterRefusal: true }\n'), 'refused').status).toBe('met');
    const open = conclusion(assessC('incidents:\n  - { date: "2026-01-10" }\n'), 'refused');
    expect(open.status).toBe('undetermined');
    expect(open.needs.map((n) => n.ref).sort()).toEqual(['case.incidents.0.afterRefusal', 'facts.contact_refused']);
  });

  it('a date fact known only as a range gives, as earliest and latest due date, the due dates of its first and last day', () => {
    // Which dates the calendar makes of them is law, tested in rules/nl/deadlines.test.yaml.
    const appeal = (judgmentDate: string) => assess(`facts:\n  judgment_date: ${judgmentDate}\n`).deadlines.find((x) => x.id === 'appeal')!;
    const range = appeal('{ from: "2026-05-01", to: "2026-05-10" }');
    const first = appeal('"2026-05-01"');
    const last = appeal('"2026-05-10"');
    expect(first.due).not.toBe(last.due);
    expect([range.due, range.earliest, range.latest]).toEqual([first.due, first.due, last.due]);
    expect(range.basis.startDate).toEqual({ earliest: '2026-05-01', latest: '2026-05-10' });
  });

  it('orders: [] says there is no order; no orders key leaves it unknown', () => {
    expect(conclusion(assessC('orders: []\n'), 'ban_in_place').status).toBe('not_met');
    const unknown = conclusion(assessC('incidents: []\n'), 'ban_in_place');
    expect(unknown.status).toBe('undetermined');
    expect(unknown.needs.map((n) => n.ref)).toEqual(['case.orders.0.type']);
  });
});
