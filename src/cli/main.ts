import { Command, CommanderError, Option } from 'commander';
import { say as sayReport } from '../words/report.js';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { BUNDLED_RULES, loadRules, UsageError } from '../io/files.js';
import type { Lang } from '../rules/types.js';
import { caseSchema, jurisdictionSchema, reportSchema, rulesetSchema, ruletestSchema } from '../schemas.js';
import type { CommandContext, RegisterCommand } from './extensions.js';
import { rulesOption } from './options.js';
import type { CliIo, Io } from './io.js';
import { readRegularFile, MAX_STDIN_BYTES } from '../io/read.js';
import { resolve } from 'node:path';
import { VERSION } from '../version.js';

const COMMANDS: Record<string, () => Promise<RegisterCommand>> = {
  validate: async () => (await import('./validate-command.js')).registerValidate,
  test: async () => (await import('./test-command.js')).registerTest,
  assess: async () => (await import('./assess-command.js')).registerAssess,
  diff: async () => (await import('./diff-command.js')).registerDiff,
  interview: async () => (await import('./interview-command.js')).registerInterview,
  docs: async () => (await import('./docs-command.js')).registerDocs,
};

export type { CliIo };

/** The real process: the one place that reads it. */
function processIo(): Io {
  const cwd = process.cwd();
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    readStdin: async () => {
      // Bounded, so that `assess - < /dev/zero` ends with a message instead of filling memory.
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > MAX_STDIN_BYTES) throw new UsageError(`standard input holds more than ${MAX_STDIN_BYTES / 1024 / 1024} MB; split it, or give the files by name.`);
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    version: VERSION,
    env: process.env,
    now: () => new Date(),
    cwd,
    pid: process.pid,
    readFile: (path) => readRegularFile(resolve(cwd, path)),
    terminal: { input: process.stdin, output: process.stdout },
  };
}

/** What the caller gave, the process for the rest; a readFile given without cwd still reads relative to the cwd given. */
function completeIo(given: CliIo): Io {
  const base = processIo();
  const cwd = given.cwd ?? base.cwd;
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<Io>;
  return { ...base, readFile: (path) => readRegularFile(resolve(cwd, path)), ...defined, cwd };
}

export { VERSION };

const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Runs the CLI and returns the exit code; never calls process.exit, so tests can run it in process. */
export async function runCli(argv: string[], givenIo?: CliIo): Promise<number> {
  const io = withColorFlags(givenIo === undefined ? processIo() : completeIo(givenIo), argv);
  let exitCode: number = EXIT.ok;
  const context: CommandContext = { io, setExit: (code: number) => (exitCode = code) };
  const program = newProgram(io);
  registerSchema(program, context);
  registerRules(program, context);
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
    return exitOnError(error, io, argv.includes('--debug'));
  }
}

/** --color and --no-color, wherever they are on the command line, become the environment's colour settings (the last one wins). */
function withColorFlags(io: Io, argv: readonly string[]): Io {
  const last = argv.filter((a) => a === '--color' || a === '--no-color').pop();
  if (last === undefined) return io;
  const env = { ...io.env };
  delete env['FORCE_COLOR'];
  delete env['NO_COLOR'];
  return { ...io, env: last === '--color' ? { ...env, FORCE_COLOR: '1' } : { ...env, NO_COLOR: '1' } };
}

function newProgram(io: Io): Command {
  return new Command()
    .name('rulecase')
    .description('Apply legal rule sets (Dutch stalking, English protective orders) to case files: an assessment and a deadline report.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show a stack trace on internal errors')
    .option('--quiet', 'no progress bar and no notes on standard error: only errors')
    .option('--color', 'colour on standard output even when it is not a terminal (as FORCE_COLOR=1)')
    .option('--no-color', 'no colour, even on a terminal (as NO_COLOR=1)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (str, write) => write(`rulecase: ${str.replace(/^error: /, '')}`) })
    .showHelpAfterError('(run rulecase --help for usage)');
}

/** Help and version are successes; every other way of not running is exit 2, with one line (a stack only with --debug). */
function exitOnError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CommanderError) {
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

/** The published schemas, by the name `rulecase schema` takes. */
const SCHEMAS = { case: caseSchema, ruleset: rulesetSchema, jurisdiction: jurisdictionSchema, report: reportSchema, ruletest: ruletestSchema };

function registerSchema(program: Command, { io }: CommandContext): void {
  program
    .command('schema')
    .description('Print a published JSON Schema.')
    .addArgument(new Command().createArgument('<which>', 'case, ruleset, jurisdiction, report or ruletest').choices(Object.keys(SCHEMAS)))
    .addHelpText('after', '\nExamples:\n  rulecase schema case > case.schema.json\n  rulecase schema jurisdiction > jurisdiction.schema.json')
    .action((which: keyof typeof SCHEMAS) => {
      const schema = SCHEMAS[which];
      io.stdout(JSON.stringify(schema, null, 2) + '\n');
    });
}

function registerRules(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('rules')
    .description('List the rule sets that would be loaded, with versions and the periods they apply to.')
    .addOption(rulesOption())
    .addOption(new Option('--lang <lang>', 'language').choices(['en', 'nl']).default('en'))
    .addHelpText('after', '\nExample:\n  rulecase rules --lang nl')
    .action((opts: { rules: string[]; lang: Lang }) => {
      const loaded = loadRules(opts.rules.length > 0 ? opts.rules : [BUNDLED_RULES], io.cwd);
      for (const rs of [...loaded.rulesets].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.id.localeCompare(b.id) || a.validFrom.localeCompare(b.validFrom))) {
        const period = `${rs.validFrom} – ${rs.validUntil ?? sayReport(opts.lang, 'now')}`;
        io.stdout(`${rs.jurisdiction}  ${rs.id}  ${rs.version}  ${period}  ${rs.title[opts.lang]}  (${rs.file})\n`);
      }
      if (hasErrors(loaded.diagnostics)) {
        for (const d of sortDiagnostics(loaded.diagnostics)) io.stderr(formatDiagnostic(d) + '\n');
        setExit(EXIT.findings);
      }
    });
}
