import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../src/case/types.js';
import { applyRefusal } from '../src/interview/status.js';
import { assessSoFar } from '../src/interview/planner.js';
import { loadRules } from '../src/io/files.js';
import { conclusion, rules } from './helpers.js';
import { DONT_KNOW, ESC, interview, MENU, NO, STOP, writeZedland, YES, type Asked, type ScriptAnswer } from './interview-helpers.js';

/**
 * The questions asked up front, under the bundled rules: the complaint, the orders (each recorded
 * whole) and previous convictions; again when the jurisdiction changes; the refusal day asked once.
 */

type Script = (p: Asked, saved: CaseFile | undefined) => ScriptAnswer | undefined;

/** The opening and two incidents in a jurisdiction; `own` answers first; every other question: don't know. */
function adviser(jurisdiction: 'NL' | 'EW', dates: string[], own: Script): Script {
  return (p, saved) => {
    const mine = own(p, saved);
    if (mine !== undefined) return mine;
    const n = saved?.incidents?.length ?? 0;
    switch (p.id) {
      case 'case.jurisdiction':
        return { value: jurisdiction };
      case 'case.id':
      case 'case.summary':
      case 'incident.description':
      case 'incident.count':
        return '';
      case 'incidents.menu':
        return n < dates.length ? /^(Add|Een incident|Het eerste)/ : /^(Done|Klaar|There are no|Er zijn geen)/;
      case 'incident.date':
        return dates[n];
      case 'incident.kind':
        return { value: 'message' };
      case 'adviser':
        return 'A. de Vries';
      case 'end':
        return /^(Finish|Afronden)/;
      case 'report.write':
        return false;
    }
    if (p.id.startsWith('reason:')) return 'Gewogen.';
    if (p.kind === 'input') return '';
    if (p.id === 'order.end' || p.id === 'convictions.any' || p.id === 'complaint.status' || p.id === 'complaint.withdrawn.status') return { value: 'unknown' };
    if (p.kind === 'select' && /^(status:)?(facts|judgments|case)\./.test(p.id)) return DONT_KNOW;
    return undefined;
  };
}

const NL_ASOF = { rules: ['rules'], asOf: '2026-12-01', now: new Date('2026-12-01T09:00:00Z') };

