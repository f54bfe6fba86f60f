import { Option, type Command } from 'commander';
import { explainCase } from '../explain/explain.js';
import { availableParallelism } from 'node:os';
import type { AssessSettings } from '../app/settings.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { FLAGS, FAIL_LEVELS, type Flag, type FailLevel, type TriageOptions } from '../engine/triage.js';
import { BUNDLED_RULES, loadRules, stableRuleFile, UsageError } from '../io/files.js';
import { expandInputs, splitStdin, type CaseSource } from '../io/inputs.js';
import { reportEnvelope } from '../report/envelope.js';
import { assessFindings } from '../report/findings.js';
import { FORMATS_WITH_REASONS, formatNames } from '../report/formats.js';
import { DETAILS, type Detail } from '../report/machine.js';
import type { Lang, RuleSet } from '../rules/types.js';
import { parseSource, type SourceDocument } from '../source/document.js';
import { assessAll } from './assess-run.js';
import { ReportWriter } from './assess-writer.js';
import type { CommandContext } from './extensions.js';
import type { Io } from './io.js';
import { checkAsOf, langOption, rulesOption } from './options.js';
import { formatCliOption, formatsHelp, outputsWithOut, rulesHaveErrors, type OutputSpec } from './output.js';
import type { RenderContext } from './render-case.js';
import { openSinks } from './sinks.js';
import { sourceRoot } from '../io/root.js';

interface AssessOptions {
  rules: string[];
  asOf?: string;
  lang?: Lang;
  format?: OutputSpec[];
  detail?: Detail;
  out?: string;
  only?: string;
  failOn: FailLevel;
  dueWithin?: string;
  jobs?: string;
  progress: boolean;
  icsDetails?: boolean;
  redact?: boolean;
  /** --quiet: only errors on standard error */
  quiet?: boolean;
}

export function registerAssess(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('assess')
    .description('Assess case files: each legal element met, not met or undetermined, and every deadline.')
    .argument('<cases...>', 'case files (JSON or YAML), folders (searched recursively), globs, or - for standard input (one case, or NDJSON)')
    .addOption(rulesOption())
    .option('--as-of <date>', "assess as on this date, YYYY-MM-DD (default: the case file's asOf, else today in the jurisdiction's time zone)")
    .addOption(langOption("language of the report (default: each case file's lang, else en)"))
    .addOption(formatCliOption('assess', ' (default text)'))
    .addOption(new Option('--detail <level>', 'how much of each case: json and ndjson carry every explanation with full (default lean); text and html show every element with its reasons, each deadline\'s basis and the sources unless lean (default full)').choices([...DETAILS]))
    .option('--out <file>', 'write the report (the --format given without a file) to this file instead of standard output; without --format, the extension chooses the format (.html, .md, .ics, .json, .csv, .txt)')
    .option('--only <actions>', `list only cases that need one of these actions: ${FLAGS.join(', ')} (comma-separated)`)
    .option('--due-within <days>', 'count a deadline as due when it falls within this many days (default: each deadline\'s own due-soon window)')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a case reaches this level; each level includes the ones before it').choices([...FAIL_LEVELS]).default('none'))
    .option('--jobs <n>', 'worker threads for large batches (default: the number of cores)')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .option('--redact', 'replace names, descriptions, free text, case ids and file names by placeholders (Person A, Case 1, [text 3]) in every format, for sharing a report')
    .option('--ics-details', 'calendar entries (--format ics) carry the case summary, the adviser and each explanation; by default only the case id')
    .addHelpText('after', formatsHelp('assess'))
    .addHelpText(
      'after',
      `
Examples:
  rulecase assess fixtures/nl/belaging-ex-partner.yaml
  rulecase assess --lang nl --as-of 2026-06-01 fixtures/nl/
  rulecase assess --format json --out report.json 'cases/**/*.json'
  rulecase assess --out zaak-rapport.html fixtures/nl/belaging-ex-partner.yaml
  cat case.json | rulecase assess -
  rulecase assess --format csv --only due,invalid --due-within 14 cases/ > todo.csv
  rulecase assess --format ndjson --fail-on expired cases/
  rulecase assess --fail-on expired --format text --format junit=cases.xml --format sarif=cases.sarif cases/

Exit codes: 0 assessed, nothing at or above --fail-on; 1 a case reached --fail-on;
2 a case file could not be assessed, or the rules or the command line are invalid.`,
    )
    .action(async (inputs: string[], opts: AssessOptions, cmd: Command) => {
      const quiet = (cmd.optsWithGlobals() as { quiet?: boolean }).quiet === true;
      setExit(await assessCommand(inputs, { ...opts, quiet, progress: opts.progress && !quiet }, io));
    });
}

