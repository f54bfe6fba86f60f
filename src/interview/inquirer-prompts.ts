import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isNumberKey, isUpKey, makeTheme, Separator, useEffect, useKeypress, usePagination, usePrefix, useRef, useState, type KeypressEvent } from '@inquirer/core';

/**
 * The two prompts the interview draws, on @inquirer/core: a list that can start with nothing
 * chosen (Enter does nothing until the adviser picks, so a stray Enter never records an answer),
 * and a line of text that keeps a pasted second line. Both give up on Esc when told what Esc means.
 */

const HIDE_CURSOR = `${String.fromCharCode(27)}[?25l`;
const isEscape = (key: KeypressEvent): boolean => key.name === 'escape';

export interface PickChoice<T> {
  value: T;
  name: string;
  description?: string;
}

export interface PickConfig<T> {
  message: string;
  choices: readonly (PickChoice<T> | Separator)[];
  /** where the cursor starts; with `required` and no default, it starts on nothing */
  default?: T;
  required?: boolean;
  /** what Esc answers; without it Esc does nothing */
  cancel?: { value: T };
  pageSize: number;
  keysTip: string;
  /** shown when Enter is pressed with nothing chosen */
  chooseFirst: string;
}

const isChoice = <T>(item: PickChoice<T> | Separator): item is PickChoice<T> => !Separator.isSeparator(item);

export const pick = createPrompt(<T>(config: PickConfig<T>, done: (value: T) => void): string => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [nudge, setNudge] = useState(false);
  const prefix = usePrefix({ status, theme });
  const items = config.choices;
  const first = items.findIndex(isChoice);
  const last = items.findLastIndex(isChoice);
  const start = config.default !== undefined ? items.findIndex((i) => isChoice(i) && i.value === config.default) : -1;
  const [active, setActive] = useState(start !== -1 ? start : config.required ? -1 : first);
  const numberTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [answer, setAnswer] = useState('');

  useKeypress((key, rl) => {
    clearTimeout(numberTimer.current);
    const finish = (value: T, shown: string): void => {
      setAnswer(shown);
      setStatus('done');
      done(value);
    };
    if (isEnterKey(key)) {
      const item = items[active];
      if (item && isChoice(item)) finish(item.value, item.name);
      else setNudge(true);
    } else if (isEscape(key) && config.cancel) {
      finish(config.cancel.value, '—');
    } else if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      const step = isUpKey(key) ? -1 : 1;
      if (active === -1) setActive(step === 1 ? first : last);
      else {
        let next = active;
        do next += step;
        while (next >= first && next <= last && !isChoice(items[next] as PickChoice<T> | Separator));
        if (next >= first && next <= last) setActive(next);
      }
    } else if (isNumberKey(key) && !Number.isNaN(Number(rl.line))) {
      // The nth choice, separators not counted: "2" picks the second.
      const wanted = Number(rl.line) - 1;
      let n = -1;
      const at = items.findIndex((item) => isChoice(item) && ++n === wanted);
      if (at !== -1) setActive(at);
      numberTimer.current = setTimeout(() => rl.clearLine(0), 700);
    } else if (isBackspaceKey(key)) rl.clearLine(0);
  });
  useEffect(() => () => clearTimeout(numberTimer.current), []);

  const message = theme.style.message(config.message, status);
  if (status === 'done') return [prefix, message, theme.style.answer(answer)].join(' ');
  const page = usePagination({
    items: [...items],
    active: Math.max(active, 0),
    renderItem: ({ item, isActive }) => (isChoice(item) ? (isActive && active !== -1 ? theme.style.highlight(`❯ ${item.name}`) : `  ${item.name}`) : ` ${item.separator}`),
    pageSize: config.pageSize,
    loop: false,
  });
  const chosen = items[active];
  const description = chosen && isChoice(chosen) ? chosen.description : undefined;
  const lines = [`${prefix} ${message}`, page, ' ', description ? theme.style.help(description) : '', nudge && active === -1 ? theme.style.error(config.chooseFirst) : '', theme.style.help(config.keysTip)];
  return lines.filter(Boolean).join('\n').trimEnd() + HIDE_CURSOR;
});

export interface TextConfig {
  message: string;
  default?: string;
  validate?: (value: string) => true | string;
  transformer?: (value: string, final: boolean) => string;
  /** what Esc answers; without it Esc does nothing */
  cancel?: { value: string };
}

/** How long after Enter more keys count as the rest of a paste rather than the next answer. */
const PASTE_MS = 30;

export const text = createPrompt((config: TextConfig, done: (value: string) => void): [string, string] => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [shown, setShown] = useState('');
  // Lines already ended by a newline that came within a paste.
  const pasted = useRef('');
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const prefix = usePrefix({ status, theme });

  const submit = (typed: string, restore: () => void): void => {
    const answer = typed === '' && config.default !== undefined ? config.default : typed;
    const ok = config.validate ? config.validate(answer) : true;
    if (ok === true) {
      setShown(config.transformer ? config.transformer(answer, true) : theme.style.answer(answer));
      setStatus('done');
      done(answer);
    } else {
      // Enter cleared the line: put the text back to be corrected.
      restore();
      setError(ok);
    }
  };

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    let current = value;
    if (pending.current !== undefined) {
      // More keys right behind a newline: a pasted text of several lines, kept whole.
      clearTimeout(pending.current);
      pending.current = undefined;
      pasted.current = `${pasted.current}${current}\n`;
      current = '';
      setValue('');
    }
    if (isEnterKey(key)) {
      const line = current;
      pending.current = setTimeout(() => {
        pending.current = undefined;
        submit(pasted.current + line, () => rl.write(line));
      }, PASTE_MS);
    } else if (isEscape(key) && config.cancel) {
      setShown('—');
      setStatus('done');
      done(config.cancel.value);
    } else {
      setValue(rl.line);
      setError(undefined);
    }
  });
  useEffect(() => () => clearTimeout(pending.current), []);

  const message = theme.style.message(config.message, status);
  if (status === 'done') return [[prefix, message, shown].join(' '), ''];
  const typed = pasted.current + value;
  const body = config.transformer ? config.transformer(typed, false) : typed;
  const def = config.default !== undefined && typed === '' ? theme.style.defaultAnswer(config.default) : '';
  return [[prefix, message, def, body.replace(/\n/g, ' ↵ ')].filter(Boolean).join(' '), error ? theme.style.error(error) : ''];
});
