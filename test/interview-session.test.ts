import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../src/case/types.js';
import { loadCaseText } from '../src/case/load.js';
import { interviewState } from '../src/interview/answers.js';
import { assessSoFar } from '../src/interview/planner.js';
import { chooseStart, languageOrder, StartError, type CaseStore } from '../src/interview/start.js';
import { loadRules } from '../src/io/files.js';
import { InterviewStopped } from '../src/interview/prompter.js';
import { runInterview } from '../src/interview/session.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialise } from '../src/cli/interview-command.js';
import { wrapText as wrap } from '../src/report/wrap.js';
import { conclusion, rules } from './helpers.js';
import { choose, DONT_KNOW, ENTER, EXAMPLE_RULES, interview, MENU, NO, orderFieldsUnknown, ScriptedPrompter, STOP, WHY, writeZedland, YES, type Asked, type ScriptAnswer } from './interview-helpers.js';

/** A Dutch adviser: two incidents, then answers by reference; `extra` overrides. */
function dutch(extra: (p: Asked, saved: CaseFile | undefined) => ScriptAnswer | undefined = () => undefined) {
  return (p: Asked, saved: CaseFile | undefined): ScriptAnswer | undefined => {
    const own = extra(p, saved);
    if (own !== undefined) return own;
    const n = saved?.incidents?.length ?? 0;
    switch (p.id) {
      case 'case.id':
        return 'Z-17';
      case 'case.summary':
        return 'Ex-partner belt en appt dagelijks.';
      case 'incidents.menu':
        return n < 2 ? /^(Een incident|Het eerste incident) toevoegen/ : /^Klaar met de incidenten/;
      case 'incident.date':
        return ['10-1-2026', 'tussen 1 en 15 februari 2026'][n];
      case 'incident.kind':
        return n === 0 ? /telefoontje/ : /bericht/;
      case 'incident.count':
        return '12';
      case 'incident.description':
        return n === 0 ? 'Belde twaalf keer op één avond.' : '';
      case 'adviser':
        return 'A. de Vries';
      case 'end':
        return /^Afronden/;
      case 'report.write':
        return false;
      case 'complaint.status':
        return /^Ja/;
      case 'status:case.complaint.filed':
        return '20-3-2026';
      case 'facts.relationship':
        return choose('ex-partner');
    }
    if (p.id.startsWith('reason:')) return 'Dagelijks contact na een duidelijke weigering.';
    if (p.id === 'judgments.seriousness') return /^high/;
    if (p.id.startsWith('judgments.')) return YES;
    if (p.kind === 'select' && /^(facts|case)\./.test(p.id)) return NO;
    return undefined;
  };
}

const strip = (c: CaseFile): CaseFile => {
  const rest = { ...c };
  delete rest.interview;
  return rest;
};

