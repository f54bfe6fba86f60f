/* global console, process, Buffer */
// Realistic case files for the benchmark, deterministic: case i is always the same bytes, whatever
// the number of cases asked for, so a quick run benchmarks a prefix of the full run's files.
//
// Half Dutch (even i), half English (odd i); 1-40 incidents (mostly 1-11); dates as a person records
// them (plain dates, date-times, month-only, {from, to} ranges); many details left out (unknown);
// complaint, orders, facts and judgments shaped like fixtures/nl and fixtures/ew and valid
// against schemas/case.schema.json and the bundled rules' facts and judgments.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** mulberry32: a small, good-enough seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86400000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const pad = (n) => String(n).padStart(2, '0');

const KINDS = ['message', 'message', 'message', 'call', 'call', 'email', 'social-media', 'following', 'watching', 'visit-home', 'visit-work', 'gift', 'third-party', 'publishing', 'damage', 'threat', 'other'];
const CHANNELS = {
  NL: { message: ['WhatsApp', 'SMS', 'Signal'], call: ['telefoon', 'anoniem nummer'], email: ['e-mail'], 'social-media': ['Instagram', 'Facebook', 'TikTok'], default: ['in persoon'] },
  EW: { message: ['WhatsApp', 'SMS', 'Snapchat'], call: ['phone', 'withheld number'], email: ['email'], 'social-media': ['Instagram', 'Facebook', 'X'], default: ['in person'] },
};
const DESCRIPTIONS = {
  NL: ['Berichten met het verzoek om te praten.', 'Stond bij de voordeur en belde aan.', 'Volgde cliënte naar het station.', 'Meerdere gemiste oproepen in één avond.', 'Nieuw account aangemaakt na blokkeren.', 'Bloemen en een brief op de stoep.', 'Vroeg via een vriendin om contact.', 'Dreigbericht: "je gaat hier spijt van krijgen".'],
  EW: ['Messages asking to meet and talk things through.', 'Waited outside her office at 8am.', 'Rang the doorbell and shouted through the letterbox.', 'Missed calls late at night from a withheld number.', 'New account created after she blocked him.', 'Left a card and flowers on the doorstep.', 'Asked his sister to pass on a letter.', 'Said she would "pay for this".'],
};
const ADVISERS = { NL: ['mr. R. Bakker (Het Juridisch Loket)', 'mr. P. de Graaf', 'mr. S. Yilmaz (Slachtofferhulp)'], EW: ['J. Okafor (duty solicitor)', 'R. Patel (family solicitor)', 'S. Evans (CPS reviewing lawyer)'] };
const REASONS = {
  NL: ['Herhaald contact gedurende weken ondanks een duidelijke weigering; cliënte durft niet meer alleen naar huis.', 'Geen eigen, door het recht erkend belang; het contact ging door na blokkeren.', 'Volharden na de weigering en de verscheidenheid van de gedragingen wijzen op opzet.', 'Eisen om te praten en een bedreiging: dwingen contact te dulden en vrees aanjagen.', 'Beide partijen zochten contact over de kinderen; eigen belang bij een deel van het contact.'],
  EW: ['No excuse offered in interview; the contacts were personal appeals.', 'Repeated unwanted contact after refusal; oppressive, not merely unpleasant.', 'Several breaches in a few weeks on different channels, escalating to a threat.', 'Real fear and changed routines, but not shown to be very serious harm.', 'Nothing suggests any statutory purpose; the contact was personal.'],
};
const EW_ORDER_TYPES = ['restraining-order-conviction', 'restraining-order-acquittal', 'non-molestation-order', 'domestic-abuse-protection-order', 'stalking-protection-order'];
const NL_BAN_TYPES = ['nl-measure-38v', 'nl-gedragsaanwijzing-b', 'nl-gedragsaanwijzing-other', 'nl-special-condition', 'nl-civil-ban', 'nl-huisverbod'];

