import { formatDiagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CaseResult } from '../engine/result.js';
import { explainCase } from '../explain/explain.js';
import type { Flag, TriageOptions } from '../engine/triage.js';
import type { Lang, RuleSet } from '../rules/types.js';
import { coverageTotals, type RuleSetCoverage, type TestResult } from '../rules/tests.js';
import { csvHeader, csvRow } from './csv.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText, type DiffResult } from './diff.js';
import type { Findings } from './findings.js';
import { formatGithub } from './github.js';
import { formatJunit } from './junit.js';
import { machineCase, type Detail, type Envelope } from './machine.js';
import { formatMarkdown } from './markdown.js';
import { formatTestText } from './ruletests-text.js';
import { formatSarif, type SourceRoot } from './sarif.js';
import { formatCaseText, formatDisclaimer, formatSummaryText } from './text.js';
import { formatCaseHtml, htmlHead, htmlTail } from './html.js';
import { formatCaseMarkdown } from './markdown-report.js';
import { formatCaseIcs, icsHead, icsTail } from './ics.js';
import { say } from '../words/report.js';

/**
 * The output formats, in one table (as Spectral's `output.ts`): for each name, what it is, which
 * commands offer it, whether `assess` writes it case by case or whole at the end, and the pure
 * formatter. `--format` choices, help and the dispatch in every command come from here.
 */

export type FormatCommand = 'assess' | 'validate' | 'test' | 'diff';

export interface FormatOptions {
  /** ANSI colour (only for what goes to a terminal); formats for machines ignore it */
  color: boolean;
  /** the terminal's width, for the text format to wrap to */
  width?: number;
  /** where the working folder sits in its repository, for formats whose paths are relative to the repository root (SARIF) */
  root?: SourceRoot;
}

/** Written once, when everything is known. */
export interface WholeFormat<Data> {
  mode: 'whole';
  /** what this format holds for this command, when it says more than the format's description */
  description?: string;
  format: (data: Data, options: FormatOptions) => string;
}

/** What every streamed case needs: plain data, so that worker threads can format cases too. */
export interface CaseFormatContext {
  lang: Lang;
  /** `<ruleset>.<conclusion id>` for every headline conclusion the loaded rules can produce */
  headlineColumns: string[];
  triage: TriageOptions;
  /** how much of each case the machine formats carry (--detail) */
  detail: Detail;
  /** how much of each case the text report shows (--detail lean: the headlines and the deadlines that apply) */
  textDetail?: Detail;
  /** whether any output prints reasons (text, --detail full): otherwise the engine skips them */
  reasons: boolean;
  /** --ics-details: calendar entries carry the case's story, not only its id */
  icsDetails?: boolean;
  /** the terminal's width: the text format wraps to it */
  width?: number;
}

export interface StreamHead {
  /** the envelope, without cases */
  envelope: Envelope;
  headlineColumns: string[];
  /** the first case's language, for formats whose head waits for it (headFromFirstCase) */
  caseLang?: Lang;
}

export interface StreamTail {
  lang: Lang;
  /** cases assessed (skipped files not counted) */
  total: number;
  invalid: number;
  /** cases written (after --only) */
  shown: number;
  /** discovered files of another kind */
  skipped: number;
  /** whether --only chose the cases written */
  filtered: boolean;
  /** whether every case this format wrote was empty (a calendar with no event) */
  empty?: boolean;
  /** the as-of date asked for, when one was */
  asOf?: string | null;
}

/** `assess` writes these case by case, as the cases are assessed (and, in a large batch, by worker threads). */
export interface StreamedFormat {
  mode: 'streamed';
  description?: string;
  head: (data: StreamHead, options: FormatOptions) => string;
  /** write the head with the first case (it takes the case's language), not before any case is read */
  headFromFirstCase?: boolean;
  case: (report: CaseResult, context: CaseFormatContext & FormatOptions & { flags: Flag[]; rules: readonly RuleSet[] }) => string;
  /** written before the first case and between cases (a JSON array needs commas) */
  separator?: { first: string; next: string };
  tail: (data: StreamTail, options: FormatOptions) => string;
}