describe('the interview session', () => {
  it('no answer that changes a verdict is preselected: the cursor starts on nothing, and Enter there chooses nothing', async () => {
    const r = await interview(dutch(), { lang: 'nl', now: new Date('2026-06-01T08:30:00Z') });
    const verdictChanging = r.prompter.asked.filter((p) => p.kind === 'select' && (/^(facts|judgments|case)\./.test(p.id) || ['complaint.status', 'convictions.any', 'order.type'].includes(p.id)));
    expect(verdictChanging.map((p) => p.id)).toEqual(expect.arrayContaining(['complaint.status', 'facts.relationship', 'judgments.persistent', 'facts.victim_refused_contact']));
    expect(verdictChanging.filter((p) => p.preselected)).toEqual([]);
    // A stray Enter on such a question records nothing: the scripted terminal refuses it, as the real one ignores it.
    await expect(interview(dutch((p) => (p.id === 'judgments.persistent' ? ENTER : undefined)), { lang: 'nl' })).rejects.toThrow(/Enter chose nothing for "judgments.persistent"/);
  });

  it('speaks Dutch, stores typed Dutch dates in the case-file format, and records judgments with who, when and why', async () => {
    const r = await interview(dutch(), { lang: 'nl', now: new Date('2026-06-01T08:30:00Z') });
    expect(r.finished).toBe(true);
    expect(r.last.incidents).toEqual([
      // Whether there was violence or a threat is not asked: with persistence judged, it cannot change the outcome here.
      // No description is asked: no rule reads it (the review edits it).
      { date: '2026-01-10', kind: 'call' },
      { date: { from: '2026-02-01', to: '2026-02-15' }, kind: 'message', count: 12 },
    ]);
    expect(r.last.complaint).toEqual({ filed: '2026-03-20' });
    // 08:30 UTC is 10:30 in Amsterdam; the adviser's name was asked once.
    expect(r.last.judgments?.['persistent']).toEqual({ value: true, reason: 'Dagelijks contact na een duidelijke weigering.', by: 'A. de Vries', at: '2026-06-01T10:30' });
    // How serious it is feeds no headline, deadline or action of this rule set: not asked.
    expect(r.last.judgments?.['seriousness']).toBeUndefined();
    expect(r.prompter.asked.filter((p) => p.id === 'adviser')).toHaveLength(1);
    const said = r.prompter.said.join('\n');
    expect(said).toMatch(/Uw oordeel is nodig: Stelselmatig/);
    // One call and about twelve messages in a period: thirteen acts.
    expect(said).toMatch(/aantal incidenten: 13/);
    expect(said).toMatch(/Zaak 2026-06-01-0830[\s\S]*Belaging \(voorbeeld\) — voldaan/);
    expect(r.prompter.asked.find((p) => p.id === 'facts.victim_refused_contact')?.choices?.map((c) => c.name)).toEqual(['Ja', 'Nee', 'Weet ik niet', 'Waarom deze vraag?', 'Menu: antwoorden bekijken of wijzigen, incidenten, de beoordeling tot nu toe, stoppen']);
    // The saved file is a valid case file that assess reads.
    const text = serialise(r.last, 'zaak.yaml');
    const loaded = loadCaseText('zaak.yaml', text);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.caseFile).toEqual(JSON.parse(JSON.stringify(r.last)));
    expect(text).toMatch(/date: "2026-01-10"/);
    // A .json file gets JSON, which assess reads as well.
    const json = serialise(r.last, 'zaak.json');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(r.last)));
    expect(loadCaseText('zaak.json', json).diagnostics).toEqual([]);
  });

  it('saves after every answer, and a resumed interview goes on where it stopped and ends the same', async () => {
    const whole = await interview(dutch(), { lang: 'nl' });
    let questions = 0;
    const stopped = await interview(dutch((p) => (/^(facts|judgments|case\.)/.test(p.id) && ++questions === 3 ? STOP : undefined)), { lang: 'nl' });
    expect(stopped.stopped).toBe(true);
    // Every answer before Ctrl-C is in the last save: the two incidents and two answers.
    expect(stopped.last.incidents).toHaveLength(2);
    expect(stopped.saves.length).toBeGreaterThan(6);
    const askedBefore = stopped.prompter.questions();
    const resumed = await interview(dutch(), { lang: 'nl', start: stopped.last });
    // No opening again, and the question that was interrupted comes first.
    expect(resumed.prompter.asked[0]?.id).toBe(askedBefore.at(-1));
    expect(resumed.prompter.asked.map((p) => p.id)).not.toContain('incidents.menu');
    expect([...askedBefore.slice(0, -1), ...resumed.prompter.questions()]).toEqual(whole.prompter.questions());
    expect(strip(resumed.last)).toEqual(strip(whole.last));
    expect(interviewState(resumed.last)).toMatchObject({ status: 'finished', stage: 'finished' });
  });

  it('explains why a question is asked by naming the elements that depend on it', async () => {
    let why = 0;
    const r = await interview(dutch((p) => (p.id === 'facts.victim_refused_contact' && why++ === 0 ? WHY : undefined)), { lang: 'nl' });
    const said = r.prompter.said.join('\n');
    expect(said).toMatch(/Het antwoord kan deze juridische onderdelen en termijnen nog veranderen:\n {2}· Meerdere waarschuwingssignalen — onbepaald/);
    expect(r.prompter.asked.filter((p) => p.id === 'facts.victim_refused_contact')).toHaveLength(2);
  });

  it('opens the menu from a question, shows the assessment so far, and reviews and changes answers', async () => {
    let step = 0;
    const r = await interview(
      dutch((p) => {
        if (p.id === 'facts.victim_refused_contact' && step === 0) {
          step = 1;
          return MENU;
        }
        if (p.id === 'menu') return step === 1 ? ((step = 2), /tot nu toe tonen/) : step === 2 ? ((step = 3), /^Antwoorden bekijken/) : /^(Verder|Terug)/;
        if (p.id === 'review') return step === 3 ? ((step = 4), /relatie/) : /^Klaar met bekijken/;
        if (p.id === 'facts.relationship' && step === 4) {
          step = 5;
          expect(p.choices?.map((c) => c.name)).toContain('Huidig antwoord houden (ex-partner)');
          return choose('neighbour');
        }
        return undefined;
      }),
      { lang: 'nl' },
    );
    expect(step).toBe(5);
    expect(r.last.facts?.['relationship']).toBe('neighbour');
    const said = r.prompter.said.join('\n');
    expect(said).toMatch(/Gewijzigd\. De vragen worden opnieuw bepaald\./);
    // The assessment so far, with the complaint term still open.
    expect(said).toMatch(/Termijnen[\s\S]*Klachttermijn/);
    expect(r.finished).toBe(true);
  });

  it('checks typed dates as they are typed and refuses impossible ones', async () => {
    await expect(interview((q, s) => (q.id === 'incident.date' ? '31-2-2026' : dutch()(q, s)), { lang: 'nl' })).rejects.toThrow(/"31-2-2026" refused for "incident.date": 31 februari 2026 bestaat niet/);
  });

  it('manages incidents as a repeating group: add, change, remove', async () => {
    let phase = 0;
    const r = await interview(
      dutch((p, saved) => {
        const n = saved?.incidents?.length ?? 0;
        if (p.id === 'incidents.menu') {
          if (n < 3 && phase === 0) return /toevoegen/;
          if (phase === 0) return (phase = 1), /bekijken, wijzigen of verwijderen/;
          return /^Klaar met de incidenten/;
        }
        if (p.id === 'incident.date') return ['10-1-2026', '12-1-2026', 'maart 2026'][n];
        if (p.id === 'incident.count') return '';
        if (p.id === 'incidents.pick') return phase === 1 ? /^1\. / : undefined;
        if (p.id === 'incident.edit') {
          if (phase === 1) return (phase = 2), /^Wijzigen: datum/;
          if (phase === 2) return (phase = 3), /verwijderen$/;
          return undefined;
        }
        if (p.id === 'case.incidents.0.date' && phase === 2) return '11-1-2026';
        if (p.id === 'incident.remove') return true;
        return undefined;
      }),
      { lang: 'nl' },
    );
    expect(phase).toBe(3);
    // The first incident was moved to 11 January, then removed: two remain.
    expect(r.saves.some((c) => c.incidents?.[0]?.date === '2026-01-11')).toBe(true);
    expect(r.last.incidents?.map((i) => i.date)).toEqual(['2026-01-12', '2026-03']);
    expect(r.prompter.said.join('\n')).toMatch(/Incident 1 verwijderd\./);
  });

  it('ends by writing the printable HTML report next to the case file, shows only the headlines, and asks before overwriting a file it did not write', async () => {
    const r = await interview(dutch(), { lang: 'nl' });
    expect([...r.files.keys()]).toEqual(['case.html']);
    const html = r.files.get('case.html') ?? '';
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('Belaging (voorbeeld)');
    expect(r.finished).toBe(true);
    const said = r.prompter.said.join('\n');
    expect(said).toContain('Het afdrukbare rapport: case.html');
    // On screen the lean report (headlines, what to do); the elements' reasons only when asked for.
    expect(said).not.toMatch(/Herhaald gedrag — voldaan/);
    // A file of that name the interview did not write is not overwritten without asking.
    let asked = false;
    const again = await interview(dutch((p) => (p.id === 'report.overwrite' ? ((asked = true), false) : undefined)), { lang: 'nl', files: new Map([['case.html', 'mine']]) });
    expect(asked).toBe(true);
    expect(again.files.get('case.html')).toBe('mine');
  });

  it('"don\'t know" to a judgment leaves it open, and the report still asks for it', async () => {
    const r = await interview(dutch((p) => (p.id === 'judgments.persistent' ? DONT_KNOW : undefined)), { lang: 'nl' });
    expect(r.last.judgments?.['persistent']).toBeUndefined();
    const report = assessSoFar({ rulesets: rules(...EXAMPLE_RULES).rulesets, caseFile: r.last, asOf: '2026-06-01', lang: 'nl' });
    expect(conclusion(report, 'persistent').status).toBe('undetermined');
    expect(conclusion(report, 'harassment').status).toBe('undetermined');
    expect(r.prompter.questions().filter((q) => q === 'judgments.persistent')).toHaveLength(1);
  });

  it('asks the facts a judgment weighs just before it, with no detour, and says why', async () => {
    const r = await interview(dutch((p) => (p.id === 'facts.victim_refused_contact' ? YES : undefined)), { lang: 'nl' });
    const asked = r.prompter.questions();
    expect(asked.indexOf('facts.victim_refused_contact')).toBe(asked.indexOf('judgments.persistent') - 1);
    expect(asked.filter((q) => q === 'judgments.persistent')).toHaveLength(1);
    const judging = r.prompter.asked.find((p) => p.id === 'judgments.persistent');
    expect(judging?.choices?.map((c) => c.name).join('|')).not.toMatch(/Eerst het onbekende feit/);
    expect(r.prompter.said.join('\n')).toMatch(/een feit dat het oordeel weegt/);
    expect(r.prompter.said.join('\n')).toMatch(/Heeft het slachtoffer contact duidelijk geweigerd\?: ja/);
  });

  it('stops from the menu with everything saved', async () => {
    const r = await interview(dutch((p) => (p.id === 'facts.victim_refused_contact' ? MENU : p.id === 'menu' ? /^Nu stoppen/ : undefined)), { lang: 'nl' });
    expect(r.finished).toBe(false);
    expect(r.stopped).toBe(false);
    expect(interviewState(r.last)).toMatchObject({ status: 'in-progress', stage: 'questions' });
  });
});