/** Builds case i as a plain object. */
export function makeCase(i) {
  const r = rng(0x5eed0000 + i * 2654435761);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const chance = (p) => r() < p;
  const nl = i % 2 === 0;
  const J = nl ? 'NL' : 'EW';
  const time = () => `T${pad(7 + Math.floor(r() * 16))}:${pad(Math.floor(r() * 12) * 5)}`;
  /** A date as a person records it: mostly a day, sometimes with a time, a month or a range. */
  const when = (ms, { approx = true, withTime = true } = {}) => {
    const x = r();
    if (withTime && x < 0.15) return iso(ms) + time();
    if (approx && x < 0.23) return iso(ms).slice(0, 7);
    if (approx && x < 0.3) return { from: iso(ms), to: iso(ms + (1 + Math.floor(r() * 9)) * DAY) };
    return iso(ms);
  };
  const bool = (pKnown, pTrue) => (chance(pKnown) ? chance(pTrue) : undefined);
  const set = (obj, key, value) => {
    if (value !== undefined) obj[key] = value;
  };

  // Incidents: mostly 1-11, one case in eight 12-40 (mean about 8).
  const n = chance(0.88) ? 1 + Math.floor(r() * 11) : 12 + Math.floor(r() * 29);
  const end = Date.UTC(2026, 4, 31);
  const start = nl ? Date.UTC(2026, 0, 2) + Math.floor(r() * 90) * DAY : Date.UTC(2025, 8, 1) + Math.floor(r() * 200) * DAY;
  const step = Math.max(1, Math.floor((end - start) / DAY / (n + 1)));
  let t = start;
  const withIds = chance(0.3);
  const incidents = [];
  for (let k = 0; k < n; k++) {
    t = Math.min(end, t + Math.floor(r() * step * 1.8) * DAY);
    const kind = chance(0.9) ? pick(KINDS) : undefined;
    const inc = {};
    set(inc, 'id', withIds ? `i${k + 1}` : undefined);
    inc.date = when(t);
    set(inc, 'kind', kind);
    if (chance(0.55)) inc.channel = pick(CHANNELS[J][kind] ?? CHANNELS[J].default);
    set(inc, 'direct', bool(0.7, 0.75));
    set(inc, 'threat', bool(0.7, 0.2));
    set(inc, 'violence', bool(0.4, 0.08));
    set(inc, 'afterRefusal', bool(0.6, 0.65));
    set(inc, 'inPlace', bool(nl ? 0.1 : 0.6, 0.3));
    set(inc, 'victimInitiated', bool(0.5, 0.1));
    if (chance(0.2)) inc.description = pick(DESCRIPTIONS[J]);
    if (chance(0.08)) inc.evidence = [nl ? 'screenshots' : 'screenshots of the messages'];
    if (chance(0.04)) inc.witnesses = [nl ? 'buurvrouw' : 'neighbour'];
    if (chance(0.04)) inc.reported = iso(t + Math.floor(r() * 3) * DAY);
    incidents.push(inc);
  }
  const last = t;

  const judgment = (value) => ({ value, reason: pick(REASONS[J]), by: pick(ADVISERS[J]), at: chance(0.5) ? iso(last + (2 + Math.floor(r() * 5)) * DAY) : iso(last + (2 + Math.floor(r() * 5)) * DAY) + time() });
  const fact = (value) => (chance(0.05) ? 'unknown' : chance(0.05) ? { value, source: nl ? 'intakegesprek' : 'interview' } : value);

  const c = { id: `bench-${String(i).padStart(6, '0')}`, jurisdiction: J };
  if (chance(0.3)) c.lang = nl ? 'nl' : 'en';
  if (chance(0.5)) c.summary = nl ? 'Cliënte wordt sinds de breuk lastiggevallen door haar ex-partner: berichten, telefoontjes en bezoeken aan huis en werk.' : 'The applicant is being contacted by her former partner despite an order: messages, calls and visits to her home.';
  c.incidents = incidents;
  const facts = {};
  const judgments = {};

  if (nl) {
    // Complaint (klacht): learned, and filed on a date, not filed (false), unknown, or not recorded.
    const complaint = {};
    if (chance(0.85)) complaint.learned = when(start, { withTime: false });
    const f = r();
    let filed;
    if (f < 0.45) {
      filed = last + Math.floor(r() * 120) * DAY;
      complaint.filed = chance(0.9) ? iso(filed) : iso(filed).slice(0, 7);
      if (chance(0.5)) complaint.filedBy = chance(0.9) ? 'slachtoffer' : 'moeder (wettelijk vertegenwoordiger)';
      if (chance(0.04)) complaint.withdrawn = iso(filed + Math.floor(r() * 14) * DAY);
      else if (chance(0.3)) complaint.withdrawn = false;
    } else if (f < 0.65) complaint.filed = false;
    else if (f < 0.75) complaint.filed = 'unknown';
    if (Object.keys(complaint).length > 0) c.complaint = complaint;
    if (chance(0.5)) facts.complaint_filed = fact(complaint.filed !== undefined && complaint.filed !== false && complaint.filed !== 'unknown');
    if (filed !== undefined && chance(0.6)) facts.complaint_filed_by = fact(chance(0.9) ? 'victim' : pick(['legal-representative', 'relative-deceased', 'other']));
    for (const [k, pKnown, pTrue] of [['clear_refusal', 0.7, 0.8], ['victim_fear', 0.6, 0.8], ['victim_changed_life', 0.4, 0.6], ['public_debate', 0.3, 0.05], ['legitimate_interest', 0.35, 0.2], ['mutual_contact', 0.35, 0.15], ['demands_made', 0.4, 0.6]]) {
      if (chance(pKnown)) facts[k] = fact(chance(pTrue));
    }
    if (chance(0.2)) facts.effect_on_life = 'Gaat niet meer alleen de deur uit en heeft een nieuw telefoonnummer.';
    if (chance(0.15)) {
      const type = pick(NL_BAN_TYPES);
      const eff = start + Math.floor(r() * 40) * DAY;
      facts.ban_type = type;
      facts.ban_effective_date = iso(eff);
      if (type === 'nl-civil-ban') {
        facts.kort_geding_judgment_date = iso(eff - 4 * DAY);
        if (chance(0.4)) facts.dwangsom_forfeited_date = iso(eff + 5 * DAY);
      }
      if (type === 'nl-huisverbod') facts.huisverbod_imposed = iso(eff) + time();
      if (type.startsWith('nl-gedragsaanwijzing')) facts.gedragsaanwijzing_date = chance(0.8) ? iso(eff) : { from: iso(eff - 3 * DAY), to: iso(eff) };
      if (type === 'nl-measure-38v') facts.measure_38v_start = iso(eff);
      if (chance(0.5)) judgments.ban_breached = judgment(chance(0.7));
    }
    if (chance(0.05)) facts.criminal_judgment_date = iso(last + 20 * DAY);
    // The four elements of belaging, as an adviser records them: all met, some not met, or partly recorded.
    const elements = ['stelselmatig_inbreuk', 'wederrechtelijk', 'opzettelijk', 'oogmerk'];
    const mode = r();
    for (const el of elements) {
      if (mode < 0.35) judgments[el] = judgment(true);
      else if (mode < 0.6) judgments[el] = judgment(chance(0.6));
      else if (chance(0.5)) judgments[el] = judgment(chance(0.08) ? 'unknown' : chance(0.85));
    }
  } else {
    const o = r();
    if (o < 0.05) c.orders = [];
    else if (o < 0.95) {
      const count = chance(0.85) ? 1 : 2;
      c.orders = [];
      for (let k = 0; k < count; k++) {
        const type = pick(EW_ORDER_TYPES);
        const made = start - (5 + Math.floor(r() * 300)) * DAY;
        const order = {};
        if (chance(0.5)) order.id = `${type === 'non-molestation-order' ? 'NMO' : type.startsWith('restraining') ? 'RO' : type === 'stalking-protection-order' ? 'SPO' : 'DAPO'}-${2025 + k}-${pad(1 + Math.floor(r() * 28))}`;
        order.type = type;
        if (chance(0.9)) order.made = when(made, { withTime: false });
        const withoutNotice = type === 'non-molestation-order' && chance(0.5);
        if (chance(0.75)) order.served = iso(made + (withoutNotice ? 1 + Math.floor(r() * 6) : 0) * DAY);
        if (chance(0.7)) order.withoutNotice = withoutNotice;
        if (withoutNotice && chance(0.7)) order.returnDate = iso(made + 14 * DAY);
        if (chance(0.2)) order.indefinite = true;
        else if (chance(0.8)) {
          order.expires = iso(made + (180 + Math.floor(r() * 550)) * DAY);
          if (chance(0.5)) order.indefinite = false;
        }
        if (chance(0.85)) {
          const terms = { directContact: true };
          if (chance(0.8)) terms.indirectContact = chance(0.85);
          if (chance(0.6)) terms.socialMedia = chance(0.7);
          if (chance(0.4)) terms.places = [pick(['Elm Grove, Leeds LS6', 'Bryn Road, Cardiff CF14', 'Hawthorn Avenue, Manchester M20'])];
          if (chance(0.2)) terms.exceptions = ['communication through solicitors'];
          if (chance(0.15)) terms.text = 'The respondent must not contact the applicant directly or indirectly by any means.';
          order.terms = terms;
        }
        c.orders.push(order);
      }
      if (c.orders.some((x) => x.type === 'restraining-order-conviction') && chance(0.7)) facts.conviction_date = iso(made0(c.orders));
    }
    for (const [k, pKnown, pTrue] of [['conduct_within_exception', 0.6, 0.05], ['punished_as_contempt', 0.5, 0.05], ['victim_left_home', 0.4, 0.2], ['victim_particularly_vulnerable', 0.3, 0.2], ['long_compliance', 0.2, 0.4], ['previous_breaches', 0.4, 0.3], ['further_offence_charged', 0.3, 0.3], ['prompt_admission', 0.2, 0.3], ['victim_changed_routine', 0.3, 0.5], ['common_assault', 0.15, 0.5]]) {
      if (chance(pKnown)) facts[k] = fact(chance(pTrue));
    }
    if (chance(0.5)) facts.victim_fear_distress = fact(pick(['little-or-none', 'fear-or-distress', 'fear-or-distress', 'very-serious']));
    if (chance(0.25)) facts.fear_of_violence_occasions = Math.floor(r() * 4);
    if (facts.common_assault === true && chance(0.7)) {
      facts.common_assault_date = iso(last - Math.floor(r() * 10) * DAY);
      if (chance(0.5)) facts.assault_domestic_abuse = true;
      if (chance(0.3)) facts.da_statement_date = iso(last + 3 * DAY);
    }
    if (chance(0.1)) facts.information_laid = when(last + 10 * DAY, { withTime: false });
    if (chance(0.6)) judgments.reasonable_excuse = judgment(chance(0.1));
    if (chance(0.3)) judgments.breach_soon_after_order = judgment(chance(0.3));
    if (chance(0.2)) judgments.culpability = judgment(pick(['A', 'B', 'C']));
    if (chance(0.2)) judgments.harm = judgment(chance(0.5) ? pick(['1', '2', '3']) : 1 + Math.floor(r() * 3));
    if (chance(0.3)) judgments.amounts_to_harassment = judgment(chance(0.8));
    if (chance(0.15)) judgments.s1_3_defence = judgment(false);
    if (chance(0.15)) judgments.ought_to_know_fear = judgment(chance(0.7));
    if (chance(0.1)) judgments.serious_alarm_distress = judgment(chance(0.5));
    if (chance(0.1)) judgments.other_stalking_acts = judgment(chance(0.5));
  }
  if (Object.keys(facts).length > 0) c.facts = facts;
  if (Object.keys(judgments).length > 0) c.judgments = judgments;
  return c;
}

