import { Option, type Command } from 'commander';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { todayIn } from '../dates/legal-date.js';
import { BUNDLED_RULES, loadRuleFiles, type LoadedRules } from '../io/files.js';
import { validateFindings } from '../report/findings.js';
import { reviewOverdue } from '../rules/review.js';
import type { RuleSet } from '../rules/types.js';
import type { CommandContext } from './extensions.js';
import { checkAsOf } from './options.js';
import { formatCliOption, formatsHelp, resolveOutputs, writeFormats, type OutputSpec } from './output.js';

interface ValidateOptions {
  format?: OutputSpec[];
  reviewOverdue: 'off' | 'warn' | 'error';
  asOf?: string;
}

export function registerValidate(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('validate')
    .description('Check rule files: schema, references, cycles, citations, translations, date rules and review dates.')
    .argument('[paths...]', 'rule files or folders (default: the bundled rules), or - for one rule file on standard input')
    .addOption(formatCliOption('validate'))
    .addOption(new Option('--review-overdue <level>', 'rules past their reviewBy date: off, warn (a warning) or error (exit 1)').choices(['off', 'warn', 'error']).default('warn'))
    .option('--as-of <date>', 'judge review dates as on this date, YYYY-MM-DD (default: today in each rule set\'s time zone)')
    .addHelpText('after', formatsHelp('validate'))
    .addHelpText(
      'after',
      `
Exit codes: 0 valid; 1 a rule file has errors (or a rule is past its review date with --review-overdue error);
2 a path cannot be read, or the command line is wrong.

Examples:
  rulecase validate rules/nl
  rulecase validate - < my-rules.yaml
  rulecase validate --review-overdue error --as-of 2027-01-01
  rulecase validate --format text --format sarif=rulecase.sarif --format junit=validate.xml
  rulecase validate --format github          # annotations in a GitHub Actions log`,
    )
    .action(async (paths: string[], opts: ValidateOptions) => {
      // `-`: one rule file from standard input (an editor or a pre-commit hook piping the buffer).
      const stdin = paths.includes('-') ? [{ file: '<stdin>', text: await io.readStdin() }] : [];
      setExit(validateCommand(paths.filter((p) => p !== '-'), stdin, opts, { io, setExit }));
    });
}

/** Parse options → load and check the rules (with review dates) → format → write. */
function validateCommand(paths: string[], stdin: { file: string; text: string }[], opts: ValidateOptions, { io }: CommandContext): number {
  checkAsOf(opts.asOf);
  const outputs = resolveOutputs(opts.format);
  // Always the YAML itself, never the build's bundle: validating files is reading them, warnings included.
  const loaded = loadRuleFiles(paths.length > 0 || stdin.length > 0 ? paths : [BUNDLED_RULES], io.cwd, stdin);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...overdueReviews(loaded, opts, io.now)]);
  const findings = validateFindings(loaded.files, diagnostics, io.version);
  writeFormats('validate', outputs, { files: loaded.files, diagnostics, findings, version: io.version }, io);
  return hasErrors(diagnostics) ? 1 : 0;
}

/** Rules past their reviewBy date, judged on --as-of or today in each rule set's time zone. */
function overdueReviews(loaded: LoadedRules, opts: ValidateOptions, now: () => Date): Diagnostic[] {
  if (opts.reviewOverdue === 'off') return [];
  const today = now();
  const asOf = (rs: RuleSet): string => opts.asOf ?? todayIn(rs.timeZone, today);
  const sets = loaded.rulesets.map((ruleset, i) => ({ ruleset, ...(loaded.docs[i] ? { doc: loaded.docs[i] } : {}) }));
  return reviewOverdue(sets, asOf, opts.reviewOverdue === 'error' ? 'error' : 'warning');
}
