import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { CaseFile } from '../src/case/types.js';
import type { LoadedRules } from '../src/io/files.js';
import { InterviewStopped, type ConfirmPrompt, type InputPrompt, type Prompter, type SelectManyPrompt, type SelectPrompt } from '../src/interview/prompter.js';
import { runInterview, type SessionOptions } from '../src/interview/session.js';
import type { Lang } from '../src/rules/types.js';
import { rules } from './helpers.js';

/** A prompt as the script sees it. */
/** A scripted answer: press Enter without moving the cursor. */
export const ENTER = Symbol('enter');

export interface Asked {
  kind: 'select' | 'input' | 'confirm' | 'many';
  id: string;
  message: string;
  choices?: { name: string; value: unknown }[];
  /** a select whose cursor starts on an answer (Enter picks it) rather than on nothing */
  preselected?: boolean;
}

/** What a script answers: a choice by its name (RegExp) or value ({value}), typed text, yes/no, or Ctrl-C. */
export type ScriptAnswer = RegExp | { value: unknown } | { key: string } | { many: unknown[] } | string | boolean | typeof STOP | typeof ENTER | typeof ESC;
/** A scripted key on a list: '?' (why), 'm' (menu), 'left' (back). */
export const KEY_WHY = { key: '?' };
export const KEY_MENU = { key: 'm' };
export const KEY_BACK = { key: 'left' };
export const STOP = Symbol('Ctrl-C');
/** A scripted answer: Esc, which leaves a change unchanged where the prompt allows it. */
export const ESC = Symbol('Esc');

/** Choice values of the interview's own answer lists. */
export const YES = { value: { kind: 'value', value: true } };
export const NO = { value: { kind: 'value', value: false } };
export const DONT_KNOW = { value: { kind: 'unknown' } };
export const WHY = { value: { kind: 'why' } };
export const MENU = { value: { kind: 'menu' } };
export const choose = (v: string): { value: unknown } => ({ value: { kind: 'value', value: v } });

/**
 * The posture and the people, when a script does not say: "don't know" and no names, as an
 * adviser would answer who has not asked the client yet. Scripts about them answer them first.
 */
export function postureUnknown(p: Asked): ScriptAnswer | undefined {
  switch (p.id) {
    case 'posture.wants':
      return { value: 'unknown' };
    case 'police.known':
      return { value: 'unknown' };
    case 'people.client.name':
    case 'people.respondent.name':
      return '';
    case 'people.respondent.gender':
      return { value: '' };
    case 'status:case.respondent.relationship':
    case 'status:case.proceedings.stage':
      return DONT_KNOW;
    case 'report.more':
      return false;
  }
  return undefined;
}

/**
 * A list of yes/no facts to tick before a judgment, answered as the script answers each fact on
 * its own: ticked where it says yes; asked one by one when it says anything but yes or no.
 */
export function checklistByItem(p: Asked, ask: (q: Asked) => ScriptAnswer | undefined): ScriptAnswer | undefined {
  if (p.kind !== 'many' || !p.id.startsWith('checklist:')) return undefined;
  const items = (p.choices ?? []).filter((c) => typeof c.value === 'string' && /^(facts|case)\./.test(c.value));
  const answers = items.map((c) => ({ ref: c.value as string, a: ask({ kind: 'select', id: c.value as string, message: c.name, choices: [] }) }));
  const same = (a: unknown, b: { value: unknown }): boolean => typeof a === 'object' && a !== null && 'value' in a && isDeepStrictEqual(a.value, b.value);
  if (answers.some(({ a }) => !same(a, YES) && !same(a, NO))) return { value: 'one' };
  const yes = answers.filter(({ a }) => same(a, YES)).map(({ ref }) => ref);
  return yes.length > 0 ? { many: yes } : { value: 'none' };
}

/** "Don't know" to every question about an order being added (when made, by which court, its end, its terms). */
export function orderFieldsUnknown(p: Asked): ScriptAnswer | undefined {
  if (p.id === 'order.end') return { value: 'unknown' };
  if (!/^(status:)?case\.orders\.\d+\./.test(p.id)) return undefined;
  return p.kind === 'input' ? '' : DONT_KNOW;
}

/**
 * A Prompter driven by a script: a function from the prompt to its answer. Every prompt is
 * recorded; a prompt the script does not answer fails the test, so nothing is asked by surprise.
 */
export class ScriptedPrompter implements Prompter {
  readonly asked: Asked[] = [];
  readonly said: string[] = [];
  lang: Lang = 'en';

  constructor(private readonly script: (p: Asked) => ScriptAnswer | undefined) {}

  say(text: string): void {
    this.said.push(text);
  }

  async page(text: string): Promise<void> {
    this.said.push(text);
  }

