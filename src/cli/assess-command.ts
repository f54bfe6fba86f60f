import { Option, type Command } from 'commander';
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { temporaryPath } from '../io/atomic-write.js';
import type { Io } from './io.js';
import { Worker } from 'node:worker_threads';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { CaseReport } from '../engine/report-types.js';
import { reportEnvelope } from '../report/envelope.js';
import { DETAILS, type Detail } from '../report/machine.js';
import { failsAt, FAIL_LEVELS, ACTIONS, type Action, type FailLevel } from '../engine/triage.js';
import { BUNDLED_RULES, loadRules, UsageError } from '../io/files.js';
import { assessSource } from '../app/assess.js';
import type { AssessSettings } from '../app/settings.js';
import { expandInputs, splitStdin, type CaseSource } from '../io/inputs.js';
import { csvHeader } from '../report/csv.js';
import { formatDisclaimer, formatSummaryText } from '../report/text.js';
import { outputKey, renderCase, type RenderContext, type RenderedCase } from './render-case.js';
import type { Lang } from '../rules/types.js';
import { isValidIsoDate } from '../dates/legal-date.js';
import type { CommandContext } from './extensions.js';
import { FORMAT_HELP, formatOption, resolveOutputs, useColor, type OutputSpec } from './output.js';
import { assessFindings } from '../report/findings.js';
import { formatGithub } from '../report/github.js';
import { formatJunit } from '../report/junit.js';
import { formatMarkdown } from '../report/markdown.js';
import { formatSarif } from '../report/sarif.js';
import { parseSource, type SourceDocument } from '../source/document.js';

export const ASSESS_FORMATS = ['text', 'json', 'ndjson', 'csv', 'junit', 'sarif', 'github', 'markdown'] as const;
type Format = (typeof ASSESS_FORMATS)[number];
/** Formats written case by case as the assessment goes; the others need every case first. */
const STREAMED: ReadonlySet<Format> = new Set(['text', 'json', 'ndjson', 'csv']);

interface AssessOptions {
  rules: string[];
  asOf?: string;
  lang?: Lang;
  format?: OutputSpec[];
  detail: Detail;
  out?: string;
  only?: string;
  failOn: FailLevel;
  dueWithin?: string;
  jobs?: string;
  progress: boolean;
}

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_THRESHOLD = 200;
const BATCH = 25;

export function registerAssess(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('assess')
    .description('Assess case files: each legal element met, not met or undetermined, and every deadline.')
    .argument('<cases...>', 'case files (JSON or YAML), folders (searched recursively), globs, or - for standard input (one case, or NDJSON)')
    .addOption(new Option('--rules <path>', 'rule file or folder (repeatable; default: the bundled rules)').argParser((v: string, prev: string[]) => [...prev, v]).default([] as string[], 'bundled rules/'))
    .option('--as-of <date>', "assess as on this date, YYYY-MM-DD (default: the case file's asOf, else today in the jurisdiction's time zone)")
    .addOption(new Option('--lang <lang>', "language of the report (default: each case file's lang, else en)").choices(['en', 'nl']))
    .addOption(new Option('--format <format[=file]>', `${FORMAT_HELP}: ${ASSESS_FORMATS.join(', ')} (default text)`).argParser(formatOption(ASSESS_FORMATS)))
    .addOption(new Option('--detail <level>', 'how much of each case the json and ndjson formats carry: lean, or full for every explanation').choices([...DETAILS]).default('lean'))
    .option('--out <file>', 'write the report (the --format given without a file) to this file instead of standard output')
    .option('--only <actions>', `list only cases that need one of these actions: ${ACTIONS.join(', ')} (comma-separated)`)
    .option('--due-within <days>', 'count a deadline as due when it falls within this many days (default: each deadline\'s own due-soon window)')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a case reaches this level; each level includes the ones before it').choices([...FAIL_LEVELS]).default('none'))
    .option('--jobs <n>', 'worker threads for large batches (default: the number of cores)')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .addHelpText(
      'after',
      `
Examples:
  rulecase assess fixtures/nl/belaging-ex-partner.yaml
  rulecase assess --lang nl --as-of 2026-06-01 fixtures/nl/
  rulecase assess --format json --out report.json 'cases/**/*.json'
  cat case.json | rulecase assess -
  rulecase assess --format csv --only due,invalid --due-within 14 cases/ > todo.csv
  rulecase assess --format ndjson --fail-on expired cases/
  rulecase assess --fail-on expired --format text --format junit=cases.xml --format sarif=cases.sarif cases/

Exit codes: 0 assessed, nothing at or above --fail-on; 1 a case reached --fail-on;
2 a case file could not be assessed, or the rules or the command line are invalid.`,
    )
    .action(async (inputs: string[], opts: AssessOptions) => {
      setExit(await assessCommand(inputs, opts, { io, setExit }));
    });
}

