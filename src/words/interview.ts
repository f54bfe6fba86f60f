import type { Lang, Text } from '../rules/types.js';
import { POSTURE_WORDS } from './interview-posture.js';

/**
 * The interview's own words, in English and Dutch: how it asks for the case fields the rule
 * language knows (incidents, complaint, orders) and how it talks to the adviser. The law's own
 * questions (facts, judgments) come from the rule sets.
 */
const STRINGS = {
  ...POSTURE_WORDS,
  caseFileStem: { en: 'case', nl: 'zaak' },
  noTerminal: {
    en: 'interview asks its questions on a terminal, and standard input is not one. To assess a case file without questions, run: rulecase assess <case-file>',
    nl: 'interview stelt zijn vragen op een terminal, en de standaardinvoer is er geen. Een zaakbestand beoordelen zonder vragen kan met: rulecase assess <zaakbestand>',
  },
  // ---- opening ----
  resuming: { en: 'Continuing the interview saved in {file}.', nl: 'Verder met het interview dat in {file} is bewaard.' },
  welcome: {
    en: 'rulecase interview — the facts of a stalking or protective-order case, one question at a time.\nOnly questions whose answer can still change the outcome are asked. Every answer is saved at once.',
    nl: 'rulecase interview — de feiten van een zaak over belaging of een verbod, één vraag tegelijk.\nAlleen vragen waarvan het antwoord de uitkomst nog kan veranderen worden gesteld. Elk antwoord wordt meteen bewaard.',
  },
  disclaimer: { en: 'An aid for advisers, not legal advice.', nl: 'Een hulpmiddel voor adviseurs, geen juridisch advies.' },
  savingTo: { en: 'Answers are saved in {file}.', nl: 'De antwoorden worden bewaard in {file}.' },
  jurisdiction: { en: 'Where does the case take place?', nl: 'Waar speelt de zaak?' },
  caseId: { en: 'Case reference (your file number; leave empty to skip)', nl: 'Zaaknummer (uw dossiernummer; leeg laten mag)' },
  summary: { en: 'In one or two sentences: what is the case about? (leave empty to skip)', nl: 'In een of twee zinnen: waar gaat de zaak over? (leeg laten mag)' },
  adviser: { en: 'Your name, recorded with each judgment you give', nl: 'Uw naam, die bij elk oordeel wordt vastgelegd' },
  adviserRequired: { en: 'Give a name, so the judgment shows who made it.', nl: 'Vul een naam in, zodat bij het oordeel staat wie het gaf.' },
  asOfNote: { en: 'Deadlines are counted as on {date}.', nl: 'Termijnen worden berekend per {date}.' },

  // ---- incidents ----
  incidentsIntro: {
    en: 'Incidents: each thing that happened (a message, a call, a visit, following, a threat …). Enter them one by one; the date may be rough (March 2026, or between 1 and 15 May 2026).',
    nl: 'Incidenten: elk voorval (een bericht, telefoontje, bezoek, achtervolgen, een bedreiging …). Voer ze één voor één in; de datum mag bij benadering (maart 2026, of tussen 1 en 15 mei 2026).',
  },
  incidentsMenu: { en: 'Incidents ({n} entered). Add one by choosing what happened:', nl: 'Incidenten ({n} ingevoerd). Voeg er een toe door te kiezen wat er gebeurde:' },
  incidentAdd: { en: 'Add an incident (what happened is asked next)', nl: 'Een incident toevoegen (wat er gebeurde wordt daarna gevraagd)' },
  incidentAddFirst: { en: 'Add the first incident (what happened is asked next)', nl: 'Het eerste incident toevoegen (wat er gebeurde wordt daarna gevraagd)' },
  incidentsDone: { en: 'Done with the incidents: go on', nl: 'Klaar met de incidenten: verder' },
  incidentsNone: { en: 'There are no incidents to enter: go on', nl: 'Er zijn geen incidenten in te voeren: verder' },
  incidentsReview: { en: 'Review, change or remove an incident', nl: 'Een incident bekijken, wijzigen of verwijderen' },
  incidentDate: { en: 'Incident {n}: when did it happen?', nl: 'Incident {n}: wanneer gebeurde het?' },
  incidentKind: { en: 'Incident {n}: what happened?', nl: 'Incident {n}: wat gebeurde er?' },
  incidentCount: {
    en: 'Incident {n}: how many acts does this stand for over that period (for example 40 messages)? Enter for one.',
    nl: 'Incident {n}: voor hoeveel gedragingen staat dit in die periode (bijvoorbeeld 40 berichten)? Enter voor één.',
  },
  countInvalid: { en: 'Give a number such as 40, a rough number such as about 40 or 30-50, or don\'t know.', nl: 'Geef een aantal zoals 40, een schatting zoals ongeveer 40 of 30-50, of weet niet.' },
  incidentDescription: { en: 'Incident {n}: a short description (leave empty to skip)', nl: 'Incident {n}: een korte omschrijving (leeg laten mag)' },
  incidentAdded: { en: 'Incident {n} saved: {what}', nl: 'Incident {n} bewaard: {what}' },
  incidentPick: { en: 'Which incident?', nl: 'Welk incident?' },
  incidentAction: { en: 'Incident {n}: {what}', nl: 'Incident {n}: {what}' },
  incidentRemove: { en: 'Remove this incident', nl: 'Dit incident verwijderen' },
  incidentRemoveConfirm: { en: 'Remove incident {n} ({what})? This cannot be undone.', nl: 'Incident {n} ({what}) verwijderen? Dit kan niet ongedaan worden gemaakt.' },
  incidentRemoved: { en: 'Incident {n} removed.', nl: 'Incident {n} verwijderd.' },
  incidentChange: { en: 'Change: {field}', nl: 'Wijzigen: {field}' },
  back: { en: 'Back', nl: 'Terug' },
  dateRequired: { en: 'An incident needs a date; if the day is not known, give a month, a year or a range.', nl: 'Een incident heeft een datum nodig; weet u de dag niet, geef dan een maand, een jaar of een periode.' },
  'kind.message': { en: 'a message (text, WhatsApp …)', nl: 'een bericht (sms, WhatsApp …)' },
  'kind.call': { en: 'a phone call', nl: 'een telefoontje' },
  'kind.email': { en: 'an e-mail', nl: 'een e-mail' },
  'kind.social-media': { en: 'social media', nl: 'sociale media' },
  'kind.following': { en: 'following', nl: 'achtervolgen' },
  'kind.watching': { en: 'watching, waiting nearby', nl: 'posten, in de buurt wachten' },
  'kind.visit-home': { en: 'a visit to the home', nl: 'een bezoek aan de woning' },
  'kind.visit-work': { en: 'a visit to work or school', nl: 'een bezoek aan werk of school' },
  'kind.gift': { en: 'a gift or package', nl: 'een cadeau of pakketje' },
  'kind.third-party': { en: 'contact through someone else', nl: 'contact via iemand anders' },
  'kind.publishing': { en: 'publishing something about the victim', nl: 'iets over het slachtoffer publiceren' },
  'kind.damage': { en: 'damage to property', nl: 'vernieling' },
  'kind.assault': { en: 'an assault', nl: 'mishandeling' },
  'kind.threat': { en: 'a threat', nl: 'een bedreiging' },
  'kind.other': { en: 'something else', nl: 'iets anders' },
  kindUnknown: { en: "don't know / leave open", nl: 'weet ik niet / open laten' },

  // ---- orders ----
  ordersIntro: {
    en: 'Orders: a court order, injunction or ban that the other person must keep to (no contact, keep away from a place …).',
    nl: 'Verboden: een verbod of bevel waaraan de ander zich moet houden (een contactverbod, gebiedsverbod …).',
  },
  ordersMenu: { en: 'Orders ({n} entered)', nl: 'Verboden ({n} ingevoerd)' },
  orderAdd: { en: 'Add an order', nl: 'Een verbod toevoegen' },
  ordersDone: { en: 'Done with the orders: go on', nl: 'Klaar met de verboden: verder' },
  ordersNone: { en: 'There is no order: go on', nl: 'Er is geen verbod: verder' },
  ordersReview: { en: 'Review, change or remove an order', nl: 'Een verbod bekijken, wijzigen of verwijderen' },
  orderType: { en: 'Order {n}: what kind of order?', nl: 'Verbod {n}: wat voor verbod?' },
  orderAdded: { en: 'Order {n} saved: {what}', nl: 'Verbod {n} bewaard: {what}' },
  orderPick: { en: 'Which order?', nl: 'Welk verbod?' },
  orderRemove: { en: 'Remove this order', nl: 'Dit verbod verwijderen' },
  orderRemoveConfirm: { en: 'Remove order {n} ({what})? This cannot be undone.', nl: 'Verbod {n} ({what}) verwijderen? Dit kan niet ongedaan worden gemaakt.' },
  orderRemoved: { en: 'Order {n} removed.', nl: 'Verbod {n} verwijderd.' },
  orderNumber: { en: 'Order {n}', nl: 'Verbod {n}' },
  orderRef: { en: 'order {n}', nl: 'verbod {n}' },
  incidentRef: { en: 'incident {n}', nl: 'incident {n}' },

  // ---- questions about case fields ----
  'q.complaint.learned': { en: 'When did the victim first learn of the conduct?', nl: 'Wanneer kreeg het slachtoffer weet van de gedragingen?' },
  'h.complaint.learned': { en: 'The day the victim knew what was going on. A month or a range is fine if the exact day is not known.', nl: 'De dag waarop het slachtoffer wist wat er gebeurde. Een maand of periode mag als de precieze dag niet bekend is.' },
  'q.complaint.filed': { en: 'When was the complaint filed with the police?', nl: 'Wanneer is de klacht (aangifte met klacht) bij de politie ingediend?' },
  'h.complaint.filed': { en: 'If no complaint has been filed yet, or you do not know, leave this empty.', nl: 'Is er nog geen klacht ingediend, of weet u het niet, laat dit dan leeg.' },
  'q.complaint.withdrawn': { en: 'When was the complaint withdrawn?', nl: 'Wanneer is de klacht ingetrokken?' },
  'h.complaint.withdrawn': { en: 'If it was not withdrawn, leave this empty.', nl: 'Is de klacht niet ingetrokken, laat dit dan leeg.' },
  'q.orders.type': { en: 'What kind of order is it?', nl: 'Wat voor verbod is het?' },
  'q.orders.made': { en: 'When was the order made?', nl: 'Wanneer is het verbod opgelegd?' },
  'q.orders.served': { en: 'When was the order served on the other person, or made known to them?', nl: 'Wanneer is het verbod aan de ander betekend of bekendgemaakt?' },
  'q.orders.withoutNotice': { en: 'Was the order made without notice (without the other person being present or told)?', nl: 'Is het verbod gegeven zonder dat de ander is opgeroepen of gehoord?' },
  'q.orders.returnDate': { en: 'What is the return date (the next hearing) of the order?', nl: 'Wanneer is de vervolgzitting over het verbod?' },
  'q.orders.expires': { en: 'When does the order expire?', nl: 'Wanneer loopt het verbod af?' },
  'q.orders.indefinite': { en: 'Is the order until further order (no end date)?', nl: 'Geldt het verbod voor onbepaalde tijd?' },
  'q.orders.terms.directContact': { en: 'Does the order forbid direct contact?', nl: 'Verbiedt het verbod direct contact?' },
  'q.orders.terms.indirectContact': { en: 'Does the order forbid indirect contact (through other people)?', nl: 'Verbiedt het verbod ook indirect contact (via anderen)?' },
  'q.orders.terms.socialMedia': { en: 'Does the order cover social media?', nl: 'Geldt het verbod ook voor sociale media?' },
  'q.orders.terms.violence': { en: 'Does the order forbid using or threatening violence?', nl: 'Verbiedt het verbod geweld of het dreigen met geweld?' },
  'q.orders.terms.molestation': { en: 'Does the order forbid molesting, harassing or intimidating the protected person?', nl: 'Verbiedt het verbod lastigvallen, intimideren of bedreigen van de beschermde persoon?' },
  'q.incidents.date': { en: 'Can you give the date more precisely?', nl: 'Kunt u de datum preciezer geven?' },
  'q.incidents.kind': { en: 'What happened?', nl: 'Wat gebeurde er?' },
  'q.incidents.channel': { en: 'Through which channel (WhatsApp, Instagram, in person …)?', nl: 'Via welk kanaal (WhatsApp, Instagram, persoonlijk …)?' },
  'q.incidents.direct': { en: 'Was the contact direct, not through someone or something else?', nl: 'Was het contact direct, dus niet via iemand of iets anders?' },
  'q.incidents.threat': { en: 'Was there a threat?', nl: 'Werd er gedreigd?' },
  'q.incidents.violence': { en: 'Was there violence?', nl: 'Was er geweld?' },
  'q.incidents.afterRefusal': { en: 'Did this happen after the victim had clearly said they wanted no contact?', nl: 'Gebeurde dit nadat het slachtoffer duidelijk had gezegd geen contact te willen?' },
  'q.incidents.inPlace': { en: 'Did it happen in a place the order forbids?', nl: 'Gebeurde het op een plek die het verbod uitsluit?' },
  'q.incidents.victimInitiated': { en: 'Did the victim start this contact?', nl: 'Zocht het slachtoffer zelf dit contact?' },
  'q.incidents.description': { en: 'Describe what happened', nl: 'Omschrijf wat er gebeurde' },
  incidentContext: { en: 'About incident {n}: {what}', nl: 'Over incident {n}: {what}' },
  orderContext: { en: 'About order {n}: {what}', nl: 'Over verbod {n}: {what}' },
  'field.date': { en: 'date', nl: 'datum' },
  'field.kind': { en: 'what happened', nl: 'wat er gebeurde' },
  'field.description': { en: 'description', nl: 'omschrijving' },
  'field.channel': { en: 'channel', nl: 'kanaal' },
  'field.direct': { en: 'direct contact', nl: 'direct contact' },
  'field.threat': { en: 'threat', nl: 'bedreiging' },
  'field.violence': { en: 'violence', nl: 'geweld' },
  'field.afterRefusal': { en: 'after a clear refusal', nl: 'na duidelijke weigering' },
  'field.inPlace': { en: 'in a forbidden place', nl: 'op een verboden plek' },
  'field.victimInitiated': { en: 'started by the victim', nl: 'door het slachtoffer gezocht' },
  'field.type': { en: 'kind of order', nl: 'soort verbod' },
  'field.made': { en: 'made on', nl: 'opgelegd op' },
  'field.served': { en: 'served on', nl: 'betekend op' },
  'field.withoutNotice': { en: 'made without notice', nl: 'zonder oproeping' },
  'field.returnDate': { en: 'return date', nl: 'vervolgzitting' },
  'field.expires': { en: 'expires on', nl: 'loopt af op' },
  'field.indefinite': { en: 'no end date', nl: 'onbepaalde tijd' },
  'field.terms.directContact': { en: 'forbids direct contact', nl: 'verbiedt direct contact' },
  'field.terms.indirectContact': { en: 'forbids indirect contact', nl: 'verbiedt indirect contact' },
  'field.terms.socialMedia': { en: 'covers social media', nl: 'geldt voor sociale media' },
  'field.terms.violence': { en: 'forbids violence', nl: 'verbiedt geweld' },
  'field.terms.molestation': { en: 'forbids molesting', nl: 'verbiedt lastigvallen' },

  // ---- status up front ----
  complaintMade: { en: 'Has a complaint been made to the police (a report asking for prosecution)?', nl: 'Is er klacht gedaan bij de politie (aangifte met het verzoek tot vervolging)?' },
  complaintNotMade: { en: 'No, not (yet)', nl: 'Nee, (nog) niet' },
  complaintWhen: { en: 'When was the complaint made?', nl: 'Wanneer is de klacht gedaan?' },
  complaintWithdrawn: { en: 'Has the complaint been withdrawn?', nl: 'Is de klacht ingetrokken?' },
  complaintWhenHelp: { en: 'The day the wish to prosecute was made known.', nl: 'De dag waarop de wens tot vervolging kenbaar is gemaakt.' },
  leaveEmpty: { en: "Leave it empty if you don't know.", nl: 'Laat het leeg als u het niet weet.' },
  ordersUnknown: { en: "Don't know whether there is one: go on", nl: 'Weet ik niet of er een is: verder' },
  orderEnd: { en: 'Until when does the order run?', nl: 'Tot wanneer geldt het verbod?' },
  orderEndDate: { en: 'Until a date (give it next)', nl: 'Tot een datum (die volgt hierna)' },
  orderEndIndefinite: { en: 'Until further order (no end date)', nl: 'Voor onbepaalde tijd (geen einddatum)' },
  'q.orders.court': { en: 'Which court (or authority) made the order?', nl: 'Welke rechter (of instantie) heeft het verbod opgelegd?' },
  'field.court': { en: 'made by', nl: 'opgelegd door' },
  convictionsAny: { en: 'Has the other person been convicted before (breaches of orders included)?', nl: 'Is de ander eerder veroordeeld (ook voor het overtreden van een verbod)?' },
  convictionOffence: { en: 'Conviction {n}: for what?', nl: 'Veroordeling {n}: waarvoor?' },
  convictionOffenceRequired: { en: 'Say what the conviction was for (a few words).', nl: 'Zeg waarvoor de veroordeling was (een paar woorden).' },
  convictionDate: { en: 'Conviction {n}: when? (leave empty if not known)', nl: 'Veroordeling {n}: wanneer? (leeg laten als onbekend)' },
  convictionBreach: { en: 'Conviction {n}: was it for breaching an order?', nl: 'Veroordeling {n}: was het voor het overtreden van een verbod?' },
  convictionMore: { en: 'Another previous conviction?', nl: 'Nog een eerdere veroordeling?' },
  refusalWhen: { en: 'On what day did the victim first clearly tell the other person they wanted no contact?', nl: 'Op welke dag heeft het slachtoffer de ander voor het eerst duidelijk laten weten geen contact te willen?' },
  refusalHelp: {
    en: 'Asked once: it answers for every incident whether it came after the refusal. Leave it empty if there was none or you do not know; each incident is then asked on its own.',
    nl: 'Eén keer gevraagd: daarmee is voor elk incident bekend of het na de weigering kwam. Laat het leeg als er geen was of u het niet weet; dan wordt het per incident gevraagd.',
  },
  refusalApplied: { en: 'Recorded for {n} incidents whether they came after the refusal.', nl: 'Voor {n} incidenten vastgelegd of ze na de weigering kwamen.' },
  genericField: { en: 'Please give {label}.', nl: 'Geef {label}.' },

  // ---- answering ----
  yes: { en: 'Yes', nl: 'Ja' },
  no: { en: 'No', nl: 'Nee' },
  dontKnow: { en: "Don't know", nl: 'Weet ik niet' },
  dontKnowShort: { en: "don't know", nl: 'weet ik niet' },
  notAnswered: { en: 'not answered', nl: 'niet beantwoord' },
  why: { en: 'Why this question?', nl: 'Waarom deze vraag?' },
  menu: { en: 'Menu: review or change answers, incidents, the assessment so far, stop', nl: 'Menu: antwoorden bekijken of wijzigen, incidenten, de beoordeling tot nu toe, stoppen' },
  inputHint: {
    en: 'Type your answer and press Enter. Leave it empty if you don\'t know. Type ? for why this question is asked, m for the menu.',
    nl: 'Typ uw antwoord en druk op Enter. Laat het leeg als u het niet weet. Typ ? voor waarom deze vraag wordt gesteld, m voor het menu.',
  },
  dateHint: {
    en: 'For example 3/3/2026, 3 March 2026, March 2026, or between 1 and 15 May 2026.',
    nl: 'Bijvoorbeeld 3-3-2026, 3 maart 2026, maart 2026, of tussen 1 en 15 mei 2026.',
  },
  numberHint: { en: 'A number, for example 3 or 2.5.', nl: 'Een getal, bijvoorbeeld 3 of 2,5.' },
  durationHint: { en: 'For example 3 months, 1 year or 14 days.', nl: 'Bijvoorbeeld 3 maanden, 1 jaar of 14 dagen.' },
  roughKeep: {
    en: 'Known so far: {current}. Type a more precise answer, or press Enter to keep {current} if you cannot say more.',
    nl: 'Tot nu toe bekend: {current}. Typ een preciezer antwoord, of druk op Enter om {current} te houden als u niet meer weet.',
  },
  reviewKeep: {
    en: 'Enter keeps {current}; type - if it is not known after all.',
    nl: 'Enter houdt {current}; typ - als het toch niet bekend is.',
  },
  questionCounter: { en: 'Question {n}', nl: 'Vraag {n}' },
  decidesOne: { en: 'can decide 1 open point', nl: 'kan 1 open punt beslissen' },
  decidesMany: { en: 'can decide {n} open points', nl: 'kan {n} open punten beslissen' },
  whyHeader: { en: 'The answer can still change these legal elements and deadlines:', nl: 'Het antwoord kan deze juridische onderdelen en termijnen nog veranderen:' },
  whyNone: { en: 'The answer no longer changes any open element: everything it could decide is already decided.', nl: 'Het antwoord verandert geen open onderdeel meer: alles wat het kon beslissen is al beslist.' },
  whyHeadline: { en: 'main conclusion', nl: 'hoofdconclusie' },
  whyDeadline: { en: 'deadline', nl: 'termijn' },
  whyJudgment: { en: "needs the adviser's judgment", nl: 'vraagt het oordeel van de adviseur' },
  current: { en: 'Current answer: {value}', nl: 'Huidig antwoord: {value}' },
  rangeNotAllowed: { en: 'Give one date, a month or a year here; a range is not possible for this question.', nl: 'Geef hier één datum, een maand of een jaar; een periode kan hier niet.' },
  valueUnknown: { en: 'unknown', nl: 'onbekend' },
  valueNone: { en: 'none', nl: 'geen' },
  valueDependsOnUnknown: { en: 'depends on what is still unknown', nl: 'hangt af van wat nog onbekend is' },
  valueNoneKnownYet: { en: 'none known yet', nl: 'nog niets bekend' },
  valuePerhapsMore: { en: 'perhaps more', nl: 'misschien meer' },
  keep: { en: 'Keep the current answer ({value})', nl: 'Huidig antwoord houden ({value})' },

  // ---- judgments ----
  judgmentHeader: { en: "Your judgment is needed: {title}", nl: 'Uw oordeel is nodig: {title}' },
  judgmentIndicators: { en: 'What the answers so far show (the indicators courts weigh):', nl: 'Wat de antwoorden tot nu toe laten zien (de indicatoren die de rechter weegt):' },
  judgmentCounter: { en: 'points the other way', nl: 'wijst de andere kant op' },
  judgmentGuidance: { en: 'Guidance', nl: 'Toelichting' },
  judgmentYes: { en: 'Yes — met', nl: 'Ja — voldaan' },
  judgmentNo: { en: 'No — not met', nl: 'Nee — niet voldaan' },
  judgmentLater: { en: "Can't judge yet — leave open", nl: 'Kan ik nog niet beoordelen — open laten' },
  indicatorsFirstOne: { en: 'First fill in the unknown fact this judgment weighs', nl: 'Eerst het onbekende feit invullen dat dit oordeel weegt' },
  indicatorsFirst: { en: 'First fill in the {n} unknown facts this judgment weighs', nl: 'Eerst de {n} onbekende feiten invullen die dit oordeel weegt' },
  indicatorsFirstHelp: {
    en: 'They decide nothing by themselves (your judgment does), so they are not asked otherwise; answering them shows the fuller picture.',
    nl: 'Ze beslissen zelf niets (uw oordeel wel), dus ze worden anders niet gevraagd; met de antwoorden ziet u het volledigere beeld.',
  },
  indicatorQuestion: { en: 'a fact the judgment weighs', nl: 'een feit dat het oordeel weegt' },
  judgmentReason: { en: 'In a sentence: why? (recorded with your judgment)', nl: 'In een zin: waarom? (wordt bij uw oordeel vastgelegd)' },
  reasonRequired: { en: 'Give a short reason: a judgment without one cannot be checked later.', nl: 'Geef een korte reden: een oordeel zonder reden is later niet te controleren.' },
  judgmentRecorded: { en: 'Recorded: {value} ({by}, {at}).', nl: 'Vastgelegd: {value} ({by}, {at}).' },

  // ---- menu and review ----
  menuTitle: { en: 'Menu', nl: 'Menu' },
  menuBack: { en: 'Back to the question', nl: 'Terug naar de vraag' },
  menuContinue: { en: 'Continue the interview', nl: 'Verder met het interview' },
  menuReview: { en: 'Review and change answers', nl: 'Antwoorden bekijken en wijzigen' },
  menuIncidents: { en: 'Incidents: add, review, change, remove', nl: 'Incidenten: toevoegen, bekijken, wijzigen, verwijderen' },
  menuOrders: { en: 'Orders: add, review, change, remove', nl: 'Verboden: toevoegen, bekijken, wijzigen, verwijderen' },
  menuReport: { en: 'Show the assessment so far', nl: 'De beoordeling tot nu toe tonen' },
  menuStop: { en: 'Stop for now (everything is saved)', nl: 'Nu stoppen (alles is bewaard)' },
  menuFinish: { en: 'Finish: show the assessment and deadlines', nl: 'Afronden: beoordeling en termijnen tonen' },
  reviewTitle: { en: 'Answers given ({n}). Choose one to change it:', nl: 'Gegeven antwoorden ({n}). Kies er een om te wijzigen:' },
  reviewEmpty: { en: 'No answers yet.', nl: 'Nog geen antwoorden.' },
  reviewDone: { en: 'Done reviewing', nl: 'Klaar met bekijken' },
  reviewCaseFacts: { en: 'Jurisdiction, reference and summary', nl: 'Rechtsgebied, zaaknummer en samenvatting' },
  changed: { en: 'Changed. The questions are worked out again.', nl: 'Gewijzigd. De vragen worden opnieuw bepaald.' },
  noChange: { en: 'This answer cannot be changed here.', nl: 'Dit antwoord kan hier niet worden gewijzigd.' },
  jurisdictionChange: { en: 'Changing the jurisdiction keeps the incidents but clears the answers to the law\'s questions. Go ahead?', nl: 'Bij een ander rechtsgebied blijven de incidenten bewaard, maar vervallen de antwoorden op de juridische vragen. Doorgaan?' },

  // ---- the end ----
  allAsked: { en: 'Every question that can still change the outcome has been answered.', nl: 'Alle vragen die de uitkomst nog kunnen veranderen zijn beantwoord.' },
  stillUnknown: { en: 'Not known, or not more precisely ({n}); change them from the menu when you learn more:', nl: 'Niet bekend, of niet preciezer ({n}); wijzig ze via het menu als u meer weet:' },
  notAskable: { en: 'Also still open, but not asked here: {list}.', nl: 'Ook nog open, maar hier niet gevraagd: {list}.' },
  endChoice: { en: 'What now?', nl: 'Wat nu?' },
  writeReport: { en: 'Write the assessment and deadline report to a file?', nl: 'De beoordeling en het termijnenoverzicht naar een bestand schrijven?' },
  reportFile: { en: 'File name for the report', nl: 'Bestandsnaam voor het rapport' },
  reportSuffix: { en: '-report.txt', nl: '-rapport.txt' },
  reportWritten: { en: 'Report written to {file}.', nl: 'Rapport geschreven naar {file}.' },
  overwrite: { en: '{file} already exists. Overwrite it?', nl: '{file} bestaat al. Overschrijven?' },
  finished: { en: 'Interview finished. The case file is {file}; assess it again at any time with: rulecase assess {file}', nl: 'Interview afgerond. Het zaakbestand is {file}; beoordeel het opnieuw met: rulecase assess {file}' },
  stopped: { en: 'Stopped. Your answers are saved in {file}; continue with: rulecase interview --resume {file}', nl: 'Gestopt. Uw antwoorden zijn bewaard in {file}; ga verder met: rulecase interview --resume {file}' },
  stoppedUnsaved: { en: 'Stopped before anything was saved.', nl: 'Gestopt voordat er iets was bewaard.' },
  invalidCase: { en: 'The answers so far cannot be assessed:', nl: 'De antwoorden tot nu toe kunnen niet worden beoordeeld:' },

  // ---- the terminal ----
  keysSelect: { en: '↑↓ or a number: move · ⏎ choose', nl: '↑↓ of een cijfer: kiezen · ⏎ bevestigen' },
  keysSelectEsc: { en: '↑↓ or a number: move · ⏎ choose · Esc: leave unchanged', nl: '↑↓ of een cijfer: kiezen · ⏎ bevestigen · Esc: ongewijzigd laten' },
  keysPager: { en: '↑↓ or a number: move · ⏎ choose · Esc: back', nl: '↑↓ of een cijfer: kiezen · ⏎ bevestigen · Esc: terug' },
  didNotHappen: { en: 'no, not (yet)', nl: 'nee, (nog) niet' },
  chooseFirst: { en: 'Nothing is chosen yet: pick an answer with ↑↓ or its number, then press Enter.', nl: 'Er is nog niets gekozen: kies een antwoord met ↑↓ of het cijfer, en druk dan op Enter.' },
  pagerMore: { en: 'Lines 1–{shown} of {total} shown.', nl: 'Regels 1–{shown} van {total} getoond.' },
  pagerNext: { en: 'Show more', nl: 'Meer tonen' },
  pagerStop: { en: 'Enough: back', nl: 'Genoeg: terug' },
  progressOpen: { en: '{n} open elements', nl: '{n} open onderdelen' },
  progressOpenOne: { en: '1 open element', nl: '1 open onderdeel' },
  progressDeadlines: { en: '{n} deadlines to settle', nl: '{n} termijnen nog vast te stellen' },
  progressDeadlinesOne: { en: '1 deadline to settle', nl: '1 termijn nog vast te stellen' },
  typedEsc: { en: 'Esc leaves it unchanged.', nl: 'Esc laat het ongewijzigd.' },

  // ---- files ----
  language: { en: 'Language / Taal', nl: 'Language / Taal' },
  saveFile: { en: 'File to save the answers in', nl: 'Bestand om de antwoorden in te bewaren' },
  saveFileHelp: { en: 'The case file is saved after every answer, so nothing is lost if you stop.', nl: 'Het zaakbestand wordt na elk antwoord bewaard, zodat er niets verloren gaat als u stopt.' },
  fileNameRequired: { en: 'Give a file name ending in .yaml or .json.', nl: 'Geef een bestandsnaam die eindigt op .yaml of .json.' },
  resumeOffer: { en: '{file} holds an unfinished interview (last saved {saved}). Continue it?', nl: '{file} bevat een onafgemaakt interview (laatst bewaard {saved}). Daarmee verdergaan?' },
  resumeYes: { en: 'Yes, continue where it stopped', nl: 'Ja, verder waar het stopte' },
  resumeNew: { en: 'No, start a new interview in another file', nl: 'Nee, een nieuw interview in een ander bestand beginnen' },
  resumeOverwrite: { en: 'No, start again and overwrite it', nl: 'Nee, opnieuw beginnen en het overschrijven' },
  finishedOffer: { en: '{file} holds a finished interview. What do you want to do?', nl: '{file} bevat een afgerond interview. Wat wilt u doen?' },
  finishedReopen: { en: 'Open it to review or change answers', nl: 'Openen om antwoorden te bekijken of te wijzigen' },
  foreignFile: { en: '{file} already exists and was not written by rulecase interview. What do you want to do?', nl: '{file} bestaat al en is niet door rulecase interview geschreven. Wat wilt u doen?' },
  foreignOverwrite: { en: 'Overwrite it with the new interview', nl: 'Overschrijven met het nieuwe interview' },
  foreignOther: { en: 'Save in another file', nl: 'In een ander bestand bewaren' },
  foreignResume: { en: '{file} was not written by rulecase interview. Continue with its facts and save the answers into it? (Its comments and layout will be rewritten; the content is kept.)', nl: '{file} is niet door rulecase interview geschreven. Met de feiten daarin verdergaan en de antwoorden erin bewaren? (Opmerkingen en opmaak worden herschreven; de inhoud blijft.)' },
  foreignResumeYes: { en: 'Yes, save into {file}', nl: 'Ja, bewaren in {file}' },
  foreignResumeOther: { en: 'Use its facts, but save in another file', nl: 'De feiten gebruiken, maar in een ander bestand bewaren' },
  optionNotCaseFile: { en: '{flag} {file}: a case file ends in .yaml, .yml or .json.', nl: '{flag} {file}: een zaakbestand eindigt op .yaml, .yml of .json.' },
  optionNoSuchFile: { en: 'cannot read {file}: no such file.', nl: '{file} is niet te lezen: het bestand bestaat niet.' },
  optionNoFolder: { en: 'cannot save in {file}: the folder {folder} does not exist.', nl: 'kan niet bewaren in {file}: de map {folder} bestaat niet.' },
  cannotRead: { en: '{file} cannot be used as a case file:', nl: '{file} is niet te gebruiken als zaakbestand:' },
} satisfies Record<string, Text>;

export type StringKey = keyof typeof STRINGS;

export function say(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** For keys built at run time (kinds, order types, fields): the key itself when there is no text. */
export function sayKey(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  return key in STRINGS ? say(lang, key as StringKey, vars) : key;
}

export function hasKey(key: string): key is StringKey {
  return key in STRINGS;
}

export const INCIDENT_KINDS = ['message', 'call', 'email', 'social-media', 'following', 'watching', 'visit-home', 'visit-work', 'gift', 'third-party', 'publishing', 'damage', 'assault', 'threat', 'other'] as const;

/** The languages the interview speaks, each in its own words; the order in which they are offered when nothing says otherwise. */
export const LANGUAGES: Record<Lang, string> = { nl: 'Nederlands', en: 'English' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}
