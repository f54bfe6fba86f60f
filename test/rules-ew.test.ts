import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { CaseFile } from '../src/case/types.js';
import { ROOT, assessFixture, assessText, conclusion, deadline, rules } from './helpers.js';

/** Only the England & Wales rule sets, so these tests do not depend on the Dutch ones. */
const ew = () => rules('rules/ew');

const RO = 'fixtures/ew/ro-messages-doorstep.yaml';
const NMO = 'fixtures/ew/nmo-without-notice.yaml';
const MISSING = 'fixtures/ew/missing-facts.yaml';
const APPROX = 'fixtures/ew/approximate-date.yaml';
const SENTENCING = 'fixtures/ew/sentencing-judgments.yaml';

type CaseDoc = CaseFile;

/** A fixture as an object, to change one thing and assess the variant. */
function fixture(path: string): CaseDoc {
  return parse(readFileSync(join(ROOT, path), 'utf8')) as CaseDoc;
}

/** The first order, the incidents, the facts and the judgments of a fixture, for editing. */
const order = (doc: CaseDoc) => doc.orders![0]!;
const incidents = (doc: CaseDoc) => doc.incidents!;
const facts = (doc: CaseDoc) => doc.facts!;
const judgments = (doc: CaseDoc) => doc.judgments!;

function assessDoc(doc: CaseDoc, asOf: string, lang: 'en' | 'nl' = 'en') {
  return assessText(stringify(doc), { asOf, lang, rules: ew() });
}

function needRefs(item: { needs: { ref: string }[] }): string[] {
  return item.needs.map((n) => n.ref);
}

function indicator(report: ReturnType<typeof assessDoc>, judgment: string, ref: string): unknown {
  const found = conclusion(report, judgment).indicators?.find((i) => i.ref === ref);
  if (!found) throw new Error(`no indicator ${ref} on ${judgment}`);
  return found.value;
}

describe('England & Wales rule sets load', () => {
  it('loads ew-protective-orders and ew-harassment without errors', () => {
    const loaded = ew();
    expect(loaded.rulesets.map((r) => r.id).sort()).toEqual(['ew-harassment', 'ew-protective-orders']);
    expect(loaded.rulesets.every((r) => r.jurisdiction === 'EW' && r.timeZone === 'Europe/London')).toBe(true);
  });

  it('cites only sources checked on 2026-11-25, and marks unconfirmed ones unverified', () => {
    for (const rs of ew().rulesets) {
      for (const s of Object.values(rs.sources)) expect(s.checked).toBe('2026-11-25');
    }
    const po = ew().rulesets.find((r) => r.id === 'ew-protective-orders');
    expect(po?.sources['sc-guideline-text']?.verified).toBe(false);
    expect(po?.sources['sa2020-s363']?.verified).toBe(true);
  });
});

