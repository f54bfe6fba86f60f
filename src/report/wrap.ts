/**
 * Wrapping for the terminal, the one function for the reports and the interview: a line longer
 * than the width breaks between words, continuing under its own text (after a leading mark such as
 * ▶ or ·); colour codes take no room. Widths are display columns (string-width): a Chinese
 * character takes two, a combining accent none. A word longer than the line (a URL, a run of
 * Chinese) is cut between characters (grapheme clusters, never inside one). Pure.
 */
import stringWidth from 'string-width';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const MARKS = new Set(['▶', '✔', '✘', '?', 'ℹ', '◷', '·', '!', '-']);
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The columns a string takes on a terminal (colour codes take none). */
export function visibleWidth(s: string): number {
  return stringWidth(s.replace(ANSI, ''));
}

/** Cuts a word into pieces of at most `size` columns, keeping colour codes with their text. */
function cut(word: string, size: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let n = 0;
  // Colour codes and the text between them, the text in grapheme clusters with their widths.
  // eslint-disable-next-line no-control-regex
  for (const part of word.split(/(\x1b\[[0-9;]*m)/)) {
    if (part.startsWith('\x1b')) {
      current += part;
      continue;
    }
    for (const { segment } of graphemes.segment(part)) {
      const w = stringWidth(segment);
      // A piece holds at least one character, even one wider than the size.
      if (n + w > size && n > 0) {
        pieces.push(current);
        current = '';
        n = 0;
      }
      current += segment;
      n += w;
    }
  }
  pieces.push(current);
  return pieces;
}

/** The words of a line; colour codes standing alone join the word after them. */
function words(line: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const token of line.split(' ')) {
    if (token === '') continue;
    if (visibleWidth(token) === 0) pending += token;
    else {
      out.push(pending + token);
      pending = '';
    }
  }
  if (pending !== '') {
    if (out.length > 0) out[out.length - 1] += pending;
    else out.push(pending);
  }
  return out;
}

/** One line as lines of at most `width` columns. */
export function wrapLine(line: string, width: number): string[] {
  if (visibleWidth(line) <= width) return [line];
  const plain = line.replace(ANSI, '');
  const indent = /^ */.exec(plain)?.[0].length ?? 0;
  const first = [...plain.slice(indent)][0] ?? '';
  const hang = indent + (MARKS.has(first) && plain[indent + first.length] === ' ' ? visibleWidth(first) + 1 : 0);
  // Never hang so far that nothing fits.
  const cont = ' '.repeat(Math.min(hang, Math.floor(width / 2)));
  const out: string[] = [];
  let current = ' '.repeat(indent);
  let used = indent;
  let empty = true;
  const newLine = (): void => {
    out.push(current);
    current = cont;
    used = cont.length;
    empty = true;
  };
  for (const word of words(line)) {
    const w = visibleWidth(word);
    if (w > width - cont.length) {
      // Longer than a whole line (a URL): cut it to fit, starting on this line if there is room.
      let rest = word;
      if (!empty && width - used - 1 >= 10) {
        const head = cut(word, width - used - 1)[0] ?? '';
        current += ' ' + head;
        rest = word.slice(head.length);
      }
      if (!empty) newLine();
      cut(rest, width - cont.length).forEach((piece, i) => {
        if (i > 0) newLine();
        current += piece;
        used += visibleWidth(piece);
        empty = false;
      });
      continue;
    }
    if (!empty && used + 1 + w > width) newLine();
    current += (empty ? '' : ' ') + word;
    used += (empty ? 0 : 1) + w;
    empty = false;
  }
  out.push(current);
  return out.map((l) => l.replace(/ +$/, ''));
}

/** A text of lines, each wrapped. */
export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((l) => wrapLine(l, width))
    .join('\n');
}
