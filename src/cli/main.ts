import { Command, CommanderError, Option } from 'commander';
import { readFileSync, writeFileSync, renameSync, statSync } from 'node:fs';
import { dirname, basename, extname, join } from 'node:path';
import { formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCaseText, zoneOf } from '../case/load.js';
import { todayIn, isValidIsoDate } from '../dates/legal-date.js';
import { assessCase } from '../engine/assess.js';
import type { CaseReport, Report } from '../engine/report-types.js';
import { BUNDLED_RULES, displayPath, listFiles, loadRules, UsageError, PACKAGE_ROOT } from '../io/files.js';
import { formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import type { Lang } from '../rules/types.js';
import { caseSchema, reportSchema, rulesetSchema } from '../schemas.js';
import { registerInterview } from './interview-command.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** whether stdout is a terminal (colour) */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** the clock, read only here, to default --as-of to today in the case's zone */
  now: () => Date;
}

const defaultIo = (): CliIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
  now: () => new Date(),
});

export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const CASE_FILE = /\.(json|ya?ml)$/i;

/** Runs the CLI and returns the exit code; never calls process.exit, so tests can run it in process. */
export async function runCli(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const program = new Command();
  program
    .name('rulecase')
    .description('Apply legal rule sets (Dutch stalking, English protective orders) to case files: an assessment and a deadline report.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show a stack trace on internal errors')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (str, write) => write(`rulecase: ${str.replace(/^error: /, '')}`) })
    .showHelpAfterError('(run rulecase --help for usage)');

  program
    .command('assess')
    .description('Assess case files: each legal element met, not met or undetermined, and every deadline.')
    .argument('<cases...>', 'case files (JSON or YAML) or folders of them')
    .addOption(new Option('--rules <path>', 'rule file or folder (repeatable; default: the bundled rules)').argParser(collect).default([] as string[], 'bundled rules/'))
    .option('--as-of <date>', 'assess as on this date, YYYY-MM-DD (default: the case file\'s asOf, else today in the jurisdiction\'s time zone)')
    .addOption(new Option('--lang <lang>', 'language of the report').choices(['en', 'nl']).default('en'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--out <file>', 'write the report to this file instead of standard output')
    .addHelpText(
      'after',
      `
Examples:
  rulecase assess fixtures/nl/belaging-ex-partner.yaml
  rulecase assess --lang nl --as-of 2026-06-01 fixtures/nl/
  rulecase assess --format json --out report.json cases/*.json

Exit codes: 0 assessed; 2 a case file or the rules could not be read or are invalid.`,
    )
    .action((cases: string[], opts: { rules: string[]; asOf?: string; lang: Lang; format: 'text' | 'json'; out?: string }) => {
      exitCode = assessCommand(cases, opts, io);
    });

  program
    .command('validate')
    .description('Check rule files: schema, references, citations, translations and date rules.')
    .argument('[paths...]', 'rule files or folders (default: the bundled rules)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExit codes: 0 valid; 1 a rule file has errors; 2 a path cannot be read.\n\nExample:\n  rulecase validate rules/nl')
    .action((paths: string[], opts: { format: 'text' | 'json' }) => {
      exitCode = validateCommand(paths, opts, io);
    });

  program
    .command('schema')
    .description('Print a published JSON Schema.')
    .addArgument(new Command().createArgument('<which>', 'case, ruleset or report').choices(['case', 'ruleset', 'report']))
    .addHelpText('after', '\nExample:\n  rulecase schema case > case.schema.json')
    .action((which: 'case' | 'ruleset' | 'report') => {
      const schema = which === 'case' ? caseSchema : which === 'ruleset' ? rulesetSchema : reportSchema;
      io.stdout(JSON.stringify(schema, null, 2) + '\n');
    });

  program
    .command('rules')
    .description('List the rule sets that would be loaded, with versions and the periods they apply to.')
    .addOption(new Option('--rules <path>', 'rule file or folder (repeatable; default: the bundled rules)').argParser(collect).default([] as string[], 'bundled rules/'))
    .addOption(new Option('--lang <lang>', 'language').choices(['en', 'nl']).default('en'))
    .addHelpText('after', '\nExample:\n  rulecase rules --lang nl')
    .action((opts: { rules: string[]; lang: Lang }) => {
      const loaded = loadRules(opts.rules.length > 0 ? opts.rules : [BUNDLED_RULES]);
      for (const rs of [...loaded.rulesets].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.id.localeCompare(b.id) || a.validFrom.localeCompare(b.validFrom))) {
        const period = `${rs.validFrom} – ${rs.validUntil ?? (opts.lang === 'nl' ? 'heden' : 'now')}`;
        io.stdout(`${rs.jurisdiction}  ${rs.id}  ${rs.version}  ${period}  ${rs.title[opts.lang]}  (${rs.file})\n`);
      }
      if (hasErrors(loaded.diagnostics)) {
        for (const d of sortDiagnostics(loaded.diagnostics)) io.stderr(formatDiagnostic(d) + '\n');
        exitCode = EXIT.findings;
      }
    });

  const context = { io, setExit: (code: number) => (exitCode = code) };
  registerInterview(program, context);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every parse error means "could not run as asked".
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`rulecase: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`rulecase: internal error: ${error instanceof Error ? error.message : String(error)}${debug ? '' : ' (run again with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(error.stack + '\n');
    return EXIT.usage;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function assessCommand(inputs: string[], opts: { rules: string[]; asOf?: string; lang: Lang; format: 'text' | 'json'; out?: string }, io: CliIo): number {
  if (opts.asOf !== undefined && !isValidIsoDate(opts.asOf)) throw new UsageError(`--as-of ${opts.asOf} is not a date; write YYYY-MM-DD, for example 2026-06-01.`);
  const rules = loadRules(opts.rules.length > 0 ? opts.rules : [BUNDLED_RULES]);
  if (hasErrors(rules.diagnostics)) {
    for (const d of sortDiagnostics(rules.diagnostics)) io.stderr(formatDiagnostic(d) + '\n');
    io.stderr('rulecase: the rules have errors (listed above); fix them or check them with rulecase validate.\n');
    return EXIT.usage;
  }
  const files: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = statSync(input);
    } catch {
      throw new UsageError(`cannot read ${input}: no such file or folder.`);
    }
    files.push(...(st.isDirectory() ? listFiles(input, (n) => CASE_FILE.test(n)) : [input]));
  }
  const cases: CaseReport[] = files.map((file) => assessFile(file, rules.rulesets, opts, io));
  const asOfs = new Set(cases.map((c) => c.asOf));
  const report: Report = {
    schemaVersion: '1.0',
    tool: { name: 'rulecase', version: VERSION },
    asOf: asOfs.size === 1 ? ([...asOfs][0] ?? null) : null,
    lang: opts.lang,
    rulesets: rules.rulesets
      .filter((rs) => cases.some((c) => c.rulesets.some((u) => u.id === rs.id && u.version === rs.version)))
      .map((rs) => ({ id: rs.id, version: rs.version, jurisdiction: rs.jurisdiction, title: rs.title[opts.lang], validFrom: rs.validFrom, validUntil: rs.validUntil ?? null, file: rs.file })),
    cases,
  };
  const color = opts.out === undefined && io.isTTY && !('NO_COLOR' in io.env && io.env['NO_COLOR'] !== '') && io.env['FORCE_COLOR'] !== '0';
  const text = opts.format === 'json' ? formatJson(report) : formatText(report, { color });
  if (opts.out !== undefined) writeAtomically(opts.out, text);
  else io.stdout(text);
  const invalid = cases.filter((c) => c.status === 'invalid');
  if (opts.format !== 'text' || opts.out !== undefined) {
    for (const c of invalid) for (const d of c.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  }
  return invalid.length > 0 ? EXIT.usage : EXIT.ok;
}

function assessFile(file: string, rulesets: Parameters<typeof assessCase>[0], opts: { asOf?: string; lang: Lang }, io: CliIo): CaseReport {
  const shown = displayPath(file);
  const id = basename(file, extname(file));
  const invalid = (diagnostics: Diagnostic[]): CaseReport => ({ file: shown, id, jurisdiction: null, asOf: opts.asOf ?? null, timeZone: null, status: 'invalid', diagnostics, rulesets: [], conclusions: [], deadlines: [] });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return invalid([{ code: 'file-unreadable', severity: 'error', message: `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`, file: shown, line: 1, column: 1, pointer: '' }]);
  }
  const loaded = loadCaseText(shown, text);
  if (!loaded.caseFile || !loaded.doc) return invalid(sortDiagnostics(loaded.diagnostics));
  // Date problems and unknown facts are reported together, so one run shows everything to fix.
  const asOf = opts.asOf ?? (loaded.caseFile.asOf !== undefined && isValidIsoDate(loaded.caseFile.asOf) ? loaded.caseFile.asOf : todayIn(zoneOf(loaded.caseFile.jurisdiction), io.now()));
  return assessCase(rulesets, loaded.caseFile, loaded.doc, { asOf, lang: opts.lang }, loaded.caseFile.id ?? id, loaded.diagnostics);
}

function validateCommand(paths: string[], opts: { format: 'text' | 'json' }, io: CliIo): number {
  const loaded = loadRules(paths.length > 0 ? paths : [BUNDLED_RULES]);
  const diagnostics = sortDiagnostics(loaded.diagnostics);
  if (opts.format === 'json') {
    io.stdout(JSON.stringify({ schemaVersion: '1.0', tool: { name: 'rulecase', version: VERSION }, files: loaded.files, valid: !hasErrors(diagnostics), diagnostics }, null, 2) + '\n');
  } else {
    for (const d of diagnostics) io.stdout(formatDiagnostic(d) + '\n');
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    io.stdout(errors === 0 ? `${loaded.files.length} rule file(s) valid.\n` : `${errors} error(s) in ${new Set(diagnostics.map((d) => d.file)).size} of ${loaded.files.length} rule file(s).\n`);
  }
  return hasErrors(diagnostics) ? EXIT.findings : EXIT.ok;
}

/** Writes a whole file or nothing: a temporary file beside it, then a rename. */
export function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
}
