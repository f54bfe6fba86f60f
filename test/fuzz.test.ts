import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assessSources } from '../src/app/assess.js';
import type { CaseSource } from '../src/app/case-source.js';
import { addDays, addTerm, daysBetween, extendForCalendar, isValidIsoDate, isoWeekday, nonWorkingReason, parseWhen } from '../src/dates/legal-date.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { triAnd, triAtLeast, triNot, triOr, type Tri } from '../src/engine/values.js';
import { listFiles, loadRuleTexts } from '../src/io/files.js';
import type { Calendar } from '../src/rules/types.js';
import { runInProcess } from './cli-harness.js';
import { ROOT, rules } from './helpers.js';

/**
 * Generated bad input through the batch path: mutations of every fixture and structural oddities
 * must each give that file a located diagnostic with a code, never an exception, never an internal
 * error; and properties of the date arithmetic and the three-valued logic. Seeds are fixed, so a
 * failure is reproducible; the run stays within a few seconds.
 */
// FUZZ_SEED=<n> explores other inputs; the fixed default keeps CI reproducible.
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261201);
const CASE_FIXTURES = listFiles(join(ROOT, 'fixtures'), (n) => /\.(ya?ml|json)$/.test(n) && !/\.test\.ya?ml$/.test(n)).filter((f) => !/\/(invalid|rules|rules-constructs)\//.test(f));
const RULE_FIXTURES = [...listFiles(join(ROOT, 'rules'), (n) => /\.ya?ml$/.test(n) && !/\.test\.ya?ml$/.test(n)), join(ROOT, 'fixtures/rules/example.yaml')];
const texts = new Map([...CASE_FIXTURES, ...RULE_FIXTURES].map((f) => [f, readFileSync(f, 'utf8')]));
const AS_OF = '2026-06-01';
const loaded = rules();

/** Pieces that mean something to a YAML or JSON parser, or to code that looks names up in objects. */
const NASTY = ['\n', ':', ': ', '- ', '[', ']', '{', '}', '"', "'", '#', '&a ', '*a', '!!js/function ', '!tag ', '\t', '---\n', '\u0000', '\ufeff', '\ud800', '__proto__', 'constructor', 'toString', '0000-01-01', '9999-12-31', '2026-02-30', 'P99999Y', '1e400', '-0', 'null', '~', '<<: *a'];

/** One edit of a text: delete, duplicate, insert, cut, or replace a word with a nasty piece. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...NASTY) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace-word' as const), at: fc.nat(), piece: fc.constantFrom(...NASTY) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, edits: readonly Mutation[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length === 0 ? 0 : e.at % t.length;
    if (e.kind === 'delete') t = t.slice(0, at) + t.slice(at + e.length);
    else if (e.kind === 'insert') t = t.slice(0, at) + e.piece + t.slice(at);
    else if (e.kind === 'truncate') t = t.slice(0, at);
    else if (e.kind === 'duplicate-line') {
      const lines = t.split('\n');
      const i = at % Math.max(1, lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      t = lines.join('\n');
    } else {
      const words = [...t.matchAll(/[A-Za-z_][\w-]*/g)];
      const w = words[at % Math.max(1, words.length)];
      if (w?.index !== undefined) t = t.slice(0, w.index) + e.piece + t.slice(w.index + w[0].length);
    }
  }
  return t;
}

/** Every diagnostic is located in its own file, carries a code, and is never an internal error. */
function expectLocated(ds: readonly Diagnostic[], file: string): void {
  for (const d of ds) {
    expect(d.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(d.code).not.toBe('internal-error');
    expect(d.file).toBe(file);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message).not.toMatch(/\[object Object\]|undefined is not|Cannot read prop|please use/);
  }
}

const io = { readFile: (): string => { throw new Error('sources are given as text'); }, now: () => new Date('2026-06-01T10:00:00Z') };

/** Assesses sources through the application layer, one by one, as the batch does. */
function assessAll(sources: CaseSource[]): void {
  const reports = assessSources(sources, loaded.rulesets, { asOf: AS_OF }, io);
  for (const r of reports) {
    expectLocated(r.diagnostics.filter((d) => d.severity === 'error'), r.file);
    if (r.status === 'invalid') expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  }
}

