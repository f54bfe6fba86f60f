import { Option, type Command } from 'commander';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { isValidIsoDate, todayIn } from '../dates/legal-date.js';
import { BUNDLED_RULES, loadRules, UsageError } from '../io/files.js';
import { validateFindings } from '../report/findings.js';
import { formatGithub } from '../report/github.js';
import { formatJunit } from '../report/junit.js';
import { formatMarkdown } from '../report/markdown.js';
import { formatSarif } from '../report/sarif.js';
import { reviewOverdue } from '../rules/review.js';
import type { RuleSet } from '../rules/types.js';
import type { CommandContext } from './extensions.js';
import { FORMAT_HELP, formatOption, resolveOutputs, writeOutputs, type OutputSpec } from './output.js';

export const VALIDATE_FORMATS = ['text', 'json', 'junit', 'sarif', 'github', 'markdown'] as const;

interface ValidateOptions {
  format?: OutputSpec[];
  reviewOverdue: 'off' | 'warn' | 'error';
  asOf?: string;
}

export function registerValidate(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('validate')
    .description('Check rule files: schema, references, cycles, citations, translations, date rules and review dates.')
    .argument('[paths...]', 'rule files or folders (default: the bundled rules)')
    .addOption(new Option('--format <format[=file]>', `${FORMAT_HELP}: ${VALIDATE_FORMATS.join(', ')}`).argParser(formatOption(VALIDATE_FORMATS)))
    .addOption(new Option('--review-overdue <level>', 'rules past their reviewBy date: off, warn (a warning) or error (exit 1)').choices(['off', 'warn', 'error']).default('warn'))
    .option('--as-of <date>', 'judge review dates as on this date, YYYY-MM-DD (default: today in each rule set\'s time zone)')
    .addHelpText(
      'after',
      `
Exit codes: 0 valid; 1 a rule file has errors (or a rule is past its review date with --review-overdue error);
2 a path cannot be read, or the command line is wrong.

Examples:
  rulecase validate rules/nl
  rulecase validate --review-overdue error --as-of 2027-01-01
  rulecase validate --format text --format sarif=rulecase.sarif --format junit=validate.xml
  rulecase validate --format github          # annotations in a GitHub Actions log`,
    )
    .action((paths: string[], opts: ValidateOptions) => {
      setExit(validateCommand(paths, opts, { io, setExit }));
    });
}

function validateCommand(paths: string[], opts: ValidateOptions, { io }: CommandContext): number {
  if (opts.asOf !== undefined && !isValidIsoDate(opts.asOf)) throw new UsageError(`--as-of ${opts.asOf} is not a date; write YYYY-MM-DD, for example 2026-06-01.`);
  const outputs = resolveOutputs(opts.format);
  const loaded = loadRules(paths.length > 0 ? paths : [BUNDLED_RULES], io.cwd);
  const diagnostics = [...loaded.diagnostics];
  if (opts.reviewOverdue !== 'off') {
    const now = io.now();
    const asOf = (rs: RuleSet): string => opts.asOf ?? todayIn(rs.timeZone, now);
    const sets = loaded.rulesets.map((ruleset, i) => ({ ruleset, ...(loaded.docs[i] ? { doc: loaded.docs[i] } : {}) }));
    diagnostics.push(...reviewOverdue(sets, asOf, opts.reviewOverdue === 'error' ? 'error' : 'warning'));
  }
  sortDiagnostics(diagnostics);
  const version = io.version;
  const findings = validateFindings(loaded.files, diagnostics, version);
  writeOutputs(
    outputs.map((spec) => {
      switch (spec.format) {
        case 'json':
          return { spec, text: JSON.stringify({ schemaVersion: '1.0', tool: { name: 'rulecase', version }, files: loaded.files, valid: !hasErrors(diagnostics), diagnostics }, null, 2) + '\n' };
        case 'junit':
          return { spec, text: formatJunit(findings) };
        case 'sarif':
          return { spec, text: formatSarif(findings) };
        case 'github':
          return { spec, text: formatGithub(findings) };
        case 'markdown':
          return { spec, text: formatMarkdown(findings) };
        default: {
          const lines = diagnostics.map((d) => formatDiagnostic(d) + '\n').join('');
          const errors = diagnostics.filter((d) => d.severity === 'error').length;
          const summary = errors === 0 ? `${loaded.files.length} rule file(s) valid.\n` : `${errors} error(s) in ${new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size} of ${loaded.files.length} rule file(s).\n`;
          return { spec, text: lines + summary };
        }
      }
    }),
    io,
  );
  return hasErrors(diagnostics) ? 1 : 0;
}