function made0(orders) {
  const d = orders.find((x) => x.type === 'restraining-order-conviction')?.made;
  const s = typeof d === 'string' ? d : d?.from;
  return s && s.length >= 10 ? Date.parse(s.slice(0, 10)) : Date.UTC(2025, 5, 1);
}

/**
 * The text of case i as a person or an export would lay it out: one line per top-level field,
 * per incident or order, and per fact or judgment.
 */
export function caseText(i) {
  const c = makeCase(i);
  const lines = Object.entries(c).map(([key, value]) => {
    const k = JSON.stringify(key);
    if (Array.isArray(value)) return value.length === 0 ? `  ${k}: []` : `  ${k}: [\n${value.map((v) => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`;
    if (value !== null && typeof value === 'object') return `  ${k}: {\n${Object.entries(value).map(([kk, v]) => `    ${JSON.stringify(kk)}: ${JSON.stringify(v)}`).join(',\n')}\n  }`;
    return `  ${k}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

export const caseName = (i) => `case-${String(i).padStart(6, '0')}.json`;

/** A new private (0700) folder under the system temp folder. */
export function makeTempDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `rulecase-bench-${label}-`));
  chmodSync(dir, 0o700);
  return dir;
}

/**
 * Writes `count` case files; past `distinct`, the contents of the first `distinct` cases are
 * reused under more names (cheap to generate, and the same per-case work as the small set).
 */
export function writeCases(dir, count, distinct = count) {
  const texts = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const k = i % distinct;
    const text = k < texts.length ? texts[k] : (texts[k] = caseText(k));
    writeFileSync(join(dir, caseName(i)), text, { mode: 0o600 });
    bytes += Buffer.byteLength(text);
  }
  return { count, bytes };
}

// `node bench/generate.mjs N [dir]`: write N cases (to inspect them, or to assess them by hand).
if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 10);
  const dir = process.argv[3] ?? makeTempDir('cases');
  const { bytes } = writeCases(dir, count);
  console.log(`${count} cases, ${(bytes / count).toFixed(0)} bytes each on average, in ${dir}`);
}
