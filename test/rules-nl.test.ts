import { describe, expect, it } from 'vitest';
import type { CaseReport } from '../src/explain/types.js';
import { assessFixture, assessText, conclusion, deadline, rules } from './helpers.js';

// Only the Dutch rule sets (belaging, deadlines, bans and the Atw calendar): these tests are about Dutch law.
const nl = () => rules('rules/nl');

const fixture = (path: string, asOf: string, lang: 'en' | 'nl' = 'en'): CaseReport => {
  const r = assessFixture(path, { asOf, lang, rules: nl() });
  expect(r.diagnostics, JSON.stringify(r.diagnostics)).toEqual([]);
  expect(r.status).toBe('assessed');
  return r;
};

/** A minimal Dutch case: incidents on the given dates, plus any extra YAML. */
const caseText = (dates: string[], extra = ''): string =>
  ['jurisdiction: NL', 'incidents:', ...dates.map((d) => `  - { date: "${d}", kind: message }`), extra].join('\n');

const assess = (text: string, asOf: string, lang: 'en' | 'nl' = 'en'): CaseReport => {
  const r = assessText(text, { asOf, lang, rules: nl() });
  expect(r.status, JSON.stringify(r.diagnostics)).toBe('assessed');
  return r;
};

const refs = (needs: { ref: string }[]): string[] => needs.map((n) => n.ref);
const indicator = (r: CaseReport, judgment: string, ref: string) => {
  const found = conclusion(r, judgment).indicators?.find((i) => i.ref === ref);
  if (!found) throw new Error(`no indicator ${ref} on ${judgment}`);
  return found;
};

describe('the Dutch rule sets', () => {
  it('load without errors and cover belaging, deadlines and bans from 1 January 2026', () => {
    const ids = nl().rulesets.map((rs) => `${rs.id}@${rs.validFrom}`).sort();
    expect(ids).toEqual(['nl-atw@2010-10-10', 'nl-bans@2026-01-01', 'nl-belaging@2026-01-01', 'nl-deadlines@2026-01-01']);
  });
});

