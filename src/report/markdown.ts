import { coverageBreakdown, coverageTotals, type RuleSetCoverage, type TestResult } from '../rules/tests.js';
import { show, uncoveredLines, type Findings } from './findings.js';
import { repoPath } from './paths.js';
import type { SourceRoot } from './sarif.js';

/*
 * Case files, test names and file names come from a pull request: whatever they hold must render as
 * the text it is. The summary is GitHub-flavoured Markdown, and GitHub renders raw HTML in it.
 */

/** Markdown text (a table cell, a list item): every markup character escaped, line breaks as <br>. */
export const cell = (s: string): string =>
  s
    .replace(/([\\`*_{}[\]<>#|~!&$:])/g, '\\$1')
    .replace(/\r\n?|\n/g, '<br>')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
/**
 * A code span in a table row: no backslash escape works inside a code span, but GFM takes `\|` out
 * of a table cell before it reads the span, so a pipe keeps its row. Backticks and line breaks cannot
 * be carried: a backtick becomes ', a line break a space.
 */
export const codeCell = (s: string): string => '`' + oneLine(s).replace(/`/g, "'").replace(/\|/g, '\\|') + '`';
/** A code span outside a table: a pipe is just a pipe there. */
const codeSpan = (s: string): string => '`' + oneLine(s).replace(/`/g, "'") + '`';
// eslint-disable-next-line no-control-regex
const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
/** Text inside an HTML block (<details>): Markdown is not read there, so HTML's escaping applies. */
const html = (s: string): string => oneLine(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const htmlCode = (s: string): string => `<code>${html(s)}</code>`;
const code = codeCell;
const icon = { error: '❌', warning: '⚠️', note: 'ℹ️' } as const;

export interface MarkdownOptions {
  /** at most this many findings in the table (a pull-request comment has a size limit) */
  maxFindings?: number;
  /** the repository root: files are named from it, as in the SARIF and GitHub formats */
  root?: SourceRoot;
}

/** Markdown for a pull-request comment: a heading with the outcome, the findings, and details. */
export function formatMarkdown(report: Findings, options: MarkdownOptions = {}): string {
  const max = options.maxFindings ?? 100;
  const at = (p: { file: string; line: number; column: number }): string => `${repoPath(p.file, options.root)}:${p.line}:${p.column}`;
  const out: string[] = [`### ${report.ok ? '✅' : '❌'} rulecase ${report.command}`, '', report.summary, ''];
  if (report.findings.length > 0) {
    out.push('| | where | rule | message |', '|---|---|---|---|');
    for (const f of report.findings.slice(0, max)) {
      out.push(`| ${icon[f.level]} | ${code(at(f.place))} | ${code(f.ruleId)} | ${cell(f.message)} |`);
    }
    if (report.findings.length > max) out.push('', `… and ${report.findings.length - max} more.`);
    out.push('');
  }
  if (report.tests) out.push(...testDetails(report.tests, at));
  if (report.coverage) out.push(...coverageMarkdown(report.coverage.sets, report.coverage.threshold, (f) => repoPath(f, options.root)));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function testDetails(tests: readonly TestResult[], at: (p: { file: string; line: number; column: number }) => string): string[] {
  const failing = tests.filter((t) => t.status === 'failed' || t.status === 'error');
  const out: string[] = [];
  for (const t of failing) {
    out.push(`<details><summary>${t.status === 'failed' ? '❌' : '⛔'} ${html(t.name)} — ${htmlCode(at(t))}</summary>`, '');
    for (const d of t.diagnostics) out.push(`- ${codeSpan(at(d))} ${cell(d.message)}`);
    if (t.mismatches.length > 0) {
      out.push('| what | expected | actual | where |', '|---|---|---|---|');
      for (const m of t.mismatches) out.push(`| ${cell(m.what)} | ${code(show(m.expected))} | ${code(show(m.actual))} | ${code(at(m))}${m.rule ? `<br>rule ${code(at(m.rule))}` : ''} |`);
      out.push('');
      for (const m of t.mismatches) {
        out.push(`Facts for ${cell(m.what)}${m.rule?.citation ? ` (source: ${cell(m.rule.citation)})` : ''}:`);
        for (const f of m.facts) out.push(`- ${cell(f)}`);
        out.push('');
      }
    }
    out.push('', 'Rerun just this test:', '', fenced(t.rerun, 'sh'), '', '</details>', '');
  }
  const todo = tests.filter((t) => t.status === 'todo');
  if (todo.length > 0) {
    out.push(`${todo.length} todo test(s): ${todo.map((t) => `${cell(t.name)}${t.todoPasses ? ' (passes now: remove todo)' : ''}`).join('; ')}`, '');
  }
  return out;
}

/** A fenced code block longer than any run of backticks in it, so the text cannot close it. */
function fenced(text: string, lang: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

export function coverageMarkdown(sets: readonly RuleSetCoverage[], threshold?: number, path: (file: string) => string = (f) => f): string[] {
  const totals = coverageTotals(sets);
  const frac = ([c, t]: [number, number]): string => (t === 0 ? '–' : `${c}/${t}`);
  const out = ['#### Coverage', '', `Total: **${totals.percent}%** (${totals.covered} of ${totals.total} outcomes)${threshold !== undefined ? `, threshold ${threshold}%` : ''}`, '', '| rule set | file | covered | conditions (true/false/unknown) | deadlines reached | table rows matched |', '|---|---|---|---|---|---|'];
  for (const s of sets) {
    const b = coverageBreakdown(s);
    out.push(`| ${code(`${s.ruleset} ${s.version}`)} | ${code(path(s.file))} | ${coverageTotals([s]).percent}% | ${frac(b.conditions)} | ${frac(b.deadlines)} | ${frac(b.rows)} |`);
  }
  const missing = uncoveredLines(sets, 15);
  if (missing.length > 0) out.push('', '<details><summary>Not yet reached</summary>', '', ...missing.map((m) => `- ${cell(m)}`), '', '</details>');
  out.push('');
  return out;
}
