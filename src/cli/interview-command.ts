import { existsSync } from 'node:fs';
import { writeFileAtomically } from '../io/atomic-write.js';
import { dirname, resolve } from 'node:path';
import { DateTime } from 'luxon';
import { isScalar, stringify, visit, parseDocument } from 'yaml';
import type { CaseFile } from '../case/types.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { InterviewStopped, type Prompter } from '../interview/prompter.js';
import { runInterview } from '../interview/session.js';
import { chooseStart, StartError } from '../interview/start.js';
import { say } from '../words/interview.js';
import { BUNDLED_RULES, displayPath, loadRules, UsageError } from '../io/files.js';
import type { Lang, RuleSet } from '../rules/types.js';
import type { RegisterCommand } from './extensions.js';
import type { Io } from './io.js';
import { checkAsOf, langOption, peopleAsOf, rulesOption } from './options.js';
import { rulesHaveErrors, useColor } from './output.js';

/** `rulecase interview`: asks the facts of a case one question at a time and saves the case file after every answer. */
export const registerInterview: RegisterCommand = (program, { io, setExit }) => {
  program
    .command('interview')
    .description('Ask the facts of a case one question at a time (only what can still change the outcome), saving the case file after every answer.')
    .addOption(rulesOption())
    .addOption(langOption('language of the interview (default: ask)'))
    .option('--as-of <date>', 'count deadlines as on this date, 1-12-2026 or 2026-12-01 (default: today in the jurisdiction\'s time zone)')
    .option('--save <file>', 'the case file to save the answers in (.yaml or .json); offers to resume it if it holds an unfinished interview')
    .option('--resume <file>', 'continue the interview saved in this case file')
    .option('--report <file>', 'the printable report (HTML) written at the end (default: next to the case file, zaak.yaml → zaak.html)')
    .option('--no-report', 'write no printable report at the end')
    .addHelpText(
      'after',
      `
Examples:
  rulecase interview --lang nl --save zaak-2026-017.yaml
  rulecase interview --resume zaak-2026-017.yaml
  rulecase interview --lang en --as-of 2026-06-01 --save case.yaml

Answers are saved after every question; stop at any time with Ctrl-C and continue later with --resume.
The saved file is an ordinary case file: rulecase assess reads it.

Exit codes: 0 finished or stopped from the menu; 130 stopped with Ctrl-C (answers saved);
2 could not run (no terminal on standard input, bad options, unreadable rules or case file).`,
    )
    .action(async (opts: InterviewOptions) => {
      setExit(await interviewCommand(opts, io));
    });
};

interface InterviewOptions {
  rules: string[];
  lang?: Lang;
  asOf?: string;
  save?: string;
  resume?: string;
  /** --report <file>, or false for --no-report (commander sets true when neither is given) */
  report?: string | boolean;
}

const CASE_FILE = /\.(ya?ml|json)$/i;

function checkOptions(opts: InterviewOptions, exists: (path: string) => boolean): void {
  checkAsOf(opts.asOf);
  const lang = opts.lang ?? 'en';
  for (const [flag, file] of [['--save', opts.save], ['--resume', opts.resume]] as const) {
    if (file !== undefined && !CASE_FILE.test(file)) throw new UsageError(say(lang, 'optionNotCaseFile', { flag, file }));
  }
  if (opts.resume !== undefined && !exists(opts.resume)) throw new UsageError(say(lang, 'optionNoSuchFile', { file: opts.resume }));
}

/** Parse options → load the rules → the interview loop over the terminal, saving after every answer. */
async function interviewCommand(opts: InterviewOptions, io: Io): Promise<number> {
  const exists = (p: string): boolean => existsSync(resolve(io.cwd, p));
  // The interview reads dates as people write them; so does its --as-of.
  if (opts.asOf !== undefined) opts.asOf = peopleAsOf(opts.asOf, io.now().toISOString().slice(0, 10)) ?? opts.asOf;
  checkOptions(opts, exists);
  const { input, output } = io.terminal;
  if (input.isTTY !== true) {
    io.stderr(`rulecase: ${say(opts.lang ?? 'en', 'noTerminal')}\n`);
    return 2;
  }
  const rules = loadRules(opts.rules.length > 0 ? opts.rules : [BUNDLED_RULES], io.cwd);
  if (hasErrors(rules.diagnostics)) return rulesHaveErrors(rules.diagnostics, io);
  // A closed terminal must not turn into a crash report: the answers are already on disk.
  const ignore = (): void => {};
  output.on('error', ignore);
  try {
    // Loaded only here: the prompt library is a large share of start-up for every other command.
    const { InquirerPrompter } = await import('../interview/inquirer-prompter.js');
    const prompter = new InquirerPrompter({ input, output }, opts.lang ?? 'en');
    const color = useColor({ isTTY: output.isTTY === true, env: io.env }, true);
    return await interview(opts, { rulesets: rules.rulesets, prompter, color, exists }, io);
  } finally {
    output.off('error', ignore);
  }
}

interface InterviewParts {
  rulesets: readonly RuleSet[];
  prompter: Prompter & { lang: Lang };
  color: boolean;
  exists: (path: string) => boolean;
}