function parseOnly(only: string | undefined): Set<Action> | undefined {
  if (only === undefined) return undefined;
  const wanted = only.split(',').map((s) => s.trim()).filter(Boolean);
  for (const w of wanted) if (!(ACTIONS as readonly string[]).includes(w)) throw new UsageError(`--only ${w} is not one of ${ACTIONS.join(', ')}.`);
  return new Set(wanted as Action[]);
}

async function assessCommand(inputs: string[], opts: AssessOptions, { io }: CommandContext): Promise<number> {
  const outputs = resolveOutputs(opts.format).map((spec) => (spec.file === undefined && opts.out !== undefined ? { ...spec, file: opts.out } : spec));
  if (opts.asOf !== undefined && !isValidIsoDate(opts.asOf)) throw new UsageError(`--as-of ${opts.asOf} is not a date; write YYYY-MM-DD, for example 2026-06-01.`);
  const only = parseOnly(opts.only);
  const dueWithin = opts.dueWithin === undefined ? undefined : Number(opts.dueWithin);
  if (dueWithin !== undefined && !(Number.isInteger(dueWithin) && dueWithin >= 0)) throw new UsageError(`--due-within ${opts.dueWithin} is not a number of days.`);
  const jobs = opts.jobs === undefined ? availableParallelism() : Number(opts.jobs);
  if (!(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs ${opts.jobs} is not a positive whole number.`);
  const triage = dueWithin !== undefined ? { dueWithinDays: dueWithin } : {};

  const rulePaths = opts.rules.length > 0 ? opts.rules : [BUNDLED_RULES];
  const rules = loadRules(rulePaths, io.cwd);
  if (hasErrors(rules.diagnostics)) {
    for (const d of sortDiagnostics(rules.diagnostics)) io.stderr(formatDiagnostic(d) + '\n');
    io.stderr('rulecase: the rules have errors (listed above); fix them or check them with rulecase validate.\n');
    return 2;
  }
  const sources: CaseSource[] = expandInputs(inputs, io.cwd);
  if (inputs.includes('-')) sources.push(...splitStdin(await io.readStdin()));
  if (sources.length === 0) throw new UsageError('no case files found in the paths given.');

  // The envelope (rule-set titles, summary) is in --lang; each case in --lang or its own lang.
  const lang = opts.lang ?? 'en';
  const envelope = reportEnvelope({ version: io.version, asOf: opts.asOf ?? null, lang, rulesets: rules.rulesets }, []);
  const rulesetsMeta = envelope.rulesets;
  const headlineColumns = rules.rulesets.flatMap((rs) =>
    [...Object.entries(rs.criteria ?? {}), ...Object.entries(rs.judgments ?? {}), ...Object.entries(rs.tables ?? {})].filter(([, r]) => r.conclusion === true).map(([id]) => `${rs.id}.${id}`),
  );

  // Each format goes to stdout or, atomically, to its file (--out names the file of the format given
  // without one): a temporary file renamed at the end.
  const sinks = openSinks(outputs, io);
  const streamed = sinks.filter((k) => STREAMED.has(k.format));
  const collected: CaseReport[] = [];
  const collect = sinks.some((k) => !STREAMED.has(k.format));

  let first = true;
  let total = 0;
  let invalid = 0;
  let failing = 0;
  let shown = 0;
  const invalidDiagnostics: string[] = [];
  for (const k of streamed) {
    if (k.format === 'json') {
      // The envelope without its cases, left open: each case is written into it as it is assessed.
      k.write(JSON.stringify({ ...envelope, cases: undefined }, null, 2).replace(/\n}$/, ',\n  "cases": ['));
    } else if (k.format === 'csv') k.write(csvHeader({ conclusions: headlineColumns }));
  }

  let skipped = 0;
  const renderContext: RenderContext = {
    outputs: streamed.map((k) => outputKey(k.format, k.color)),
    lang,
    rulesets: rulesetsMeta,
    headlineColumns,
    triage,
    detail: opts.detail,
    keepReport: collect,
  };
  const emit = (rendered: RenderedCase | undefined): void => {
    if (rendered === undefined) {
      skipped++;
      return;
    }
    total++;
    const { actions } = rendered;
    if (rendered.status === 'invalid') {
      invalid++;
      invalidDiagnostics.push(...rendered.problems);
    }
    if (failsAt(actions, opts.failOn)) failing++;
    if (only && !actions.some((a) => only.has(a))) return;
    shown++;
    if (collect && rendered.report) collected.push(rendered.report);
    for (const k of streamed) {
      const chunk = rendered.chunks[outputKey(k.format, k.color)] ?? '';
      k.write(k.format === 'json' ? (first ? '\n' : ',\n') + chunk : chunk);
    }
    first = false;
  };

  const progress = makeProgress(io, opts.progress && sources.length >= 20, sources.length);
  // One reading of the clock for the whole run: every case defaults to the same today.
  const now = io.now();
  const settings: AssessSettings = { ...(opts.lang !== undefined ? { lang: opts.lang } : {}), ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}) };
  const appIo = { readFile: io.readFile, now: () => now };
  try {
    if (jobs > 1 && sources.length >= PARALLEL_THRESHOLD && sources.every((s) => s.text === undefined)) {
      await assessInWorkers(sources, { rules: rulePaths, cwd: io.cwd, ...settings, now }, renderContext, Math.min(jobs, Math.ceil(sources.length / BATCH)), (r) => {
        emit(r);
        progress.tick();
      });
    } else {
      for (const s of sources) {
        const report = assessSource(s, rules.rulesets, settings, appIo);
        emit(report && renderCase(report, renderContext));
        progress.tick();
      }
    }
  } finally {
    progress.done();
  }

  try {
    for (const k of streamed) {
      if (k.format === 'json') k.write((first ? ']' : '\n  ]') + '\n}\n');
      else if (k.format === 'text') {
        const notes = (only ? ` ${shown} ${lang === 'nl' ? 'getoond' : 'shown'}.` : '') + (skipped > 0 ? ` ${skipped} ${lang === 'nl' ? 'andere bestanden overgeslagen' : 'other file(s) skipped'}.` : '');
        if (total > 1 || only || skipped > 0) k.write(formatSummaryText(total, invalid, lang, { color: k.color }, notes));
        k.write(formatDisclaimer(lang, { color: k.color }));
      }
    }
    if (collect) {
      const findings = assessFindings(collected, { failOn: opts.failOn, triage, locate: caseLocator(io) }, io.version);
      for (const k of sinks) {
        if (k.format === 'junit') k.write(formatJunit(findings));
        else if (k.format === 'sarif') k.write(formatSarif(findings));
        else if (k.format === 'github') k.write(formatGithub(findings));
        else if (k.format === 'markdown') k.write(formatMarkdown(findings));
      }
    }
    for (const k of sinks) k.close();
  } finally {
    for (const k of sinks) k.abort();
  }
  // The text report lists problems inline; other formats are for machines, so people get them on stderr.
  if (!sinks.some((k) => k.format === 'text' && k.file === undefined)) for (const line of invalidDiagnostics) io.stderr(line + '\n');
  if (invalid > 0) {
    if (total > 1) io.stderr(`rulecase: ${invalid} of ${total} case file(s) could not be assessed.\n`);
    return 2;
  }
  return failing > 0 ? 1 : 0;
}

/**
 * Assesses in worker threads, emitting results in input order as soon as they are in order.
 * Only a bounded number of batches is in flight, so memory does not grow with the file count.
 */
async function assessInWorkers(sources: CaseSource[], options: { rules: string[]; cwd: string; lang?: Lang; now: Date; asOf?: string }, render: RenderContext, jobs: number, emit: (r: RenderedCase | undefined) => void): Promise<void> {
  const workerUrl = new URL('./assess-worker.js', import.meta.url);
  const workerData = { rules: options.rules, cwd: options.cwd, render, now: options.now.getTime(), ...(options.lang !== undefined ? { lang: options.lang } : {}), ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) };
  const workers = Array.from({ length: jobs }, () => new Worker(workerUrl, { workerData }));
  const pending = new Map<number, (RenderedCase | undefined)[]>();
  const idle: Worker[] = [];
  const window = jobs * BATCH * 4;
  let nextToSend = 0;
  let nextToEmit = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      // Never run more than a window of cases ahead of what has been written.
      const send = (w: Worker): void => {
        if (nextToSend >= sources.length) return;
        if (nextToSend - nextToEmit >= window) {
          idle.push(w);
          return;
        }
        const start = nextToSend;
        nextToSend = Math.min(sources.length, start + BATCH);
        w.postMessage({ start, sources: sources.slice(start, nextToSend) });
      };
      for (const w of workers) {
        w.on('error', reject);
        w.on('message', (msg: { start: number; reports: (RenderedCase | undefined)[] }) => {
          pending.set(msg.start, msg.reports);
          for (let batch = pending.get(nextToEmit); batch; batch = pending.get(nextToEmit)) {
            pending.delete(nextToEmit);
            for (const r of batch) emit(r);
            nextToEmit += batch.length;
          }
          if (nextToEmit >= sources.length) {
            resolve();
            return;
          }
          send(w);
          while (idle.length > 0 && nextToSend - nextToEmit < window) send(idle.shift() as Worker);
        });
        send(w);
        send(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function makeProgress(io: Io, enabled: boolean, total: number): { tick: () => void; done: () => void } {
  if (!enabled || !io.stderrIsTTY || io.env['CI']) return { tick: () => {}, done: () => {} };
  let n = 0;
  let last = 0;
  const draw = (): void => {
    const width = 30;
    const filled = Math.round((n / total) * width);
    io.stderr(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${n}/${total}`);
  };
  return {
    tick: () => {
      n++;
      const now = io.now().getTime();
      if (now - last > 100 || n === total) {
        last = now;
        draw();
      }
    },
    done: () => io.stderr('\r' + ' '.repeat(50) + '\r'),
  };
}