describe('breach of a protective order', () => {
  it('finds the restraining order breached by messages and a doorstep visit', () => {
    const r = assessFixture(RO, { asOf: '2026-01-12', rules: ew() });
    expect(r.status).toBe('assessed');
    expect(conclusion(r, 'breach_offence').status).toBe('met');
    expect(conclusion(r, 'direct_contact_in_force').status).toBe('met');
    expect(conclusion(r, 'named_place_in_force').status).toBe('met');
    expect(conclusion(r, 'order_provision').outputs?.['madeUnder']).toMatch(/Sentencing Act 2020 s\.360/);
  });

  it('gives the breach offence as either way, 6 months summarily and 5 years on indictment, with no time limit', () => {
    const r = assessFixture(RO, { asOf: '2026-01-12', rules: ew() });
    const t = conclusion(r, 'breach_penalty');
    expect(t.status).toBe('met');
    expect(t.verified).toBe(true);
    expect(t.outputs?.['mode']).toBe('triable either way');
    expect(t.outputs?.['maxSummary']).toMatch(/^6 months/);
    expect(t.outputs?.['maxIndictment']).toMatch(/^5 years/);
    expect(t.outputs?.['timeLimit']).toMatch(/^None/);
    const limit = conclusion(r, 'breach_no_time_limit');
    expect(limit.status).toBe('met');
    expect(limit.explanation).toMatch(/^No time limit/);
  });

  it('counts only incidents after the without-notice order was served, not the calls before', () => {
    const r = assessFixture(NMO, { asOf: '2026-03-02', rules: ew() });
    expect(conclusion(r, 'breach_offence').status).toBe('met');
    expect(conclusion(r, 'without_notice_awareness').status).toBe('met');
    expect(conclusion(r, 'conduct_before_service').status).toBe('met');
    // four incidents, two of them before service
    expect(indicator(r, 'culpability', 'derived.since_service')).toBe(2);
    expect(indicator(r, 'culpability', 'derived.first_since_service')).toBe('2026-02-26');
  });

  it('finds no breach when every incident came before service', () => {
    const doc = fixture(NMO);
    doc.incidents = incidents(doc).slice(0, 2);
    const r = assessDoc(doc, '2026-03-02');
    expect(conclusion(r, 'prohibited_conduct_in_force').status).toBe('not_met');
    expect(conclusion(r, 'breach_offence').status).toBe('not_met');
  });

  it('is undetermined, not "not met", when the date of service is unknown, and asks for it', () => {
    const doc = fixture(NMO);
    delete order(doc).served;
    const r = assessDoc(doc, '2026-03-02');
    for (const id of ['prohibited_conduct_in_force', 'breach_offence']) {
      const c = conclusion(r, id);
      expect(c.status).toBe('undetermined');
      expect(needRefs(c)).toContain('case.orders.0.served');
    }
  });

  it('leaves the missing-facts case undetermined and names what is needed', () => {
    const r = assessFixture(MISSING, { asOf: '2026-05-04', rules: ew() });
    const breach = conclusion(r, 'breach_offence');
    expect(breach.status).toBe('undetermined');
    expect(needRefs(breach)).toEqual(expect.arrayContaining(['case.orders.0.served', 'case.orders.0.terms.directContact', 'judgments.reasonable_excuse']));
    expect(deadline(r, 'order_expiry_review').status).toBe('undetermined');
    expect(needRefs(deadline(r, 'order_expiry_review'))).toContain('case.orders.0.expires');
  });

  it('does not count conduct after the order expired', () => {
    const doc = fixture(RO);
    order(doc).expires = '2025-09-30';
    const r = assessDoc(doc, '2026-01-12');
    expect(conclusion(r, 'conduct_after_expiry').status).toBe('met');
    expect(conclusion(r, 'prohibited_conduct_in_force').status).toBe('not_met');
    expect(conclusion(r, 'breach_offence').status).toBe('not_met');
  });

  it('counts conduct under an indefinite order, and asks for the end date when neither is recorded', () => {
    const r = assessFixture(APPROX, { asOf: '2025-11-20', rules: ew() });
    expect(conclusion(r, 'direct_contact_in_force').status).toBe('met');
    expect(deadline(r, 'order_expiry_review').status).toBe('not_applicable');
    const doc = fixture(APPROX);
    delete order(doc).indefinite;
    const r2 = assessDoc(doc, '2025-11-20');
    const c = conclusion(r2, 'direct_contact_in_force');
    expect(c.status).toBe('undetermined');
    expect(needRefs(c)).toEqual(expect.arrayContaining(['case.orders.0.expires', 'case.orders.0.indefinite']));
  });

  it('treats a roughly dated incident around service as possibly before it', () => {
    const r = assessFixture(APPROX, { asOf: '2025-11-20', rules: ew() });
    expect(indicator(r, 'culpability', 'derived.since_service')).toEqual({ min: 2, max: 3 });
    expect(conclusion(r, 'conduct_before_service').status).toBe('undetermined');
  });

  it('does not treat indirect contact as a breach when the order forbids only direct contact', () => {
    const doc = fixture(NMO);
    order(doc).terms = { directContact: true, indirectContact: false, socialMedia: false };
    doc.incidents = [incidents(doc)[3]!]; // only the letter through his sister, after service
    const r = assessDoc(doc, '2026-03-02');
    expect(conclusion(r, 'indirect_contact_outside_terms').status).toBe('met');
    expect(conclusion(r, 'prohibited_conduct_in_force').status).toBe('not_met');
    order(doc).terms!.indirectContact = true;
    expect(conclusion(assessDoc(doc, '2026-03-02'), 'prohibited_conduct_in_force').status).toBe('met');
  });

  it('punishes an NMO breach as a crime or a contempt, never both', () => {
    const doc = fixture(NMO);
    facts(doc).punished_as_contempt = true;
    const r = assessDoc(doc, '2026-03-02');
    expect(conclusion(r, 'crime_or_contempt').status).toBe('met');
    expect(conclusion(r, 'not_punished_as_contempt').status).toBe('not_met');
    expect(conclusion(r, 'breach_offence').status).toBe('not_met');
  });

  it('marks the NMO penalty table unverified, since s.42A comes from a secondary source', () => {
    const r = assessFixture(NMO, { asOf: '2026-03-02', rules: ew() });
    const t = conclusion(r, 'breach_penalty_nmo');
    expect(t.status).toBe('met');
    expect(t.verified).toBe(false);
    expect(t.outputs?.['maxIndictment']).toMatch(/^5 years/);
    expect(conclusion(r, 'magistrates_general_limit').verified).toBe(false);
  });

  it('ends the breach when a reasonable excuse is recorded', () => {
    const doc = fixture(RO);
    judgments(doc).reasonable_excuse = { value: true, reason: 'Test: excuse accepted.', by: 'test', at: '2026-01-12' };
    expect(conclusion(assessDoc(doc, '2026-01-12'), 'breach_offence').status).toBe('not_met');
  });
});