describe('choosing the file', () => {
  const memory = (files: Record<string, string>): CaseStore => ({ exists: (p) => p in files, read: (p) => files[p] ?? '' });
  const unfinished = serialise({ jurisdiction: 'NL', incidents: [{ date: '2026-01-10' }], interview: { tool: 'rulecase interview', status: 'in-progress', stage: 'questions', lang: 'nl', unknown: [], saved: '2026-05-31T17:00:00.000Z', asked: 3 } }, 'zaak.yaml');
  const foreign = 'jurisdiction: NL\nincidents:\n  - { date: "2026-01-10" }\n';

  it('offers to resume an unfinished interview saved in the --save file', async () => {
    const p = new ScriptedPrompter((q) => (q.id === 'start.existing' ? /^Ja, verder/ : undefined));
    const s = await chooseStart({ save: 'zaak.yaml', lang: 'nl', suggestion: () => 'x.yaml', jurisdictions: rules(...EXAMPLE_RULES).jurisdictions }, p, memory({ 'zaak.yaml': unfinished }));
    // Saved at 17:00 UTC: 19:00 in the zone of NL's jurisdiction.yaml.
    expect(p.asked[0]?.message).toMatch(/zaak\.yaml bevat een onafgemaakt interview \(laatst bewaard 31 mei 2026 om 19:00\)/);
    expect(s).toMatchObject({ file: 'zaak.yaml', lang: 'nl', start: { incidents: [{ date: '2026-01-10' }] } });
  });

  it('never overwrites a file it did not write without asking', async () => {
    const p = new ScriptedPrompter((q) => (q.id === 'start.foreign-target' ? /^In een ander bestand/ : q.id === 'start.file' ? 'nieuw.yaml' : undefined));
    const s = await chooseStart({ save: 'eigen.yaml', lang: 'nl', suggestion: () => 'x.yaml' }, p, memory({ 'eigen.yaml': foreign }));
    expect(p.asked[0]?.message).toMatch(/eigen\.yaml bestaat al en is niet door rulecase interview geschreven/);
    expect(s).toEqual({ file: 'nieuw.yaml', lang: 'nl' });
  });

  it('asks before saving into a hand-written file given to --resume', async () => {
    const p = new ScriptedPrompter((q) => (q.id === 'start.foreign' ? /^Yes, save into/ : undefined));
    const s = await chooseStart({ resume: 'eigen.yaml', lang: 'en', suggestion: () => 'x.yaml' }, p, memory({ 'eigen.yaml': foreign }));
    expect(s.file).toBe('eigen.yaml');
    expect(interviewState(s.start as CaseFile)).toMatchObject({ stage: 'incidents', status: 'in-progress' });
  });

  it('asks the language first when --lang is not given, and takes it from a resumed file', async () => {
    const p = new ScriptedPrompter((q) => (q.id === 'lang' ? /Nederlands/ : q.id === 'start.file' ? '' : undefined));
    expect(await chooseStart({ suggestion: (l) => (l === 'nl' ? 'zaak-1.yaml' : 'case-1.yaml') }, p, memory({}))).toEqual({ file: 'zaak-1.yaml', lang: 'nl' });
    const q = new ScriptedPrompter(() => undefined);
    expect((await chooseStart({ resume: 'zaak.yaml', suggestion: () => 'x.yaml' }, q, memory({ 'zaak.yaml': unfinished }))).lang).toBe('nl');
  });

  it('refuses a --resume file that is not a valid case file', async () => {
    const p = new ScriptedPrompter(() => undefined);
    await expect(chooseStart({ resume: 'kapot.yaml', lang: 'nl', suggestion: () => 'x.yaml' }, p, memory({ 'kapot.yaml': 'jurisdiction: nl\n' }))).rejects.toThrow(StartError);
    const jurisdictions = rules().jurisdictions;
    await expect(chooseStart({ resume: 'kapot.yaml', lang: 'nl', suggestion: () => 'x.yaml', jurisdictions }, p, memory({ 'kapot.yaml': 'jurisdiction: XX\n' }))).rejects.toThrow(/kapot\.yaml:1:15: error unknown-jurisdiction: jurisdiction "XX" is not one the rules know/);
    await expect(chooseStart({ resume: 'kapot.yaml', lang: 'nl', suggestion: () => 'x.yaml', jurisdictions }, p, memory({ 'kapot.yaml': 'jurisdiction: EW\norders: [{ type: huisverbod }]\n' }))).rejects.toThrow(/kapot\.yaml:2:18: error unknown-order-type: orders\[0\]\.type "huisverbod" is not an order type of EW/);
  });

  it('offers first the languages the jurisdictions declare', async () => {
    const [ew, nl] = rules().jurisdictions as [NonNullable<ReturnType<typeof rules>['jurisdictions'][number]>, NonNullable<ReturnType<typeof rules>['jurisdictions'][number]>];
    expect(languageOrder([ew, nl])).toEqual(['nl', 'en']);
    expect(languageOrder([ew])).toEqual(['en', 'nl']);
    expect(languageOrder([nl])).toEqual(['nl', 'en']);
    expect(languageOrder([])).toEqual(['nl', 'en']);
    // A hand-written English case file resumed without --lang: its jurisdiction's languages first.
    const p = new ScriptedPrompter((q) => (q.id === 'lang' ? /English/ : q.id === 'start.foreign' ? /^Yes, save into/ : undefined));
    await chooseStart({ resume: 'case.yaml', suggestion: () => 'x.yaml', jurisdictions: [ew, nl] }, p, memory({ 'case.yaml': 'jurisdiction: EW\n' }));
    expect(p.asked[0]?.choices?.map((c) => c.value)).toEqual(['en', 'nl']);
  });
});

