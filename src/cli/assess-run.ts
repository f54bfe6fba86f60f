import { Worker } from 'node:worker_threads';
import type { CaseSource } from '../app/case-source.js';
import type { AppIo } from '../app/io.js';
import type { AssessSettings } from '../app/settings.js';
import type { RuleSet } from '../rules/types.js';
import type { Io } from './io.js';
import { assessAndRender, type RenderContext, type RenderedCase } from './render-case.js';

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_THRESHOLD = 200;
const BATCH = 25;
const YIELD_EVERY = 50;

export interface RunOptions {
  settings: AssessSettings;
  /** the rule paths, for workers to load the rules themselves */
  rulePaths: string[];
  jobs: number;
  progress: boolean;
  render: RenderContext;
}

/** What a worker needs (see assess-worker.ts): plain data. */
export interface WorkerData extends AssessSettings {
  rules: string[];
  cwd: string;
  render: RenderContext;
  /** the run's one clock reading, in milliseconds */
  now: number;
}

/**
 * Assesses and formats every source through the application layer, in this thread or, for a
 * large batch of files, in worker threads; `emit` gets the cases in input order either way.
 */
export async function assessAll(inputs: readonly CaseSource[], rulesets: readonly RuleSet[], options: RunOptions, io: Io, emit: (r: RenderedCase | undefined) => void): Promise<void> {
  // Each source knows its place in the input (--redact names a case by it), in this thread and in workers.
  const sources = inputs.map((s, i) => ({ ...s, position: s.position ?? i }));
  const progress = makeProgress(io, options.progress && sources.length >= 20, sources.length);
  // One reading of the clock for the whole run: every case defaults to the same today.
  const now = io.now();
  try {
    if (options.jobs > 1 && sources.length >= PARALLEL_THRESHOLD && sources.every((s) => s.text === undefined)) {
      const data: WorkerData = { ...options.settings, rules: options.rulePaths, cwd: io.cwd, render: options.render, now: now.getTime() };
      const here = (s: CaseSource): RenderedCase | undefined => assessAndRender(s, rulesets, options.settings, { readFile: io.readFile, now: () => now }, options.render);
      await assessInWorkers(
        sources,
        data,
        Math.min(options.jobs, Math.ceil(sources.length / BATCH)),
        (r) => {
          emit(r);
          progress.tick();
        },
        here,
      );
    } else {
      const appIo: AppIo = { readFile: io.readFile, now: () => now };
      for (const [i, s] of sources.entries()) {
        emit(assessAndRender(s, rulesets, options.settings, appIo, options.render));
        progress.tick();
        // Let the event loop run now and then, so that Ctrl-C is heard (and its cleanup done) mid-batch.
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((r) => setImmediate(r));
      }
    }
  } finally {
    progress.done();
  }
}

/**
 * Assesses in worker threads, emitting results in input order as soon as they are in order.
 * Only a bounded number of batches is in flight, so memory does not grow with the file count.
 * A worker that dies (an error outside any one file's isolation, running out of memory) costs no
 * files: its batches in flight, and the rest when no worker is left, are assessed in this thread.
 */
async function assessInWorkers(sources: readonly CaseSource[], workerData: WorkerData, jobs: number, emit: (r: RenderedCase | undefined) => void, here: (s: CaseSource) => RenderedCase | undefined): Promise<void> {
  const workerUrl = new URL('./assess-worker.js', import.meta.url);
  const workers = Array.from({ length: jobs }, () => new Worker(workerUrl, { workerData }));
  const pending = new Map<number, (RenderedCase | undefined)[]>();
  const inFlight = new Map<Worker, Set<number>>(workers.map((w) => [w, new Set()]));
  const idle: Worker[] = [];
  const window = jobs * BATCH * 4;
  let nextToSend = 0;
  let nextToEmit = 0;
  try {
    await new Promise<void>((resolve) => {
      // Never run more than a window of cases ahead of what has been written.
      const send = (w: Worker): void => {
        if (nextToSend >= sources.length || !inFlight.has(w)) return;
        if (nextToSend - nextToEmit >= window) {
          idle.push(w);
          return;
        }
        const start = nextToSend;
        nextToSend = Math.min(sources.length, start + BATCH);
        inFlight.get(w)?.add(start);
        w.postMessage({ start, sources: sources.slice(start, nextToSend) });
      };
      const deliver = (start: number, reports: (RenderedCase | undefined)[]): boolean => {
        pending.set(start, reports);
        for (let batch = pending.get(nextToEmit); batch; batch = pending.get(nextToEmit)) {
          pending.delete(nextToEmit);
          for (const r of batch) emit(r);
          nextToEmit += batch.length;
        }
        if (nextToEmit < sources.length) return false;
        resolve();
        return true;
      };
      const lost = (w: Worker): void => {
        const starts = inFlight.get(w) ?? new Set<number>();
        inFlight.delete(w);
        void w.terminate();
        for (const start of [...starts].sort((a, b) => a - b)) if (deliver(start, sources.slice(start, Math.min(sources.length, start + BATCH)).map(here))) return;
        if (inFlight.size > 0) {
          while (idle.length > 0 && nextToSend - nextToEmit < window) send(idle.shift() as Worker);
          return;
        }
        // No worker left: the rest here, in order.
        while (nextToSend < sources.length) {
          const start = nextToSend;
          nextToSend = Math.min(sources.length, start + BATCH);
          if (deliver(start, sources.slice(start, nextToSend).map(here))) return;
        }
      };
      for (const w of workers) {
        w.on('error', () => lost(w));
        w.on('message', (msg: { start: number; reports: (RenderedCase | undefined)[] }) => {
          // A batch from a worker already given up on has been assessed here.
          if (!inFlight.get(w)?.delete(msg.start)) return;
          if (deliver(msg.start, msg.reports)) return;
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

/** A progress bar on standard error, only when it is a terminal (and not in CI). */
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