describe('showcase: stalking by an ex-partner (fixtures/nl/belaging-ex-partner.yaml)', () => {
  const r = () => fixture('fixtures/nl/belaging-ex-partner.yaml', '2026-05-20');

  it('finds belaging made out and the complaint requirement met', () => {
    const belaging = conclusion(r(), 'belaging');
    expect(belaging.headline).toBe(true);
    expect(belaging.status).toBe('met');
    expect(belaging.explanation).toContain("three years' imprisonment or a fine of the fourth category");
    expect(conclusion(r(), 'klachtvereiste').status).toBe('met');
    expect(conclusion(r(), 'complaint_in_time').status).toBe('met');
  });

  it('counts the complaint term from the last act and extends a Saturday end to Monday (Atw)', () => {
    const d = deadline(r(), 'complaint');
    expect(d.basis.startRef).toBe('derived.last_act');
    expect(d.basis.startDate).toBe('2026-04-18');
    expect(d.basis.unextendedDue).toBe('2026-07-18'); // a Saturday
    expect(d.due).toBe('2026-07-20');
    expect(d.basis.extension?.why).toContain('Saturday');
    expect(d.status).toBe('satisfied');
  });

  it('shows the stelselmatig judgment with the indicators the Hoge Raad weighs', () => {
    const j = conclusion(r(), 'stelselmatig_inbreuk');
    expect(j.kind).toBe('judgment');
    expect(j.status).toBe('met');
    expect(indicator(r(), 'stelselmatig_inbreuk', 'derived.act_count').value).toBe(11);
    expect(indicator(r(), 'stelselmatig_inbreuk', 'derived.first_act').value).toBe('2026-01-28');
    expect(indicator(r(), 'stelselmatig_inbreuk', 'derived.last_act').value).toBe('2026-04-18');
    expect(indicator(r(), 'stelselmatig_inbreuk', 'derived.span_days').value).toBe(80);
    expect(indicator(r(), 'stelselmatig_inbreuk', 'derived.acts_after_refusal').value).toBe(9);
    expect(indicator(r(), 'stelselmatig_inbreuk', 'derived.threat_count').value).toBe(1);
    expect(indicator(r(), 'stelselmatig_inbreuk', 'derived.presence_count').value).toBe(4);
    expect(indicator(r(), 'stelselmatig_inbreuk', 'derived.kinds').value).toEqual(['call', 'email', 'following', 'message', 'social-media', 'visit-home', 'visit-work', 'watching']);
    expect(indicator(r(), 'stelselmatig_inbreuk', 'derived.channels').value).toHaveLength(6);
    expect(indicator(r(), 'stelselmatig_inbreuk', 'facts.victim_changed_life').value).toBe(true);
    const debate = indicator(r(), 'stelselmatig_inbreuk', 'facts.public_debate');
    expect(debate.counter).toBe(true);
    expect(debate.value).toBe(false);
    expect(j.judgment).toMatchObject({ value: true, by: 'mr. L. Jansen (Juridisch Loket)', at: '2026-05-19T14:10' });
    expect(j.judgment?.reason).toContain('nine after a clear refusal');
  });

  it('marks the fourth-category fine amount as unverified', () => {
    const fine = conclusion(r(), 'fine_category_4');
    expect(fine.status).toBe('met');
    expect(fine.outputs?.['eur']).toBe(27500);
    expect(fine.verified).toBe(false);
    expect(String(fine.outputs?.['info'])).toContain('UNCONFIRMED');
    expect(fine.sources.find((s) => s.id === 'fine-2024-2026')?.verified).toBe(false);
    expect(fine.sources.find((s) => s.id === 'stb-2017-433')?.verified).toBe(true);
  });

  it('marks the voorwaardelijk-opzet point and the secondary sources as unverified', () => {
    expect(conclusion(r(), 'opzettelijk').verified).toBe(false);
    expect(conclusion(r(), 'opzettelijk').note).toContain('voorwaardelijk opzet');
    expect(conclusion(r(), 'wederrechtelijk').verified).toBe(false);
    expect(conclusion(r(), 'stelselmatig_inbreuk').verified).toBe(true);
    const complaint = deadline(r(), 'complaint');
    expect(complaint.verified).toBe(false);
    expect(complaint.note).toContain('12 months');
    expect(complaint.note).toContain('wrong');
  });

  it('gives eight days after filing to withdraw the complaint (Art. 67 Sr)', () => {
    const d = deadline(r(), 'complaint_withdrawal');
    expect(d.basis.startDate).toBe('2026-04-22');
    expect(d.due).toBe('2026-04-30');
    expect(d.status).toBe('expired');
    expect(conclusion(r(), 'complaint_withdrawn').status).toBe('not_met');
  });

  it('puts limitation six years after the last act, not moved off a Sunday', () => {
    const d = deadline(r(), 'limitation');
    expect(d.due).toBe('2032-04-18'); // a Sunday
    expect(d.basis.calendar).toBe('none');
    expect(d.basis.extension).toBeUndefined();
    expect(d.status).toBe('open');
  });

  it('computes the gedragsaanwijzing periods and leaves unrelated deadlines not applicable', () => {
    expect(deadline(r(), 'gedragsaanwijzing_end').due).toBe('2026-07-22');
    expect(deadline(r(), 'gedragsaanwijzing_max').due).toBe('2027-04-18');
    for (const id of ['criminal_appeal', 'kort_geding_appeal', 'measure_38v_end', 'huisverbod_end', 'huisverbod_max', 'dwangsom_limitation']) {
      expect(deadline(r(), id).status).toBe('not_applicable');
    }
    expect(conclusion(r(), 'breach_consequence').outputs?.['info']).toContain('Art. 184a(1) Sr');
  });

  it('reads as Dutch legal language with --lang nl', () => {
    const n = fixture('fixtures/nl/belaging-ex-partner.yaml', '2026-05-20', 'nl');
    expect(conclusion(n, 'belaging').title).toBe('Belaging (art. 285b lid 1 Sr)');
    expect(conclusion(n, 'belaging').explanation).toContain('gevangenisstraf van ten hoogste drie jaren of geldboete van de vierde categorie');
    expect(deadline(n, 'complaint').title).toBe('Klachttermijn (art. 66 Sr)');
    expect(deadline(n, 'complaint').basis.text).toContain('drie maanden na de dag waarop de klachtgerechtigde kennis heeft genomen');
    expect(String(conclusion(n, 'fine_category_4').outputs?.['info'])).toContain('NIET BEVESTIGD');
    expect(conclusion(n, 'stelselmatig_inbreuk').guidance).toContain('GEEN minimumaantal');
  });
});

