import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSpawned } from './cli-harness.js';
import { ROOT } from './helpers.js';
import { assertBuilt, KEY, Terminal } from './interview-pty.js';

const RULES = ['--rules', join(ROOT, 'fixtures', 'rules'), '--rules', join(ROOT, 'rules', 'nl', 'atw-calendar.yaml')];
const ARGS = ['interview', ...RULES, '--as-of', '2026-06-01', '--lang', 'nl'];

/** The planner's questions in the example rule set, and how a Dutch adviser answers them. */
// The cursor starts on nothing (a stray Enter records nothing): answers pick by number.
const QUESTIONS: [RegExp, string][] = [
  [/: vink aan wat waar is/, (KEY.down).repeat(0) + '3' + KEY.enter], // an incident's details in one list: none of them (2 items, then "geen van deze")
  [/Werd er gedreigd\?/, '2' + KEY.enter], // Nee
  [/Was er geweld\?/, '2' + KEY.enter], // Nee
  [/Wat is de relatie\?/, '1' + KEY.enter], // ex-partner
  [/Heeft het slachtoffer contact duidelijk geweigerd\?/, '1' + KEY.enter], // Ja
  [/Is het gedrag stelselmatig\?/, '1' + KEY.enter], // Ja — voldaan
  [/Hoe ernstig is het\?/, '1' + KEY.enter], // hoog
];

/** Everything else the interview asks: the opening, the incidents, the adviser's name and reasons, the end. */
function otherAnswer(prompt: string): string | undefined {
  const table: [RegExp, string | ((m: RegExpExecArray) => string)][] = [
    [/^Zaaknummer/, 'Z-17' + KEY.enter],
    [/^Is er klacht gedaan bij de politie/, '1' + KEY.enter], // ja
    [/^Wanneer is de klacht gedaan\?/, '20-3-2026' + KEY.enter],
    [/waar gaat de zaak over/, 'Ex-partner belt en appt dagelijks.' + KEY.enter],
    [/^Incidenten \((\d) ingevoerd\)/, (m) => ['2', '1', ''][Number(m[1])] + KEY.enter], // een telefoontje, een bericht, klaar
    [/^De naam van de (cliënt|ander)/, KEY.enter],
    [/^Hoe moet het rapport naar de ander verwijzen/, '4' + KEY.enter], // weet ik niet: neutrale woorden
    [/^De hele beoordeling hier tonen/, KEY.enter], // nee
    [/^Incident (\d): wanneer gebeurde het\?/, (m) => (m[1] === '1' ? '10-1-2026' : 'tussen 1 en 15 februari 2026') + KEY.enter],
    [/^Incident (\d): wat gebeurde er\?/, (m) => (m[1] === '1' ? KEY.down + KEY.enter : KEY.enter)], // een telefoontje, een bericht
    [/voor hoeveel gedragingen staat dit/, '12' + KEY.enter],
    [/korte omschrijving/, KEY.enter],
    [/^Uw naam/, 'A. de Vries' + KEY.enter],
    [/^In een zin: waarom\?/, 'Dagelijks contact na een duidelijke weigering.' + KEY.enter],
    [/bevat een onafgemaakt interview/, KEY.enter], // ja, verder
    [/^Wat nu\?/, KEY.enter], // afronden
    [/naar een bestand schrijven\?/, KEY.enter], // ja
    [/^Bestandsnaam voor het rapport/, KEY.enter], // the suggested name
  ];
  for (const [re, keys] of table) {
    const m = re.exec(prompt);
    if (m) return typeof keys === 'string' ? keys : keys(m);
  }
  return undefined;
}

/** Answers prompts until `stop` says so (before answering) or the program ends; returns the questions of the planner it answered. */
async function converse(t: Terminal, stop: (prompt: string, questions: number) => boolean = () => false): Promise<string[]> {
  const answered: string[] = [];
  for (;;) {
    const prompt = await t.nextPrompt((p) => QUESTIONS.some(([re]) => re.test(p)) || otherAnswer(p) !== undefined);
    if (prompt === undefined || stop(prompt, answered.length)) return answered;
    const q = QUESTIONS.find(([re]) => re.test(prompt));
    const keys = q ? q[1] : otherAnswer(prompt);
    if (keys === undefined) throw new Error(`the test has no answer for: ${prompt}\n${t.screen.slice(-1500)}`);
    await t.answer(prompt, keys);
    if (q) answered.push(prompt);
  }
}

