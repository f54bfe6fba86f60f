import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../src/case/types.js';
import { removeItem, setAnswer, setUnknown, unknownRefs } from '../src/interview/answers.js';
import { assessSoFar, incidentSummary, plan, questionFor, type PlanInput } from '../src/interview/planner.js';
import { conclusion, rules } from './helpers.js';
import { choose, DONT_KNOW, EXAMPLE_RULES, interview, NO, YES, type Asked, type ScriptAnswer } from './interview-helpers.js';

const AS_OF = '2026-06-01';
const input = (caseFile: CaseFile): PlanInput => ({ rulesets: rules(...EXAMPLE_RULES).rulesets, caseFile, asOf: AS_OF, lang: 'en' });

/**
 * Every reference that can still change what the adviser is told: the needs of a headline
 * conclusion, a deadline or an action, and the facts an open judgment among them weighs.
 */
function openRefs(caseFile: CaseFile): Set<string> {
  const r = assessSoFar(input(caseFile));
  const needs = new Set([...r.conclusions.filter((c) => c.headline), ...r.deadlines, ...r.actions].flatMap((x) => x.needs.map((n) => n.ref)));
  for (const q of plan(input(caseFile)).queue) if (q.weighs && needs.has(q.weighs)) needs.add(q.ref);
  return needs;
}

const REF = /^(facts|judgments|case\.(complaint|incidents|orders))\./;

/**
 * An adviser who enters the given incidents, answers every question from `answers` (by reference)
 * or with a default, and finishes. Before each question it checks, with the engine itself, that the
 * answer could still change a verdict and was not already answered "don't know".
 */
function adviser(incidents: string[], answers: Record<string, ScriptAnswer> = {}, violations: string[] = []) {
  return (p: Asked, saved: CaseFile | undefined): ScriptAnswer | undefined => {
    const n = saved?.incidents?.length ?? 0;
    if (REF.test(p.id) && saved) {
      if (!openRefs(saved).has(p.id)) violations.push(`${p.id} asked, but it cannot change a headline, a deadline or an action`);
      if (unknownRefs(saved).has(p.id)) violations.push(`${p.id} asked again after "don't know"`);
    }
    if (p.id in answers) return answers[p.id];
    switch (p.id) {
      case 'case.id':
        return 'T-1';
      case 'case.summary':
      case 'incident.count':
      case 'incident.description':
        return '';
      case 'incidents.menu':
        return n < incidents.length ? /^Add/ : /^Done/;
      case 'incident.date':
        return incidents[n];
      case 'incident.kind':
        return /phone call/;
      case 'adviser':
        return 'A. de Vries';
      case 'end':
        return /^Finish/;
      case 'report.write':
        return false;
      case 'complaint.status':
        return /^Yes/;
      case 'status:case.complaint.filed':
        return '20-3-2026';
    }
    if (p.id.startsWith('reason:')) return 'Daily calls for two weeks after a clear refusal.';
    if (p.id.startsWith('judgments.')) return p.choices?.some((c) => /^high/.test(c.name)) ? /^high/ : YES;
    if (p.id === 'facts.relationship') return choose('ex-partner');
    if (p.kind === 'select' && REF.test(p.id)) return NO;
    if (p.id === 'case.complaint.filed') return '20-3-2026';
    return undefined;
  };
}

