/**
 * Routes and urgency (issue 18): only what applies to the client, the most urgent first. The law
 * of each route is tested in rules/*\/routes.test.yaml; here, what holds for every case and rule set.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/io/files.js';
import type { CaseReport } from '../src/explain/types.js';
import { assessText, rules } from './helpers.js';
import { runInProcess } from './cli-harness.js';
import { writeZedland } from './interview-helpers.js';

const loaded = rules();
const RANK = { now: 0, 'by-last-day': 1, 'when-convenient': 2 } as const;

/** Each action's route, as its rule set declares it. */
function routeOfAction(report: CaseReport, ruleset: string, id: string): string | undefined {
  return loaded.rulesets.find((rs) => rs.id === ruleset)?.actions?.[id]?.route;
}

/** What to do now is ranked: urgency first, then the last day within now and by-last-day. */
function expectRanked(report: CaseReport): void {
  const actions = report.actions;
  for (let i = 1; i < actions.length; i++) {
    const [a, b] = [actions[i - 1], actions[i]] as [CaseReport['actions'][number], CaseReport['actions'][number]];
    expect(RANK[a.urgency]).toBeLessThanOrEqual(RANK[b.urgency]);
    if (a.urgency === b.urgency && a.urgency !== 'when-convenient' && a.due !== null && b.due !== null) expect(a.due <= b.due).toBe(true);
  }
}

describe('every shipped action says how urgent it is', () => {
  it('in the rules themselves, not by default', () => {
    const missing = loaded.rulesets.flatMap((rs) => Object.entries(rs.actions ?? {}).filter(([, a]) => a.urgency === undefined).map(([id]) => `${rs.id}.${id}`));
    expect(missing).toEqual([]);
  });

  it('and no action takes its last day from the authorities\' own limit', () => {
    for (const rs of loaded.rulesets) {
      for (const a of Object.values(rs.actions ?? {})) {
        const id = /^deadlines\.([^.]+)\.due$/.exec(a.by ?? '')?.[1];
        if (id) expect(rs.deadlines?.[id]?.kind).not.toBe('limit');
      }
    }
  });
});

describe('a posture generated at random', () => {
  const when = fc.constantFrom(undefined, false, '2026-09-20');
  const stage = fc.constantFrom(undefined, 'none', 'reported', 'not-prosecuted', 'charged', 'convicted', 'acquitted', 'appeal');
  const wants = fc.option(fc.subarray(['safety', 'stop-contact', 'prosecution', 'compensation', 'order', 'advice']), { nil: undefined });
  const orders = fc.constantFrom(undefined, 'none' as const, 'nl' as const, 'ew' as const);
  const ORDER = { nl: { type: 'nl-civil-ban', made: '2026-08-01', served: '2026-08-02' }, ew: { type: 'non-molestation-order', made: '2026-08-01', served: '2026-08-02', withoutNotice: false, expires: '2027-02-01', indefinite: false, terms: { directContact: true } } };

  it('never shows an item of a route that does not apply, marks those of undetermined routes, and ranks what to do now', () => {
    fc.assert(
      fc.property(fc.constantFrom('NL', 'EW'), when, stage, wants, orders, (jurisdiction, reported, st, w, o) => {
        const c: Record<string, unknown> = {
          jurisdiction,
          incidents: [
            { date: '2026-10-01', kind: 'message', direct: true },
            { date: '2026-11-12', kind: 'visit-work', direct: true },
          ],
        };
        if (w !== undefined) c['client'] = { wants: w };
        if (reported !== undefined) c['police'] = { reported };
        if (st !== undefined) c['proceedings'] = { stage: st };
        if (o !== undefined) c['orders'] = o !== 'none' && o === jurisdiction.toLowerCase() ? [ORDER[o]] : [];
        const report = assessText(JSON.stringify(c), { asOf: '2026-12-05', rules: loaded, file: 'case.json' });
        const status = new Map(report.routes.map((r) => [r.id, r.status]));
        for (const a of report.actions) {
          const route = routeOfAction(report, a.ruleset, a.id);
          if (route === undefined) continue;
          expect(status.get(route)).not.toBe('not_applying');
          expect(a.route).toBe(status.get(route) === 'undetermined' ? route : undefined);
        }
        for (const item of [...report.conclusions, ...report.deadlines]) if (item.route !== undefined) expect(status.get(item.route)).toBe('undetermined');
        // A route that does not apply says why; one not yet known says "if …".
        for (const r of report.routes) if (r.status !== 'applies') expect(r.text.length).toBeGreaterThan(0);
        expectRanked(report);
      }),
      { numRuns: 60 },
    );
  });

  it('with nothing of the posture recorded, keeps every route (none is ruled out on what nobody said)', () => {
    for (const jurisdiction of ['NL', 'EW']) {
      const report = assessText(JSON.stringify({ jurisdiction, incidents: [{ date: '2026-10-01', kind: 'message' }, { date: '2026-11-12', kind: 'visit-home' }] }), { asOf: '2026-12-05', rules: loaded, file: 'case.json' });
      expect(report.routes.length).toBeGreaterThan(4);
      expect(report.routes.filter((r) => r.status === 'not_applying').map((r) => r.id)).toEqual([]);
    }
  });
});