const saved = (dir: string): Record<string, unknown> => parse(readFileSync(join(dir, 'zaak.yaml'), 'utf8')) as Record<string, unknown>;

describe('rulecase interview in a pseudo-terminal', () => {
  beforeAll(() => assertBuilt());

  it('a Dutch interview, stopped with Ctrl-C, killed, resumed and finished, gives the case file that assess reports the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-interview-'));

    // 1. The opening, two incidents, two questions; then Ctrl-C at the third.
    const first = new Terminal([...ARGS, '--save', 'zaak.yaml'], dir);
    await first.waitFor(/Waar speelt de zaak\? Nederland/);
    await converse(first, (_, questions) => questions === 2);
    first.type(KEY.ctrlC);
    expect(await first.exited).toBe(130);
    expect(first.screen).toMatch(/Gestopt\. Uw antwoorden zijn bewaard in zaak\.yaml; ga verder met: rulecase interview --rules \S+ --rules \S+ --as-of 2026-06-01 --resume zaak\.yaml\n/);
    expect(first.screen).not.toMatch(/\n\s+at /); // no stack trace
    // Typed Dutch dates were saved in the case-file format, and both answers before Ctrl-C are there.
    const afterCtrlC = saved(dir) as { incidents: { date: unknown; kind: string }[]; interview: { asked: number } };
    expect(afterCtrlC.incidents.map((i) => [i.date, i.kind])).toEqual([
      ['2026-01-10', 'call'],
      [{ from: '2026-02-01', to: '2026-02-15' }, 'message'],
    ]);
    expect(afterCtrlC.interview.asked).toBe(2);

    // 2. A plain re-run with the same --save offers to resume; one more answer, then the process is killed outright.
    const second = new Terminal([...ARGS, '--save', 'zaak.yaml'], dir);
    // (A judgment is saved once its reason is given: stop after that, not at the adviser's name.)
    expect(await converse(second, (p, questions) => questions === 1 && !/^(Uw naam|In een zin)/.test(p))).toHaveLength(1);
    second.kill('SIGKILL');
    await second.exited;
    expect((saved(dir)["interview"] as { asked: number }).asked).toBe(3);

    // 3. --resume goes on where it stopped, to the end.
    const third = new Terminal([...ARGS.filter((a) => a !== '--lang' && a !== 'nl'), '--resume', 'zaak.yaml'], dir);
    await third.waitFor(/Verder met het interview dat in zaak\.yaml is bewaard/);
    const rest = await converse(third);
    expect(await third.exited).toBe(0);
    // Only what can still change the outcome is left: here nothing of the law's questions after the judgment.
    expect(rest.every((p) => !/stelselmatig/.test(p))).toBe(true);
    expect(third.screen).toMatch(/Alle vragen die de uitkomst nog kunnen veranderen zijn beantwoord/);
    // The reference is not asked: it is made from the day and time the interview started.
    expect(third.screen).toMatch(/Zaak \d{4}-\d{2}-\d{2}-\d{4}[\s\S]*Belaging \(voorbeeld\) — voldaan/);
    expect(third.screen).toMatch(/Het afdrukbare rapport: zaak\.html/);
    expect(third.screen).toMatch(/Interview afgerond\. Het zaakbestand is zaak\.yaml; beoordeel het opnieuw met: rulecase assess --rules \S+ --rules \S+ --lang nl zaak\.yaml/);

    // The saved case file is what assess reads, and gives the same report the interview showed and wrote.
    const c = saved(dir) as { judgments: Record<string, { value: unknown; by: string; at: string; reason: string }>; interview: { status: string } };
    expect(c.interview.status).toBe('finished');
    expect(c.judgments['persistent']).toMatchObject({ value: true, by: 'A. de Vries', reason: 'Dagelijks contact na een duidelijke weigering.' });
    const assess = spawnSync(process.execPath, [join(ROOT, 'bin', 'rulecase.js'), 'assess', ...RULES, '--lang', 'nl', '--format', 'html', 'zaak.yaml'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
    expect(assess.stderr).toBe('');
    expect(assess.status).toBe(0);
    // The printable report holds what assess reports for the saved case (its title and conclusions).
    expect(readFileSync(join(dir, 'zaak.html'), 'utf8')).toContain('Belaging (voorbeeld)');
    expect(assess.stdout).toContain('Belaging (voorbeeld)');
    for (const t of [first, second, third]) expect(t.screen).not.toMatch(/\n\s+at .*\(/); // never a stack trace
    rmSync(dir, { recursive: true }); // kept when the test fails, to look at
  }, 60_000);
});