describe('the planner', () => {
  it('asks only questions whose answer can still change a verdict, and each only once', async () => {
    const violations: string[] = [];
    const r = await interview(adviser(['10-1-2026', '12-1-2026'], {}, violations));
    expect(violations).toEqual([]);
    expect(r.finished).toBe(true);
    const asked = r.prompter.questions();
    expect(new Set(asked).size).toBe(asked.length);
    // Facts that no condition reads are never asked: they cannot change any verdict.
    for (const idle of ['facts.judgment_date', 'facts.hours_lost', 'facts.notes', 'facts.ban_length', 'facts.first_contact_at', 'case.complaint.learned']) expect(asked).not.toContain(idle);
    expect(asked).toEqual(expect.arrayContaining(['facts.relationship', 'facts.victim_refused_contact', 'judgments.persistent']));
    // What feeds no headline, deadline or action is not asked: how serious it is (a table for the
    // advice only), and the threats once persistence settles the headline.
    for (const idle of ['judgments.seriousness', 'case.incidents.0.threat', 'case.incidents.1.threat']) expect(asked).not.toContain(idle);
    // Whether and when the complaint was made is asked up front, before any question that depends on it.
    const ids = r.prompter.asked.map((p) => p.id);
    expect(ids.indexOf('complaint.status')).toBeLessThan(ids.indexOf('status:case.complaint.filed'));
    expect(ids.indexOf('status:case.complaint.filed')).toBeLessThan(ids.findIndex((id) => REF.test(id)));
  });

  it('asks first what decides the most open elements, and judgments after the facts they weigh', () => {
    const c: CaseFile = { jurisdiction: 'NL', incidents: [{ date: '2026-01-10' }, { date: '2026-01-12' }] };
    const p = plan(input(c));
    const decides = p.queue.map((q) => q.decides);
    // The facts asked for the planner's own reasons, apart from those a judgment weighs (asked just before it).
    const facts = p.queue.filter((q) => q.type !== 'judgment' && !q.weighs);
    expect(facts.map((q) => q.decides)).toEqual([...facts.map((q) => q.decides)].sort((a, b) => b - a));
    expect(p.next?.decides).toBe(Math.max(...facts.map((q) => q.decides)));
    expect(Math.max(...decides)).toBeGreaterThanOrEqual(p.next?.decides ?? 0);
    // persistent weighs the relationship and the refusal: it waits for them.
    const at = (ref: string): number => p.queue.findIndex((q) => q.ref === ref);
    expect(at('judgments.persistent')).toBeGreaterThan(at('facts.victim_refused_contact'));
    expect(at('judgments.persistent')).toBeGreaterThan(at('facts.relationship'));
    // "why this question" names the elements that depend on it.
    const threat = questionFor('case.incidents.0.threat', input(c));
    expect(threat?.dependents.map((d) => d.id).sort()).toEqual(['advice_grid', 'intimidating', 'several_signs']);
  });

  it('stops once everything that can be decided is decided', async () => {
    const r = await interview(adviser(['10-1-2026', '12-1-2026']));
    const after = plan(input(r.last));
    expect(after.next).toBeUndefined();
    expect(after.queue).toEqual([]);
    const report = after.report;
    // Nothing that could change a headline, a deadline or an action is left open; an element below a settled headline may be.
    expect([...report.conclusions.filter((c) => c.headline), ...report.deadlines].filter((x) => x.status === 'undetermined')).toEqual([]);
    // The session said so, then showed the assessment.
    expect(r.prompter.said.join('\n')).toMatch(/Every question that can still change the outcome has been answered[\s\S]*Harassment \(example\) — met/);
  });

  it('"don\'t know" leaves the element undetermined, moves on, and is not asked again', async () => {
    const violations: string[] = [];
    const r = await interview(adviser(['10-1-2026', '12-1-2026'], { 'facts.relationship': DONT_KNOW }, violations));
    expect(violations).toEqual([]);
    expect(r.prompter.questions().filter((q) => q === 'facts.relationship')).toHaveLength(1);
    expect(r.last.facts?.['relationship']).toBe('unknown');
    const report = assessSoFar(input(r.last));
    expect(conclusion(report, 'harassment').status).toBe('undetermined');
    expect(conclusion(report, 'harassment').needs.map((n) => n.ref)).toEqual(['facts.relationship']);
    expect(plan(input(r.last))).toMatchObject({ queue: [], dontKnow: ['facts.relationship'] });
    expect(r.finished).toBe(true);
    expect(r.prompter.said.join('\n')).toMatch(/Not known, or not more precisely \(1\); change them from the menu when you learn more:\n {2}· What is the relationship\?/);
  });

  it('"don\'t know" about an incident is kept with the incident when an earlier one is removed', () => {
    let c: CaseFile = { jurisdiction: 'NL', incidents: [{ date: '2026-01-10' }, { date: '2026-01-12' }, { date: '2026-01-14' }] };
    c = setUnknown(setUnknown(c, 'case.incidents.2.threat'), 'case.incidents.0.threat');
    c = setAnswer(c, 'case.incidents.1.violence', true);
    const after = removeItem(c, 'incidents', 0);
    expect([...unknownRefs(after)]).toEqual(['case.incidents.1.threat']);
    expect(after.incidents).toEqual([{ date: '2026-01-12', violence: true }, { date: '2026-01-14' }]);
  });

  it('changing an earlier answer re-opens exactly the questions that depend on it', async () => {
    // Everything decided: a threat in incident 1 makes the conduct intimidating, so "several
    // warning signs" is met without knowing whether the victim refused contact.
    const decided: CaseFile = {
      jurisdiction: 'NL',
      incidents: [
        { date: '2026-01-10', threat: true, violence: false },
        { date: '2026-01-12', threat: false, violence: false },
      ],
      complaint: { filed: '2026-03-20' },
      facts: { relationship: 'ex-partner' },
      judgments: {
        persistent: { value: true, reason: 'Daily calls.', by: 'A. de Vries', at: '2026-05-01T10:00' },
        seriousness: { value: 'high', reason: 'A threat.', by: 'A. de Vries', at: '2026-05-01T10:00' },
      },
    };
    expect(plan(input(decided)).queue).toEqual([]);
    // Pure: taking back the judgment opens it again, with the one fact it weighs just before it.
    const changed = setAnswer(decided, 'judgments.persistent', undefined);
    expect(plan(input(changed)).queue.map((q) => q.ref)).toEqual(['case.incidents.0.kind', 'case.incidents.1.kind', 'facts.victim_refused_contact', 'judgments.persistent']);
    // No threat after all changes only an element below a settled headline: nothing more to ask.
    expect(plan(input(setAnswer(decided, 'case.incidents.0.threat', false))).queue).toEqual([]);

    // The same through the review in a session: change the answer, and only that question comes.
    let reviewed = false;
    const r = await interview(
      (p) => {
        switch (p.id) {
          case 'end':
            return reviewed ? /^Finish/ : /^Review/;
          case 'review':
            if (reviewed) return /^Done/;
            reviewed = true;
            return /^Incident 1/;
          case 'incident.edit':
            return p.choices?.some((c) => /threat.*no/.test(c.name)) ? /^Back/ : /^Change: threat/;
          case 'case.incidents.0.threat':
            return NO;
          case 'facts.victim_refused_contact':
            return YES;
          case 'report.write':
            return false;
        }
        return undefined;
      },
      { start: { ...decided, interview: { tool: 'rulecase interview', stage: 'questions', status: 'in-progress', lang: 'en', unknown: [] } } },
    );
    expect(r.prompter.questions()).toEqual(['case.incidents.0.threat']);
    expect(conclusion(assessSoFar(input(r.last)), 'harassment').status).toBe('met');
  });

  it('is pure: the same case gives the same plan', () => {
    const c: CaseFile = { jurisdiction: 'NL', incidents: [{ date: '2026-01', kind: 'call' }, { date: '2026-03-02' }] };
    expect(JSON.stringify(plan(input(c)))).toBe(JSON.stringify(plan(input(c))));
  });
});