describe('sentencing guideline for breach of a protective order', () => {
  it('gives the A2 starting point from recorded culpability and harm, marked unverified', () => {
    const r = assessFixture(SENTENCING, { asOf: '2026-01-20', rules: ew() });
    const grid = conclusion(r, 'sentencing_grid');
    expect(grid.status).toBe('met');
    expect(grid.outputs?.['category']).toBe('A2');
    expect(grid.outputs?.['startingPoint']).toBe("1 year's custody");
    expect(grid.outputs?.['range']).toBe("High level community order - 2 years' custody");
    expect(grid.verified).toBe(false);
    expect(grid.note).toMatch(/UNVERIFIED/);
    expect(conclusion(r, 'culpability').judgment?.by).toBe('S. Evans (CPS reviewing lawyer)');
  });

  it('reads other cells of the grid, and waits for both judgments', () => {
    const doc = fixture(SENTENCING);
    judgments(doc).culpability!.value = 'C';
    judgments(doc).harm!.value = '3';
    expect(conclusion(assessDoc(doc, '2026-01-20'), 'sentencing_grid').outputs?.['startingPoint']).toBe('Medium level community order');
    judgments(doc).culpability!.value = 'A';
    judgments(doc).harm!.value = '1';
    expect(conclusion(assessDoc(doc, '2026-01-20'), 'sentencing_grid').outputs?.['startingPoint']).toBe("2 years' custody");
    delete judgments(doc).harm;
    const grid = conclusion(assessDoc(doc, '2026-01-20'), 'sentencing_grid');
    expect(grid.status).toBe('undetermined');
    expect(needRefs(grid)).toEqual(['judgments.harm']);
  });

  it('shows the number of breaches, threats and violence as culpability indicators', () => {
    const r = assessFixture(SENTENCING, { asOf: '2026-01-20', rules: ew() });
    expect(indicator(r, 'culpability', 'derived.since_service')).toBe(5);
    expect(indicator(r, 'culpability', 'derived.threats_since_service')).toBe(2);
    expect(indicator(r, 'culpability', 'derived.violence_since_service')).toBe(1);
    expect(indicator(r, 'harm', 'facts.victim_left_home')).toBe(true);
  });

  it('treats contact started by the victim as mitigation, not a defence', () => {
    const r = assessFixture(SENTENCING, { asOf: '2026-01-20', rules: ew() });
    expect(conclusion(r, 'mit_victim_initiated').status).toBe('met');
    expect(conclusion(r, 'victim_initiated_not_defence').status).toBe('met');
    expect(conclusion(r, 'breach_offence').status).toBe('met');
  });

  it('warns against counting a factor twice', () => {
    const r = assessFixture(SENTENCING, { asOf: '2026-01-20', rules: ew() });
    expect(conclusion(r, 'agg_victim_left_home').status).toBe('met');
    expect(conclusion(r, 'agg_victim_left_home').explanation).toMatch(/do not count it again/);
    expect(conclusion(r, 'sentencing_grid').note).toMatch(/without counting again/);
  });

  it('does not aggravate the breach with a further offence that is charged separately', () => {
    const doc = fixture(SENTENCING);
    expect(conclusion(assessDoc(doc, '2026-01-20'), 'agg_further_offence').status).toBe('met');
    facts(doc).further_offence_charged = true;
    expect(conclusion(assessDoc(doc, '2026-01-20'), 'agg_further_offence').status).toBe('not_met');
  });
});

