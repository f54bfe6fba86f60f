import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './cli-harness.js';
// @ts-expect-error a plain .mjs script, without type declarations
import { countSources, listSources, share } from '../scripts/source-count.mjs';

/** The example rule set with its verified source (sr-66) rewritten by `edit`. */
function exampleWith(edit: (sr66: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rulecase-sources-'));
  const file = join(dir, 'src.yaml');
  const text = readFileSync('fixtures/rules/example.yaml', 'utf8');
  const block = /^ {2}sr-66:\n(?: {4}.*\n)+/m.exec(text)?.[0] ?? '';
  writeFileSync(file, text.replace(block, edit(block)));
  return file;
}

describe('a source says how it is known: validate refuses a verified source without its evidence', () => {
  it.each([
    ['without the quoted words', (b: string) => b.replace(/^ {4}quote:.*\n/m, ''), /src\.yaml:(\d+):15: error source-evidence: sources\.sr-66: a verified source needs quote: the operative words, copied from the primary text\./],
    ['without a link to the primary text', (b: string) => b.replace(/^ {4}url:.*\n/m, ''), /src\.yaml:(\d+):15: error source-evidence: sources\.sr-66: a verified source needs url \(or ecli for a decision\)/],
    ['resting on a secondary text', (b: string) => b.replace('kind: statute', 'kind: secondary'), /src\.yaml:(\d+):15: error source-evidence: sources\.sr-66: a secondary source cannot be verified/],
    ['unverified without saying why', (b: string) => b.replace('verified: true', 'verified: false'), /src\.yaml:(\d+):15: error source-evidence: sources\.sr-66: an unverified source needs unverifiedBecause/],
  ])('%s: exit 1, at the line of verified', async (_, edit, expected) => {
    const file = exampleWith(edit);
    const r = await runInProcess(['validate', file, 'rules/nl/atw-calendar.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(expected);
    const line = Number(expected.exec(r.stdout)?.[1]);
    expect(readFileSync(file, 'utf8').split('\n')[line - 1]).toMatch(/^ {4}verified: (true|false)$/);
  });

  it('a reason that runs over two lines is refused: the report shows it beside the mark', async () => {
    const file = exampleWith((b) => b.replace('verified: true', 'verified: false').replace(/^ {4}quote:.*\n/m, '') + '    unverifiedBecause:\n      en: "one\\ntwo"\n      nl: één\n');
    const r = await runInProcess(['validate', file, 'rules/nl/atw-calendar.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/src\.yaml:\d+:\d+: error source-evidence: sources\.sr-66\.unverifiedBecause\.en: one line, please/);
  });

  it('a source without a kind is refused by the schema', async () => {
    const file = exampleWith((b) => b.replace(/^ {4}kind:.*\n/m, ''));
    const r = await runInProcess(['validate', file, 'rules/nl/atw-calendar.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/src\.yaml:\d+:\d+: error schema-required: sources\.sr-66 needs a "kind" field/);
  });

  it('the example, as shipped, is valid', async () => {
    const r = await runInProcess(['validate', 'fixtures/rules', 'rules/nl/atw-calendar.yaml']);
    expect(r.stdout).not.toMatch(/error/);
    expect(r.code).toBe(0);
  });
});

describe('the bundled rules cite the law they rest on', () => {
  type Count = { byKind: Record<string, number>; primary: number; primaryVerifiedWithQuote: number; unverified: number };
  const counts = countSources(listSources('rules')) as Record<string, Count>;

  // The goal is 90% (issue 20). Reached on 5 December 2026: NL 69/94, EW 31/69, 100/163 in all (a second pass read more texts). Most of the rest
  // are judgments and English sections that could not be read in a primary text; each says why in
  // unverifiedBecause. This is a ratchet: it fails when a verified source loses its quote or is demoted;
  // raise the floors as sources are read, and turn it into the 90% assertion once that is reached.
  const FLOOR: Record<string, number> = { NL: 69, EW: 31, all: 100 };
  it('statute and decision sources verified with a quote from the primary text do not fall below the figure reached (goal: 90%)', () => {
    for (const [j, c] of Object.entries(counts)) console.log(`${j}: ${c.primaryVerifiedWithQuote}/${c.primary} statute and decision sources verified with a quote (${Math.round((share as (c: Count) => number)(c) * 100)}%)`);
    for (const [j, floor] of Object.entries(FLOOR)) expect((counts[j] as Count).primaryVerifiedWithQuote, j).toBeGreaterThanOrEqual(floor);
  });

  it('every unverified source says why in one line, in both languages', () => {
    const all = listSources('rules') as { id: string; verified: boolean; unverifiedBecause?: { en: string; nl: string } }[];
    const silent = all.filter((s) => !s.verified && !(s.unverifiedBecause?.en && s.unverifiedBecause?.nl)).map((s) => s.id);
    expect(silent).toEqual([]);
  });

  it('every source has a kind an adviser recognises', () => {
    for (const c of Object.values(counts)) expect(Object.keys(c.byKind).every((k) => ['statute', 'decision', 'guideline', 'official-guidance', 'secondary', 'practice'].includes(k))).toBe(true);
  });
});
