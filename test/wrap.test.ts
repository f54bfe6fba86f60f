/**
 * One wrapping function for the text report and the interview, by display columns (string-width):
 * no line wider than the terminal, whatever the script; words kept whole when they fit; the
 * hanging indent kept at 40 columns.
 */
import fc from 'fast-check';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrapLine, wrapText } from '../src/report/wrap.js';
import { runInProcess } from './cli-harness.js';
import { ROOT } from './helpers.js';

// eslint-disable-next-line no-control-regex
const plain = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');
const CHINESE = '这是一个很长的中文案件摘要用于测试终端显示宽度的换行是否按照显示列计算';

describe('display columns', () => {
  it('a Chinese case id at 40 columns: no line of the text report wider than 40', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-wide-'));
    const source = readFileSync(join(ROOT, 'fixtures/nl/belaging-buurman.yaml'), 'utf8');
    writeFileSync(join(dir, 'zaak.yaml'), source.replace(/^id: .*$/m, `id: ${CHINESE.slice(0, 25)}`));
    const r = await runInProcess(['assess', '--as-of', '2026-06-01', join(dir, 'zaak.yaml')], { COLUMNS: '40' });
    expect(r.code, r.stderr).toBe(0);
    const wide = r.stdout.split('\n').filter((l) => stringWidth(l) > 40);
    expect(wide).toEqual([]);
    expect(r.stdout).toContain(CHINESE.slice(0, 5));
  });

  it("the interview's text (the same function) at 40 columns", () => {
    const out = wrapText(`  · ${CHINESE} ${CHINESE}`, 40).split('\n');
    for (const l of out) expect(stringWidth(l)).toBeLessThanOrEqual(40);
    expect(out.slice(1).every((l) => l.startsWith('    '))).toBe(true);
  });

  it('a combining accent takes no column, an emoji two', () => {
    expect(wrapLine('e\u0301'.repeat(10), 10)).toEqual(['e\u0301'.repeat(10)]);
    expect(wrapLine('😀'.repeat(6), 10)).toEqual(['😀'.repeat(5), '😀']);
  });
});

describe('at 40 columns', () => {
  it('the hanging indent holds, and a heading breaks between words', () => {
    expect(wrapLine('    ▶ Have the forfeited penalty payment (dwangsom) collected before it lapses', 40)).toEqual([
      '    ▶ Have the forfeited penalty payment',
      '      (dwangsom) collected before it',
      '      lapses',
    ]);
    expect(wrapLine('Case NL-2026-0119 · assessed on 1 June 2026 (Europe/Amsterdam)', 40)).toEqual(['Case NL-2026-0119 · assessed on 1 June', '2026 (Europe/Amsterdam)']);
  });
});

// Words from several scripts: Latin, Chinese, accented with combining marks, emoji, coloured.
const word = fc.oneof(
  fc.stringMatching(/^[a-z]{1,12}$/),
  fc.integer({ min: 1, max: 30 }).map((n) => CHINESE.slice(0, n)),
  fc.integer({ min: 1, max: 6 }).map((n) => 'a\u0301'.repeat(n)),
  fc.integer({ min: 1, max: 4 }).map((n) => '😀'.repeat(n)),
  fc.stringMatching(/^[a-z]{1,8}$/).map((w) => `\x1b[31m${w}\x1b[39m`),
);
const line = fc.record({ indent: fc.integer({ min: 0, max: 8 }), mark: fc.constantFrom('', '▶ ', '· ', '✘ '), words: fc.array(word, { minLength: 1, maxLength: 30 }) });

describe('wrapLine, on generated lines', () => {
  it('no line wider than the width; the text kept, in order; continuations under the text', () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 20, max: 100 }), ({ indent, mark, words }, width) => {
        const input = ' '.repeat(indent) + mark + words.join(' ');
        const out = wrapLine(input, width);
        for (const l of out) expect(stringWidth(plain(l)), l).toBeLessThanOrEqual(width);
        // Nothing lost or reordered (breaks only remove spaces).
        expect(plain(out.join('')).replace(/\s+/g, '')).toBe(plain(input).replace(/\s+/g, ''));
        const hang = Math.min(indent + (mark === '' ? 0 : 2), Math.floor(width / 2));
        for (const l of out.slice(1)) expect(l.startsWith(' '.repeat(hang)), JSON.stringify(l)).toBe(true);
        // A word that fits on a line is never cut.
        const whole = words.map(plain).filter((w) => stringWidth(w) <= width - hang);
        const pieces = new Set(out.flatMap((l) => plain(l).trim().split(/ +/)));
        for (const w of whole) if (!pieces.has(w)) expect(plain(out.join('\n')), `${w} cut`).toContain(w);
      }),
      { numRuns: 300 },
    );
  });
});
