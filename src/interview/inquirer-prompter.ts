import { Separator } from '@inquirer/core';
import type { Lang } from '../rules/types.js';
import { say } from '../words/interview.js';
import { wrapText as wrap } from '../report/wrap.js';
import { pick, pickMany, text } from './inquirer-prompts.js';
import { InterviewStopped, type ConfirmPrompt, type InputPrompt, type Prompter, type SelectManyPrompt, type SelectPrompt } from './prompter.js';

/**
 * The one adapter on inquirer (@inquirer/core, with the two prompts of inquirer-prompts.ts).
 * Everything else talks to the Prompter interface, so the interview logic is tested with a
 * script and only these files know inquirer.
 */
export interface InquirerStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export class InquirerPrompter implements Prompter {
  /** the language can change once the adviser has chosen it */
  lang: Lang;

  constructor(
    private readonly streams: InquirerStreams,
    lang: Lang,
  ) {
    this.lang = lang;
  }

  private get columns(): number {
    return (this.streams.output as { columns?: number }).columns ?? 100;
  }

  say(text: string): void {
    // Long guidance from the rule sets would otherwise break mid-word at the terminal's edge.
    this.streams.output.write(wrap(text, Math.max(40, Math.min(this.columns - 1, 110))) + '\n');
  }

  /** A screenful at a time: Enter shows the next, q (or Esc) skips the rest. */
  async page(long: string): Promise<void> {
    const rows = (this.streams.output as { rows?: number }).rows ?? 40;
    const lines = wrap(long, Math.max(40, this.columns - 1)).split('\n');
    const height = Math.max(5, rows - 4);
    for (let at = 0; at < lines.length; at += height) {
      this.streams.output.write(lines.slice(at, at + height).join('\n') + '\n');
      if (at + height >= lines.length) return;
      const more = await this.select<boolean>({
        id: 'pager',
        message: say(this.lang, 'pagerMore', { shown: Math.min(at + height, lines.length), total: lines.length }),
        choices: [
          { value: true, name: say(this.lang, 'pagerNext') },
          { value: false, name: say(this.lang, 'pagerStop') },
        ],
        cancel: { value: false },
      });
      if (!more) return;
    }
  }

  async select<T>(prompt: SelectPrompt<T>): Promise<T> {
    const choices = prompt.choices.map((c) => ('separator' in c ? new Separator(' ') : { value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) }));
    return this.run(() =>
      pick<T>(
        {
          message: prompt.message,
          choices,
          ...(prompt.default !== undefined ? { default: prompt.default } : {}),
          ...(prompt.required ? { required: true } : {}),
          ...(prompt.cancel ? { cancel: prompt.cancel } : {}),
          ...(prompt.keys ? { keys: prompt.keys } : {}),
          pageSize: 18,
          keysTip: say(this.lang, prompt.id === 'pager' ? 'keysPager' : prompt.keys ? (prompt.cancel ? 'keysNavEsc' : 'keysNav') : prompt.cancel ? 'keysSelectEsc' : 'keysSelect'),
          chooseFirst: say(this.lang, 'chooseFirst'),
        },
        this.context(),
      ),
    );
  }

  async input(prompt: InputPrompt): Promise<string> {
    const { validate, preview } = prompt;
    return this.run(() =>
      text(
        {
          message: prompt.message,
          ...(prompt.default !== undefined ? { default: prompt.default } : {}),
          ...(validate ? { validate } : {}),
          ...(preview ? { transformer: preview } : {}),
          ...(prompt.cancel ? { cancel: prompt.cancel } : {}),
          ...(prompt.back !== undefined ? { back: prompt.back } : {}),
        },
        this.context(),
      ),
    );
  }

  async selectMany<T, K>(prompt: SelectManyPrompt<T, K>): Promise<{ chosen: T[] } | { single: K }> {
    return this.run(() =>
      pickMany<T, K>(
        {
          message: prompt.message,
          choices: prompt.choices,
          singles: prompt.singles,
          ...(prompt.checked ? { checked: prompt.checked } : {}),
          ...(prompt.keys ? { keys: prompt.keys } : {}),
          pageSize: 18,
          keysTip: say(this.lang, 'keysMany'),
          chooseFirst: say(this.lang, 'chooseMany'),
        },
        this.context(),
      ),
    );
  }

  /** A yes/no choice as a list: a y/n prompt would not understand the Dutch j/n. */
  async confirm(prompt: ConfirmPrompt): Promise<boolean> {
    return this.select<boolean>({ id: prompt.id, message: prompt.message, choices: [{ value: true, name: say(this.lang, 'yes') }, { value: false, name: say(this.lang, 'no') }], default: prompt.default ?? true });
  }

  private context(): { input: NodeJS.ReadableStream; output: NodeJS.WritableStream } {
    return { input: this.streams.input, output: this.streams.output };
  }

  private async run<T>(ask: () => Promise<T>): Promise<T> {
    try {
      return await ask();
    } catch (error) {
      // Ctrl-C, or the terminal went away: inquirer's ExitPromptError.
      if (error instanceof Error && error.name === 'ExitPromptError') throw new InterviewStopped();
      throw error;
    }
  }
}
