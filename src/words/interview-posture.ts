import type { Text } from '../rules/types.js';

/**
 * The interview's words for the posture (what the client wants and where things stand), the
 * people, going back, progress by stage, routes that do not apply, and the end. Merged into the
 * interview's one table of words (interview.ts).
 */
export const POSTURE_WORDS = {
  // ---- keys on every screen ----
  keysNav: { en: '↑↓ or a number: move · ⏎ choose · ←: back · ?: why · m: menu', nl: '↑↓ of een cijfer: kiezen · ⏎ bevestigen · ←: terug · ?: waarom · m: menu' },
  keysNavEsc: { en: '↑↓ or a number: move · ⏎ choose · Esc: leave unchanged · ←: back · ?: why · m: menu', nl: '↑↓ of een cijfer: kiezen · ⏎ bevestigen · Esc: ongewijzigd laten · ←: terug · ?: waarom · m: menu' },
  keysMany: { en: '↑↓ move · space or a number: tick · ⏎ confirm · ←: back · ?: why · m: menu', nl: '↑↓ kiezen · spatie of een cijfer: aanvinken · ⏎ bevestigen · ←: terug · ?: waarom · m: menu' },
  chooseMany: { en: 'Nothing is ticked yet: tick with the space bar (or the number), or choose "don\'t know".', nl: 'Er is nog niets aangevinkt: vink aan met de spatiebalk (of het cijfer), of kies "weet ik niet".' },
  inputNav: { en: 'Enter alone: don\'t know · ? why · m menu · < (or ← on an empty line): back.', nl: 'Alleen Enter: weet ik niet · ? waarom · m menu · < (of ← op een lege regel): terug.' },
  backFirst: { en: 'This is the first question: there is nothing to go back to.', nl: 'Dit is de eerste vraag: er is niets om naar terug te gaan.' },

  // ---- stages and progress ----
  'stage.opening': { en: 'The case', nl: 'De zaak' },
  'stage.posture': { en: 'Where things stand', nl: 'Hoe de zaak ervoor staat' },
  'stage.people': { en: 'The people', nl: 'De betrokkenen' },
  'stage.incidents': { en: 'What happened', nl: 'Wat er gebeurde' },
  'stage.orders': { en: 'Orders and measures', nl: 'Verboden en maatregelen' },
  'stage.facts': { en: 'The facts the routes need', nl: 'De feiten die de routes nodig hebben' },
  'stage.judgments': { en: 'Your judgment', nl: 'Uw oordeel' },
  progressLeft: { en: '{stage} · about {n} questions left', nl: '{stage} · nog ongeveer {n} vragen' },
  progressLeftOne: { en: '{stage} · about 1 question left', nl: '{stage} · nog ongeveer 1 vraag' },
  progressLast: { en: '{stage} · the last question', nl: '{stage} · de laatste vraag' },

  // ---- the posture ----
  postureIntro: {
    en: 'First, what the client wants and where things stand: this decides which routes apply, and only their questions follow.',
    nl: 'Eerst wat de cliënt wil en hoe de zaak ervoor staat: dat bepaalt welke routes openstaan, en alleen hun vragen volgen.',
  },
  'q.client.wants': { en: 'What does the client want? Tick all that apply.', nl: 'Wat wil de cliënt? Vink alles aan wat geldt.' },
  'q.police.known': { en: 'Do the police know about it (a report or complaint made)?', nl: 'Weet de politie ervan (melding of aangifte gedaan)?' },
  'q.police.reported': { en: 'When were the police told? (Enter: not known)', nl: 'Wanneer is de politie ingelicht? (Enter: niet bekend)' },
  policeNotYet: { en: 'No, not yet', nl: 'Nee, nog niet' },
  withoutNoticeToCome: { en: 'Yes, and the full hearing (return date) is still to come', nl: 'Ja, en de vervolgzitting moet nog komen' },
  withoutNoticePassed: { en: 'Yes, and the return date has passed', nl: 'Ja, en de vervolgzitting is al geweest' },
  complaintFromPolice: { en: '(the police do not know, so no complaint was made)', nl: '(de politie weet het niet, dus er is geen klacht gedaan)' },
  'q.proceedings.stage': { en: 'Where does the criminal case stand?', nl: 'Hoe ver is de strafzaak?' },
  'q.proceedings.hearing': { en: 'When is the (next) hearing? (Enter: not known)', nl: 'Wanneer is de (volgende) zitting? (Enter: niet bekend)' },
  'q.respondent.relationship': { en: 'What is (or was) the client to the other person?', nl: 'Wat is (of was) de cliënt van de ander?' },
  'h.respondent.relationship': {
    en: 'Former partners, relatives and people who lived together are "associated persons": that opens the family-court orders.',
    nl: 'Bij (ex-)partners, familie en huisgenoten gelden soms andere regels en routes.',
  },
  peopleIntro: { en: 'The people, for the report\'s words (leave a name empty to skip it; --redact hides them).', nl: 'De betrokkenen, voor de woorden van het rapport (een naam leeg laten mag; --redact verbergt ze).' },
  'q.client.name': { en: 'The client\'s name', nl: 'De naam van de cliënt' },
  'q.respondent.name': { en: 'The other person\'s name', nl: 'De naam van de ander' },
  'q.respondent.gender': { en: 'How should the report refer to the other person?', nl: 'Hoe moet het rapport naar de ander verwijzen?' },
  genderUnknown: { en: 'Don\'t know: neutral words', nl: 'Weet ik niet: neutrale woorden' },
  whyPosture: {
    en: 'The answer decides which routes are open to this client, and so which questions follow and which actions and deadlines the report shows.',
    nl: 'Het antwoord bepaalt welke routes voor deze cliënt openstaan, en dus welke vragen volgen en welke acties en termijnen het rapport toont.',
  },
  whyRoutes: { en: 'It decides whether these routes apply:', nl: 'Het bepaalt of deze routes openstaan:' },
  whyIndicator: { en: 'A fact that "{judgment}" weighs: it is asked before you judge, so you judge on the fullest picture.', nl: 'Een feit dat "{judgment}" weegt: het wordt gevraagd voordat u oordeelt, zodat u op het volledigste beeld oordeelt.' },
  incidentNumber: { en: 'Incident {n}', nl: 'Incident {n}' },
  checklist: { en: 'Before you judge "{judgment}": tick what is true (not ticked is no).', nl: 'Voordat u oordeelt over "{judgment}": vink aan wat waar is (niet aangevinkt is nee).' },
  checklistIncident: { en: '{incident}: tick what is true (not ticked is no).', nl: '{incident}: vink aan wat waar is (niet aangevinkt is nee).' },
  checklistNone: { en: 'None of these: confirm', nl: 'Geen van deze: bevestigen' },
  checklistOne: { en: 'Some are not known: ask them one by one', nl: 'Sommige zijn niet bekend: één voor één vragen' },
  whyPeople: { en: 'Only for the report\'s words: names, and he, she or neutral words for the other person.', nl: 'Alleen voor de woorden van het rapport: namen, en hij, zij of neutrale woorden voor de ander.' },

  // ---- routes ----
  routeNotApply: { en: 'This route does not apply to this client', nl: 'Deze route is niet van toepassing op deze cliënt' },
  routeNotApplyQ: { en: 'Does not apply: {route}', nl: 'Niet van toepassing: {route}' },
  routeReason: { en: 'Why not? (one line; it is shown in the report)', nl: 'Waarom niet? (één regel; het staat in het rapport)' },
  routeRecorded: { en: 'Recorded: "{route}" does not apply ({by}, {at}).', nl: 'Vastgelegd: "{route}" is niet van toepassing ({by}, {at}).' },
  menuRoutes: { en: 'Routes: say that one does not apply (or does after all)', nl: 'Routes: aangeven dat er een niet (of toch wel) van toepassing is' },
  routesTitle: { en: 'Routes for this client. Choose one to change:', nl: 'Routes voor deze cliënt. Kies er een om te wijzigen:' },
  'route.applies': { en: 'applies', nl: 'van toepassing' },
  'route.not_applying': { en: 'does not apply', nl: 'niet van toepassing' },
  'route.undetermined': { en: 'not known yet', nl: 'nog niet bekend' },
  'route.byAdviser': { en: 'your answer', nl: 'uw antwoord' },
  routeApplyAgain: { en: 'Let the rules decide again', nl: 'Laat de regels weer beslissen' },

  // ---- the review ----
  notAsked: { en: 'not asked', nl: 'niet gevraagd' },
  reviewRefusal: { en: 'The day contact was refused', nl: 'De dag dat contact werd geweigerd' },
  reviewConvictions: { en: 'Previous convictions', nl: 'Eerdere veroordelingen' },
  convictionsNone: { en: 'none', nl: 'geen' },
  incidentCountField: { en: 'how many times', nl: 'hoe vaak' },

  // ---- the end ----
  endNow: { en: 'What to do now', nl: 'Wat nu te doen' },
  endHeadlines: { en: 'Conclusions', nl: 'Conclusies' },
  endMore: { en: 'Show the whole assessment here, a screen at a time?', nl: 'De hele beoordeling hier tonen, een scherm tegelijk?' },
  reportHtmlWritten: { en: 'The printable report: {file} (open it in a browser to read or print it).', nl: 'Het afdrukbare rapport: {file} (open het in een browser om te lezen of af te drukken).' },
  finishedReport: { en: 'The printable report: {report} (open it in a browser to read or print it, and hand it on).', nl: 'Het afdrukbare rapport: {report} (open het in een browser om het te lezen of af te drukken, en geef het door).' },
  caseFileAt: { en: 'The case file: {file}', nl: 'Het zaakbestand: {file}' },
  nothingNow: { en: 'Nothing to do at once.', nl: 'Nu niets direct te doen.' },
} satisfies Record<string, Text>;