/**
 * The bundled Dutch rules: a breached contact ban under art. 38v Sr, recorded in the stages asked up
 * front. Lists are answered by the number of the choice that names the answer; everything else is
 * "don't know" (its number on a list, - when typed).
 */
const NL_BAN: [RegExp, string | ((choices: string[], prompt: string) => string)][] = [
  [/^Waar speelt de zaak\?/, '1' + KEY.enter],
  [/^Zaaknummer/, 'Z-38' + KEY.enter],
  // Pasted in one go: both lines are kept.
  [/waar gaat de zaak over/, 'Ex-partner houdt zich niet aan het contactverbod.\rHij appt dagelijks.' + KEY.enter],
  [/^Incidenten \((\d) ingevoerd\)/, (c, p) => String(c.findIndex((x) => (p.startsWith('Incidenten (0') ? /^\+ een bericht/ : /^Klaar/).test(x)) + 1) + KEY.enter],
  [/^Incident (\d): wanneer gebeurde het\?/, '10-10-2026' + KEY.enter],
  [/^Incident (\d): wat gebeurde er\?/, '1' + KEY.enter], // een bericht
  [/korte omschrijving/, 'Appje na het verbod' + KEY.enter],
  [/^Is er klacht gedaan bij de politie/, '2' + KEY.enter], // nee
  [/^Wat wil de cliënt/, '7' + KEY.enter], // weet ik niet
  [/^Verboden \(0 ingevoerd\)/, '1' + KEY.enter], // toevoegen
  [/^Verbod 1: wat voor verbod\?/, '1' + KEY.enter], // art. 38v Sr
  [/^Wanneer is het verbod opgelegd\?/, '1-9-2026' + KEY.enter],
  [/^Welke rechter/, 'Rechtbank Amsterdam' + KEY.enter],
  [/^Wanneer is het verbod aan de ander betekend/, '3-9-2026' + KEY.enter],
  [/^Tot wanneer geldt het verbod\?/, '1' + KEY.enter], // tot een datum
  [/^Wanneer loopt het verbod af\?/, '1-9-2028' + KEY.enter],
  [/^Verboden \(1 ingevoerd\)/, (c) => String(c.findIndex((x) => /^Klaar/.test(x)) + 1) + KEY.enter],
  [/^Is de ander eerder veroordeeld/, '2' + KEY.enter], // nee
  [/^Heeft de verdachte in strijd met de voorwaarden van het verbod gehandeld\?/, '1' + KEY.enter], // ja
  [/^Uw naam/, 'A. de Vries' + KEY.enter],
  [/^In een zin: waarom\?/, 'Appte na de betekening.' + KEY.enter],
  [/bevat een onafgemaakt interview/, '1' + KEY.enter],
  [/^Wat nu\?/, '1' + KEY.enter],
  [/naar een bestand schrijven\?/, '2' + KEY.enter], // nee
];

async function converseBan(t: Terminal, stop: (prompt: string) => boolean = () => false): Promise<string[]> {
  const prompts: string[] = [];
  for (;;) {
    const prompt = await t.nextPrompt(() => true);
    if (prompt === undefined || stop(prompt)) return prompts;
    prompts.push(prompt);
    const known = NL_BAN.find(([re]) => re.test(prompt));
    const choices = t.lastChoices();
    const unknownChoice = choices.findIndex((c) => /^(Weet ik niet|Kan ik nog niet beoordelen)/.test(c));
    const keys = known ? (typeof known[1] === 'string' ? known[1] : known[1](choices, prompt)) : unknownChoice >= 0 ? `${unknownChoice + 1}${KEY.enter}` : `-${KEY.enter}`;
    await t.answer(prompt, keys);
  }
}