describe('an intake with facts missing (fixtures/nl/belaging-onvolledig.yaml)', () => {
  const r = () => fixture('fixtures/nl/belaging-onvolledig.yaml', '2026-06-10');

  it('leaves belaging undetermined, not not_met, and asks for the four judgments', () => {
    const b = conclusion(r(), 'belaging');
    expect(b.status).toBe('undetermined');
    expect(refs(b.needs).sort()).toEqual(['judgments.oogmerk', 'judgments.opzettelijk', 'judgments.stelselmatig_inbreuk', 'judgments.wederrechtelijk']);
  });

  it('leaves the complaint requirement undetermined and names the facts that decide it', () => {
    const k = conclusion(r(), 'klachtvereiste');
    expect(k.status).toBe('undetermined');
    expect(refs(k.needs)).toEqual(expect.arrayContaining(['facts.complaint_filed', 'case.complaint.filed', 'facts.complaint_filed_by']));
    const filed = conclusion(r(), 'complaint_filed');
    expect(filed.status).toBe('undetermined');
    // Either the filing date or the yes/no answer would decide it.
    expect(refs(filed.needs)).toEqual(['case.complaint.filed', 'facts.complaint_filed']);
  });

  it('gives the stelselmatig judgment as guidance with a count range for incidents whose details are unknown', () => {
    const j = conclusion(r(), 'stelselmatig_inbreuk');
    expect(j.status).toBe('undetermined');
    expect(j.guidance).toContain('NO minimum number of acts');
    expect(indicator(r(), 'stelselmatig_inbreuk', 'derived.threat_count').value).toEqual({ min: 1, max: 4 });
    expect(indicator(r(), 'stelselmatig_inbreuk', 'derived.act_count').value).toBe(4);
  });

  it('still computes the complaint term: Sunday 30 August extended to Monday 31 August', () => {
    const d = deadline(r(), 'complaint');
    expect(d.basis.unextendedDue).toBe('2026-08-30');
    expect(d.due).toBe('2026-08-31');
    expect(d.status).toBe('open');
  });
});

describe('a complaint filed too late (fixtures/nl/belaging-klachttermijn-verstreken.yaml)', () => {
  const r = () => fixture('fixtures/nl/belaging-klachttermijn-verstreken.yaml', '2026-06-20');

  it('ends the complaint term on Monday 11 May 2026 (Sunday 10 May extended) and finds the complaint late', () => {
    const d = deadline(r(), 'complaint');
    expect(d.basis.unextendedDue).toBe('2026-05-10');
    expect(d.due).toBe('2026-05-11');
    expect(d.status).toBe('expired');
    expect(conclusion(r(), 'complaint_in_time').status).toBe('not_met');
  });

  it('finds belaging made out but the complaint requirement not met', () => {
    expect(conclusion(r(), 'belaging').status).toBe('met');
    const k = conclusion(r(), 'klachtvereiste');
    expect(k.status).toBe('not_met');
    expect(k.explanation).toContain('ECLI:NL:RBDHA:2018:3453');
  });
});

