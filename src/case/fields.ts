import type { Text } from '../rules/types.js';

/**
 * The case-file fields that rules may read and people are asked about: one table, from which
 * rule references (`case.<path>`), the engine's lookups, date checks on loading and the words
 * in reports and the interview all derive. A path uses N for a list index: orders.N.made.
 */
export type CaseFieldType = 'date' | 'boolean' | 'number' | 'code' | 'text';

export interface CaseField {
  /** where it lives in the case file; N stands for a list index */
  path: string;
  type: CaseFieldType;
  /** may a rule reference it as case.<path>? (incident fields are read through derived values) */
  referable: boolean;
  /** how a report names it: a short noun phrase that also reads as "still needed: …" */
  label: Text;
  /** how a list of incident details names it, short */
  short?: Text;
  /** for a code: the values a case may hold, as the interview offers them */
  options?: readonly { value: string; label: Text }[];
  /** a list of codes (several at once): rules test it with op: includes */
  list?: true;
}

const o = (value: string, en: string, nl: string): { value: string; label: Text } => ({ value, label: { en, nl } });

/** Where a criminal case stands; the last three are kept for older case files. */
const STAGES = [
  o('none', 'no criminal case', 'geen strafzaak'),
  o('reported', 'reported to the police', 'gemeld bij de politie'),
  o('not-prosecuted', 'not prosecuted', 'niet vervolgd (sepot)'),
  o('charged', 'charged (summons or hearing)', 'vervolgd (gedagvaard)'),
  o('convicted', 'convicted', 'veroordeeld'),
  o('acquitted', 'acquitted', 'vrijgesproken'),
  o('appeal', 'on appeal', 'in hoger beroep'),
  o('plea-guilty', 'pleaded guilty', 'schuld bekend'),
  o('plea-not-guilty', 'pleaded not guilty', 'schuld ontkend'),
  o('discontinued', 'discontinued', 'vervolging gestaakt'),
] as const;

const WANTS = [
  o('safety', 'to be safe now', 'nu veilig zijn'),
  o('stop-contact', 'the contact to stop', 'dat het contact stopt'),
  o('prosecution', 'prosecution', 'vervolging'),
  o('compensation', 'compensation', 'schadevergoeding'),
  o('order', 'a court order or ban', 'een verbod of bevel van de rechter'),
  o('advice', 'only advice', 'alleen advies'),
] as const;

const RELATIONSHIPS = [
  o('partner', 'partner', 'partner'),
  o('ex-partner', 'former partner', 'ex-partner'),
  o('spouse', 'spouse or civil partner', 'echtgeno(o)t(e) of geregistreerd partner'),
  o('ex-spouse', 'former spouse or civil partner', 'ex-echtgeno(o)t(e) of ex-geregistreerd partner'),
  o('engaged', 'engaged to be married', 'verloofd'),
  o('ex-engaged', 'formerly engaged', 'vroeger verloofd'),
  o('cohabitant', 'living together', 'samenwonend'),
  o('ex-cohabitant', 'formerly living together', 'vroeger samenwonend'),
  o('relative', 'a relative', 'familielid'),
  o('same-household', 'living in the same household', 'wonend in hetzelfde huishouden'),
  o('parents-of-child', 'parents of the same child', 'ouders van hetzelfde kind'),
  o('neighbour', 'a neighbour', 'buurman of buurvrouw'),
  o('colleague', 'a colleague', 'collega'),
  o('acquaintance', 'an acquaintance', 'kennis'),
  o('stranger', 'a stranger', 'onbekende'),
  o('other', 'another relationship', 'een andere relatie'),
] as const;

