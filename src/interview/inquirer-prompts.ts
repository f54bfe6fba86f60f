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
  /** keys that answer at once, whatever is highlighted: '?' (why), 'm' (menu), 'left' or '<' (back) */
  keys?: Readonly<Record<string, T>>;
}

/** The value a key answers: by the character typed ('?', 'm', '<') or the key's name ('left'). */
function keyed<T>(keys: Readonly<Record<string, T>> | undefined, key: KeypressEvent): { value: T } | undefined {
  if (!keys) return undefined;
  const seq = (key as { sequence?: string }).sequence;
  if (seq !== undefined && Object.hasOwn(keys, seq) && seq.length === 1) return { value: keys[seq] as T };
  if (key.name === 'left' && Object.hasOwn(keys, 'left')) return { value: keys['left'] as T };
  return undefined;
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
    const byKey = keyed(config.keys, key);
    if (byKey) {
      rl.clearLine(0);
      finish(byKey.value, '');
    } else if (isEnterKey(key)) {
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
  /** what the left arrow answers on an empty line (going back); without it the arrow only moves the cursor */
  back?: string;
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
    } else if (key.name === 'left' && config.back !== undefined && rl.line === '' && pasted.current === '') {
      setShown('');
      setStatus('done');
      done(config.back);
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

export interface PickManyConfig<T, K> {
  message: string;
  /** the options, any number of which may be ticked */
  choices: readonly PickChoice<T>[];
  /** single answers listed after the options ("don't know"): Enter on one answers it alone */
  singles: readonly PickChoice<K>[];
  checked?: readonly T[];
  pageSize: number;
  keysTip: string;
  /** shown when Enter is pressed with nothing ticked */
  chooseFirst: string;
  keys?: Readonly<Record<string, K>>;
}

/** A list where several options are ticked with the space bar and Enter confirms them; or one of the single answers. */
export const pickMany = createPrompt(<T, K>(config: PickManyConfig<T, K>, done: (value: { chosen: T[] } | { single: K }) => void): string => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [nudge, setNudge] = useState(false);
  const prefix = usePrefix({ status, theme });
  const n = config.choices.length + config.singles.length;
  const [active, setActive] = useState(0);
  const [ticked, setTicked] = useState<readonly number[]>(config.choices.flatMap((c, i) => (config.checked?.includes(c.value) ? [i] : [])));
  const [answer, setAnswer] = useState('');

  useKeypress((key, rl) => {
    const byKey = keyed(config.keys, key);
    if (byKey) {
      rl.clearLine(0);
      setStatus('done');
      done({ single: byKey.value });
    } else if (isEnterKey(key)) {
      if (active >= config.choices.length) {
        const single = config.singles[active - config.choices.length] as PickChoice<K>;
        setAnswer(single.name);
        setStatus('done');
        done({ single: single.value });
      } else if (ticked.length === 0) setNudge(true);
      else {
        setAnswer(ticked.map((i) => config.choices[i]?.name).join(', '));
        setStatus('done');
        done({ chosen: [...ticked].sort((a, b) => a - b).map((i) => (config.choices[i] as PickChoice<T>).value) });
      }
    } else if (key.name === 'space' && active < config.choices.length) {
      rl.clearLine(0);
      setTicked(ticked.includes(active) ? ticked.filter((i) => i !== active) : [...ticked, active]);
    } else if (isUpKey(key) || isDownKey(key)) {
      rl.clearLine(0);
      setActive(Math.min(n - 1, Math.max(0, active + (isUpKey(key) ? -1 : 1))));
    } else if (isNumberKey(key) && !Number.isNaN(Number(rl.line))) {
      // The nth option: ticks or unticks it.
      const i = Number(rl.line) - 1;
      rl.clearLine(0);
      if (i >= 0 && i < config.choices.length) {
        setActive(i);
        setTicked(ticked.includes(i) ? ticked.filter((x) => x !== i) : [...ticked, i]);
      } else if (i >= config.choices.length && i < n) setActive(i); // a single answer: Enter then gives it
    } else if (isBackspaceKey(key)) rl.clearLine(0);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return [prefix, message, theme.style.answer(answer)].join(' ');
  const rows = [...config.choices.map((c, i) => `${ticked.includes(i) ? '◉' : '◯'} ${c.name}`), ...config.singles.map((c) => `  ${c.name}`)];
  const page = usePagination({ items: rows, active, renderItem: ({ item, isActive }) => (isActive ? theme.style.highlight(`❯ ${item}`) : `  ${item}`), pageSize: config.pageSize, loop: false });
  return [`${prefix} ${message}`, page, ' ', nudge && ticked.length === 0 ? theme.style.error(config.chooseFirst) : '', theme.style.help(config.keysTip)].filter(Boolean).join('\n').trimEnd() + HIDE_CURSOR;
});