describe('approximate dates and a huisverbod (fixtures/nl/belaging-datum-bij-benadering.yaml)', () => {
  const r = () => fixture('fixtures/nl/belaging-datum-bij-benadering.yaml', '2026-04-03');

  it('gives an earliest and a latest end of the complaint term', () => {
    const d = deadline(r(), 'complaint');
    expect(d.basis.startDate).toEqual({ earliest: '2026-04-02', latest: '2026-04-03' });
    expect(d.earliest).toBe('2026-07-02');
    expect(d.latest).toBe('2026-07-03');
    expect(d.due).toBe('2026-07-02');
  });

  it('does not extend the huisverbod over Easter Monday or a Saturday (Art. 13 Wth)', () => {
    const end = deadline(r(), 'huisverbod_end');
    expect(end.due).toBe('2026-04-06'); // Easter Monday
    expect(end.basis.extension).toBeUndefined();
    expect(end.status).toBe('due_soon');
    const max = deadline(r(), 'huisverbod_max');
    expect(max.due).toBe('2026-04-25'); // a Saturday
    expect(max.basis.extension).toBeUndefined();
  });

  it('records that no complaint was filed and that a violated huisverbod is a crime', () => {
    expect(conclusion(r(), 'complaint_filed').status).toBe('not_met');
    expect(conclusion(r(), 'klachtvereiste').status).toBe('not_met');
    expect(conclusion(r(), 'breach_consequence').outputs?.['info']).toContain('Art. 11 Wth');
    const breached = conclusion(r(), 'ban_breached');
    expect(breached.status).toBe('undetermined');
    expect(refs(breached.needs)).toEqual(['judgments.ban_breached']);
    expect(indicator(r(), 'ban_breached', 'derived.acts_after_ban').value).toBe(2);
  });
});

describe('a neighbour dispute with recorded judgments (fixtures/nl/belaging-buurman.yaml)', () => {
  const r = () => fixture('fixtures/nl/belaging-buurman.yaml', '2026-05-04');

  it('follows the recorded judgment that the conduct was not wederrechtelijk', () => {
    const w = conclusion(r(), 'wederrechtelijk');
    expect(w.status).toBe('not_met');
    expect(w.judgment).toMatchObject({ value: false, by: 'mr. R. Bakker (Het Juridisch Loket)', at: '2026-04-30T11:20' });
    expect(indicator(r(), 'wederrechtelijk', 'facts.mutual_contact')).toMatchObject({ value: true, counter: true });
    expect(indicator(r(), 'wederrechtelijk', 'derived.victim_initiated')).toMatchObject({ value: 2, counter: true });
    expect(conclusion(r(), 'belaging').status).toBe('not_met');
  });

  it('extends the kort geding appeal term past Ascension Day, the decree day and the weekend, and marks it unverified', () => {
    const d = deadline(r(), 'kort_geding_appeal');
    expect(d.basis.unextendedDue).toBe('2026-05-14'); // Ascension Day
    expect(d.due).toBe('2026-05-18');
    expect(d.basis.extension?.why).toContain('Ascension Day');
    expect(d.basis.extension?.why).toContain('unverified'); // 15 May 2026 rests on an unconfirmed decree
    expect(d.verified).toBe(false);
  });

  it('does not extend the six-month dwangsom limitation off a Sunday (Atw art. 4)', () => {
    const d = deadline(r(), 'dwangsom_limitation');
    expect(d.due).toBe('2026-10-25'); // a Sunday
    expect(d.basis.extension).toBeUndefined();
    expect(conclusion(r(), 'breach_consequence').outputs?.['info']).toContain('Art. 611g(1) Rv');
  });
});

