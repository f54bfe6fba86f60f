/**
 * What the interview needs from a terminal. The one real implementation is the inquirer adapter
 * (inquirer-prompter.ts); tests use a scripted one. `id` names what is being asked (a reference
 * such as facts.relationship, or a step such as "incidents.menu") so a script can answer by name.
 */

export interface Choice<T> {
  value: T;
  name: string;
  /** shown under the list while this choice is highlighted */
  description?: string;
}

export const SEPARATOR = { separator: true } as const;
export type ChoiceOrSeparator<T> = Choice<T> | typeof SEPARATOR;

export interface SelectPrompt<T> {
  id: string;
  message: string;
  choices: readonly ChoiceOrSeparator<T>[];
  default?: T;
  /** nothing is chosen at first and Enter does nothing until the adviser picks: for answers that change a verdict */
  required?: boolean;
  /** what Esc answers (leaving a change without changing anything); without it Esc does nothing */
  cancel?: { value: T };
  /** keys that answer at once: '?' (why this question), 'm' (the menu), 'left' and '<' (back) */
  keys?: Readonly<Record<string, T>>;
}

/** Several options at once (ticked with the space bar), or one of the single answers ("don't know"). */
export interface SelectManyPrompt<T, K> {
  id: string;
  message: string;
  choices: readonly Choice<T>[];
  singles: readonly Choice<K>[];
  checked?: readonly T[];
  keys?: Readonly<Record<string, K>>;
}

export interface InputPrompt {
  id: string;
  message: string;
  /** accepted with Enter on an empty line */
  default?: string;
  /** true, or the message that says what is wrong; checked as the user types Enter */
  validate?: (value: string) => true | string;
  /** what to show beside the typed text: while typing (final false) and once answered (final true) */
  preview?: (value: string, final: boolean) => string;
  /** what Esc answers (leaving a change without changing anything); without it Esc does nothing */
  cancel?: { value: string };
  /** what the left arrow on an empty line answers (going back) */
  back?: string;
}

export interface ConfirmPrompt {
  id: string;
  message: string;
  default?: boolean;
}

export interface Prompter {
  /** text for the adviser to read (a line or a block; a newline is added) */
  say(text: string): void;
  /** long text (the assessment so far): a screen at a time where there is a screen */
  page(text: string): Promise<void>;
  select<T>(prompt: SelectPrompt<T>): Promise<T>;
  selectMany<T, K>(prompt: SelectManyPrompt<T, K>): Promise<{ chosen: T[] } | { single: K }>;
  input(prompt: InputPrompt): Promise<string>;
  confirm(prompt: ConfirmPrompt): Promise<boolean>;
}

/** Thrown by a prompter when the person stopped the interview (Ctrl-C, a closed terminal). */
export class InterviewStopped extends Error {
  constructor() {
    super('the interview was stopped');
  }
}