describe('a Dutch protective measure, recorded in the interview', () => {
  it('records a breached 38v contact ban whole, and the assessment weighs its breach', async () => {
    const r = await interview(
      adviser('NL', ['10-10-2026', 'tussen 1 en 20 november 2026'], (p, saved) => {
        const orders = saved?.orders?.length ?? 0;
        switch (p.id) {
          case 'complaint.status':
            return /^Nee/;
          case 'orders.menu':
            return orders === 0 ? /^Een verbod toevoegen/ : /^Klaar met de verboden/;
          case 'order.type':
            return { value: 'nl-measure-38v' };
          case 'status:case.orders.0.made':
            return '1-9-2026';
          case 'status:case.orders.0.court':
            return 'Rechtbank Amsterdam';
          case 'status:case.orders.0.served':
            return '3-9-2026';
          case 'order.end':
            return { value: 'date' };
          case 'status:case.orders.0.expires':
            return '1-9-2028';
          case 'convictions.any':
            return /^Nee$/;
          case 'judgments.ban_breached':
            return YES;
        }
        return undefined;
      }),
      { ...NL_ASOF, lang: 'nl' },
    );
    expect(r.finished).toBe(true);
    // The court is not asked: no rule reads it (the review records it).
    expect(r.last.orders).toEqual([{ type: 'nl-measure-38v', made: '2026-09-01', served: '2026-09-03', indefinite: false, expires: '2028-09-01' }]);
    expect(r.last.complaint).toEqual({ filed: false });
    // No rule reads previous convictions: they are not asked, since no answer could change anything.
    expect(r.last.previousConvictions).toBeUndefined();
    // The breach was asked, after the measure was recorded, and the assessment weighs it.
    const ids = r.prompter.asked.map((p) => p.id);
    expect(ids.indexOf('order.type')).toBeLessThan(ids.indexOf('judgments.ban_breached'));
    const report = assessSoFar({ rulesets: rules('rules').rulesets, caseFile: r.last, asOf: '2026-12-01', lang: 'nl' });
    expect(conclusion(report, 'ban_breached').status).toBe('met');
    expect(conclusion(report, 'conduct_after_ban').status).toBe('met');
    expect(conclusion(report, 'breach_consequence').status).toBe('met');
    // "No complaint" is an answer of its own: the yes/no fact that stands in for it is never asked.
    expect(ids).not.toContain('facts.complaint_filed');
    expect(ids).not.toContain('facts.complaint_filed_by');
  });

  it('"don\'t know" whether a complaint was made differs from "no", and is not asked again through a fact', async () => {
    const r = await interview(
      adviser('NL', ['10-10-2026'], (p) => (p.id === 'orders.menu' ? /^Er is geen verbod/ : undefined)),
      { ...NL_ASOF, lang: 'nl' },
    );
    expect(r.last.complaint).toEqual({ filed: 'unknown' });
    expect(r.last.orders).toEqual([]);
    expect(r.last.previousConvictions).toBeUndefined();
    expect(r.prompter.asked.map((p) => p.id)).not.toContain('facts.complaint_filed');
  });

  it('asks the complaint before when and by whom; "not withdrawn" is recorded as false', async () => {
    const r = await interview(
      adviser('NL', ['10-10-2026'], (p) => {
        if (p.id === 'complaint.status') return /^Ja/;
        if (p.id === 'status:case.complaint.filed') return '5-11-2026';
        if (p.id === 'complaint.withdrawn.status') return /^Nee/;
        if (p.id === 'facts.complaint_filed_by') return { value: { kind: 'value', value: 'victim' } };
        return p.id === 'orders.menu' ? /^Er is geen verbod/ : undefined;
      }),
      { ...NL_ASOF, lang: 'nl' },
    );
    const ids = r.prompter.asked.map((p) => p.id);
    expect(ids.indexOf('complaint.status')).toBeLessThan(ids.indexOf('status:case.complaint.filed'));
    expect(ids.indexOf('status:case.complaint.filed')).toBeLessThan(ids.indexOf('facts.complaint_filed_by'));
    expect(r.last.complaint).toEqual({ filed: '2026-11-05', withdrawn: false });
  });

  it('shows progress by stage with a rough number of questions left, not open elements or question numbers', async () => {
    for (const [lang, stage, re] of [
      ['nl', /^Wat er gebeurde · nog ongeveer \d+ vragen$/m, /^(De feiten die de routes nodig hebben|Uw oordeel) · (nog ongeveer \d+ vragen|de laatste vraag)/m],
      ['en', /^What happened · about \d+ questions left$/m, /^(The facts the routes need|Your judgment) · (about \d+ questions left|the last question)/m],
    ] as const) {
      const r = await interview(adviser('NL', ['10-10-2026'], (p) => (p.id === 'orders.menu' ? /^(There is no|Er is geen)/ : undefined)), { ...NL_ASOF, lang });
      const said = r.prompter.said.join('\n');
      expect(said).toMatch(stage);
      expect(said).toMatch(re);
      expect(said).not.toMatch(/^(Vraag|Question) \d+|open (onderdelen|elements)/m);
    }
  });
});

describe('changing the complaint in the review', () => {
  it('asks again whether it was made, then when, and shows "not made" in words', async () => {
    let reviewed = false;
    const r = await interview(
      adviser('NL', ['10-10-2026'], (p) => {
        if (p.id === 'orders.menu') return /^Er is geen verbod/;
        if (p.id === 'complaint.status') return reviewed ? /^Ja/ : /^Nee/;
        if (p.id === 'status:case.complaint.filed') return '5-11-2026';
        if (p.id === 'complaint.withdrawn.status') return /^Nee/;
        if (p.id === 'end') return reviewed ? /^Afronden/ : /^Antwoorden bekijken/;
        if (p.id === 'review') {
          if (reviewed) return /^Klaar met bekijken/;
          expect(p.choices?.find((c) => /klacht/.test(c.name))?.name).toMatch(/nee, \(nog\) niet$/);
          return ((reviewed = true), /klacht/);
        }
        return undefined;
      }),
      { ...NL_ASOF, lang: 'nl' },
    );
    expect(r.last.complaint).toEqual({ filed: '2026-11-05', withdrawn: false });
  });
});

