import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../src/case/types.js';
import { describeWhen } from '../src/interview/view.js';
import { DONT_KNOW, interview, NO, YES, type Asked, type ScriptAnswer } from './interview-helpers.js';

/**
 * Dates people give open-ended ("sinds 1 september", "since October", "vóór 2 mei") are kept as
 * {from} or {to} alone; everywhere the interview shows them back they must read as dates.
 */

describe('open-ended dates in the interview', () => {
  it('reads {from} and {to} alone as words in both languages', () => {
    expect(describeWhen({ from: '2025-09-01' }, 'nl')).toBe('op of na 1 september 2025');
    expect(describeWhen({ from: '2025-10-01' }, 'en')).toBe('on or after 1 October 2025');
    expect(describeWhen({ to: '2026-05-01' }, 'nl')).toBe('op of vóór 1 mei 2026');
  });

  it.each([
    ['nl', 'sinds 1 september', 'op of na 1 september 2025', 'vóór 2 mei', 'op of vóór 1 mei 2026'],
    ['en', 'since October', 'on or after 1 October 2025', 'before 2 May', 'on or before 1 May 2026'],
  ] as const)('%s: the echo, the list, the question headers, the review and the edit prompt all show the date', async (lang, first, firstShown, second, secondShown) => {
    let reviewed = 0;
    const script = (p: Asked, saved: CaseFile | undefined): ScriptAnswer | undefined => {
      const n = saved?.incidents?.length ?? 0;
      switch (p.id) {
        case 'case.id':
        case 'case.summary':
        case 'incident.description':
          return '';
        case 'incidents.menu':
          return n < 2 ? { value: 'add' } : { value: 'done' };
        case 'incident.date':
          return n === 0 ? first : second;
        case 'incident.kind':
          return { value: 'message' };
        case 'incident.count':
          return '40';
        case 'end':
          // Into the review once, then finish.
          return reviewed++ === 0 ? { value: 'review' } : { value: 'finish' };
        case 'review':
          return reviewed === 1 ? (reviewed++, { value: 'incident:0' }) : { value: 'done' };
        case 'incident.edit':
          return reviewed === 2 ? (reviewed++, { value: 'date' }) : { value: 'back' };
        case 'case.incidents.0.date':
          return '';
        case 'adviser':
          return 'A. Adviser';
        case 'report.write':
          return false;
      }
      if (p.id.startsWith('reason:')) return 'reason';
      if (p.id.startsWith('judgments.')) return p.choices?.find((c) => /^(yes|ja)\b/i.test(c.name)) ? YES : (p.choices?.[0] as { value: unknown } | undefined) ?? DONT_KNOW;
      if (p.kind === 'select') {
        const has = (v: unknown): boolean => p.choices?.some((c) => JSON.stringify(c.value) === JSON.stringify(v)) ?? false;
        return [NO, { value: 'no' }, DONT_KNOW, { value: 'unknown' }, { value: 'done' }].find((a) => has(a.value)) ?? { value: p.choices?.[0]?.value };
      }
      if (p.kind === 'input') return '';
      if (p.kind === 'confirm') return false;
      return undefined;
    };
    const r = await interview(script, { lang, asOf: '2026-06-01' });
    const shown = [...r.prompter.said, ...r.prompter.asked.flatMap((p) => [p.message, ...(p.choices ?? []).map((c) => c.name)])].join('\n');
    expect(shown).not.toContain('[object Object]');
    expect(shown).toContain(firstShown);
    expect(shown).toContain(secondShown);
    // The edit prompt offered the date as it can be typed back, and Enter kept it.
    expect(r.last.incidents?.[0]?.date).toEqual(lang === 'nl' ? { from: '2025-09-01' } : { from: '2025-10-01' });
    expect(r.last.incidents?.[1]?.date).toEqual({ to: '2026-05-01' });
  });
});