/** The command line, checked: every usage error is found before any work. */
interface AssessPlan {
  outputs: OutputSpec[];
  settings: AssessSettings;
  /** the language of the envelope and the summary (each case is in --lang, else its own) */
  lang: Lang;
  only?: Set<Flag>;
  failOn: FailLevel;
  triage: TriageOptions;
  detail: Detail;
  /** the text report's: full unless --detail lean */
  textDetail: Detail;
  jobs: number;
  progress: boolean;
  rulePaths: string[];
}

function parsePlan(opts: AssessOptions): AssessPlan {
  // --out names the file of the format given without one; without --format, its extension chooses.
  const outputs = outputsWithOut(opts.format, opts.out, formatNames('assess'));
  checkAsOf(opts.asOf);
  const only = parseOnly(opts.only);
  const dueWithin = parseDueWithin(opts.dueWithin);
  return {
    outputs,
    settings: { ...(opts.lang !== undefined ? { lang: opts.lang } : {}), ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), ...(opts.redact === true ? { redact: true } : {}) },
    lang: opts.lang ?? 'en',
    ...(only ? { only } : {}),
    failOn: opts.failOn,
    triage: dueWithin !== undefined ? { dueWithinDays: dueWithin } : {},
    detail: opts.detail ?? 'lean',
    textDetail: opts.detail ?? 'full',
    jobs: parseJobs(opts.jobs),
    progress: opts.progress,
    rulePaths: opts.rules.length > 0 ? opts.rules : [BUNDLED_RULES],
  };
}

function parseOnly(only: string | undefined): Set<Flag> | undefined {
  if (only === undefined) return undefined;
  const wanted = only.split(',').map((s) => s.trim()).filter(Boolean);
  for (const w of wanted) if (!(FLAGS as readonly string[]).includes(w)) throw new UsageError(`--only ${w} is not one of ${FLAGS.join(', ')}.`);
  return new Set(wanted as Flag[]);
}

function parseDueWithin(value: string | undefined): number | undefined {
  const days = value === undefined ? undefined : Number(value);
  if (days !== undefined && !(Number.isInteger(days) && days >= 0)) throw new UsageError(`--due-within ${value} is not a number of days.`);
  return days;
}