describe('Esc while changing an answer', () => {
  it('leaves a list or a typed answer as it was', async () => {
    let step = 0;
    const r = await interview(
      adviser('NL', ['10-10-2026'], (p) => {
        if (p.id === 'orders.menu') return /^Er is geen verbod/;
        if (p.id === 'complaint.status') return /^Ja/;
        if (p.id === 'status:case.complaint.filed') return '5-11-2026';
        if (p.id === 'complaint.withdrawn.status') return /^Nee/;
        if (p.id === 'end') return step < 2 ? /^Antwoorden bekijken/ : /^Afronden/;
        if (p.id === 'review') return step === 0 ? ((step = 1), /^Opzettelijk/) : step === 1 ? ((step = 2), /Incident 1/) : /^Klaar met bekijken/;
        if (p.id === 'incident.edit') return step === 2 ? ((step = 3), /Wijzigen: datum/) : /^Terug/;
        if (p.id === 'case.incidents.0.date' || p.id === 'judgments.opzettelijk') return step >= 1 ? ESC : undefined;
        return undefined;
      }),
      { ...NL_ASOF, lang: 'nl' },
    );
    expect(step).toBe(3);
    expect(r.last.incidents?.[0]?.date).toBe('2026-10-10');
    expect(r.last.judgments?.['opzettelijk']).toBeUndefined();
    expect(r.prompter.said.join('\n')).not.toMatch(/Gewijzigd/);
  });
});

describe('changing the jurisdiction', () => {
  it('from NL to EW mid-way asks for the order before any question about it', async () => {
    let changed = false;
    const r = await interview(
      adviser('NL', ['10-10-2026', '12-10-2026'], (p, saved) => {
        if (p.id === 'orders.menu') return changed && (saved?.orders?.length ?? 0) === 0 ? /^Add an order/ : /^(There is no order|Done with the orders)/;
        if (!changed && /^(facts|judgments)\./.test(p.id)) return MENU;
        if (p.id === 'menu') return changed ? /^Continue/ : /^Review/;
        if (p.id === 'review') return changed ? /^Done reviewing/ : /^Jurisdiction, reference/;
        if (p.id === 'review.case') return /^Where does the case take place/;
        if (p.id === 'case.jurisdiction' && saved) return { value: 'EW' };
        if (p.id === 'case.jurisdiction.confirm') return ((changed = true), true);
        if (p.id === 'order.type') return { value: 'non-molestation-order' };
        if (changed && (/^case\.orders\./.test(p.id) || p.id === 'end')) return STOP;
        return undefined;
      }),
      { ...NL_ASOF, lang: 'en' },
    );
    const ids = r.prompter.asked.map((p) => p.id);
    const change = ids.indexOf('case.jurisdiction.confirm');
    const firstOrderQuestion = ids.findIndex((id, i) => i > change && /^case\.orders\./.test(id));
    expect(change).toBeGreaterThan(0);
    expect(ids.indexOf('orders.menu', change)).toBeGreaterThan(change);
    expect(ids.indexOf('order.type', change)).toBeLessThan(firstOrderQuestion === -1 ? Infinity : firstOrderQuestion);
    expect(r.last).toMatchObject({ jurisdiction: 'EW', orders: [{ type: 'non-molestation-order' }] });
  });
});

describe('an English order, recorded whole, and previous convictions', () => {
  it('asks when it was made, service and its end (not the court, which no rule reads); no term while recording it (the law\'s questions ask a term only while an open result reads it)', async () => {
    const r = await interview(
      adviser('EW', ['10-10-2026'], (p, saved) => {
        switch (p.id) {
          case 'orders.menu':
            return (saved?.orders?.length ?? 0) === 0 ? /^Add an order/ : /^Done with the orders/;
          case 'order.type':
            return { value: 'non-molestation-order' };
          case 'status:case.orders.0.made':
            return '1-3-2026';
          case 'status:case.orders.0.court':
            return 'Family Court at Leeds';
          case 'status:case.orders.0.served':
            return '2-3-2026';
          case 'order.end':
            return { value: 'indefinite' };
          case 'status:case.orders.0.withoutNotice':
            return NO;
          case 'convictions.any':
            return /^Yes/;
          case 'conviction.offence':
            return 'breach of a non-molestation order';
          case 'conviction.date':
            return 'March 2025';
          case 'conviction.breach':
            return { value: true };
          case 'conviction.more':
            return false;
        }
        if (/^status:case\.orders\.0\.terms\./.test(p.id)) return YES;
        return undefined;
      }),
      { ...NL_ASOF, lang: 'en' },
    );
    const order = r.last.orders?.[0];
    expect(order).toMatchObject({ type: 'non-molestation-order', made: '2026-03-01', served: '2026-03-02', indefinite: true, withoutNotice: false });
    expect(order?.court).toBeUndefined();
    // Terms are not part of recording the order: five questions that often change nothing.
    expect(r.prompter.asked.map((p) => p.id).filter((id) => id.startsWith('status:case.orders.0.terms.'))).toEqual([]);
    expect(r.last.previousConvictions).toBeUndefined();
    expect(r.prompter.asked.map((p) => p.id)).not.toContain('convictions.any');
    // Until further order: its expiry is never asked. A return date belongs to an order made without notice: not asked for this one.
    expect(r.prompter.asked.map((p) => p.id)).not.toContain('case.orders.0.expires');
    expect(r.prompter.asked.map((p) => p.id)).not.toContain('status:case.orders.0.returnDate');
  });
});