describe('mutated fixtures through the batch path', () => {
  it('every case fixture, mutated, is assessed or invalid with located diagnostics: never a throw or an internal error', () => {
    const fixture = fc.constantFrom(...CASE_FIXTURES);
    fc.assert(
      fc.property(fixture, fc.array(mutation, { minLength: 1, maxLength: 4 }), (file, edits) => {
        const shown = file.slice(ROOT.length + 1);
        assessAll([{ file: shown, text: mutate(texts.get(file) as string, edits) }]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('every rule file, mutated, loads with located diagnostics or none: never a throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULE_FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 3 }), (file, edits) => {
        const shown = file.slice(ROOT.length + 1);
        const result = loadRuleTexts([{ file: shown, text: mutate(texts.get(file) as string, edits) }], ROOT);
        for (const d of result.diagnostics.filter((x) => x.file === shown && x.severity === 'error')) expectLocated([d], shown);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});

describe('structural oddities', () => {
  /** Values where a case expects objects, lists, dates: any JSON, prototype keys, deep nesting. */
  const odd = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'jurisdiction', 'incidents', 'facts', 'orders', 'complaint', 'judgments', 'asOf'), fc.jsonValue({ maxDepth: 3 })),
    fc.record({ jurisdiction: fc.constantFrom('NL', 'EW'), facts: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf'), fc.jsonValue({ maxDepth: 2 })) }),
    fc.record({ jurisdiction: fc.constantFrom('NL', 'EW'), incidents: fc.array(fc.record({ date: fc.oneof(fc.string(), fc.constantFrom('0999-12-31', '9899-12-31', '9900-01-01', '2026-02-29', '2024-02-29')) }), { maxLength: 3 }) }),
  );

  it('any JSON or YAML shape is assessed or invalid with a located diagnostic', () => {
    fc.assert(
      fc.property(odd, fc.boolean(), (value, asJson) => {
        // JSON.stringify writes "__proto__" as an own key, as an attacker's file would.
        const text = asJson ? JSON.stringify(value) : stringify(value);
        const file = asJson ? 'odd.json' : 'odd.yaml';
        if (text === undefined) return;
        assessAll([{ file, text }]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('a folder of mutated files ends with exit 2 and the good case in it is assessed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-fuzz-'));
    try {
      const samples = fc.sample(fc.tuple(fc.constantFrom(...CASE_FIXTURES), fc.array(mutation, { minLength: 2, maxLength: 4 })), { seed: SEED, numRuns: 40 });
      samples.forEach(([file, edits], i) => writeFileSync(join(dir, `m${String(i).padStart(2, '0')}${file.endsWith('.json') ? '.json' : '.yaml'}`), mutate(texts.get(file) as string, edits)));
      writeFileSync(join(dir, 'zz-alias-bomb.yaml'), 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n');
      writeFileSync(join(dir, 'zz-good.yaml'), texts.get(join(ROOT, 'fixtures/nl/belaging-buurman.yaml')) as string);
      const r = await runInProcess(['assess', '--as-of', AS_OF, '--format', 'ndjson', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; status: string; diagnostics: Diagnostic[] });
      expect(lines.find((l) => l.id === 'NL-2026-0119' && l.status === 'assessed')).toBeDefined();
      for (const l of lines.filter((x) => x.status === 'invalid')) expect(l.diagnostics[0]?.line).toBeGreaterThanOrEqual(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('properties of the date arithmetic', () => {
  const isoDay = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9899-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  // Up to a century either way: from the years a date may be written in (1000–9899), every result stays in 0900–9999.
  it('adding days and counting them agree, both ways; every result is a calendar date', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: -36500, max: 36500 }), (d, n) => {
        const later = addDays(d, n);
        expect(isValidIsoDate(later)).toBe(true);
        expect(daysBetween(d, later)).toBe(n);
        expect(addDays(later, -n)).toBe(d);
        expect(isoWeekday(later)).toBe((((isoWeekday(d) - 1 + n) % 7) + 7) % 7 + 1);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('a term of months never lands on a day that does not exist; the month-end rule moves it by at most one day', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 24 }), (d, years, months) => {
        const duration = { years, months, weeks: 0, days: 0 };
        const last = addTerm(d, duration, 'last-day-of-month');
        const next = addTerm(d, duration, 'first-day-of-next-month');
        expect(isValidIsoDate(last.date)).toBe(true);
        expect(daysBetween(last.date, next.date)).toBe(last.monthEndApplied ? 1 : 0);
        expect(last.date > d || years + months === 0).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('a calendar with any one working day extends any day to a working day within a week', () => {
    const calendar = (weekend: number[]): Calendar => ({ title: { en: 'test', nl: 'test' }, weekend, holidays: [] }) as unknown as Calendar;
    fc.assert(
      fc.property(isoDay, fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 6 }), (d, weekend) => {
        const cal = calendar(weekend);
        const ext = extendForCalendar(cal, d, d);
        const due = ext?.to ?? d;
        expect(nonWorkingReason(cal, due)).toBeUndefined();
        expect(daysBetween(d, due)).toBeLessThan(7);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('a written date is read as itself, or refused: never another day', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789-'), minLength: 10, maxLength: 10 }), (s) => {
        const r = parseWhen(s, 'Europe/Amsterdam');
        if (r.ok) expect(r.range).toEqual({ earliest: s, latest: s });
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('properties of the three-valued logic', () => {
  const tri = fc.constantFrom<Tri>(true, false, undefined);
  const tris = fc.array(tri, { maxLength: 6 });

  it('and/or are order-free, De Morgan holds, and unknown never becomes known by itself', () => {
    fc.assert(
      fc.property(tris, (vs) => {
        const reversed = [...vs].reverse();
        expect(triAnd(reversed)).toBe(triAnd(vs));
        expect(triOr(reversed)).toBe(triOr(vs));
        expect(triNot(triAnd(vs))).toBe(triOr(vs.map(triNot)));
        expect(triNot(triOr(vs))).toBe(triAnd(vs.map(triNot)));
        // Settling an unknown either way never turns a known result around (monotonic).
        const known = triAnd(vs);
        const settled = vs.map((v) => v ?? true);
        if (known !== undefined) expect(triAnd(settled)).toBe(known);
        const knownOr = triOr(vs);
        if (knownOr !== undefined) expect(triOr(vs.map((v) => v ?? false))).toBe(knownOr);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('at least n of: all-of and any-of at the ends, and monotonic in n', () => {
    fc.assert(
      fc.property(tris.filter((v) => v.length > 0), (vs) => {
        expect(triAtLeast(vs.length, vs)).toBe(triAnd(vs));
        expect(triAtLeast(1, vs)).toBe(triOr(vs));
        for (let n = 1; n < vs.length; n++) {
          const here = triAtLeast(n, vs);
          const next = triAtLeast(n + 1, vs);
          if (here === false) expect(next).toBe(false);
          if (next === true) expect(here).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
