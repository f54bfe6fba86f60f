import { describe, expect, it } from 'vitest';
import type { When } from '../src/case/types.js';
import { formatDuration, formatWhen, parseCount, parseDateInput, parseDurationInput, parseNumberInput } from '../src/interview/date-input.js';
import type { Lang } from '../src/rules/types.js';


const TODAY = '2026-06-01';

type Row = [input: string, expected: When, options?: { past?: boolean; time?: boolean }];

const nl: Row[] = [
  ['3-3-2026', '2026-03-03'],
  ['03-03-2026', '2026-03-03'],
  ['3/3/2026', '2026-03-03'],
  ['3.3.2026', '2026-03-03'],
  ['3-3-26', '2026-03-03'],
  ['3-4-2026', '2026-04-03'], // day first: 3 April
  ['2026-03-03', '2026-03-03'],
  ['3 maart 2026', '2026-03-03'],
  ['3 mrt 2026', '2026-03-03'],
  ['3 mrt. 2026', '2026-03-03'],
  ['  3  Maart  2026 ', '2026-03-03'],
  ['3e maart 2026', '2026-03-03'],
  ['op 3 maart 2026', '2026-03-03'],
  ['3 maart', '2026-03-03'],
  ['3-3', '2026-03-03'],
  ['maart 2026', '2026-03'],
  ['in maart 2026', '2026-03'],
  ['ergens in maart 2026', '2026-03'],
  ['3-2026', '2026-03'],
  ['2026-03', '2026-03'],
  ['2025', '2025'],
  ['begin maart 2026', { from: '2026-03-01', to: '2026-03-10' }],
  ['half maart 2026', { from: '2026-03-11', to: '2026-03-20' }],
  ['eind februari 2026', { from: '2026-02-21', to: '2026-02-28' }],
  ['eind februari 2024', { from: '2024-02-21', to: '2024-02-29' }],
  ['tussen 1 en 15 mei 2026', { from: '2026-05-01', to: '2026-05-15' }],
  ['tussen 1 en 15 mei', { from: '2026-05-01', to: '2026-05-15' }],
  ['1-15 mei 2026', { from: '2026-05-01', to: '2026-05-15' }],
  ['1–15 mei 2026', { from: '2026-05-01', to: '2026-05-15' }],
  ['van 1 mei tot 15 juni 2026', { from: '2026-05-01', to: '2026-06-15' }],
  ['1 mei t/m 15 juni 2026', { from: '2026-05-01', to: '2026-06-15' }],
  ['1-5-2026 tot 15-5-2026', { from: '2026-05-01', to: '2026-05-15' }],
  ['1-5-2026 - 15-5-2026', { from: '2026-05-01', to: '2026-05-15' }],
  ['tussen maart en mei 2026', { from: '2026-03-01', to: '2026-05-31' }],
  ['tussen 20 december en 5 januari 2026', { from: '2025-12-20', to: '2026-01-05' }],
  ['tussen 1 en 31 maart 2026', '2026-03'], // the whole month
  ['vandaag', TODAY],
  ['gisteren', '2026-05-31'],
  ['3-3-2026 21:15', '2026-03-03T21:15', { time: true }],
  ['3 maart 2026 om 21.15', '2026-03-03T21:15', { time: true }],
  ['2026-03-03T21:15', '2026-03-03T21:15', { time: true }],
];

const en: Row[] = [
  ['3/3/2026', '2026-03-03'],
  ['3/4/2026', '2026-04-03'], // 3 April, as written in England and Wales
  ['03/04/26', '2026-04-03'],
  ['2026-03-03', '2026-03-03'],
  ['3 March 2026', '2026-03-03'],
  ['3rd March 2026', '2026-03-03'],
  ['March 3, 2026', '2026-03-03'],
  ['3 Mar 2026', '2026-03-03'],
  ['March 2026', '2026-03'],
  ['sometime in March 2026', '2026-03'],
  ['early March 2026', { from: '2026-03-01', to: '2026-03-10' }],
  ['mid-March 2026', { from: '2026-03-11', to: '2026-03-20' }],
  ['late April 2026', { from: '2026-04-21', to: '2026-04-30' }],
  ['end of April 2026', { from: '2026-04-21', to: '2026-04-30' }],
  ['between 1 and 15 May 2026', { from: '2026-05-01', to: '2026-05-15' }],
  ['between 1 and 15 May', { from: '2026-05-01', to: '2026-05-15' }],
  ['from 1 May to 15 June 2026', { from: '2026-05-01', to: '2026-06-15' }],
  ['1/5/2026 to 15/5/2026', { from: '2026-05-01', to: '2026-05-15' }],
  ['1/5/2026 – 15/5/2026', { from: '2026-05-01', to: '2026-05-15' }],
  ['today', TODAY],
  ['yesterday', '2026-05-31'],
  ['3/3/2026 21:15', '2026-03-03T21:15', { time: true }],
  ['3 March 2026 at 9:05', '2026-03-03T09:05', { time: true }],
  // a date without a year, about the past: the last such day not after today
  ['3 December', '2025-12-03', { past: true }],
  ['3 December', '2026-12-03'],
];

describe.each([
  ['nl', nl],
  ['en', en],
] as [Lang, Row[]][])('typed dates in %s', (lang, rows) => {
  it.each(rows)('%s', (input, expected, options) => {
    const r = parseDateInput(input, { lang, today: TODAY, ...options });
    expect(r, JSON.stringify(r)).toEqual({ ok: true, when: expected });
  });
});