/** Chooses the case file (new or resumed), runs the session, and says where the answers are. */
async function interview(opts: InterviewOptions, parts: InterviewParts, io: Io): Promise<number> {
  const { prompter, exists } = parts;
  const message = endMessage(opts, prompter);
  let file: string | undefined;
  let saved = false;
  try {
    const start = await chooseStart(
      {
        ...(opts.save !== undefined ? { save: opts.save } : {}),
        ...(opts.resume !== undefined ? { resume: opts.resume } : {}),
        ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
        suggestion: (lang) => `${say(lang, 'caseFileStem')}-${DateTime.fromJSDate(io.now()).toFormat('yyyy-LL-dd-HHmm')}.yaml`,
      },
      prompter,
      { exists, read: (p) => io.readFile(p) },
    );
    const target = (file = start.file);
    // Find out now, not after the first answer, that the answers cannot be saved there.
    if (!exists(dirname(resolve(io.cwd, target)))) throw new UsageError(say(start.lang, 'optionNoFolder', { file: target, folder: dirname(target) }));
    greet(prompter, start.lang, target, start.start !== undefined);
    const end = await runInterview(
      start.start,
      {
        rulesets: parts.rulesets,
        lang: start.lang,
        ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}),
        file: displayPath(resolve(io.cwd, target), io.cwd),
        color: parts.color,
        toolVersion: io.version,
        ...(opts.report === false ? { report: false as const } : typeof opts.report === 'string' ? { report: opts.report } : {}),
      },
      {
        prompter,
        now: io.now,
        save: (c) => {
          writeAtomically(target, serialise(c, target), io);
          saved = true;
        },
        files: { exists, write: (p, text) => writeAtomically(p, text, io) },
      },
    );
    // The closing line says where the printable report is, first: it is what the adviser hands on.
    const report = end.report !== undefined ? say(start.lang, 'finishedReport', { report: end.report }) + '\n' : '';
    io.stderr(report + message(end.finished ? 'finished' : 'stopped', target) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof InterviewStopped) {
      // One line, no stack: where the answers are, and how to go on.
      const line = file !== undefined && (saved || exists(file)) ? message('stopped', file) : say(prompter.lang, 'stoppedUnsaved');
      io.stderr('\n' + line + '\n');
      return 130;
    }
    if (error instanceof StartError) throw new UsageError(error.message);
    throw error;
  }
}

function greet(prompter: Prompter, lang: Lang, file: string, resuming: boolean): void {
  if (resuming) prompter.say(say(lang, 'resuming', { file }));
  else {
    prompter.say(say(lang, 'welcome'));
    prompter.say(say(lang, 'savingTo', { file }) + ' ' + say(lang, 'disclaimer'));
  }
}

/** The closing line, with the commands to resume and to assess that repeat the --rules and --as-of given. */
function endMessage(opts: InterviewOptions, prompter: { lang: Lang }): (key: 'stopped' | 'finished', file: string) => string {
  const rules = opts.rules.flatMap((r) => ['--rules', r]);
  const resumeHint = (f: string): string => ['rulecase interview', ...rules, ...(opts.asOf ? ['--as-of', opts.asOf] : []), '--resume', f].join(' ');
  const assessHint = (f: string): string => ['rulecase assess', ...rules, ...(prompter.lang !== 'en' ? ['--lang', prompter.lang] : []), f].join(' ');
  return (key, f) => say(prompter.lang, key, { file: f }).replace(`rulecase interview --resume ${f}`, resumeHint(f)).replace(`rulecase assess ${f}`, assessHint(f));
}

const KEY_ORDER = ['$schema', 'id', 'jurisdiction', 'asOf', 'lang', 'summary', 'client', 'respondent', 'police', 'routes', 'orders', 'incidents', 'complaint', 'previousConvictions', 'protectedPersons', 'proceedings', 'facts', 'judgments', 'interview'];

/** The case file as YAML (or JSON for a .json file), keys in the documented order; date-like strings quoted. */
export function serialise(c: CaseFile, file: string): string {
  const ordered = Object.fromEntries([...KEY_ORDER.filter((k) => k in c).map((k) => [k, (c as unknown as Record<string, unknown>)[k]]), ...Object.entries(c).filter(([k]) => !KEY_ORDER.includes(k))]);
  if (/\.json$/i.test(file)) return JSON.stringify(ordered, null, 2) + '\n';
  const doc = parseDocument(stringify(ordered, { lineWidth: 0 }));
  // YAML 1.1 readers would turn 2026-03-03 into a date: quote every date-like string, as the README's examples do.
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && isScalar(node) && typeof node.value === 'string' && /^\d{4}(-\d{2}){0,2}(T.*)?$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  // The path as it was given (zaken/zaak.yaml), so the command works from where the interview ran.
  const shown = /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
  return `# Saved by rulecase interview. Assess it with: rulecase assess ${shown}\n` + doc.toString({ lineWidth: 0 });
}

/** Case files hold personal data: a file the interview creates is readable by the owner only. */
function writeAtomically(path: string, text: string, io: Pick<Io, 'cwd' | 'pid'>): void {
  writeFileAtomically(path, text, { cwd: io.cwd, pid: io.pid, mode: 0o600 });
}
