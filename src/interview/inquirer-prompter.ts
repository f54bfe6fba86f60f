import { input, select, Separator } from '@inquirer/prompts';
import type { Lang } from '../rules/types.js';
import { say } from '../words/interview.js';
import { wrap } from './view.js';
import { InterviewStopped, type ConfirmPrompt, type InputPrompt, type Prompter, type SelectPrompt } from './prompter.js';

/**
 * The one adapter on @inquirer/prompts. Everything else talks to the Prompter interface, so the
 * interview logic is tested with a script and only this file knows inquirer.
 */
export interface InquirerStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const KEYS: Record<Lang, { navigate: string; select: string }> = {
  en: { navigate: 'move', select: 'choose' },
  nl: { navigate: 'kiezen', select: 'bevestigen' },
};

export class InquirerPrompter implements Prompter {
  /** the language can change once the adviser has chosen it */
  lang: Lang;

  constructor(
    private readonly streams: InquirerStreams,
    lang: Lang,
  ) {
    this.lang = lang;
  }

  say(text: string): void {
    // Long guidance from the rule sets would otherwise break mid-word at the terminal's edge.
    const columns = (this.streams.output as { columns?: number }).columns ?? 100;
    this.streams.output.write(wrap(text, Math.max(40, Math.min(columns - 1, 110))) + '\n');
  }

  async select<T>(prompt: SelectPrompt<T>): Promise<T> {
    const keys = KEYS[this.lang];
    const choices = prompt.choices.map((c) => ('separator' in c ? new Separator(' ') : { value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) }));
    return this.run(() =>
      select<T>(
        {
          message: prompt.message,
          choices,
          ...(prompt.default !== undefined ? { default: prompt.default } : {}),
          pageSize: 18,
          loop: false,
          theme: { style: { keysHelpTip: () => `↑↓ ${keys.navigate} · ⏎ ${keys.select}` } },
        },
        this.context(),
      ),
    );
  }

  async input(prompt: InputPrompt): Promise<string> {
    const { validate, preview } = prompt;
    return this.run(() =>
      input(
        {
          message: prompt.message,
          ...(prompt.default !== undefined ? { default: prompt.default } : {}),
          ...(validate ? { validate: (v: string) => validate(v) } : {}),
          ...(preview ? { transformer: (v: string, { isFinal }: { isFinal: boolean }) => preview(v, isFinal) } : {}),
        },
        this.context(),
      ),
    );
  }

  /** A yes/no choice as a list: inquirer's own confirm only understands y/n, not the Dutch j/n. */
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
      // Ctrl-C, or the terminal went away: inquirer's ExitPromptError (not exported by @inquirer/prompts).
      if (error instanceof Error && error.name === 'ExitPromptError') throw new InterviewStopped();
      throw error;
    }
  }
}