export const CASE_FIELDS: readonly CaseField[] = [
  { path: 'complaint.learned', type: 'date', referable: true, label: { en: 'when the victim learned of the conduct', nl: 'wanneer het slachtoffer kennis kreeg van de gedragingen' } },
  { path: 'complaint.filed', type: 'date', referable: true, label: { en: 'when the complaint was made', nl: 'wanneer de klacht is gedaan' } },
  { path: 'complaint.withdrawn', type: 'date', referable: true, label: { en: 'when the complaint was withdrawn', nl: 'wanneer de klacht is ingetrokken' } },
  { path: 'orders.N.type', type: 'code', referable: true, label: { en: 'the kind of order', nl: 'het soort verbod' } },
  { path: 'orders.N.made', type: 'date', referable: true, label: { en: 'when the order was made', nl: 'wanneer het verbod is opgelegd' } },
  { path: 'orders.N.served', type: 'date', referable: true, label: { en: 'when the order was served on or made known to the respondent', nl: 'wanneer het verbod aan de betrokkene is betekend of bekendgemaakt' } },
  { path: 'orders.N.withoutNotice', type: 'boolean', referable: true, label: { en: 'whether the order was made without notice', nl: 'of het verbod zonder oproeping is gegeven' } },
  { path: 'orders.N.court', type: 'text', referable: false, label: { en: 'the court or authority that made the order', nl: 'de rechter of instantie die het verbod oplegde' } },
  { path: 'orders.N.returnDate', type: 'date', referable: true, label: { en: 'the return date of the order', nl: 'de datum van de vervolgzitting' } },
  { path: 'orders.N.expires', type: 'date', referable: true, label: { en: 'when the order expires', nl: 'wanneer het verbod afloopt' } },
  { path: 'orders.N.indefinite', type: 'boolean', referable: true, label: { en: 'whether the order has no end date', nl: 'of het verbod voor onbepaalde tijd geldt' } },
  { path: 'orders.N.terms.directContact', type: 'boolean', referable: true, label: { en: 'whether the order forbids direct contact', nl: 'of het verbod direct contact verbiedt' } },
  { path: 'orders.N.terms.indirectContact', type: 'boolean', referable: true, label: { en: 'whether the order forbids indirect contact', nl: 'of het verbod indirect contact verbiedt' } },
  { path: 'orders.N.terms.violence', type: 'boolean', referable: true, label: { en: 'whether the order forbids violence or threats', nl: 'of het verbod geweld of bedreiging verbiedt' } },
  { path: 'orders.N.terms.molestation', type: 'boolean', referable: true, label: { en: 'whether the order forbids molesting or harassing', nl: 'of het verbod lastigvallen of intimideren verbiedt' } },
  { path: 'orders.N.terms.approachWithinMetres', type: 'number', referable: true, label: { en: 'how near the order forbids coming, in metres', nl: 'hoe dichtbij het verbod niet mag komen, in meters' } },
  { path: 'proceedings.stage', type: 'code', referable: true, label: { en: 'where the criminal case stands', nl: 'hoe ver de strafzaak is' }, options: STAGES },
  { path: 'proceedings.hearing', type: 'date', referable: true, label: { en: 'the day of the (next) hearing', nl: 'de datum van de (volgende) zitting' } },
  { path: 'proceedings.date', type: 'date', referable: true, label: { en: 'when the case reached that stage', nl: 'wanneer de zaak in dat stadium kwam' } },
  { path: 'client.name', type: 'text', referable: false, label: { en: 'the client\'s name', nl: 'de naam van de cliënt' } },
  { path: 'client.wants', type: 'code', list: true, referable: true, label: { en: 'what the client wants', nl: 'wat de cliënt wil' }, options: WANTS },
  { path: 'respondent.name', type: 'text', referable: false, label: { en: 'the other person\'s name', nl: 'de naam van de ander' } },
  {
    path: 'respondent.gender',
    type: 'code',
    referable: true,
    label: { en: 'how to refer to the other person', nl: 'hoe de ander aan te duiden' },
    options: [o('female', 'she', 'zij'), o('male', 'he', 'hij'), o('neutral', 'they (neutral)', 'die (neutraal)')],
  },
  { path: 'respondent.relationship', type: 'code', referable: true, label: { en: 'the client\'s relationship to the other person', nl: 'de relatie van de cliënt tot de ander' }, options: RELATIONSHIPS },
  { path: 'police.reported', type: 'date', referable: true, label: { en: 'when the police were told', nl: 'wanneer de politie is ingelicht' } },
  { path: 'orders.N.terms.socialMedia', type: 'boolean', referable: true, label: { en: 'whether the order covers social media', nl: 'of het verbod sociale media omvat' } },
  { path: 'incidents.N.date', type: 'date', referable: false, label: { en: 'the date', nl: 'de datum' }, short: { en: 'date', nl: 'datum' } },
  { path: 'incidents.N.reported', type: 'date', referable: false, label: { en: 'when it was reported', nl: 'wanneer het is gemeld' }, short: { en: 'reported on', nl: 'gemeld op' } },
  { path: 'incidents.N.kind', type: 'code', referable: false, label: { en: 'what happened', nl: 'wat er gebeurde' }, short: { en: 'what happened', nl: 'wat er gebeurde' } },
  { path: 'incidents.N.channel', type: 'text', referable: false, label: { en: 'the channel', nl: 'het kanaal' }, short: { en: 'channel', nl: 'kanaal' } },
  { path: 'incidents.N.direct', type: 'boolean', referable: false, label: { en: 'whether the contact was direct', nl: 'of het contact direct was' }, short: { en: 'direct contact', nl: 'direct contact' } },
  { path: 'incidents.N.threat', type: 'boolean', referable: false, label: { en: 'whether there was a threat', nl: 'of er werd gedreigd' }, short: { en: 'threat', nl: 'bedreiging' } },
  { path: 'incidents.N.violence', type: 'boolean', referable: false, label: { en: 'whether there was violence', nl: 'of er geweld was' }, short: { en: 'violence', nl: 'geweld' } },
  { path: 'incidents.N.afterRefusal', type: 'boolean', referable: false, label: { en: 'whether it happened after the victim clearly refused contact', nl: 'of het gebeurde na een duidelijke weigering van contact' }, short: { en: 'after a clear refusal', nl: 'na duidelijke weigering' } },
  { path: 'incidents.N.inPlace', type: 'boolean', referable: false, label: { en: 'whether it happened in a place the order names', nl: 'of het gebeurde op een plek die het verbod noemt' }, short: { en: 'in a forbidden place', nl: 'op een verboden plek' } },
  { path: 'incidents.N.victimInitiated', type: 'boolean', referable: false, label: { en: 'whether the victim started the contact', nl: 'of het slachtoffer het contact zocht' }, short: { en: 'started by the victim', nl: 'door het slachtoffer gezocht' } },
];

const BY_PATH = new Map(CASE_FIELDS.map((f) => [f.path, f]));

/** Rule-referable paths, for `case.<path>` references and their did-you-mean. */
export const REFERABLE_CASE_PATHS: readonly string[] = CASE_FIELDS.filter((f) => f.referable).map((f) => f.path);

/** A concrete path (orders.1.made, or ['orders', '1', 'made']) with its indices replaced by N. */
export function genericPath(path: string | readonly string[]): string {
  const parts = typeof path === 'string' ? path.split('.') : path;
  return parts.map((p) => (/^\d+$/.test(p) ? 'N' : p)).join('.');
}

export function caseField(path: string | readonly string[]): CaseField | undefined {
  return BY_PATH.get(genericPath(path));
}

/** Date fields of orders and the complaint, checked on loading (incident dates are checked with the incidents). */
export const CASE_DATE_FIELDS: readonly CaseField[] = CASE_FIELDS.filter((f) => f.type === 'date');