  private answerFor(p: Asked): ScriptAnswer {
    this.asked.push(p);
    const a = this.script(p);
    if (a === undefined) throw new Error(`unscripted ${p.kind} "${p.id}": ${p.message}${p.choices ? `\n  choices: ${p.choices.map((c) => c.name).join(' | ')}` : ''}`);
    if (a === STOP) throw new InterviewStopped();
    return a;
  }

  async select<T>(prompt: SelectPrompt<T>): Promise<T> {
    const choices = prompt.choices.flatMap((c) => ('separator' in c ? [] : [{ name: c.name, value: c.value as unknown }]));
    const a = this.answerFor({ kind: 'select', id: prompt.id, message: prompt.message, choices, preselected: prompt.required !== true || prompt.default !== undefined });
    // Enter on the choice the cursor starts on: the prompt's default, else the first; where nothing is chosen, Enter does nothing.
    if (a === ENTER && prompt.required && prompt.default === undefined) throw new Error(`Enter chose nothing for "${prompt.id}" (nothing is preselected there)`);
    if (a === ENTER) return (prompt.default !== undefined ? prompt.default : choices[0]?.value) as T;
    if (a === ESC) {
      if (!prompt.cancel) throw new Error(`Esc does nothing on "${prompt.id}"`);
      return prompt.cancel.value;
    }
    if (typeof a === 'object' && 'key' in a) {
      if (!prompt.keys || !Object.hasOwn(prompt.keys, a.key)) throw new Error(`the key ${a.key} does nothing on "${prompt.id}"`);
      return prompt.keys[a.key] as T;
    }
    const found = a instanceof RegExp ? choices.find((c) => a.test(c.name)) : typeof a === 'object' && 'value' in a ? choices.find((c) => isDeepStrictEqual(c.value, a.value)) : undefined;
    if (!found) throw new Error(`no choice ${String(a instanceof RegExp ? a : JSON.stringify(a))} for "${prompt.id}": ${choices.map((c) => c.name).join(' | ')}`);
    return found.value as T;
  }

  async selectMany<T, K>(prompt: SelectManyPrompt<T, K>): Promise<{ chosen: T[] } | { single: K }> {
    const a = this.answerFor({ kind: 'many', id: prompt.id, message: prompt.message, choices: [...prompt.choices, ...prompt.singles].map((c) => ({ name: c.name, value: c.value as unknown })) });
    if (typeof a === 'object' && 'key' in a) {
      if (!prompt.keys || !Object.hasOwn(prompt.keys, a.key)) throw new Error(`the key ${a.key} does nothing on "${prompt.id}"`);
      return { single: prompt.keys[a.key] as K };
    }
    if (typeof a === 'object' && 'many' in a) {
      const chosen = a.many.map((v) => prompt.choices.find((c) => isDeepStrictEqual(c.value, v)));
      if (chosen.some((c) => c === undefined) || chosen.length === 0) throw new Error(`cannot tick ${JSON.stringify(a.many)} on "${prompt.id}"`);
      return { chosen: chosen.map((c) => c?.value as T) };
    }
    const single = typeof a === 'object' && 'value' in a ? prompt.singles.find((c) => isDeepStrictEqual(c.value, a.value)) : a instanceof RegExp ? prompt.singles.find((c) => a.test(c.name)) : undefined;
    if (!single) throw new Error(`no answer ${String(a instanceof RegExp ? a : JSON.stringify(a))} for "${prompt.id}"`);
    return { single: single.value };
  }

  async input(prompt: InputPrompt): Promise<string> {
    const a = this.answerFor({ kind: 'input', id: prompt.id, message: prompt.message });
    if (a === ESC) {
      if (!prompt.cancel) throw new Error(`Esc does nothing on "${prompt.id}"`);
      return prompt.cancel.value;
    }
    if (typeof a !== 'string') throw new Error(`input "${prompt.id}" needs text, got ${String(a)}`);
    const value = a === '' && prompt.default !== undefined ? prompt.default : a;
    const ok = prompt.validate ? prompt.validate(value) : true;
    if (ok !== true) throw new Error(`"${value}" refused for "${prompt.id}": ${ok}`);
    return value;
  }

  async confirm(prompt: ConfirmPrompt): Promise<boolean> {
    const a = this.answerFor({ kind: 'confirm', id: prompt.id, message: prompt.message });
    if (typeof a !== 'boolean') throw new Error(`confirm "${prompt.id}" needs true or false`);
    return a;
  }

  /** The references (facts, judgments, case fields) asked as questions, in order. */
  questions(): string[] {
    return this.asked.filter((p) => /^(facts|judgments|case\.(complaint|incidents|orders))\./.test(p.id)).map((p) => p.id);
  }
}

