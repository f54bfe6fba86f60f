import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, addTerm, compareDays, OPEN_END, OPEN_START, parseDuration } from '../src/dates/legal-date.js';
import { flagsOf } from '../src/engine/triage.js';
import { assessText, conclusion, deadline, ROOT } from './helpers.js';

/** The shipped fixture whose complaint came too late, with its complaint dates changed. */
function lateComplaintCase(learned: string, filed: string, asOf?: string): string {
  let text = readFileSync(join(ROOT, 'fixtures/nl/belaging-klachttermijn-verstreken.yaml'), 'utf8');
  text = text.replace('learned: "2026-01-05"', `learned: ${learned}`).replace('filed: "2026-06-15"', `filed: ${filed}`);
  if (asOf) text = text.replace('asOf: "2026-06-20"', `asOf: "${asOf}"`);
  if (filed === 'false') text = text.replace('complaint_filed: true', 'complaint_filed: false');
  return text;
}

describe('sound dates: no arithmetic on an open end', () => {
  it('a complaint made in May against "learned on or after 2 March" is in time, as it is for every real day in that range', () => {
    const r = assessText(lateComplaintCase('{from: "2026-03-02"}', '"2026-05-15"'), { asOf: '2026-06-20' });
    expect(conclusion(r, 'klachtvereiste').status).toBe('met');
    const d = deadline(r, 'complaint');
    expect(d.status).toBe('satisfied');
    // the term counted from the range ends within real days: no year 999 (or 10000)
    expect(d.latest).toBe('2026-09-21');
    for (const day of ['2026-03-02', '2026-04-01', '2026-06-20']) {
      expect(conclusion(assessText(lateComplaintCase(`"${day}"`, '"2026-05-15"'), { asOf: '2026-06-20' }), 'klachtvereiste').status).toBe('met');
    }
  });

  it('"learned on or after 20 November" with no complaint yet is an open term, never EXPIRED with days left', () => {
    const r = assessText(lateComplaintCase('{from: "2026-11-20"}', 'false', '2026-12-01'), { asOf: '2026-12-01' });
    const d = deadline(r, 'complaint');
    expect(d.status).toBe('open');
    expect(d.due).toBe('2027-02-22');
    expect(d.latest).toBe('2027-03-01');
    expect(conclusion(r, 'klachtvereiste').status).toBe('undetermined');
    expect(flagsOf(r as never)).not.toContain('expired');
  });

  it('computed days stay four-digit days: a term from the open end is the open end, and days saturate at the calendar ends', () => {
    const p3m = parseDuration('P3M');
    if (!p3m) throw new Error('P3M');
    expect(addTerm(OPEN_END, p3m, 'last-day-of-month').date).toBe(OPEN_END);
    expect(addTerm('9999-11-30', p3m, 'last-day-of-month').date).toBe(OPEN_END);
    expect(addDays(OPEN_END, 90)).toBe(OPEN_END);
    expect(addDays(OPEN_START, -5)).toBe(OPEN_START);
    expect(compareDays('2026-03-01', OPEN_END)).toBe(-1);
    expect(() => compareDays('10000-03-31', '2026-01-01')).toThrow(/not a day/);
  });
});

describe('sound deadline statuses: expired only when the act is known not done in time', () => {
  it('a complaint made in time, its date then set to "don\'t know": the term is undetermined, not EXPIRED, and the triage does not flag it expired', () => {
    const inTime = assessText(lateComplaintCase('"2026-01-05"', '"2026-04-15"'), { asOf: '2026-06-20' });
    expect(deadline(inTime, 'complaint').status).toBe('satisfied');
    const r = assessText(lateComplaintCase('"2026-01-05"', 'unknown'), { asOf: '2026-06-20' });
    const d = deadline(r, 'complaint');
    expect(d.status).toBe('undetermined');
    expect(d.needs.map((n) => n.ref)).toContain('case.complaint.filed');
    expect(d.explanation).toMatch(/may have been done in time/);
    expect(flagsOf(r as never)).not.toContain('expired');
  });

  it('a filing date known only as a month around the last day is undetermined; a day before it is satisfied; a month after it is expired', () => {
    const month = deadline(assessText(lateComplaintCase('"2026-01-05"', '"2026-05"'), { asOf: '2026-06-20' }), 'complaint');
    expect(month.status).toBe('undetermined');
    expect(month.explanation).toMatch(/either side/);
    expect(deadline(assessText(lateComplaintCase('"2026-01-05"', '"2026-05-10"'), { asOf: '2026-06-20' }), 'complaint').status).toBe('satisfied');
    expect(deadline(assessText(lateComplaintCase('"2026-01-05"', '"2026-06"'), { asOf: '2026-06-20' }), 'complaint').status).toBe('expired');
  });

  it('a complaint recorded as not made when the term has ended is expired', () => {
    const r = assessText(lateComplaintCase('"2026-01-05"', 'false'), { asOf: '2026-06-20' });
    expect(deadline(r, 'complaint').status).toBe('expired');
    expect(flagsOf(r as never)).toContain('expired');
  });
});

