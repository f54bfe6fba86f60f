import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, KEY, Terminal } from './interview-pty.js';

/**
 * Issue 18's two clients, interviewed in a real pseudo-terminal as a legal-aid worker would, with
 * the bundled rules: how many answers it takes, that nothing is asked about a route the posture
 * rules out, that open-ended dates read as dates, and that it ends in the printable report.
 */

type Answer = string | ((m: RegExpExecArray, choices: string[]) => string);
type Table = [RegExp, Answer][];

/** The yes/no, judgment and checklist screens every interview has: answered the same way whatever the question. */
function generic(choices: string[], lang: 'nl' | 'en'): string | undefined {
  const yes = lang === 'nl' ? 'Ja' : 'Yes';
  if (choices.some((c) => /— (voldaan|met)$/.test(c))) return '1' + KEY.enter;
  if (choices.some((c) => /^[◯◉] /.test(c))) return ' ' + KEY.enter; // a list to tick: the first is true, the rest not
  if (choices[0] === yes) return '1' + KEY.enter;
  return undefined;
}

/** Answers until the program ends; returns every question answered, in order. */
async function converse(t: Terminal, table: Table, lang: 'nl' | 'en', stopAt?: RegExp): Promise<string[]> {
  const asked: string[] = [];
  for (;;) {
    const prompt = await t.nextPrompt(() => true, 15000);
    if (prompt === undefined) return asked;
    if (stopAt?.test(prompt)) return asked;
    const choices = t.lastChoices();
    const row = table.find(([re]) => re.test(prompt));
    const keys = row ? (typeof row[1] === 'string' ? row[1] : row[1](row[0].exec(prompt) as RegExpExecArray, choices)) : generic(choices, lang);
    if (keys === undefined) throw new Error(`no answer for: ${prompt}\n${t.screen.slice(-1500)}`);
    asked.push(prompt);
    await t.answer(prompt, keys);
  }
}

/** The answers a person gives: not the adviser's name or a judgment's reason (part of the judgment), nor the closing screens. */
const answers = (asked: string[]): string[] => asked.filter((p) => !/^(Uw naam|Your name|In een zin: waarom|In a sentence: why|Wat nu|What now|De hele beoordeling|Show the whole assessment)/.test(p));

const DUTCH: Table = [
  [/^Waar speelt de zaak/, KEY.enter],
  [/^Zaaknummer/, 'NL-2026-0311' + KEY.enter],
  [/waar gaat de zaak over/, 'Ex-partner stuurt berichten, kwam naar haar werk, schrijft online over haar.' + KEY.enter],
  [/^Wat wil de cliënt/, ' ' + KEY.down + ' ' + KEY.enter], // veilig zijn, dat het contact stopt
  [/^Weet de politie ervan/, '2' + KEY.enter], // nee, nog niet
  [/^Is er klacht gedaan/, '2' + KEY.enter], // nee
  [/^De naam van de cliënt/, 'Sanne de Wit' + KEY.enter],
  [/^De naam van de ander/, 'Mark Jansen' + KEY.enter],
  [/^Hoe moet het rapport naar de ander verwijzen/, '2' + KEY.enter], // hij
  [/^Incidenten \((\d) ingevoerd\)/, (m) => ['', '8', '11', ''][Number(m[1])] + KEY.enter], // een bericht, bezoek aan werk, publiceren, klaar
  [/^Incident (\d): wanneer gebeurde het/, (m) => ['sinds 1 september', 'oktober', 'sinds oktober'][Number(m[1]) - 1] + KEY.enter],
  [/^Incident (\d): voor hoeveel gedragingen/, (m) => ['ongeveer 40', '2', 'weet niet'][Number(m[1]) - 1] + KEY.enter],
  [/korte omschrijving/, KEY.enter],
  [/^Verboden \(0 ingevoerd\)/, '2' + KEY.enter], // er is geen verbod
  [/^Wanneer kreeg het slachtoffer weet/, '1 september' + KEY.enter],
  [/^Op welke dag heeft het slachtoffer/, '7 september' + KEY.enter],
  [/^Beschrijf de invloed/, 'Neemt een andere route naar haar werk.' + KEY.enter],
  [/^Uw naam/, 'A. de Vries' + KEY.enter],
  [/^In een zin: waarom/, 'Volhardt na een duidelijke weigering.' + KEY.enter],
  [/^Wat nu\?/, KEY.enter],
  [/^De hele beoordeling hier tonen/, KEY.enter],
];

