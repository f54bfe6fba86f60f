/**
 * Marks that say something: in the lean reports of every bundled case, an item (an action, a
 * conclusion, a date) carries at most one "unconfirmed" mark, each mark points to a note that
 * says what is not confirmed, and no mark sits on a date the user gave or on practical advice.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAdvice, isUsersFact, unconfirmedReason } from '../src/explain/unconfirmed.js';
import { loadRules } from '../src/io/files.js';
import type { Lang, RuleSet } from '../src/rules/types.js';
import { escapeXml } from '../src/report/timeline.js';
import { runInProcess } from './cli-harness.js';
import { ROOT } from './helpers.js';

const cases = (dir: string): string[] => readdirSync(join(ROOT, 'fixtures', dir)).filter((f) => f.endsWith('.yaml')).map((f) => `fixtures/${dir}/${f}`);
const EW = cases('ew');
const NL = cases('nl');

const rules = loadRules();

/** The titles of what must never be marked: dates the user gave and practical advice, in a language. */
function unmarkedTitles(lang: Lang): string[] {
  return rules.rulesets.flatMap((rs: RuleSet) => [
    ...Object.values(rs.deadlines ?? {}).filter(isUsersFact).map((d) => d.title[lang]),
    ...Object.values(rs.actions ?? {}).filter((a) => isAdvice(rs, a)).map((a) => a.title[lang]),
  ]);
}

async function report(fixture: string, format: 'html' | 'text'): Promise<string> {
  const run = await runInProcess(['assess', '--detail', 'lean', '--format', format, fixture]);
  expect(run.stderr).toBe('');
  return run.stdout;
}

const OLD_MARK = /UNVERIFIED|NIET GEVERIFIEERD/;

describe('the lean HTML report: one mark per item, each with its reason', () => {
  it.each([...EW, ...NL])('%s', async (fixture) => {
    const html = await report(fixture, 'html');
    const lang: Lang = fixture.startsWith('fixtures/nl/') ? 'nl' : 'en';
    expect(html).not.toMatch(OLD_MARK);
    // The items: each action, conclusion and deadline row, up to the notes.
    const body = html.slice(html.indexOf('<section class="todo">'), html.includes('<section class="unconfirmed">') ? html.indexOf('<section class="unconfirmed">') : undefined);
    const items = body.split(/(?=<li[ >])|(?=<tr[ >])/);
    for (const item of items) expect(item.match(/class="mark/g)?.length ?? 0, item).toBeLessThanOrEqual(1);
    // Each mark's number is a note's, and the note says what is not confirmed.
    const marks = [...body.matchAll(/<span class="mark[^"]*">\[[^\]]*?(\d+)\]<\/span>/g)].map((x) => x[1]);
    expect(marks.length).toBe((body.match(/class="mark/g) ?? []).length);
    const section = html.slice(html.indexOf('<section class="unconfirmed">'));
    const notes = [...section.matchAll(/<li value="(\d+)">([^<]{12,})<\/li>/g)].map((x) => x[1]);
    // The notes come once: one for each distinct mark.
    expect(notes.sort()).toEqual([...new Set(marks)].sort());
    if (marks.length > 0) expect((html.match(/<section class="unconfirmed">/g) ?? []).length).toBe(1);
    // Never on a date the user gave (the order's end) nor on practical advice (keep the evidence).
    for (const title of unmarkedTitles(lang)) {
      for (const item of items.filter((i) => i.includes(`${escapeXml(title)}</strong>`) || i.includes(`${escapeXml(title)}<br>`))) expect(item, title).not.toContain('class="mark');
    }
  });
});

describe('the lean text report: one mark per item, each with its reason', () => {
  it.each([...EW, ...NL])('%s', async (fixture) => {
    const text = await report(fixture, 'text');
    const lang: Lang = fixture.startsWith('fixtures/nl/') ? 'nl' : 'en';
    expect(text).not.toMatch(OLD_MARK);
    const heading = lang === 'nl' ? '  Niet bevestigd' : '  Not confirmed';
    const lines = text.split('\n');
    const at = lines.indexOf(heading);
    const items = at === -1 ? lines : lines.slice(0, at);
    const mark = lang === 'nl' ? /\[niet bevestigd (\d+)\]/g : /\[unconfirmed (\d+)\]/g;
    for (const line of items) expect(line.match(mark)?.length ?? 0, line).toBeLessThanOrEqual(1);
    const used = new Set(items.flatMap((l) => [...l.matchAll(mark)].map((m) => m[1])));
    const notes = new Map((at === -1 ? [] : lines.slice(at)).flatMap((l) => {
      const m = /^ {4}(\d+)\. (.{12,})$/.exec(l);
      return m ? [[m[1], m[2]] as const] : [];
    }));
    expect([...notes.keys()].sort()).toEqual([...used].sort());
    for (const title of unmarkedTitles(lang)) {
      for (const line of items.filter((l) => l.trimStart().replace(/^▶ /, '').startsWith(title))) expect(line, title).not.toMatch(mark);
    }
  });
});

describe('what a mark says', () => {
  it('names what is unconfirmed and why, as the data says: the source and its unverifiedBecause', async () => {
    const text = await report('fixtures/ew/nmo-holder-calls-visit.yaml', 'text');
    // Harassment rests on s.2, read only in reproductions: the note names the Act and says so.
    const harassment = /Harassment \(PHA 1997 s\.2\) — undetermined \[unconfirmed (\d+)\]/.exec(text);
    expect(harassment).not.toBeNull();
    expect(text).toMatch(new RegExp(`\\n {4}${harassment?.[1]}\\. Protection from Harassment Act 1997, s\\.2: s\\.2 was read only in reproductions`));
    // The order's end date is the user's; "keep the evidence" is advice.
    expect(text).toMatch(/\n {4}The order ends {2,}3 March 2027/);
    expect(text).toMatch(/Write down what happened and keep the evidence \(the victim\)\n/);
  });

  it('gives every unconfirmed rule of the bundled rules a reason in both languages, or no mark by the documented criterion', () => {
    for (const rs of rules.rulesets) {
      for (const kind of ['criteria', 'judgments', 'tables', 'deadlines', 'actions'] as const) {
        for (const id of Object.keys(rs[kind] ?? {})) {
          for (const lang of ['en', 'nl'] as const) {
            const reason = unconfirmedReason(rs, kind, id, lang);
            if (reason !== undefined) {
              expect(reason.trim().length, `${rs.id} ${kind}.${id}`).toBeGreaterThan(10);
              expect(reason, `${rs.id} ${kind}.${id}`).not.toMatch(/\n|fact sheet|feitenblad|feitenoverzicht|P\d+[DWMY]\b/);
            }
          }
          if (kind === 'deadlines' && isUsersFact(rs.deadlines?.[id] as never)) expect(unconfirmedReason(rs, kind, id, 'en')).toBeUndefined();
        }
      }
    }
  });
});
