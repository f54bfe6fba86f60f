import { describe, expect, it } from 'vitest';
import { runInProcess } from './cli-harness.js';

/** What an adviser and a nightly script act on: only a missed last day to act is expired. */
describe('kinds of dates: a lapsed right or an ended order is not a missed deadline', () => {
  it('a complaint made in time and nothing else pending exits 0 under --fail-on expired, months later', async () => {
    const r = await runInProcess(['assess', '--as-of', '2026-12-01', '--fail-on', 'expired', '--format', 'ndjson', 'fixtures/nl/belaging-ex-partner.yaml']);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout) as { triage: string[]; deadlines: { id: string; status: string }[] };
    expect(line.triage).not.toContain('expired');
    // The eight days to withdraw the complaint passed long ago: a right that lapsed, not a missed term.
    expect(line.deadlines.find((d) => d.id === 'nl-belaging.complaint_withdrawal')?.status).toBe('passed');
  });

  it('the withdrawal window is never "due soon" and never an action, three days before it closes', async () => {
    const r = await runInProcess(['assess', '--as-of', '2026-06-20', '--format', 'ndjson', 'fixtures/nl/belaging-klachttermijn-verstreken.yaml']);
    const line = JSON.parse(r.stdout) as { triage: string[]; deadlines: { id: string; status: string; daysLeft: number }[] };
    const withdrawal = line.deadlines.find((d) => d.id === 'nl-belaging.complaint_withdrawal');
    expect(withdrawal).toMatchObject({ status: 'open', daysLeft: 3 });
    expect(line.triage).not.toContain('due');
  });

  it('the text report says what a passed date is, in the reader\'s language, and keeps it out of "expired"', async () => {
    const en = await runInProcess(['assess', '--as-of', '2026-12-01', 'fixtures/nl/belaging-ex-partner.yaml']);
    const row = en.stdout.split('\n').find((l) => /^\s+Withdrawal of the complaint \(Art\. 67 Sr\)( \[unconfirmed \d+\])?\s+30 April 2026/.test(l));
    expect(row).toMatch(/lapsed$/);
    expect(en.stdout).toContain('No longer possible since 30 April 2026.');
    expect(en.stdout).not.toMatch(/Withdrawal of the complaint.*EXPIRED/);
    const nl = await runInProcess(['assess', '--lang', 'nl', '--as-of', '2026-12-01', 'fixtures/nl/belaging-ex-partner.yaml']);
    expect(nl.stdout).toContain('Niet meer mogelijk sinds 30 april 2026.');
  });

  it('every report opens with what to do now, before the analysis', async () => {
    const r = await runInProcess(['assess', '--as-of', '2026-06-01', 'fixtures/nl/belaging-buurman.yaml']);
    const whatToDo = r.stdout.indexOf('What to do now');
    expect(whatToDo).toBeGreaterThan(-1);
    expect(whatToDo).toBeLessThan(r.stdout.indexOf('At a glance'));
  });

  it('no report names an ISO duration, a project document, a case file path or an output name', async () => {
    for (const lang of ['en', 'nl']) {
      const r = await runInProcess(['assess', '--lang', lang, '--as-of', '2026-06-01', 'fixtures/nl/', 'fixtures/ew/', 'fixtures/decisions/']);
      expect(r.stdout).not.toMatch(/\bP\d+[YMWD]\b/);
      expect(r.stdout).not.toMatch(/fixtures\//);
      expect(r.stdout).not.toMatch(/fact sheet|feitenblad|background material|achtergronddocument/i);
      expect(r.stdout).not.toMatch(/\b(eur|info|category): /);
    }
  });

  it('no complaint yet and the term open: nothing is late or not met for it, and the first dated thing to do is the complaint, with its last day', async () => {
    const r = await runInProcess(['assess', '--format', 'ndjson', '--as-of', '2026-04-03', 'fixtures/nl/belaging-datum-bij-benadering.yaml']);
    const line = JSON.parse(r.stdout) as { conclusions: Record<string, string>; triage: string[]; actions: { id: string; who: string; due: string; daysLeft: number; status: string; urgency: string }[] };
    expect(line.conclusions['nl-belaging.klachtvereiste']).toBe('undetermined');
    expect(line.triage).not.toContain('expired');
    // What cannot wait comes first (keeping the evidence, a breach of the ban to report); then the complaint, by its last day.
    const now = line.actions.filter((a) => a.urgency === 'now');
    expect(line.actions.slice(0, now.length)).toEqual(now);
    expect(now.map((a) => a.id)).toContain('nl-belaging.keep_evidence_and_log');
    expect(line.actions[now.length]).toMatchObject({ id: 'nl-belaging.make_complaint', who: 'victim', due: '2026-07-02', daysLeft: 90, status: 'open', urgency: 'by-last-day' });
    // Why is said once, in the envelope; and per case in words with --detail full.
    const env = JSON.parse((await runInProcess(['assess', '--format', 'json', '--as-of', '2026-04-03', 'fixtures/nl/belaging-datum-bij-benadering.yaml'])).stdout) as { rulesets: { id: string; actions: Record<string, { because: string }> }[] };
    expect(env.rulesets.find((rs) => rs.id === 'nl-belaging')?.actions['make_complaint']?.because).toMatch(/three months/);
    const text = await runInProcess(['assess', '--as-of', '2026-04-03', 'fixtures/nl/belaging-datum-bij-benadering.yaml']);
    expect(text.stdout).not.toMatch(/complaint[^\n]*\b(late|EXPIRED|not met)\b/i);
  });
});