const ENGLISH: Table = [
  [/^Where does the case take place/, (_, choices) => String(choices.findIndex((c) => /England/.test(c)) + 1) + KEY.enter],
  [/^Case reference/, 'EW-2026-044' + KEY.enter],
  [/what is the case about/, 'His ex-wife keeps phoning and came to his house despite a non-molestation order.' + KEY.enter],
  [/^What does the client want/, ' ' + KEY.down + ' ' + KEY.enter], // to be safe now, the contact to stop
  [/^Do the police know/, '2' + KEY.enter], // no, not yet
  [/^What is \(or was\) the client to the other person/, (_, choices) => String(choices.findIndex((c) => /former spouse/.test(c)) + 1) + KEY.enter],
  [/^The client's name/, 'David Clarke' + KEY.enter],
  [/^The other person's name/, 'Emma Clarke' + KEY.enter],
  [/^How should the report refer to the other person/, '1' + KEY.enter], // she
  [/^Incidents \((\d) entered\)/, (m) => ['2', '7', ''][Number(m[1])] + KEY.enter], // a call, a visit at home, done
  [/^Incident (\d): when did it happen/, (m) => ['since 10 October', '2 December'][Number(m[1]) - 1] + KEY.enter],
  [/^Incident (\d): how many acts/, 'about 20' + KEY.enter],
  [/a short description/, KEY.enter],
  [/^Orders \((\d) entered\)/, (m) => (m[1] === '0' ? '1' : '3') + KEY.enter],
  [/^Order 1: what kind of order/, (_, choices) => String(choices.findIndex((c) => /non-molestation/i.test(c)) + 1) + KEY.enter],
  [/^When was the order made/, '1 October 2026' + KEY.enter],
  [/^Which court/, 'Family Court at Leeds' + KEY.enter],
  [/^When was the order served/, '3 October 2026' + KEY.enter],
  [/^Was the order made without notice/, '2' + KEY.enter], // yes, and the return date has passed
  [/^Until when does the order run/, '1' + KEY.enter],
  [/^When does the order expire/, '1 April 2027' + KEY.enter],
  [/^On what day did the victim first clearly tell/, '1 October 2026' + KEY.enter],
  [/^On how many separate occasions/, '0' + KEY.enter],
  [/^Your name/, 'A. Adviser' + KEY.enter],
  [/^In a sentence: why/, 'Repeated calls and a visit after service.' + KEY.enter],
  [/^What now\?/, KEY.enter],
  [/^Show the whole assessment/, KEY.enter],
];

describe('issue 18 clients in a pseudo-terminal', () => {
  beforeAll(() => assertBuilt());

  it('Dutch: an ex-partner, about 40 messages, two visits to her work, posts online, no police report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-scenario-nl-'));
    const t = new Terminal(['interview', '--lang', 'nl', '--as-of', '5-12-2026', '--save', 'zaak.yaml'], dir);
    const asked = await converse(t, DUTCH, 'nl');
    expect(await t.exited).toBe(0);
    console.log(`NL: ${answers(asked).length} answers, ${asked.length} prompts\n  ${asked.join('\n  ')}`);
    expect(t.screen).not.toContain('[object Object]');
    expect(t.screen).toContain('op of na 1 september 2026');
    // No criminal case: nothing about one (its stage, a hearing, speaking at or joining a trial).
    expect(asked.filter((p) => /strafzaak|zitting|spreekrecht|benadeelde|schadevergoeding|sepot/i.test(p))).toEqual([]);
    expect(answers(asked).length).toBeLessThanOrEqual(31);
    expect(t.screen).toMatch(/Het afdrukbare rapport: zaak\.html/);
    expect(statSync(join(dir, 'zaak.html')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'zaak.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    const c = parse(readFileSync(join(dir, 'zaak.yaml'), 'utf8')) as Record<string, unknown>;
    expect(c['client']).toEqual({ wants: ['safety', 'stop-contact'], name: 'Sanne de Wit' });
    expect(c['police']).toEqual({ reported: false });
    expect((c['incidents'] as { count?: unknown }[])[0]?.count).toEqual({ min: 30, max: 50 });
    // The police do not know: no complaint was made, and it was not asked.
    expect(c['complaint']).toMatchObject({ filed: false });
    expect(asked.some((p) => /^Is er klacht gedaan/.test(p))).toBe(false);
    // The refusal day given answers "did she clearly refuse contact?", which is then not asked (not even in a list).
    expect(c['facts']).toMatchObject({ clear_refusal: true });
    expect(t.screen).not.toMatch(/◯ Heeft het slachtoffer de verdachte duidelijk te kennen gegeven/);
  }, 120_000);

  it('English: a man holding a non-molestation order, made without notice and served, whose ex-wife keeps phoning and came to his house', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-scenario-en-'));
    const t = new Terminal(['interview', '--lang', 'en', '--as-of', '5-12-2026', '--save', 'case.yaml'], dir);
    const asked = await converse(t, ENGLISH, 'en');
    expect(await t.exited).toBe(0);
    console.log(`EN: ${answers(asked).length} answers, ${asked.length} prompts\n  ${asked.join('\n  ')}`);
    expect(t.screen).not.toContain('[object Object]');
    // He holds the order: nothing about obtaining one, nor about an occupation order.
    expect(asked.filter((p) => /occupation|obtain|apply for|welfare/i.test(p))).toEqual([]);
    expect(answers(asked).length).toBeLessThanOrEqual(30);
    // The return date has passed: recorded as such, not asked as a date.
    expect(asked.some((p) => /^What is the return date/.test(p))).toBe(false);
    expect(t.screen).toMatch(/The printable report: case\.html/);
  }, 120_000);

  it('Ctrl-C halfway, then --resume, lands on the same question', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-scenario-resume-'));
    const first = new Terminal(['interview', '--lang', 'nl', '--as-of', '5-12-2026', '--save', 'zaak.yaml'], dir);
    await converse(first, DUTCH, 'nl', /^Wanneer kreeg het slachtoffer weet/);
    const at = first.screen.slice(first.screen.lastIndexOf('\n? ') + 3).split('\n')[0];
    first.type(KEY.ctrlC);
    expect(await first.exited).toBe(130);
    const second = new Terminal(['interview', '--resume', 'zaak.yaml'], dir);
    const prompt = await second.nextPrompt(() => true, 15000);
    expect(prompt).toBe(at?.trim());
    second.type(KEY.ctrlC);
    await second.exited;
  }, 120_000);
});
