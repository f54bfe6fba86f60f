import { Command, CommanderError, Option } from 'commander';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { BUNDLED_RULES, loadRules, UsageError } from '../io/files.js';
import type { Lang } from '../rules/types.js';
import { caseSchema, reportSchema, rulesetSchema, ruletestSchema } from '../schemas.js';
import type { RegisterCommand } from './extensions.js';
import { VERSION } from '../version.js';

const COMMANDS: Record<string, () => Promise<RegisterCommand>> = {
  validate: async () => (await import('./validate-command.js')).registerValidate,
  test: async () => (await import('./test-command.js')).registerTest,
  assess: async () => (await import('./assess-command.js')).registerAssess,
  diff: async () => (await import('./diff-command.js')).registerDiff,
  interview: async () => (await import('./interview-command.js')).registerInterview,
};

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** whether stdout is a terminal (colour) */
  isTTY: boolean;
  /** whether stderr is a terminal (progress bar) */
  stderrIsTTY?: boolean;
  /** standard input, for `assess -`; defaults to the process's */
  readStdin?: () => Promise<string>;
  version?: string;
  env: Record<string, string | undefined>;
  /** the clock, read only here, to default --as-of to today in the case's zone */
  now: () => Date;
}

const defaultIo = (): CliIo => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  env: process.env,
  now: () => new Date(),
});

export { VERSION };

const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Runs the CLI and returns the exit code; never calls process.exit, so tests can run it in process. */
export async function runCli(argv: string[], givenIo: CliIo = defaultIo()): Promise<number> {
  const io: CliIo = { version: VERSION, ...givenIo };
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
    .command('schema')
    .description('Print a published JSON Schema.')
    .addArgument(new Command().createArgument('<which>', 'case, ruleset, report or ruletest').choices(['case', 'ruleset', 'report', 'ruletest']))
    .addHelpText('after', '\nExamples:\n  rulecase schema case > case.schema.json\n  rulecase schema ruletest > ruletest.schema.json')
    .action((which: 'case' | 'ruleset' | 'report' | 'ruletest') => {
      const schema = { case: caseSchema, ruleset: rulesetSchema, report: reportSchema, ruletest: ruletestSchema }[which];
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
  // Only the command being run is loaded (each pulls in its own dependencies); help, a mistyped
  // command or no command at all load them all, so commander can list and suggest them.
  const named = argv.find((a) => !a.startsWith('-'));
  for (const name of named !== undefined && named in COMMANDS ? [named] : Object.keys(COMMANDS)) {
    const register = await (COMMANDS[name] as () => Promise<RegisterCommand>)();
    register(program, context);
  }

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