describe('rule tests check what to do', () => {
  it('a misspelt action is an error with a did-you-mean, not a silent "not advised"', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-action-test-'));
    const file = join(dir, 'a.test.yaml');
    const fixture = resolve('fixtures/nl/belaging-datum-bij-benadering.yaml');
    writeFileSync(file, `rules: [${resolve('rules/nl')}]\ntests:\n  - name: typo\n    asOf: "2026-04-03"\n    case: ${fixture}\n    expect:\n      actions:\n        make_complaitn: { advised: false }\n`);
    const r = await runInProcess(['test', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/a\.test\.yaml:8:9: .*no loaded rule set declares an action "make_complaitn"\. Did you mean "make_complaint"\?/);
  });
});

describe('privacy', () => {
  it('reports written to files are readable by their owner only, like the case files they come from', async () => {
    const { mkdtempSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-mode-'));
    const r = await runInProcess(['assess', '--format', `json=${join(dir, 'r.json')}`, '--format', `junit=${join(dir, 'r.xml')}`, 'fixtures/nl/belaging-ex-partner.yaml']);
    expect(r.code).toBe(0);
    expect((await runInProcess(['assess', '--out', join(dir, 'r.txt'), 'fixtures/nl/belaging-ex-partner.yaml'])).code).toBe(0);
    for (const f of ['r.json', 'r.xml', 'r.txt']) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
  });
});

describe('a ban at a glance', () => {
  it('"Ban violated" is a headline where a recorded ban was followed by acts, and absent where no ban calls for it', async () => {
    const withBan = await runInProcess(['assess', '--format', 'ndjson', 'fixtures/nl/belaging-buurman.yaml']);
    expect((JSON.parse(withBan.stdout) as { conclusions: Record<string, string> }).conclusions['nl-bans.ban_breached']).toBe('met');
    const text = await runInProcess(['assess', '--detail', 'lean', 'fixtures/nl/belaging-buurman.yaml']);
    expect(text.stdout.slice(text.stdout.indexOf('At a glance'))).toMatch(/✔ Ban violated — met/);
    // No ban recorded: no "undetermined" headline that says in the same breath that no judgment is needed.
    for (const fixture of ['fixtures/nl/belaging-klachttermijn-verstreken.yaml', 'fixtures/nl/belaging-ex-partner.yaml']) {
      const r = await runInProcess(['assess', '--format', 'ndjson', fixture]);
      expect((JSON.parse(r.stdout) as { conclusions: Record<string, string> }).conclusions).not.toHaveProperty('nl-bans.ban_breached');
      const md = await runInProcess(['assess', '--lang', 'nl', '--format', 'markdown', fixture]);
      expect(md.stdout).not.toContain('Verbod overtreden');
    }
  });
});