describe('rulecase interview in a pseudo-terminal, the stages asked up front', () => {
  beforeAll(() => assertBuilt());

  it('records a breached 38v ban whole; Ctrl-C in the order and resume lose nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-interview-ban-'));
    const args = ['interview', '--as-of', '1-12-2026', '--lang', 'NL'];
    const first = new Terminal([...args, '--save', 'zaak.yaml'], dir);
    // Stop once service is asked: the order's kind and date are already saved.
    const before = await converseBan(first, (p) => /^Wanneer is het verbod aan de ander betekend/.test(p));
    expect(before.some((p) => /^Is er klacht gedaan/.test(p))).toBe(true);
    first.type(KEY.ctrlC);
    expect(await first.exited).toBe(130);
    const halfway = saved(dir) as { summary: string; complaint: unknown; orders: unknown[] };
    // The summary is not asked (the review edits it).
    expect(halfway.summary).toBeUndefined();
    expect(halfway.complaint).toEqual({ filed: false });
    expect(halfway.orders).toEqual([{ type: 'nl-measure-38v', made: '2026-09-01' }]);

    const second = new Terminal([...args, '--resume', 'zaak.yaml'], dir);
    await second.waitFor(/Verder met het interview/);
    // It goes on in the orders stage, with the order recorded so far.
    const all = await converseBan(second);
    expect(await second.exited).toBe(0);
    expect(all[0]).toMatch(/^Verboden \(1 ingevoerd\)/);
    expect(all.some((p) => /^Heeft de verdachte in strijd met de voorwaarden van het verbod gehandeld/.test(p))).toBe(true);
    expect(second.screen).toMatch(/(nog ongeveer \d+ vragen|de laatste vraag)/);
    expect(second.screen).toMatch(/Verbod overtreden — voldaan/);
    const c = saved(dir) as { orders: Record<string, unknown>[]; judgments: Record<string, { value: unknown }>; previousConvictions: unknown[] };
    expect(c.orders[0]).toMatchObject({ type: 'nl-measure-38v', made: '2026-09-01' });
    expect(c.judgments['ban_breached']?.value).toBe(true);
    for (const t of [first, second]) expect(t.screen).not.toMatch(/\n\s+at .*\(/);
    rmSync(dir, { recursive: true });
  }, 90_000);

  it('a stray Enter on a question whose answer changes a verdict chooses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-interview-enter-'));
    const t = new Terminal(['interview', '--as-of', '1-12-2026', '--lang', 'nl', '--save', 'zaak.yaml'], dir);
    await converseBan(t, (p) => /^Is er klacht gedaan/.test(p));
    t.type(KEY.enter);
    await t.waitFor(/Er is nog niets gekozen/);
    expect(t.screen).not.toMatch(/✔ Is er klacht gedaan/);
    t.type('2' + KEY.enter);
    await t.waitFor(/✔ Is er klacht gedaan bij de politie[^\n]*Nee/);
    t.type(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect((saved(dir) as { complaint: unknown }).complaint).toEqual({ filed: false });
    rmSync(dir, { recursive: true });
  }, 60_000);
});

describe('rulecase interview without a terminal', () => {
  it('exits 2 and points to rulecase assess, in the language asked for', () => {
    const r = runSpawned(['interview', '--lang', 'nl'], {}, '');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/de standaardinvoer is er geen\. Een zaakbestand beoordelen zonder vragen kan met: rulecase assess <zaakbestand>/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(runSpawned(['interview'], {}, '').stderr).toMatch(/standard input is not one\. To assess a case file without questions, run: rulecase assess <case-file>/);
  });

  it('keeps commander errors at exit 2', () => {
    expect(runSpawned(['interview', '--lang', 'de']).code).toBe(2);
    expect(runSpawned(['interview', '--bogus']).code).toBe(2);
    expect(runSpawned(['interview', '--as-of', '2026-02-30'], {}, '').stderr).toMatch(/--as-of 2026-02-30 is not a date/);
    // --lang in capitals, --as-of as the interview reads dates, and the messages in the language asked for.
    expect(runSpawned(['interview', '--lang', 'NL', '--as-of', '1 december 2026'], {}, '').stderr).toMatch(/de standaardinvoer is er geen/);
    expect(runSpawned(['interview', '--lang', 'NL', '--save', 'zaak.txt'], {}, '').stderr).toMatch(/--save zaak\.txt: een zaakbestand eindigt op \.yaml, \.yml of \.json\./);
  });
});