export const EXAMPLE_RULES = ['fixtures/rules', 'rules/nl/atw-calendar.yaml'];

/** Runs a whole interview in memory with a fixed clock; returns every saved version of the case. */
export async function interview(
  script: (p: Asked, saved: CaseFile | undefined) => ScriptAnswer | undefined,
  options: { start?: CaseFile; lang?: Lang; asOf?: string; rules?: string[]; loaded?: LoadedRules; now?: Date; files?: Map<string, string> } = {},
): Promise<{ prompter: ScriptedPrompter; saves: CaseFile[]; last: CaseFile; finished: boolean; stopped: boolean; files: Map<string, string> }> {
  const saves: CaseFile[] = [];
  const files = options.files ?? new Map<string, string>();
  const prompter = new ScriptedPrompter((p) => script(p, saves.at(-1)) ?? checklistByItem(p, (q) => script(q, saves.at(-1))) ?? postureUnknown(p));
  const sessionOptions: SessionOptions = { rulesets: (options.loaded ?? rules(...(options.rules ?? EXAMPLE_RULES))).rulesets, lang: options.lang ?? 'en', asOf: options.asOf ?? '2026-06-01', file: 'case.yaml', color: false, toolVersion: '0.0.0-test' };
  const now = options.now ?? new Date('2026-06-01T08:30:00Z');
  try {
    const end = await runInterview(options.start, sessionOptions, {
      prompter,
      now: () => now,
      save: (c) => saves.push(structuredClone(c)),
      files: { exists: (p) => files.has(p), write: (p, t) => files.set(p, t) },
    });
    return { prompter, saves, last: end.caseFile, finished: end.finished, stopped: false, files };
  } catch (e) {
    if (!(e instanceof InterviewStopped)) throw e;
    const last = saves.at(-1);
    if (!last) throw new Error('stopped before anything was saved');
    return { prompter, saves, last, finished: false, stopped: true, files };
  }
}

/**
 * A jurisdiction made of YAML only, to show that adding one needs nothing else: Zedland (ZZ),
 * invented, in Auckland's time zone, English only, with one order type and one rule set.
 */
export function writeZedland(dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'jurisdiction.yaml'),
    `id: ZZ
name: { en: Zedland, nl: Zedland (verzonnen) }
timeZone: Pacific/Auckland
languages: [en]
lawInForceOn: as-of
orderTypes:
  - value: keep-away-order
    label: { en: keep-away order, nl: wegblijfbevel }
    interviewLabel: { en: keep-away order (Zedland Keep-away Act), nl: wegblijfbevel (Zedlandse wet) }
  - value: no-contact-order
    label: { en: no-contact order, nl: contactverbod }
`,
  );
  writeFileSync(
    join(dir, 'keep-away.yaml'),
    `id: zz-keep-away
version: 1.0.0
jurisdiction: ZZ
timeZone: Pacific/Auckland
title: { en: Breach of a keep-away order (Zedland), nl: Overtreding van een wegblijfbevel (Zedland) }
description: { en: An invented jurisdiction for tests., nl: Een verzonnen rechtsgebied voor tests. }
validFrom: "2020-01-01"
sources:
  zka-1: { kind: statute, instrument: Zedland Keep-away Act, article: s. 1, url: "https://example.org/zka#s1", quote: "a made-up act for the tests", checked: "2026-01-01", verified: true }
derived:
  incident_count: { title: { en: number of incidents, nl: aantal incidenten }, compute: count }
  last_incident: { title: { en: last incident, nl: laatste incident }, compute: last }
criteria:
  keep_away_order:
    title: { en: A keep-away order, nl: Een wegblijfbevel }
    when: { check: case.orders.0.type, op: "==", value: keep-away-order }
    explain: { met: { en: There is a keep-away order., nl: Er is een wegblijfbevel. }, not_met: { en: There is no keep-away order., nl: Er is geen wegblijfbevel. } }
    cite: [zka-1]
    checked: "2026-01-01"
  breach:
    title: { en: Breach, nl: Overtreding }
    conclusion: true
    when: { all: [{ check: criteria.keep_away_order }, { check: derived.incident_count, op: ">=", value: 1 }] }
    explain: { met: { en: The order was breached., nl: Het bevel is overtreden. }, not_met: { en: No breach., nl: Geen overtreding. } }
    cite: [zka-1]
    checked: "2026-01-01"
deadlines:
  report:
    kind: act-by
    title: { en: Report the breach, nl: Meld de overtreding }
    start: derived.last_incident
    length: P1D
    counting: day-after
    monthEnd: last-day-of-month
    calendar: none
    dueSoon: P1D
    basis: { en: The day after the last incident., nl: De dag na het laatste incident. }
    cite: [zka-1]
    checked: "2026-01-01"
`,
  );
  return dir;
}
