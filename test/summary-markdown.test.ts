/**
 * The Markdown job summary, rendered by a GFM renderer (marked, with raw HTML on as GitHub has it):
 * case ids, test names and file names from a pull request render as the text they are — no HTML,
 * no image, no row split by a pipe.
 */
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Findings } from '../src/report/findings.js';
import { formatMarkdown } from '../src/report/markdown.js';
import type { TestResult } from '../src/rules/tests.js';

const HOSTILE = [
  '<b>bold</b><img src=x onerror=alert(1)>',
  '![tracker](https://example.invalid/p.png)',
  'a|b',
  '`tick` and **stars** and _under_ and [link](https://example.invalid) &amp; &lt;',
  'line\nbreak\rand\u0007bell',
  '<details><summary>x</summary>',
  '$x^2$ ~~struck~~ #1',
];

const render = (md: string): string => new Marked({ gfm: true }).parse(md) as string;
/** What a reader sees: the text of the rendered HTML, entities decoded. */
const text = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function findings(id: string): Findings {
  const file = `cases/${id}.yaml`;
  const test: TestResult = {
    file,
    name: id,
    line: 3,
    column: 5,
    pointer: '/tests/0',
    status: 'failed',
    mismatches: [{ what: `deadline ${id}`, expected: id, actual: 'x', file, line: 4, column: 7, pointer: '/tests/0/expect', facts: [id] }],
    diagnostics: [],
    rerun: `rulecase test ${file} --run '${id}'`,
  };
  return {
    command: 'test',
    tool: { name: 'rulecase', version: '0' },
    summary: '1 failed.',
    ok: false,
    rules: [],
    findings: [{ ruleId: 'rule-test', level: 'error', message: `case ${id}: due soon`, place: { file, line: 2, column: 1 }, key: id }],
    checks: [],
    tests: [test],
  };
}

describe('markdown-summary, rendered as GitHub-flavoured Markdown', () => {
  it.each(HOSTILE)('%j renders as text: no element of its own, every row whole', (id) => {
    const html = render(formatMarkdown(findings(id)));
    // No element came from the case: only the summary's own tags.
    const tags = new Set([...html.matchAll(/<([a-z0-9]+)[\s>]/g)].map((m) => m[1]));
    for (const tag of tags) expect(['h3', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'details', 'summary', 'ul', 'li', 'pre', 'br'], html).toContain(tag);
    expect(html).not.toMatch(/<img|<b>|<a |<del|<em|<strong|<h1/);
    // Each table row has its four or four columns, and the message column holds the message.
    for (const row of html.match(/<tr>[\s\S]*?<\/tr>/g) ?? []) expect((row.match(/<t[dh][\s>]/g) ?? []).length, row).toBe(4);
    const shown = text(html);
    const flat = id.replace(/[\r\n]+/g, ' ').replaceAll('\u0007', '');
    // The id is shown as it was written (a code span turns a backtick into ').
    expect(shown.replace(/\s+/g, ' ')).toContain(`case ${id.replace(/\r\n?|\n/g, '').replaceAll('\u0007', '')}: due soon`.replace(/\s+/g, ' '));
    expect(shown).toContain(`cases/${flat.replace(/`/g, "'")}.yaml:2:1`);
  });
});
