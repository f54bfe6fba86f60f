import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../src/case/types.js';
import { unknownRefs } from '../src/interview/answers.js';
import { assessSoFar, plan } from '../src/interview/planner.js';
import { rules } from './helpers.js';
import { interview, NO, orderFieldsUnknown, YES, type Asked, type ScriptAnswer } from './interview-helpers.js';

/**
 * The shipped rule sets, whatever they say: a whole interview in each jurisdiction asks only
 * questions that can change a headline, a deadline or an action, never one twice, and ends with
 * nothing left to ask.
 */
const REF = /^(facts|judgments|case\.(complaint|incidents|orders))\./;

describe.each([
  ['NL', 'nl'],
  ['EW', 'en'],
] as const)('a whole interview under the bundled %s rules', (jurisdiction, lang) => {
  it('asks only what can change a verdict, each once, and ends', async () => {
    const input = (caseFile: CaseFile) => ({ rulesets: rules().rulesets, caseFile, asOf: '2026-06-01', lang });
    const violations: string[] = [];
    const dates = ['10-1-2026', '12-1-2026', lang === 'nl' ? 'maart 2026' : 'March 2026'];
    let prompts = 0;
    const script = (p: Asked, saved: CaseFile | undefined): ScriptAnswer | undefined => {
      if (++prompts > 400) throw new Error(`still asking after 400 prompts: ${p.id}`);
      if (REF.test(p.id) && saved) {
        // What can change a headline, a deadline or an action, and the facts an open judgment among them weighs.
        const report = assessSoFar(input(saved));
        const open = new Set([...report.conclusions.filter((c) => c.headline), ...report.deadlines, ...report.actions].flatMap((x) => x.needs.map((n) => n.ref)));
        for (const q of plan(input(saved)).queue) if (q.weighs && open.has(q.weighs)) open.add(q.ref);
        if (!open.has(p.id)) violations.push(`${p.id}: it cannot change a headline, a deadline or an action`);
        if (unknownRefs(saved).has(p.id)) violations.push(`${p.id}: asked again`);
      }
      const n = saved?.incidents?.length ?? 0;
      switch (p.id) {
        case 'case.jurisdiction':
          return { value: jurisdiction };
        case 'case.id':
        case 'case.summary':
        case 'incident.count':
        case 'incident.description':
          return '';
        case 'incidents.menu':
          return n < dates.length ? /^(Add|Een incident|Het eerste)/ : /^(Done|Klaar)/;
        case 'orders.menu':
          return (saved?.orders?.length ?? 0) < 1 && jurisdiction === 'EW' ? /^(Add|Een verbod)/ : /^(Done|Klaar|There is no|Er is geen)/;
        case 'order.type':
        case 'incident.kind':
          return { value: p.choices?.[n === 2 ? 6 : 1]?.value ?? p.choices?.[0]?.value };
        case 'incident.date':
          return dates[n];
        case 'adviser':
          return 'A. de Vries';
        case 'end':
          return /^(Finish|Afronden)/;
        case 'report.write':
          return false;
        case 'complaint.status':
        case 'complaint.withdrawn.status':
        case 'police.known':
          return /^(No|Nee)/;
        case 'convictions.any':
          return /^(No|Nee)$/;
      }
      const order = orderFieldsUnknown(p);
      if (order !== undefined) return order;
      if (p.id.startsWith('reason:')) return 'Weighed the indicators shown.';
      if (p.kind === 'select' && p.choices?.some((c) => /^(Yes|Ja)\b/.test(c.name))) return p.id.startsWith('judgments.') ? YES : NO;
      if (p.kind === 'select') return { value: p.choices?.[0]?.value };
      if (p.kind === 'input') return /date|made|served|expires|returnDate|complaint|hearing|reported|_date|_at$/.test(p.id) ? '15-3-2026' : '2';
      return undefined;
    };
    const r = await interview(script, { rules: ['rules'], lang, asOf: '2026-06-01' });
    expect(violations).toEqual([]);
    expect(r.finished).toBe(true);
    const asked = r.prompter.questions();
    expect(new Set(asked).size).toBe(asked.length);
    expect(plan(input(r.last)).next).toBeUndefined();
  });
});