describe('the two clients of issue 18', () => {
  it('Dutch: nothing of the criminal trial is asked, and keeping the evidence comes first', async () => {
    const r = await runInProcess(['assess', '--format', 'ndjson', 'fixtures/nl/ex-partner-zonder-aangifte.yaml']);
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout) as { actions: { id: string; urgency: string }[]; routes: Record<string, string>; needs: string[] };
    expect(line.actions[0]).toMatchObject({ id: 'nl-belaging.keep_evidence_and_log', urgency: 'now' });
    expect(line.routes).toMatchObject({ speak_at_trial: 'not_applying', injured_party_claim: 'not_applying', ban_breach: 'not_applying' });
    // The interview asks what the case needs: nothing about a trial or a ban that do not exist.
    for (const ref of ['facts.criminal_stage', 'facts.hearing_date', 'facts.damage_suffered', 'facts.joined_first_instance', 'facts.ban_type', 'facts.prosecutor_decision']) expect(line.needs).not.toContain(ref);
  });

  it('English: the breach is reported first; the s.127 limit is information, never his last day', async () => {
    const r = await runInProcess(['assess', '--format', 'json', '--detail', 'full', 'fixtures/ew/nmo-holder-calls-visit.yaml']);
    const c = (JSON.parse(r.stdout) as { cases: CaseReport[] }).cases[0] as CaseReport;
    expect(c.actions[0]?.id).toBe('report_breach_to_police');
    expect(c.actions.map((a) => a.id)).toContain('enforce_nmo_in_family_court');
    expect(c.actions.map((a) => a.id)).not.toContain('apply_for_non_molestation_order');
    const limit = c.deadlines.find((d) => d.id === 's127_harassment_stalking');
    expect(limit?.kind).toBe('limit');
    expect(c.actions.some((a) => a.due !== null && a.due === limit?.due)).toBe(false);
    expect(c.routes.find((x) => x.id === 'obtain_nmo')).toMatchObject({ status: 'not_applying', text: 'the client already holds a non-molestation order' });
    // Nobody is charged: sentencing is not asked of his adviser.
    const lean = JSON.parse((await runInProcess(['assess', '--format', 'ndjson', 'fixtures/ew/nmo-holder-calls-visit.yaml'])).stdout) as { needs: string[] };
    for (const ref of ['judgments.culpability', 'judgments.harm', 'facts.victim_particularly_vulnerable', 'facts.home_shared_with_respondent']) expect(lean.needs).not.toContain(ref);
  });
});

describe('validate', () => {
  it('refuses a route no rule set declares, by-last-day without a last day, and a last day at the authorities\' limit', () => {
    const dir = writeZedland(join(mkdtempSync(join(tmpdir(), 'rulecase-routes-')), 'zz'));
    writeFileSync(
      join(dir, 'routes.yaml'),
      `id: zz-routes
version: 1.0.0
jurisdiction: ZZ
timeZone: Pacific/Auckland
title: { en: Routes (Zedland), nl: Routes (Zedland) }
description: { en: An invented rule set for tests., nl: Een verzonnen regelset voor tests. }
validFrom: "2020-01-01"
sources:
  zka-9: { kind: statute, instrument: Zedland Keep-away Act, article: s. 9, url: "https://example.org/zka#9", quote: "Keep away.", checked: "2026-01-01", verified: true }
routes:
  claim:
    title: { en: Claim, nl: Vordering }
    applies: { check: case.proceedings.stage, op: in, value: [charged] }
    notApplying: { en: there is no criminal case, nl: er is geen strafzaak }
    ifUnknown: { en: if a criminal case is brought, nl: als er een strafzaak komt }
    cite: [zka-9]
    checked: "2026-01-01"
deadlines:
  prosecution_limit:
    kind: limit
    title: { en: Limit, nl: Termijn }
    start: asOf
    length: P6M
    counting: day-after
    monthEnd: last-day-of-month
    calendar: none
    dueSoon: P14D
    basis: { en: b, nl: b }
    cite: [zka-9]
    checked: "2026-01-01"
actions:
  wrong_route: { route: clam, title: { en: A, nl: A }, who: victim, because: { en: b, nl: b }, cite: [zka-9], checked: "2026-01-01" }
  no_day: { urgency: by-last-day, title: { en: B, nl: B }, who: victim, because: { en: b, nl: b }, cite: [zka-9], checked: "2026-01-01" }
  at_the_limit: { by: deadlines.prosecution_limit.due, title: { en: C, nl: C }, who: victim, because: { en: b, nl: b }, cite: [zka-9], checked: "2026-01-01" }
`,
    );
    const messages = loadRules([dir]).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}: ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^32:\d+ undefined-reference: the route "clam" is not declared by any ZZ rule set \(under routes\)\. Did you mean "claim"\?/),
        expect.stringMatching(/^33:\d+ schema-required: actions\.no_day has urgency by-last-day but no "by"/),
        expect.stringMatching(/^34:\d+ limit-as-last-day: actions\.at_the_limit takes its last day from deadlines\.prosecution_limit/),
      ]),
    );
  });
});
