import { describe, expect, it } from 'vitest';
import { addDays, addTerm, daysBetween, easterSunday, extendForCalendar, holidaysIn, parseDuration, parseWhen } from '../src/dates/legal-date.js';
import { assessText, deadline, rules } from './helpers.js';

const atw = () => rules('rules/nl/atw-calendar.yaml').rulesets[0]!.calendars!['nl-atw']!;
const P = (s: string) => parseDuration(s)!;

describe('month arithmetic with a declared month-end rule', () => {
  it.each([
    ['2026-01-31', 'P1M', 'last-day-of-month', '2026-02-28', true],
    ['2026-01-31', 'P1M', 'first-day-of-next-month', '2026-03-01', true],
    ['2028-01-31', 'P1M', 'last-day-of-month', '2028-02-29', true],
    ['2026-03-15', 'P3M', 'last-day-of-month', '2026-06-15', false],
    ['2026-11-30', 'P3M', 'last-day-of-month', '2027-02-28', true],
    ['2026-08-31', 'P6Y', 'last-day-of-month', '2032-08-31', false],
    ['2028-02-29', 'P1Y', 'last-day-of-month', '2029-02-28', true],
    ['2026-03-03', 'P14D', 'last-day-of-month', '2026-03-17', false],
    ['2026-03-03', 'P4W', 'last-day-of-month', '2026-03-31', false],
  ] as const)('%s + %s (%s) = %s', (start, length, rule, expected, applied) => {
    const r = addTerm(start, P(length), rule);
    expect(r.date).toBe(expected);
    expect(r.monthEndApplied).toBe(applied);
  });
});

describe('the Algemene termijnenwet calendar', () => {
  it('computes Easter and the holidays that depend on it', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    const h = holidaysIn(atw(), 2026);
    expect(h.has('2026-04-03')).toBe(true); // Good Friday
    expect(h.has('2026-04-06')).toBe(true); // Easter Monday
    expect(h.has('2026-05-14')).toBe(true); // Ascension Day
    expect(h.has('2026-05-25')).toBe(true); // Whit Monday
  });

  it("moves King's Day to 26 April when the 27th is a Sunday", () => {
    expect(holidaysIn(atw(), 2025).has('2025-04-26')).toBe(true);
    expect(holidaysIn(atw(), 2025).has('2025-04-27')).toBe(false);
    expect(holidaysIn(atw(), 2031).has('2031-04-26')).toBe(true);
    expect(holidaysIn(atw(), 2026).has('2026-04-27')).toBe(true);
  });

  it.each([
    ['a Saturday', '2026-03-07', '2026-03-09'],
    ['a Sunday', '2026-03-08', '2026-03-09'],
    ['Good Friday (then the weekend and Easter Monday)', '2026-04-03', '2026-04-07'],
    ['Easter Monday', '2026-04-06', '2026-04-07'],
    ["King's Day 27 April", '2026-04-27', '2026-04-28'],
    ["King's Day on 26 April (27th a Sunday)", '2031-04-26', '2031-04-28'],
    ['5 May, every year', '2026-05-05', '2026-05-06'],
    ['5 May 2027, then Ascension Day and a day added by decree', '2027-05-05', '2027-05-10'],
    ['Christmas Day and Boxing Day', '2025-12-25', '2025-12-29'],
    ["New Year's Day", '2025-01-01', '2025-01-02'],
  ])('a term ending on %s runs on to the next working day', (_, end, expected) => {
    const ext = extendForCalendar(atw(), '2020-01-01', end);
    expect(ext?.to).toBe(expected);
  });

  it('does not extend a term ending on a working day', () => {
    expect(extendForCalendar(atw(), '2026-01-01', '2026-03-10')).toBeUndefined();
  });

  it('extends a short term until it holds two working days (Atw art. 2)', () => {
    // A 3-day term from Thursday 24 December 2026: 25, 26, 27 December are all non-working days.
    const ext = extendForCalendar(atw(), '2026-12-25', '2026-12-27');
    expect(ext?.to).toBe('2026-12-29');
    expect(ext?.minWorkingDays).toBe(true);
  });
});