function parseJobs(value: string | undefined): number {
  const jobs = value === undefined ? availableParallelism() : Number(value);
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs ${value} is not a positive whole number.`);
  return jobs;
}

/** Parse options → load the rules → assess each case (the application layer) → format → write. */
async function assessCommand(inputs: string[], opts: AssessOptions, io: Io): Promise<number> {
  const plan = parsePlan(opts);
  const rules = loadRules(plan.rulePaths, io.cwd);
  if (hasErrors(rules.diagnostics)) return rulesHaveErrors(rules.diagnostics, io);
  const sources = await caseSources(inputs, io, opts.quiet === true);
  const width = terminalWidth(io);
  const writer = new ReportWriter(openSinks(plan.outputs, io), { failOn: plan.failOn, lang: plan.lang, root: sourceRoot(io.cwd), ...(plan.only ? { only: plan.only } : {}), ...(width !== undefined ? { width } : {}) });
  try {
    const envelope = reportEnvelope({ version: io.version, asOf: plan.settings.asOf ?? null, lang: plan.lang, detail: plan.detail, rulesets: rules.rulesets, ruleFile: (f) => stableRuleFile(f, io.cwd) }, []);
    const headlineColumns = headlineColumnsOf(rules.rulesets);
    writer.head({ envelope, headlineColumns });
    // Reasons are collected only when an output prints them (text, --detail full).
    const reasons = plan.detail === 'full' || writer.streamedKeys.some((k) => FORMATS_WITH_REASONS.includes(k.split(':')[0] ?? ''));
    const render: RenderContext = { outputs: writer.streamedKeys, lang: plan.lang, headlineColumns, triage: plan.triage, detail: plan.detail, textDetail: plan.textDetail, reasons, keepReport: writer.keepsReports, ...(opts.icsDetails === true ? { icsDetails: true } : {}), ...(width !== undefined ? { width } : {}) };
    await assessAll(sources, rules.rulesets, { ...plan, settings: { ...plan.settings, reasons }, render }, io, (r) => writer.add(r));
    writer.finish(() => assessFindings(writer.reports.map((r) => explainCase(r, rules.rulesets, r.lang ?? plan.lang)), { failOn: plan.failOn, triage: plan.triage, locate: caseLocator(io) }, io.version));
  } finally {
    writer.abort();
  }
  return exitCode(writer, io, opts.quiet === true);
}

/**
 * The width the text report wraps to: COLUMNS when set, else the terminal's; none in a pipe
 * (a script that greps the report gets whole lines).
 */
function terminalWidth(io: Io): number | undefined {
  const env = Number(io.env['COLUMNS']);
  if (Number.isInteger(env) && env >= 40) return env;
  const columns = (io.terminal.output as { columns?: number }).columns;
  return io.isTTY && typeof columns === 'number' && columns >= 40 ? columns : undefined;
}

/** The files, folders and globs named, then standard input for `-`. */
async function caseSources(inputs: readonly string[], io: Io, quiet: boolean): Promise<CaseSource[]> {
  const { sources, skipped } = expandInputs(inputs, io.cwd);
  // A pipe or device in a case folder would block the batch or fill memory: named, never read.
  if (!quiet) for (const file of skipped) io.stderr(`rulecase: skipped ${file}: it is not a regular file (a pipe, socket or device).\n`);
  if (inputs.includes('-')) sources.push(...splitStdin(await io.readStdin()));
  if (sources.length === 0) throw new UsageError('no case files found in the paths given.');
  return sources;
}

/** A CSV column for every headline conclusion the loaded rules can produce. */
function headlineColumnsOf(rulesets: readonly RuleSet[]): string[] {
  return rulesets.flatMap((rs) =>
    [...Object.entries(rs.criteria ?? {}), ...Object.entries(rs.judgments ?? {}), ...Object.entries(rs.tables ?? {})].filter(([, r]) => r.conclusion === true).map(([id]) => `${rs.id}.${id}`),
  );
}

function exitCode(writer: ReportWriter, io: Io, quiet: boolean): number {
  // The text report lists problems inline; other formats are for machines, so people get them on stderr.
  if (!writer.textOnStdout) for (const line of writer.problems) io.stderr(line + '\n');
  const { invalid, total, failing } = writer.tally;
  if (invalid > 0) {
    if (total > 1 && !quiet) io.stderr(`rulecase: ${invalid} of ${total} case file(s) could not be assessed.\n`);
    return 2;
  }
  return failing > 0 ? 1 : 0;
}

/** Positions in case files, for findings about a case (read again only for the CI formats). */
function caseLocator(io: Io): (file: string, pointer: string) => { line: number; column: number } {
  const docs = new Map<string, SourceDocument | undefined>();
  return (file, pointer) => {
    if (!docs.has(file)) {
      let doc: SourceDocument | undefined;
      try {
        doc = parseSource(file, io.readFile(file)).doc;
      } catch {
        doc = undefined;
      }
      docs.set(file, doc);
    }
    return docs.get(file)?.locate(pointer) ?? { line: 1, column: 1 };
  };
}