describe('jurisdictions, their names and their orders come from the jurisdiction.yaml manifests', () => {
  it.each([
    ['en', ['EW', 'NL'], ['England and Wales', 'the Netherlands']],
    ['nl', ['NL', 'EW'], ['Nederland', 'Engeland en Wales']],
  ] as const)('in %s: the jurisdiction that offers the language first comes first, by its own name', async (lang, values, names) => {
    const prompter = new ScriptedPrompter((q) => (q.id === 'case.jurisdiction' ? STOP : undefined));
    const options = { rulesets: rules().rulesets, lang, asOf: '2026-06-01', file: 'case.yaml', color: false, toolVersion: '0.0.0-test' };
    await expect(runInterview(undefined, options, { prompter, now: () => new Date('2026-06-01T08:30:00Z'), save: () => {}, files: { exists: () => false, write: () => {} } })).rejects.toThrow(InterviewStopped);
    const asked = prompter.asked.find((q) => q.id === 'case.jurisdiction');
    expect(asked?.choices?.map((c) => c.value)).toEqual(values);
    expect(asked?.choices?.map((c) => c.name)).toEqual(names);
  });

  it('an order is chosen among its jurisdiction\'s order types, by the names its manifest gives', async () => {
    const ew = rules().jurisdictions.find((j) => j.id === 'EW');
    const script = (p: Asked, saved: CaseFile | undefined): ScriptAnswer | undefined => {
      switch (p.id) {
        case 'case.jurisdiction':
          return { value: 'EW' };
        case 'case.id':
        case 'case.summary':
          return '';
        case 'incidents.menu':
          return /^There are no incidents/;
        case 'orders.menu':
          return (saved?.orders?.length ?? 0) === 0 ? /^Add an order/ : STOP;
        case 'order.type':
          return { value: 'non-molestation-order' };
      }
      return orderFieldsUnknown(p);
    };
    const r = await interview(script, { rules: ['rules'], lang: 'en' });
    const asked = r.prompter.asked.find((p) => p.id === 'order.type');
    expect(asked?.choices?.map((c) => c.value)).toEqual(ew?.orderTypes.map((t) => t.value));
    expect(asked?.choices?.map((c) => c.name)).toEqual(ew?.orderTypes.map((t) => (t.interviewLabel ?? t.label).en));
    expect(r.last.orders).toEqual([{ type: 'non-molestation-order' }]);
    expect(r.prompter.said.join('\n')).toContain('Order 1 saved: non-molestation order');
  });

  it('a jurisdiction added as YAML only is offered with its name, its order types and its time zone', async () => {
    const loaded = loadRules([writeZedland(join(mkdtempSync(join(tmpdir(), 'rulecase-zedland-')), 'zz'))]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const script = (p: Asked, saved: CaseFile | undefined): ScriptAnswer | undefined => {
      const n = saved?.incidents?.length ?? 0;
      switch (p.id) {
        case 'case.id':
        case 'case.summary':
        case 'incident.description':
          return '';
        case 'incidents.menu':
          return n === 0 ? /^Add the first incident/ : /^Done with the incidents/;
        case 'incident.date':
          return '3/3/2026 23:30';
        case 'incident.kind':
          return /phone call/;
        case 'orders.menu':
          return (saved?.orders?.length ?? 0) === 0 ? /^Add an order/ : /^Done with the orders/;
        case 'order.type':
          return /^keep-away order/;
        case 'convictions.any':
          return /^Don't know/;
        case 'end':
          return /^Finish/;
        case 'report.write':
          return false;
      }
      return orderFieldsUnknown(p);
    };
    const r = await interview(script, { loaded, lang: 'en', now: new Date('2026-06-01T08:30:00Z') });
    expect(r.finished).toBe(true);
    const said = r.prompter.said.join('\n');
    expect(said).toContain('Where does the case take place? Zedland');
    expect(r.prompter.asked.find((p) => p.id === 'order.type')?.choices?.map((c) => c.name)).toEqual(['keep-away order (Zedland Keep-away Act)', 'no-contact order']);
    expect(r.last).toMatchObject({ jurisdiction: 'ZZ', orders: [{ type: 'keep-away-order' }], incidents: [{ date: '2026-03-03T23:30', kind: 'call' }] });
    expect(said).toMatch(/Breach — met/);
    expect(said).toMatch(/\(Pacific\/Auckland\)/);
  });
});

describe('text on the terminal', () => {
  it('wraps long guidance at word boundaries, with a hanging indent for bullets, not counting colour codes', () => {
    const bullet = '  · ' + 'woord '.repeat(20).trim();
    const out = wrap(bullet, 40).split('\n');
    expect(out.every((l) => l.length <= 40)).toBe(true);
    expect(out[1]).toMatch(/^ {4}woord/);
    expect(wrap('\u001b[2mkort\u001b[22m', 4)).toBe('\u001b[2mkort\u001b[22m');
    expect(wrap('a\nb', 10)).toBe('a\nb');
  });
});
