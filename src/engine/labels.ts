import type { Lang } from '../rules/types.js';

/**
 * The tool's own words (not the law's): labels for case fields and the sentences that explain
 * how a verdict or a date was reached, in English and Dutch.
 */
const STRINGS: Record<string, { en: string; nl: string }> = {
  asOf: { en: 'the assessment date', nl: 'de peildatum' },
  incidentField: { en: 'incident {n}: {field}', nl: 'incident {n}: {field}' },
  'field.date': { en: 'date', nl: 'datum' },
  'field.kind': { en: 'kind of conduct', nl: 'soort gedraging' },
  'field.channel': { en: 'channel', nl: 'kanaal' },
  'field.direct': { en: 'direct or indirect', nl: 'direct of indirect' },
  'field.threat': { en: 'was there a threat?', nl: 'was er een bedreiging?' },
  'field.violence': { en: 'was there violence?', nl: 'was er geweld?' },
  'field.afterRefusal': { en: 'after the victim refused contact?', nl: 'na duidelijke weigering van contact?' },
  'field.inPlace': { en: 'in a place named in the order?', nl: 'op een verboden plaats?' },
  'field.victimInitiated': { en: 'contact started by the victim?', nl: 'contact door het slachtoffer gezocht?' },
  'case.complaint.learned': { en: 'when the victim learned of the conduct', nl: 'wanneer het slachtoffer kennis kreeg van de gedragingen' },
  'case.complaint.filed': { en: 'when the complaint was filed', nl: 'wanneer de klacht is ingediend' },
  'case.complaint.withdrawn': { en: 'when the complaint was withdrawn', nl: 'wanneer de klacht is ingetrokken' },
  'case.orders.N.type': { en: 'the type of order', nl: 'het soort verbod' },
  'case.orders.N.made': { en: 'when the order was made', nl: 'wanneer het verbod is opgelegd' },
  'case.orders.N.served': { en: 'when the order was served on or made known to the respondent', nl: 'wanneer het verbod aan de betrokkene is betekend of bekendgemaakt' },
  'case.orders.N.withoutNotice': { en: 'whether the order was made without notice', nl: 'of het verbod zonder oproeping is gegeven' },
  'case.orders.N.returnDate': { en: 'the return date of the order', nl: 'de datum van de vervolgzitting' },
  'case.orders.N.expires': { en: 'when the order expires', nl: 'wanneer het verbod afloopt' },
  'case.orders.N.indefinite': { en: 'whether the order is indefinite', nl: 'of het verbod voor onbepaalde tijd geldt' },
  'case.orders.N.terms.directContact': { en: 'whether the order forbids direct contact', nl: 'of het verbod direct contact verbiedt' },
  'case.orders.N.terms.indirectContact': { en: 'whether the order forbids indirect contact', nl: 'of het verbod indirect contact verbiedt' },
  'case.orders.N.terms.socialMedia': { en: 'whether the order covers social media', nl: 'of het verbod sociale media omvat' },
  undetermined: { en: 'Not yet decided: see what is still needed.', nl: 'Nog niet te beoordelen: zie wat nog nodig is.' },
  notApplicable: { en: 'Does not apply to this case.', nl: 'Niet van toepassing op deze zaak.' },
  startUnknown: { en: 'Cannot be computed until this date is known: {start}.', nl: 'Niet te berekenen zolang deze datum onbekend is: {start}.' },
  satisfied: { en: 'Met: {what} ({date}) is on or before the due date {due}.', nl: 'Voldaan: {what} ({date}) valt op of vóór de uiterste datum {due}.' },
  satisfiedLate: { en: 'Missed: {what} ({date}) is after the due date {due}.', nl: 'Verstreken: {what} ({date}) valt na de uiterste datum {due}.' },
  expired: { en: 'The term ended on {due}.', nl: 'De termijn is op {due} verstreken.' },
  unlessSatisfied: { en: 'Unless this happened in time: {what}.', nl: 'Tenzij dit op tijd is gebeurd: {what}.' },
  mayHaveExpired: { en: 'May have expired: the last day lies between {earliest} and {latest}, depending on the exact date of: {start}. Act as if {earliest} applies.', nl: 'Mogelijk verstreken: de laatste dag ligt tussen {earliest} en {latest}, afhankelijk van de precieze datum van: {start}. Ga uit van {earliest}.' },
  dueSoon: { en: 'Due soon: the last day is {due} ({days} days left).', nl: 'Loopt bijna af: de laatste dag is {due} (nog {days} dagen).' },
  open: { en: 'The last day is {due} ({days} days left).', nl: 'De laatste dag is {due} (nog {days} dagen).' },
  ifApplies: { en: 'If it applies:', nl: 'Als deze termijn van toepassing is:' },
  unverified: { en: 'unverified', nl: 'niet geverifieerd' },
  extendedPast: { en: 'extended past {days}', nl: 'verlengd voorbij {days}' },
  minWorkingDays: { en: 'extended so that the term holds at least two working days (Atw art. 2)', nl: 'verlengd zodat de termijn ten minste twee werkdagen bevat (art. 2 Atw)' },
  judgmentNeeded: { en: "Needs the adviser's judgment: weigh the indicators below and record it with a reason.", nl: 'Vraagt het oordeel van de adviseur: weeg de indicatoren hieronder en leg het oordeel met een reden vast.' },
  judgmentNotRelevant: { en: 'No judgment needed in this case.', nl: 'In deze zaak is geen oordeel nodig.' },
  judgmentRecorded: { en: "The adviser's judgment: {value}.", nl: 'Het oordeel van de adviseur: {value}.' },
  noRow: { en: 'No row of the table matches this case.', nl: 'Geen rij van de tabel past bij deze zaak.' },
  tablePending: { en: 'The table cannot be read until its inputs are known.', nl: 'De tabel is pas te lezen als de invoer bekend is.' },
  tableOverlap: { en: 'Rule error: more than one row matches (rows {rows}) in a table that allows only one.', nl: 'Fout in de regel: meer dan één rij past (rijen {rows}) in een tabel die maar één toestaat.' },
  tableDisagree: { en: 'Rule error: matching rows {rows} give different outputs.', nl: 'Fout in de regel: de passende rijen {rows} geven verschillende uitkomsten.' },
  mustNotHold: { en: 'must not hold:', nl: 'mag niet gelden:' },
  openRange: { en: 'The last day lies between {earliest} and {latest}, depending on the exact start date; act by {earliest} ({days} days left).', nl: 'De laatste dag ligt tussen {earliest} en {latest}, afhankelijk van de precieze begindatum; handel vóór of op {earliest} (nog {days} dagen).' },
  'op.truthy': { en: '{left}: {actual}', nl: '{left}: {actual}' },
  'op.known': { en: '{left} is known: {actual}', nl: '{left} is bekend: {actual}' },
  'op.compare': { en: '{left}: {actual}; required: {op} {right}', nl: '{left}: {actual}; vereist: {op} {right}' },
};