describe('the day contact was refused', () => {
  it('answers "after the refusal" for every incident whose dates lie clearly before or after it', () => {
    const c: CaseFile = { jurisdiction: 'NL', incidents: [{ date: '2026-09-20' }, { date: '2026-10-10' }, { date: { from: '2026-09-25', to: '2026-10-05' } }, { date: '2026-10-12', afterRefusal: false }] };
    const after = applyRefusal(c, '2026-10-01', 'Europe/Amsterdam');
    expect(after.incidents?.map((i) => i.afterRefusal)).toEqual([false, true, undefined, false]);
  });

  it('is asked once, before the first incident question about it, and fills in the incidents', async () => {
    let filledIn = false;
    const r = await interview(
      adviser('NL', ['20-9-2026', '10-10-2026', '12-10-2026'], (p) => {
        if (p.id === 'orders.menu') return /^Er is geen verbod/;
        if (p.id === 'refusal.date') return ((filledIn = true), '1-10-2026');
        return undefined;
      }),
      { ...NL_ASOF, lang: 'nl' },
    );
    const ids = r.prompter.asked.map((p) => p.id);
    expect(ids.filter((id) => id === 'refusal.date')).toHaveLength(1);
    expect(ids.some((id) => /afterRefusal$/.test(id))).toBe(false);
    expect(filledIn).toBe(true);
    expect(r.last.incidents?.map((i) => i.afterRefusal)).toEqual([false, true, true]);
  });
});

describe('a fact a new rule set reads that no stage covers', () => {
  it('is asked up front when it is part of the posture (where a criminal case stands), in the words of the case-field table', async () => {
    const dir = writeZedland(join(mkdtempSync(join(tmpdir(), 'rulecase-stage-')), 'zz'));
    writeFileSync(
      join(dir, 'proceedings.yaml'),
      `id: zz-proceedings
version: 1.0.0
jurisdiction: ZZ
timeZone: Pacific/Auckland
title: { en: Proceedings (Zedland), nl: Procedure (Zedland) }
description: { en: An invented rule for tests., nl: Een verzonnen regel voor tests. }
validFrom: "2020-01-01"
sources:
  zka-2: { kind: statute, instrument: Zedland Keep-away Act, article: s. 2, url: "https://example.org/zka#s2", quote: "a made-up act for the tests", checked: "2026-01-01", verified: true }
criteria:
  convicted:
    title: { en: Convicted, nl: Veroordeeld }
    conclusion: true
    when: { check: case.proceedings.stage, op: "==", value: convicted }
    explain: { met: { en: Convicted., nl: Veroordeeld. }, not_met: { en: Not convicted., nl: Niet veroordeeld. } }
    cite: [zka-2]
    checked: "2026-01-01"
`,
    );
    const loaded = loadRules([dir]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const r = await interview(
      (p, saved) => {
        if (p.id === 'status:case.proceedings.stage') return { value: { kind: 'value', value: 'convicted' } };
        if (p.id === 'orders.menu') return /^There is no order/;
        return adviser('EW', [], () => undefined)(p, saved);
      },
      { loaded, lang: 'en', asOf: '2026-12-01', now: new Date('2026-12-01T09:00:00Z') },
    );
    const asked = r.prompter.asked.find((p) => p.id === 'status:case.proceedings.stage');
    expect(asked?.message).toBe('Where does the criminal case stand?');
    expect(asked?.choices?.map((c) => c.name)).toContain('convicted');
    expect(r.last.proceedings).toEqual({ stage: 'convicted' });
  });
});