describe('order dates', () => {
  it('flags an order ending within eight weeks for review: consider extending or varying', () => {
    const r = assessFixture(SENTENCING, { asOf: '2026-01-20', rules: ew() });
    const d = deadline(r, 'order_expiry_review');
    expect(d.status).toBe('due_soon');
    expect(d.due).toBe('2026-02-28');
    expect(d.basis.text).toMatch(/consider applying to extend or vary/i);
    expect(deadline(assessFixture(RO, { asOf: '2026-01-12', rules: ew() }), 'order_expiry_review').status).toBe('open');
    expect(deadline(assessFixture(SENTENCING, { asOf: '2026-03-01', rules: ew() }), 'order_expiry_review').status).toBe('expired');
  });

  it('diaries the return date of an order made without notice, and only then', () => {
    const d = deadline(assessFixture(NMO, { asOf: '2026-03-02', rules: ew() }), 'return_date');
    expect(d.status).toBe('due_soon');
    expect(d.due).toBe('2026-03-06');
    expect(d.verified).toBe(false);
    expect(deadline(assessFixture(RO, { asOf: '2026-01-12', rules: ew() }), 'return_date').status).toBe('not_applicable');
  });
});

describe('harassment and stalking (PHA 1997)', () => {
  it('needs conduct on at least two occasions for a course of conduct', () => {
    const doc = fixture(SENTENCING);
    doc.incidents = [incidents(doc)[0]!];
    const one = assessDoc(doc, '2026-01-20');
    expect(conclusion(one, 'course_of_conduct').status).toBe('not_met');
    expect(conclusion(one, 'harassment_s2').status).toBe('not_met');
    expect(deadline(one, 's127_harassment_stalking').status).toBe('not_applicable');
    doc.incidents = incidents(fixture(SENTENCING)).slice(0, 2);
    expect(conclusion(assessDoc(doc, '2026-01-20'), 'course_of_conduct').status).toBe('met');
  });

  it('finds harassment, stalking and s.4 with the adviser\'s judgments, most serious charge first', () => {
    const r = assessFixture(SENTENCING, { asOf: '2026-01-20', rules: ew() });
    expect(conclusion(r, 'harassment_s2').status).toBe('met');
    expect(conclusion(r, 'stalking_s2a').status).toBe('met');
    expect(conclusion(r, 'fear_of_violence_s4').status).toBe('met');
    const charges = conclusion(r, 'charges_to_consider').outputs?.['offence'] as string[];
    expect(charges[0]).toMatch(/^s\.4A/);
    expect(charges.at(-1)).toMatch(/^s\.2 harassment/);
    expect(conclusion(r, 'cps_charge_with_breach').status).toBe('met');
  });

  it('needs fear of violence on at least two occasions for s.4', () => {
    const r = assessFixture(APPROX, { asOf: '2025-11-20', rules: ew() });
    expect(conclusion(r, 'fear_of_violence_s4').status).toBe('not_met');
  });

  it('gives six months from the last incident to lay an information for s.2 and s.2A', () => {
    const d = deadline(assessFixture(RO, { asOf: '2026-01-12', rules: ew() }), 's127_harassment_stalking');
    expect(d.status).toBe('open');
    expect(d.due).toBe('2026-04-11');
    expect(d.basis.startDate).toBe('2025-10-11');
    expect(d.basis.calendar).toBe('none');
    expect(d.verified).toBe(false);
  });

  it('ends a six-month term from 31 August on the last day of February', () => {
    const doc = fixture(RO);
    doc.incidents = [
      { date: '2025-08-20', kind: 'message' },
      { date: '2025-08-31', kind: 'message' },
    ];
    expect(deadline(assessDoc(doc, '2025-12-01'), 's127_harassment_stalking').due).toBe('2026-02-28');
  });

  it('gives a range when the last incident is dated only roughly', () => {
    const d = deadline(assessFixture(APPROX, { asOf: '2025-11-20', rules: ew() }), 's127_harassment_stalking');
    expect(d.earliest).toBe('2025-12-10');
    expect(d.latest).toBe('2025-12-20');
    expect(d.status).toBe('due_soon');
  });

  it('is satisfied when the information was laid in time', () => {
    const doc = fixture(RO);
    facts(doc).information_laid = '2026-01-05';
    expect(deadline(assessDoc(doc, '2026-01-12'), 's127_harassment_stalking').status).toBe('satisfied');
  });
});