describe('a date fact known only roughly', () => {
  it('may be answered with a range, which the case file keeps and the deadline turns into earliest and latest', () => {
    const base: CaseFile = { jurisdiction: 'NL', incidents: [{ date: '2026-01-10' }] };
    expect(questionFor('facts.judgment_date', input(base))).toMatchObject({ type: 'date', range: true });
    const answered = setAnswer(base, 'facts.judgment_date', { from: '2026-05-04', to: '2026-05-06' });
    expect(answered.facts?.['judgment_date']).toEqual({ from: '2026-05-04', to: '2026-05-06' });
    const appeal = assessSoFar(input(answered)).deadlines.find((d) => d.id === 'appeal');
    expect([appeal?.earliest, appeal?.latest]).toEqual(['2026-05-18', '2026-05-20']);
  });
});

describe('order terms beyond contact', () => {
  it('asks whether a non-molestation order forbids violence when a violent incident after service turns on it', async () => {
    const { loadRules } = await import('../src/io/files.js');
    const { questionFor } = await import('../src/interview/planner.js');
    const rules = loadRules();
    const caseFile = { jurisdiction: 'EW', orders: [{ type: 'non-molestation-order', made: '2026-01-05', served: '2026-01-06', expires: '2026-07-05', indefinite: false, terms: { directContact: false } }], incidents: [{ date: '2026-02-10', kind: 'assault', violence: true }] };
    const q = questionFor('case.orders.0.terms.violence', { rulesets: rules.rulesets, caseFile, asOf: '2026-03-01', lang: 'nl', file: 'zaak.yaml' });
    expect(q).toMatchObject({ type: 'boolean', text: 'Verbiedt het verbod geweld of het dreigen met geweld?' });
    expect(q?.decides).toBeGreaterThan(0);
  });
});

describe('the line that confirms a saved incident', () => {
  it('says how many acts a period stands for, so "about 40 messages" is visibly kept', () => {
    const period = { date: { from: '2026-10-01', to: '2026-10-30' }, kind: 'message', count: 12 } as const;
    expect(incidentSummary(period, 'nl')).toContain('12×');
    expect(incidentSummary({ ...period, count: { min: 30, max: 50 } }, 'en')).toContain('30–50×');
    expect(incidentSummary({ date: '2026-10-01', kind: 'message', count: 1 }, 'en')).not.toContain('×');
  });
});