export function t(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const entry = STRINGS[key];
  const text = entry ? entry[lang] : key;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function caseFieldLabel(path: readonly string[], lang: Lang): string {
  const norm = path.map((p) => (/^\d+$/.test(p) ? 'N' : p)).join('.');
  const label = t(lang, `case.${norm}`);
  const index = path.find((p) => /^\d+$/.test(p));
  return index !== undefined && Number(index) > 0 ? `${label} (${lang === 'nl' ? 'verbod' : 'order'} ${Number(index) + 1})` : label;
}

const WEEKDAYS = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
};

export function weekdayName(lang: Lang, isoWeekday: number): string {
  return `(${WEEKDAYS[lang][isoWeekday - 1] ?? ''})`;
}

/** One line of a verdict's reasoning; `actual` is already in the reader's words. */
export function describeOp(lang: Lang, left: string, op: string | undefined, right: unknown, actual: string, rightActual: string | undefined): string {
  if (op === undefined) return t(lang, 'op.truthy', { left, actual });
  if (op === 'known') {
    const known = actual !== 'unknown' && actual !== 'onbekend';
    return t(lang, 'op.known', { left, actual: known ? (lang === 'nl' ? 'ja' : 'yes') : lang === 'nl' ? 'nee' : 'no' });
  }
  const r = Array.isArray(right) ? right.join(', ') : typeof right === 'boolean' ? (right ? (lang === 'nl' ? 'ja' : 'yes') : lang === 'nl' ? 'nee' : 'no') : String(right);
  return t(lang, 'op.compare', { left, actual, op: OPS[lang][op] ?? op, right: rightActual !== undefined ? `${r} (${rightActual})` : r });
}

const OPS: Record<Lang, Record<string, string>> = {
  en: { '==': '', '!=': 'not', '>': 'more than', '>=': 'at least', '<': 'less than', '<=': 'at most', in: 'one of', includes: 'including' },
  nl: { '==': '', '!=': 'niet', '>': 'meer dan', '>=': 'ten minste', '<': 'minder dan', '<=': 'hoogstens', in: 'een van', includes: 'met daarin' },
};

const KINDS: Record<string, { en: string; nl: string }> = {
  message: { en: 'message', nl: 'bericht' },
  call: { en: 'call', nl: 'telefoontje' },
  email: { en: 'e-mail', nl: 'e-mail' },
  'social-media': { en: 'social media', nl: 'sociale media' },
  following: { en: 'following', nl: 'achtervolgen' },
  watching: { en: 'watching', nl: 'posten of observeren' },
  'visit-home': { en: 'visit to the home', nl: 'bezoek aan de woning' },
  'visit-work': { en: 'visit to work', nl: 'bezoek aan het werk' },
  gift: { en: 'gift', nl: 'cadeau' },
  'third-party': { en: 'through a third party', nl: 'via een derde' },
  publishing: { en: 'publishing', nl: 'publicatie' },
  damage: { en: 'damage', nl: 'vernieling' },
  assault: { en: 'assault', nl: 'mishandeling' },
  threat: { en: 'threat', nl: 'bedreiging' },
  other: { en: 'other', nl: 'anders' },
};

/** Incident kinds (a closed list in the case schema) in the reader's language; other codes as they are. */
export function kindLabel(lang: Lang, code: string): string {
  return KINDS[code]?.[lang] ?? code;
}