describe('common assault time limits', () => {
  it('applies only where the case records a common assault', () => {
    const r = assessFixture(RO, { asOf: '2026-01-12', rules: ew() });
    for (const id of ['common_assault_s127', 'common_assault_da_two_years', 'common_assault_da_six_months']) {
      expect(deadline(r, id).status).toBe('not_applicable');
    }
  });

  it('extends a domestic-abuse common assault to two years, and six months from the witness statement', () => {
    const r = assessFixture(SENTENCING, { asOf: '2026-01-20', rules: ew() });
    expect(deadline(r, 'common_assault_s127').status).toBe('not_applicable');
    expect(deadline(r, 'common_assault_da_two_years').due).toBe('2028-01-09');
    expect(deadline(r, 'common_assault_da_six_months').due).toBe('2026-07-12');
    expect(conclusion(r, 'common_assault_da_rule').status).toBe('met');
  });

  it('keeps the ordinary six months when the assault is not domestic abuse', () => {
    const doc = fixture(SENTENCING);
    facts(doc).assault_domestic_abuse = false;
    const r = assessDoc(doc, '2026-01-20');
    expect(deadline(r, 'common_assault_s127').due).toBe('2026-07-09');
    expect(deadline(r, 'common_assault_da_two_years').status).toBe('not_applicable');
  });
});

describe('Dutch report', () => {
  it('explains the English rules in Dutch', () => {
    const r = assessFixture(RO, { asOf: '2026-01-12', lang: 'nl', rules: ew() });
    expect(conclusion(r, 'breach_offence').title).toBe('Overtreding van het beschermingsbevel (strafbaar feit)');
    expect(conclusion(r, 'breach_no_time_limit').explanation).toMatch(/^Geen termijn/);
    expect(deadline(r, 's127_harassment_stalking').basis.text).toMatch(/zes maanden/);
  });
});