describe('the complaint term under the Algemene termijnenwet', () => {
  it('applies the month-end rule and then extends a Sunday: 30 November + 3 months → 1 March', () => {
    const d = deadline(assess(caseText(['2026-11-30']), '2026-12-01'), 'complaint');
    expect(d.basis.monthEndApplied).toBe(true);
    expect(d.basis.unextendedDue).toBe('2027-02-28'); // a Sunday
    expect(d.due).toBe('2027-03-01');
  });

  it("extends past King's Day, 27 April", () => {
    const d = deadline(assess(caseText(['2026-01-27']), '2026-02-01'), 'complaint');
    expect(d.basis.unextendedDue).toBe('2026-04-27');
    expect(d.due).toBe('2026-04-28');
    expect(d.basis.extension?.why).toContain("King's Day");
  });

  it("extends past King's Day kept on Saturday 26 April when the 27th is a Sunday (2031)", () => {
    const d = deadline(assess(caseText(['2031-01-26']), '2031-02-01'), 'complaint');
    expect(d.basis.unextendedDue).toBe('2031-04-26');
    expect(d.due).toBe('2031-04-28');
    expect(d.basis.extension?.why).toContain("2031-04-26 King's Day");
  });

  it('extends past 5 May, a public holiday every year under the Atw', () => {
    const d = deadline(assess(caseText(['2026-02-05']), '2026-02-10'), 'complaint');
    expect(d.basis.unextendedDue).toBe('2026-05-05');
    expect(d.due).toBe('2026-05-06');
    expect(d.basis.extension?.why).toContain('Liberation Day');
  });

  it('extends past Good Friday, the weekend and Easter Monday', () => {
    const d = deadline(assess(caseText(['2026-01-03']), '2026-01-10'), 'complaint');
    expect(d.basis.unextendedDue).toBe('2026-04-03');
    expect(d.due).toBe('2026-04-07');
  });

  it('runs from the day the victim learned of the conduct when that is later than the last act', () => {
    const d = deadline(assess(caseText(['2026-03-01'], 'complaint: { learned: "2026-03-10" }'), '2026-03-20'), 'complaint');
    expect(d.basis.startRef).toBe('case.complaint.learned');
    expect(d.due).toBe('2026-06-10');
  });

  it('falls back on the last act when the day of learning is not recorded', () => {
    const d = deadline(assess(caseText(['2026-03-01', '2026-03-12']), '2026-03-20'), 'complaint');
    expect(d.status).toBe('open');
    expect(d.basis.startRef).toBe('derived.last_act');
    expect(d.due).toBe('2026-06-12');
  });

  it('is undetermined, naming the day of learning, when there are no acts and no day of learning', () => {
    const d = deadline(assess('jurisdiction: NL\n', '2026-03-20'), 'complaint');
    expect(d.status).toBe('undetermined');
    expect(refs(d.needs)).toContain('case.complaint.learned');
  });
});