export interface ValidateData {
  files: string[];
  diagnostics: Diagnostic[];
  findings: Findings;
  version: string;
}

export interface TestData {
  results: TestResult[];
  /** test files that could not be read or are invalid, and rule errors */
  problems: Diagnostic[];
  findings: Findings;
  version: string;
  coverage?: { sets: RuleSetCoverage[]; threshold?: number };
  /** --coverage: print the coverage per rule set (not only against --threshold) */
  showCoverage: boolean;
}

/** How each command writes one format; a command a format does not list does not offer it. */
export interface CommandFormats {
  assess: StreamedFormat | WholeFormat<Findings>;
  validate: WholeFormat<ValidateData>;
  test: WholeFormat<TestData>;
  diff: WholeFormat<DiffResult>;
}

export interface FormatRow {
  description: string;
  commands: Partial<CommandFormats>;
}

const whole = <Data>(format: (data: Data, options: FormatOptions) => string, description?: string): WholeFormat<Data> => ({ mode: 'whole', format, ...(description !== undefined ? { description } : {}) });
/** The CI formats report the same findings model whichever command made it. */
const findingsFormat = (format: (findings: Findings, options: FormatOptions) => string): WholeFormat<{ findings: Findings }> => whole((data, options) => format(data.findings, options));
const ciFormat = (format: (findings: Findings, options: FormatOptions) => string): Partial<CommandFormats> => ({
  assess: whole((findings: Findings, options) => format(findings, options)),
  validate: findingsFormat(format),
  test: findingsFormat(format),
});