interface Sink {
  format: Format;
  file?: string;
  color: boolean;
  write: (text: string) => void;
  /** renames the temporary file into place */
  close: () => void;
  /** removes the temporary file if close did not run */
  abort: () => void;
}

/** Opens every output before any work, so that an unwritable file fails at once. */
function openSinks(outputs: readonly OutputSpec[], io: Io): Sink[] {
  const sinks: Sink[] = [];
  try {
    for (const spec of outputs) {
      const format = spec.format as Format;
      const file = spec.file;
      if (file === undefined) {
        sinks.push({ format, color: useColor(io, true), write: (t) => io.stdout(t), close: () => {}, abort: () => {} });
        continue;
      }
      const tmp = temporaryPath(file, io);
      let fd: number | undefined;
      try {
        fd = openSync(tmp, 'w');
      } catch (e) {
        throw new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`);
      }
      let done = false;
      sinks.push({
        format,
        file,
        color: false,
        write: (t) => writeSync(fd, t),
        close: () => {
          closeSync(fd);
          done = true;
          try {
            renameSync(tmp, resolve(io.cwd, file));
          } catch (e) {
            unlinkSync(tmp);
            throw new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`);
          }
        },
        abort: () => {
          if (done) return;
          done = true;
          try {
            closeSync(fd);
            unlinkSync(tmp);
          } catch {
            // already gone
          }
        },
      });
    }
  } catch (e) {
    for (const k of sinks) k.abort();
    throw e;
  }
  return sinks;
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
