import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, type IPty } from 'node-pty';
import { ROOT } from './helpers.js';

/**
 * The real `rulecase interview` in a pseudo-terminal, driven the way a person would: wait until a
 * prompt is on the screen, then type. It waits for what the screen shows, never a fixed time; every wait has a deadline
 * and fails with what the screen showed.
 */

const ESC = String.fromCharCode(27);
const ANSI = new RegExp(`${ESC}\\[[0-9;?]*[ -/]*[@-~]|${ESC}[()][0-9A-Za-z]|${ESC}[=>78]`, 'g');

export const KEY = { enter: '\r', down: `${ESC}[B`, up: `${ESC}[A`, ctrlC: String.fromCharCode(3), esc: ESC } as const;

/**
 * The e2e test runs the built CLI, as a user would. Like the other spawned tests it relies on the
 * build (npm test builds first): building here would rewrite dist/ under tests running beside it.
 */
export function assertBuilt(): void {
  let built = '';
  try {
    built = readFileSync(join(ROOT, 'dist', 'cli', 'interview-command.js'), 'utf8');
  } catch {
    // not built
  }
  if (!built.includes('runInterview')) throw new Error('dist/ holds no build of the interview: run npx tsc -p tsconfig.build.json (npm test does) first.');
}

export class Terminal {
  private raw = '';
  /** where the next wait starts looking: what was already answered is behind it */
  private cursor = 0;
  private readonly proc: IPty;
  private ended = false;
  readonly exited: Promise<number>;

  constructor(args: string[], cwd: string) {
    this.proc = spawn(process.execPath, [join(ROOT, 'bin', 'rulecase.js'), ...args], {
      name: 'xterm-256color',
      cols: 120,
      rows: 40,
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? cwd, TERM: 'xterm-256color', NO_COLOR: '1', LANG: 'C.UTF-8' },
    });
    this.proc.onData((d) => (this.raw += d));
    this.exited = new Promise((resolve) =>
      this.proc.onExit(({ exitCode, signal }) => {
        this.ended = true;
        resolve(signal ? 128 + signal : exitCode);
      }),
    );
  }

  /** Everything shown so far, without colours and cursor movements. */
  get screen(): string {
    return this.raw.replace(ANSI, '').replace(/\r/g, '');
  }

  /** Waits until the pattern shows after the cursor and the screen is quiet, then moves the cursor past it. */
  async waitFor(pattern: RegExp, timeout = 8000): Promise<RegExpExecArray> {
    const m = await this.waitOrEnd(pattern, timeout);
    if (!m) throw new Error(`the program ended while waiting for ${pattern}; the screen after the last answer:\n${this.screen.slice(this.cursor).slice(-3000)}`);
    return m;
  }

  /** As waitFor, but undefined when the program ends first; `accept` can ask to wait for more (a line still being drawn). */
  async waitOrEnd(pattern: RegExp, timeout = 8000, accept: (m: RegExpExecArray) => boolean = () => true): Promise<RegExpExecArray | undefined> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const ended = this.ended;
      const text = this.screen;
      const re = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g');
      re.lastIndex = this.cursor;
      const m = re.exec(text);
      if (m && accept(m) && (await this.quiet())) {
        this.cursor = m.index + m[0].length;
        return m;
      }
      if (ended) return undefined;
      if (Date.now() > deadline) throw new Error(`waited ${timeout} ms for ${pattern}; the screen after the last answer:\n${text.slice(this.cursor).slice(-3000)}`);
      await pause(25);
    }
  }

  /**
   * The next prompt ("? question") after the cursor, once `known` recognises it (so a line still
   * being drawn is not taken for a whole one); undefined when the program has ended.
   */
  async nextPrompt(known: (prompt: string) => boolean, timeout = 8000): Promise<string | undefined> {
    const m = await this.waitOrEnd(/(?:^|\n)\? ([^\n]+)/, timeout, (x) => known((x[1] as string).trim()));
    return m ? (m[1] as string).trim() : undefined;
  }

  /** Answers the prompt: types the keys, then waits until the prompt shows as answered ("✔ question"). */
  async answer(prompt: string, keys: string): Promise<void> {
    this.type(keys);
    // The answered line drops a default shown in brackets: match on the start of the question.
    const start = prompt.replace(/\s*\([^)]*\)$/, '').slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await this.waitFor(new RegExp(`✔ ${start}`));
  }

  /** The choices of the list prompt drawn last ("  Ja", "❯ Nee" …), without the cursor mark. */
  lastChoices(): string[] {
    const text = this.screen;
    const at = text.lastIndexOf('\n? ');
    if (at === -1) return [];
    const lines = text.slice(at + 1).split('\n').slice(1);
    const end = lines.findIndex((l) => l.startsWith('↑↓'));
    // A list to tick draws its single answers ("Weet ik niet") two further in.
    return lines.slice(0, end === -1 ? lines.length : end).filter((l) => /^(❯| ) ( {2})?\S/.test(l)).map((l) => l.slice(2).trimStart());
  }

  type(keys: string): void {
    this.proc.write(keys);
  }

  kill(signal: string): void {
    this.proc.kill(signal);
  }

  /** True when nothing new arrived for a moment: a prompt is drawn in several writes. */
  private async quiet(): Promise<boolean> {
    const before = this.raw.length;
    await pause(60);
    return this.raw.length === before;
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