export const FORMATS = {
  text: {
    description: 'for people (the default)',
    commands: {
      assess: {
        mode: 'streamed',
        head: () => '',
        case: (report, ctx) => formatCaseText(explainCase(report, ctx.rules, report.lang ?? ctx.lang), ctx.lang, { color: ctx.color, detail: ctx.textDetail ?? 'full', ...(ctx.width !== undefined ? { width: ctx.width } : {}) }),
        tail: assessTextTail,
      },
      validate: whole(validateText),
      test: whole(testText),
      diff: whole((d: DiffResult) => formatDiffText(d)),
    },
  },
  html: {
    description: 'the report to print and hand on: one self-contained HTML file (A4), with a timeline',
    commands: {
      assess: {
        mode: 'streamed',
        headFromFirstCase: true,
        head: (data) => htmlHead(data.caseLang ?? data.envelope.lang),
        case: (report, ctx) => formatCaseHtml(explainCase(report, ctx.rules, report.lang ?? ctx.lang), ctx.lang, ctx.textDetail ?? 'full'),
        tail: () => htmlTail(),
      },
    },
  },
  json: {
    description: "the command's JSON envelope",
    commands: {
      assess: {
        mode: 'streamed',
        description: 'one envelope (schemas/report.schema.json), each case written into it as it is assessed',
        head: (data) => JSON.stringify({ ...data.envelope, cases: undefined }, null, 2).replace(/\n}$/, ',\n  "cases": ['),
        // Indented to sit inside the envelope's "cases" array.
        case: (report, ctx) => '    ' + JSON.stringify(machineCase(report, { detail: ctx.detail, triage: ctx.flags, rulesets: ctx.rules, lang: ctx.lang }), null, 2).replace(/\n/g, '\n    '),
        separator: { first: '\n', next: ',\n' },
        tail: (data) => (data.shown === 0 ? ']' : '\n  ]') + '\n}\n',
      },
      validate: whole(validateJson, 'the files checked, whether they are valid, and every diagnostic'),
      test: whole(testJson, "each test's status, mismatches, problems and rerun command, and the coverage items"),
      diff: whole((d: DiffResult) => formatDiffJson(d), 'every case with each conclusion, deadline and action that changed'),
    },
  },
  ndjson: {
    description: 'one JSON line per case, with the actions it needs, written as it is assessed',
    commands: {
      assess: { mode: 'streamed', head: () => '', case: (report, ctx) => JSON.stringify(machineCase(report, { detail: ctx.detail, triage: ctx.flags, rulesets: ctx.rules, lang: ctx.lang })) + '\n', tail: () => '' },
    },
  },
  csv: {
    description: 'one row per case, for spreadsheets: status, actions, headline conclusions, the nearest deadline',
    commands: {
      assess: { mode: 'streamed', head: (data) => csvHeader({ conclusions: data.headlineColumns }), case: (report, ctx) => csvRow(report, { conclusions: ctx.headlineColumns }, ctx.triage), tail: () => '' },
    },
  },
  junit: { description: 'JUnit XML, for CI test reports', commands: ciFormat(formatJunit) },
  sarif: { description: 'SARIF 2.1.0, for code-scanning tools', commands: ciFormat(formatSarif) },
  github: { description: 'GitHub Actions workflow annotations', commands: ciFormat(formatGithub) },
  markdown: {
    description: 'a pull-request comment',
    commands: {
      // For assess, the report to hand on; the CI summary of a batch is markdown-summary.
      assess: {
        mode: 'streamed',
        description: 'the report to hand on, as Markdown (for a case file or an e-mail), in the case\'s language',
        head: () => '',
        case: (report, ctx) => formatCaseMarkdown(explainCase(report, ctx.rules, report.lang ?? ctx.lang), ctx.lang),
        separator: { first: '', next: '\n' },
        tail: (data) => (data.total > 1 ? `*${say(data.lang, 'summary')}: ${data.total} ${say(data.lang, 'cases')}, ${data.total - data.invalid} ${say(data.lang, 'assessedCount')}, ${data.invalid} ${say(data.lang, 'invalidCount')}.*\n` : ''),
      },
      validate: findingsFormat(summaryMarkdown),
      test: findingsFormat(summaryMarkdown),
      diff: whole((d: DiffResult) => formatDiffMarkdown(d)),
    },
  },
  ics: {
    description: 'iCalendar (RFC 5545): an all-day event with a reminder for every open last day to act and every order end; the case id only, unless --ics-details',
    commands: {
      assess: {
        mode: 'streamed',
        head: (data) => icsHead(data.envelope.lang, data.envelope.tool.version),
        case: (report, ctx) => formatCaseIcs(explainCase(report, ctx.rules, report.lang ?? ctx.lang), ctx.lang, ctx.icsDetails === true),
        tail: (data) => icsTail({ empty: data.empty === true, lang: data.lang, asOf: data.asOf ?? null }),
      },
    },
  },
  'markdown-summary': {
    description: 'a pull-request comment (the CI summary)',
    commands: { ...ciFormat(summaryMarkdown), diff: whole((d: DiffResult) => formatDiffMarkdown(d)) },
  },
} satisfies Record<string, FormatRow>;

export type FormatName = keyof typeof FORMATS;

function summaryMarkdown(findings: Findings, options: FormatOptions): string {
  return formatMarkdown(findings, options.root ? { root: options.root } : {});
}

/** The formats that print each element's reasons: the engine collects them only when one is asked for. */
export const FORMATS_WITH_REASONS: readonly string[] = ['text', 'html', 'markdown'];

const rows = (): [string, FormatRow][] => Object.entries(FORMATS);

/** The formats a command offers, in the table's order: its `--format` choices. */
export function formatNames(command: FormatCommand): string[] {
  return rows()
    .filter(([, row]) => row.commands[command] !== undefined)
    .map(([name]) => name);
}

/** How a command writes a format; the name was checked against formatNames when the options were parsed. */
export function formatFor<C extends FormatCommand>(command: C, name: string): CommandFormats[C] {
  const entry = (FORMATS as Record<string, FormatRow>)[name]?.commands[command];
  if (entry === undefined) throw new Error(`rulecase ${command} has no format ${name}`);
  return entry as CommandFormats[C];
}