describe('approximate dates', () => {
  it.each([
    ['2026-03', '2026-03-01', '2026-03-31'],
    ['2028-02', '2028-02-01', '2028-02-29'],
    ['2026', '2026-01-01', '2026-12-31'],
    [{ from: '2026-05-01', to: '2026-05-15' }, '2026-05-01', '2026-05-15'],
  ])('%j is the range %s to %s', (when, earliest, latest) => {
    expect(parseWhen(when, 'Europe/Amsterdam')).toEqual({ ok: true, range: { earliest, latest } });
  });

  it('reads a time in the jurisdiction, converting one given in UTC', () => {
    // 23:30 UTC on 31 March is already 1 April in Amsterdam (summer time).
    expect(parseWhen('2026-03-31T23:30Z', 'Europe/Amsterdam')).toEqual({ ok: true, range: { earliest: '2026-04-01', latest: '2026-04-01' } });
    expect(parseWhen('2026-03-31T23:30', 'Europe/Amsterdam')).toEqual({ ok: true, range: { earliest: '2026-03-31', latest: '2026-03-31' } });
  });

  it('reads a local time with seconds, and an offset time in the zone, the same way luxon would', () => {
    expect(parseWhen('2026-03-03T21:15:30.5', 'Europe/London')).toEqual({ ok: true, range: { earliest: '2026-03-03', latest: '2026-03-03' } });
    // 23:30 at +01:00 is 22:30 in London in winter: still 3 March.
    expect(parseWhen('2026-03-03T23:30+01:00', 'Europe/London')).toEqual({ ok: true, range: { earliest: '2026-03-03', latest: '2026-03-03' } });
  });

  it.each(['2026-02-30', '2026-13', '2026-04-31', 'last March', '2026-02-30T10:00', '2026-03-03T24:15', '2026-03-03T9:15'])('rejects %s', (text) => {
    expect(parseWhen(text, 'Europe/Amsterdam').ok).toBe(false);
  });

  it('rejects a range that ends before it starts', () => {
    expect(parseWhen({ from: '2026-05-15', to: '2026-05-01' }, 'Europe/Amsterdam')).toMatchObject({ ok: false, reason: expect.stringContaining('before it starts') });
  });
});

describe('deadlines in a report', () => {
  const example = () => rules('fixtures/rules', 'rules/nl/atw-calendar.yaml');
  const withLearned = (learned: string, extra = '') =>
    `jurisdiction: NL\ncomplaint:\n  learned: ${JSON.stringify(learned)}\n${extra}`;

  it('gives the complaint term with its Atw extension and says why', () => {
    // Learned Thursday 26 February 2026: three months ends Tuesday 26 May: no extension.
    let d = deadline(assessText(withLearned('2026-02-26'), { asOf: '2026-03-01', rules: example() }), 'complaint');
    expect(d.due).toBe('2026-05-26');
    expect(d.basis.extension).toBeUndefined();
    // Learned 5 February 2026: ends 5 May 2026 (Liberation Day) → Wednesday 6 May.
    d = deadline(assessText(withLearned('2026-02-05'), { asOf: '2026-03-01', rules: example() }), 'complaint');
    expect(d.due).toBe('2026-05-06');
    expect(d.basis.unextendedDue).toBe('2026-05-05');
    expect(d.basis.extension?.why).toContain('Liberation Day');
  });

  it('gives an earliest and a latest due date for a start known only to the month', () => {
    const d = deadline(assessText(withLearned('2026-01'), { asOf: '2026-02-01', rules: example() }), 'complaint');
    expect(d.earliest).toBe('2026-04-01');
    expect(d.latest).toBe('2026-04-30');
    expect(d.due).toBe('2026-04-01');
    expect(d.status).toBe('open');
  });

  it('is undetermined, naming the start, when the as-of date falls inside the range', () => {
    const d = deadline(assessText(withLearned('2026-01'), { asOf: '2026-04-15', rules: example() }), 'complaint');
    expect(d.status).toBe('undetermined');
    expect(d.needs.map((n) => n.ref)).toContain('case.complaint.learned');
  });

  it('is due soon inside the window; after it expired only when recorded as not filed (undetermined while unknown); satisfied when filed in time', () => {
    const asOf = (a: string, extra = '') => deadline(assessText(withLearned('2026-02-26', extra), { asOf: a, rules: example() }), 'complaint');
    expect(asOf('2026-05-20').status).toBe('due_soon');
    expect(asOf('2026-05-20').daysLeft).toBe(6);
    expect(asOf('2026-05-27').status).toBe('undetermined');
    expect(asOf('2026-05-27').needs.map((n) => n.ref)).toContain('case.complaint.filed');
    expect(asOf('2026-05-27', '  filed: false\n').status).toBe('expired');
    expect(asOf('2026-05-27', '  filed: "2026-05-26"\n').status).toBe('satisfied');
    expect(asOf('2026-06-27', '  filed: "2026-05-27"\n').status).toBe('expired');
  });

  it('does not apply a deadline whose condition is false', () => {
    const d = deadline(assessText(withLearned('2026-02-26'), { asOf: '2026-03-01', rules: example() }), 'appeal');
    expect(d.status).toBe('not_applicable');
  });
});

describe('day arithmetic', () => {
  it('agrees with the calendar on every week from year 1 to 9999, both ways', () => {
    const ms = 86_400_000;
    let wrong = 0;
    for (let n = -719162; n < 2932896; n += 7) {
      const iso = new Date(n * ms).toISOString().slice(0, 10);
      if (addDays('1970-01-01', n) !== iso || daysBetween('1970-01-01', iso) !== n) wrong++;
    }
    expect(wrong).toBe(0);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
  });
});