describe('the complaint requirement', () => {
  const withComplaint = (complaint: string, filedBy = 'victim') =>
    assess(caseText(['2026-02-01', '2026-02-10'], `complaint: ${complaint}\nfacts: { complaint_filed_by: ${filedBy} }`), '2026-06-20');

  it('is undetermined, not not_met, when the filing date is known only as a month that straddles the end of the term', () => {
    const r = withComplaint('{ filed: "2026-05" }'); // the term ends on Monday 11 May 2026
    const inTime = conclusion(r, 'complaint_in_time');
    expect(inTime.status).toBe('undetermined');
    expect(inTime.reasons.find((x) => x.ref === 'case.complaint.filed')?.actual).toEqual({ earliest: '2026-05-01', latest: '2026-05-31' });
    expect(conclusion(r, 'klachtvereiste').status).toBe('undetermined');
  });

  it('names the imprecise filing date as what is still needed', () => {
    const r = withComplaint('{ filed: "2026-05" }');
    expect(refs(conclusion(r, 'complaint_in_time').needs)).toContain('case.complaint.filed');
  });

  it('is met for a complaint filed on the last day of the extended term', () => {
    const r = withComplaint('{ filed: "2026-05-11" }');
    expect(conclusion(r, 'complaint_in_time').status).toBe('met');
    expect(conclusion(r, 'klachtvereiste').status).toBe('met');
  });

  it('is not met when no complaint has been filed (filed: false), and nothing is asked about it', () => {
    const r = withComplaint('{ filed: false }');
    expect(conclusion(r, 'complaint_filed').status).toBe('not_met');
    expect(conclusion(r, 'complaint_in_time').status).toBe('not_met');
    expect(conclusion(r, 'klachtvereiste').status).toBe('not_met');
    expect(deadline(r, 'complaint_withdrawal').status).toBe('not_applicable');
  });

  it('is not met for a complaint filed by someone not entitled to complain (Arts. 64–65 Sr)', () => {
    const r = withComplaint('{ filed: "2026-03-01" }', 'other');
    expect(conclusion(r, 'complaint_by_entitled').status).toBe('not_met');
    expect(conclusion(r, 'klachtvereiste').status).toBe('not_met');
  });

  it('accepts a complaint by the legal representative of a victim under 16', () => {
    const r = withComplaint('{ filed: "2026-03-01" }', 'legal-representative');
    expect(conclusion(r, 'complaint_by_entitled').status).toBe('met');
  });

  it('is not met when the complaint was withdrawn within eight days (Art. 67 Sr)', () => {
    const r = withComplaint('{ filed: "2026-03-02", withdrawn: "2026-03-10" }');
    expect(deadline(r, 'complaint_withdrawal').due).toBe('2026-03-10');
    expect(conclusion(r, 'complaint_withdrawn').status).toBe('met');
    expect(conclusion(r, 'klachtvereiste').status).toBe('not_met');
  });

  it('ignores a withdrawal after the eight-day term', () => {
    const r = withComplaint('{ filed: "2026-03-02", withdrawn: "2026-03-11" }');
    expect(conclusion(r, 'complaint_withdrawn').status).toBe('not_met');
    expect(conclusion(r, 'klachtvereiste').status).toBe('met');
  });

  it("extends the withdrawal term past King's Day", () => {
    const r = withComplaint('{ filed: "2026-04-19" }');
    const d = deadline(r, 'complaint_withdrawal');
    expect(d.basis.unextendedDue).toBe('2026-04-27');
    expect(d.due).toBe('2026-04-28');
  });
});

describe('terms the Algemene termijnenwet does not extend', () => {
  it('limitation: six years after the last act, not moved off a Saturday', () => {
    const d = deadline(assess(caseText(['2026-03-13']), '2026-03-20'), 'limitation');
    expect(d.due).toBe('2032-03-13'); // a Saturday
    expect(d.basis.extension).toBeUndefined();
    expect(d.basis.text).toContain('twelve years (Art. 72 Sr)');
  });

  it('huisverbod: ten days ending on a Saturday stay on the Saturday', () => {
    const d = deadline(assess(caseText(['2026-03-04'], 'facts: { huisverbod_imposed: "2026-03-05T18:00" }'), '2026-03-06'), 'huisverbod_end');
    expect(d.due).toBe('2026-03-14'); // a Saturday
    expect(d.basis.extension).toBeUndefined();
  });

  it('gedragsaanwijzing: ninety days, not moved off a weekend', () => {
    const d = deadline(assess(caseText(['2026-03-01'], 'facts: { gedragsaanwijzing_date: "2026-03-16" }'), '2026-03-20'), 'gedragsaanwijzing_end');
    expect(d.due).toBe('2026-06-13'); // a Saturday
    expect(d.basis.extension).toBeUndefined();
  });
});

describe('criminal appeal (Art. 408 Sv)', () => {
  it('extends fourteen days ending on Boxing Day (a Saturday) to Monday', () => {
    const d = deadline(assess(caseText(['2026-03-01'], 'facts: { criminal_judgment_date: "2026-12-12" }'), '2026-12-14'), 'criminal_appeal');
    expect(d.basis.unextendedDue).toBe('2026-12-26');
    expect(d.due).toBe('2026-12-28');
    expect(d.status).toBe('open');
  });

  it('does not apply when the case records no judgment', () => {
    expect(deadline(assess(caseText(['2026-03-01']), '2026-03-02'), 'criminal_appeal').status).toBe('not_applicable');
  });
});