/** The formats section of a command's help: each name with what it holds for this command. */
export function formatsHelp(command: FormatCommand): string {
  const offered = rows().flatMap(([name, row]) => {
    const entry = row.commands[command];
    return entry === undefined ? [] : [[name, entry.description ?? row.description] as const];
  });
  const width = Math.max(...offered.map(([name]) => name.length));
  return `\nFormats (--format name or name=file):\n${offered.map(([name, what]) => `  ${name.padEnd(width)}  ${what}`).join('\n')}\n`;
}

function assessTextTail(data: StreamTail, options: FormatOptions): string {
  const notes = { ...(data.filtered ? { shown: data.shown } : {}), skipped: data.skipped };
  const summary = data.total > 1 || data.filtered || data.skipped > 0 ? formatSummaryText(data.total, data.invalid, data.lang, options, notes) : '';
  return summary + formatDisclaimer(data.lang, options);
}

function validateText(data: ValidateData): string {
  const lines = data.diagnostics.map((d) => formatDiagnostic(d) + '\n').join('');
  const errors = data.diagnostics.filter((d) => d.severity === 'error');
  const summary = errors.length === 0 ? `${data.files.length} rule file(s) valid.\n` : `${errors.length} error(s) in ${new Set(errors.map((d) => d.file)).size} of ${data.files.length} rule file(s).\n`;
  return lines + summary;
}

function validateJson(data: ValidateData): string {
  return JSON.stringify({ schemaVersion: '1.0', tool: { name: 'rulecase', version: data.version }, files: data.files, valid: !hasErrors(data.diagnostics), diagnostics: data.diagnostics }, null, 2) + '\n';
}

function testText(data: TestData, options: FormatOptions): string {
  const threshold = data.coverage?.threshold;
  const text = formatTestText(data.results, data.problems, {
    color: options.color,
    ...(data.coverage && data.showCoverage ? { coverage: data.coverage.sets } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
  });
  return text + (threshold !== undefined && !data.showCoverage && data.coverage ? thresholdLine(data.coverage.sets, threshold) : '');
}

function thresholdLine(coverage: RuleSetCoverage[], threshold: number): string {
  const t = coverageTotals(coverage);
  return `Coverage ${t.percent}% (${t.covered} of ${t.total} outcomes); threshold ${threshold}%: ${t.percent >= threshold ? 'met' : 'NOT MET (run with --coverage to see what no test reaches)'}.\n`;
}

function testJson(data: TestData): string {
  const count = (s: TestResult['status']): number => data.results.filter((r) => r.status === s).length;
  const body = {
    schemaVersion: '1.0',
    tool: { name: 'rulecase', version: data.version },
    ok: data.findings.ok,
    summary: { total: data.results.length, passed: count('passed'), failed: count('failed'), errors: count('error'), todo: count('todo') },
    problems: data.problems,
    tests: data.results,
    ...(data.coverage ? { coverage: coverageJson(data.coverage) } : {}),
  };
  return JSON.stringify(body, null, 2) + '\n';
}

function coverageJson(coverage: { sets: RuleSetCoverage[]; threshold?: number }): object {
  return {
    ...coverageTotals(coverage.sets),
    ...(coverage.threshold !== undefined ? { threshold: coverage.threshold } : {}),
    rulesets: coverage.sets.map((s) => ({
      ruleset: s.ruleset,
      version: s.version,
      file: s.file,
      ...coverageTotals([s]),
      items: s.items.map((i) => ({ kind: i.kind, label: i.label, pointer: i.pointer, line: i.line, column: i.column, possible: i.possible, reached: i.possible.filter((o) => i.seen.has(o)), ...(i.statuses ? { statuses: [...i.statuses].sort() } : {}) })),
    })),
  };
}