describe('orders: the report speaks of the order that may still be in force', () => {
  const twoOrders = readFileSync(join(ROOT, 'fixtures/ew/two-orders.yaml'), 'utf8');
  // Without the judgment on a reasonable excuse both breaches are open; then leave out one field of the ended order.
  const open = twoOrders.slice(0, twoOrders.indexOf('judgments:'));
  const withoutIndefinite = open.replace(/(NMO-LEEDS[\s\S]*?)\n {4}indefinite: false/, '$1');

  it('an order whose recorded end date is past is not chosen, whatever else of it is missing', () => {
    expect(withoutIndefinite).not.toBe(open);
    for (const text of [open, withoutIndefinite]) {
      const breach = assessText(text, { asOf: '2026-01-12' }).conclusions.find((c) => c.id === 'breach_offence');
      expect(breach?.order).toBe(1);
    }
  });

  it('a civil ban already recorded keeps the civil route open, with what to ask for and through whom', () => {
    const text = [
      'jurisdiction: NL',
      'incidents:',
      '  - { date: "2026-05-20", kind: message, afterRefusal: true }',
      'orders:',
      '  - { type: nl-civil-ban, made: "2026-04-01", served: "2026-04-03" }',
    ].join('\n');
    const r = assessText(text, { asOf: '2026-06-01' });
    expect(conclusion(r, 'civil_ban_obtainable').status).toBe('undetermined');
    const claim = conclusion(r, 'civil_ban_what_to_claim');
    expect(claim.explanation).toMatch(/penalty payment or a wider one/);
    expect(claim.explanation).toMatch(/advocaat/);
    expect(r.actions.some((a) => a.id === 'ask_civil_court_for_ban')).toBe(true);
  });
});

describe('bad input: one located message, whatever the input', () => {
  it('JSON nested 10,000 deep is refused with one located message, in one thread or in workers', async () => {
    const { parseSource } = await import('../src/source/document.js');
    const deep = `{"jurisdiction":"NL","facts":{"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
    for (const file of ['case.json', 'case.yaml']) {
      const { doc, diagnostics } = parseSource(file, deep);
      expect(doc).toBeUndefined();
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ line: 1, column: 533, severity: 'error' });
      expect(diagnostics[0]?.message).toMatch(/nested more than 500 levels/);
    }
  });

  it('a YAML tag a case never needs (!!omap, !!set) is refused where it is written', async () => {
    const { loadCaseText } = await import('../src/case/load.js');
    const c = loadCaseText('case.yaml', 'jurisdiction: NL\nfacts: !!omap\n  - a: 1\n');
    expect(c.caseFile).toBeUndefined();
    expect(c.diagnostics[0]).toMatchObject({ line: 2, column: 8 });
    expect(c.diagnostics[0]?.message).toMatch(/!!omap is not allowed/);
    expect(loadCaseText('case.yaml', 'jurisdiction: NL\nfacts: !!set\n  ? a\n').diagnostics[0]?.message).toMatch(/!!set/);
  });

  it('validate refuses rule names and incident fields that every object already has', async () => {
    const { checkNames } = await import('../src/rules/check-names.js');
    const seen: string[] = [];
    const rs = { derived: { constructor: { compute: 'count' }, f: { compute: 'count', where: { constructor: 'x' } }, g: { compute: 'distinct', field: '__proto__' } } };
    checkNames(rs as never, (_code, pointer) => seen.push(pointer));
    expect(seen).toEqual(['/derived/constructor', '/derived/f/where/constructor', '/derived/g/field']);
  });
});