const rejections: [lang: Lang, input: string, message: RegExp, options?: { past?: boolean; time?: boolean }][] = [
  ['nl', '31-2-2026', /31 februari 2026 bestaat niet: februari 2026 heeft 28 dagen/],
  ['en', '31/2/2026', /There is no 31 February 2026: February 2026 has 28 days/],
  ['nl', '29-2-2026', /februari 2026 heeft 28 dagen/],
  ['en', '31 April 2026', /April 2026 has 30 days/],
  ['en', '3/13/2026', /no month 13: write the day first/], // American order
  ['nl', '13-13-2026', /geen maand 13/],
  ['nl', '2026-02-30', /bestaat niet/],
  ['nl', 'morgen of zo', /kan ik niet als datum lezen/],
  ['en', 'soon', /not a date I can read/],
  ['nl', '', /kan ik niet als datum lezen/],
  ['en', '3/3/2026 21:15', /without a time of day/], // a time where only a date fits
  ['en', '3/3/2026 25:00', /not a time of day/, { time: true }],
  ['nl', 'tussen 15 en 1 mei 2026', /eindigt voordat hij begint/],
  ['en', '3/3/2027', /after today/, { past: true }],
  ['nl', '3-3-1850', /geen aannemelijk jaartal/],
];

describe('typed dates that are refused', () => {
  it.each(rejections)('%s: %s', (lang, input, message, options) => {
    const r = parseDateInput(input, { lang, today: TODAY, ...options });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('dates shown back to people', () => {
  const shown: [When, Lang, string][] = [
    ['2026-03-03', 'nl', '3 maart 2026'],
    ['2026-03-03', 'en', '3 March 2026'],
    ['2026-03-03T21:15', 'nl', '3 maart 2026 om 21:15'],
    ['2026-03', 'nl', 'maart 2026'],
    ['2026', 'en', '2026'],
    [{ from: '2026-05-01', to: '2026-05-15' }, 'nl', '1–15 mei 2026'],
    [{ from: '2026-05-01', to: '2026-06-15' }, 'en', '1 May – 15 June 2026'],
    [{ from: '2025-12-20', to: '2026-01-05' }, 'en', '20 December 2025 – 5 January 2026'],
  ];
  it.each(shown)('%j in %s is %s', (when, lang, text) => expect(formatWhen(when, lang)).toBe(text));

  it('reads back what it shows, so the current answer can be kept with Enter', () => {
    for (const [when, lang] of shown) {
      const r = parseDateInput(formatWhen(when, lang), { lang, today: TODAY, time: true });
      expect(r, formatWhen(when, lang)).toEqual({ ok: true, when });
    }
  });
});

describe('numbers and lengths of time', () => {
  it.each([
    ['3', 'nl', 3],
    ['2,5', 'nl', 2.5],
    ['2.5', 'en', 2.5],
    ['1.500', 'nl', 1500],
    ['1,500', 'en', 1500],
  ] as [string, Lang, number][])('%s (%s) is %d', (text, lang, n) => expect(parseNumberInput(text, lang)).toEqual({ ok: true, value: n }));
  it('refuses what is not a number', () => expect(parseNumberInput('drie', 'nl')).toMatchObject({ ok: false, message: /geen getal/ }));

  it.each([
    ['3 maanden', 'P3M'],
    ['1 jaar en 6 maanden', 'P1Y6M'],
    ['14 dagen', 'P14D'],
    ['2 weeks', 'P2W'],
    ['1 year, 6 months', 'P1Y6M'],
    ['P6Y', 'P6Y'],
  ])('%s is %s', (text, iso) => expect(parseDurationInput(text, 'nl')).toEqual({ ok: true, value: iso }));
  it('refuses what is not a length of time', () => expect(parseDurationInput('lang', 'nl')).toMatchObject({ ok: false }));
  it('shows a length of time in words', () => {
    expect(formatDuration('P1Y6M', 'nl')).toBe('1 jaar en 6 maanden');
    expect(formatDuration('P14D', 'en')).toBe('14 days');
  });
});

describe('open-ended dates and rough counts', () => {
  it.each([
    ['before 2 May 2026', 'en', { to: '2026-05-01' }],
    ['vóór 2 mei 2026', 'nl', { to: '2026-05-01' }],
    ['on or before 1 May 2026', 'en', { to: '2026-05-01' }],
    ['sinds maart 2026', 'nl', { from: '2026-03-01' }],
    ['after March 2026', 'en', { from: '2026-04-01' }],
  ] as const)('%s is %j', (text, lang, when) => {
    expect(parseDateInput(text, { lang, today: '2026-06-01', past: true })).toEqual({ ok: true, when });
  });

  it.each([
    ['', undefined],
    ['40', 40],
    ['30-50', { min: 30, max: 50 }],
    ['30 tot 50', { min: 30, max: 50 }],
    ['0', null],
    ['veel', null],
    ['about 40', { min: 30, max: 50 }],
    ['ongeveer 40', { min: 30, max: 50 }],
    ["zo'n 40", { min: 30, max: 50 }],
    ['30 - 50', { min: 30, max: 50 }],
    ['weet niet', 'unknown'],
    ["don't know", 'unknown'],
  ] as const)('count %j is %j', (text, count) => {
    expect(parseCount(text)).toEqual(count);
  });
});
