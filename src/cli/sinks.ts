import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { temporaryPath } from '../io/atomic-write.js';
import { removeOnSignal } from '../io/cleanup.js';
import { UsageError } from '../io/files.js';
import type { Io } from './io.js';
import { useColor, type OutputSpec } from './output.js';

/** Where one format goes as it is written: standard output, or a file that appears whole at the end. */
export interface Sink {
  format: string;
  file?: string;
  color: boolean;
  write: (text: string) => void;
  /** renames the temporary file into place */
  close: () => void;
  /** removes the temporary file if close did not run */
  abort: () => void;
}

/** Opens every output before any work, so that an unwritable file fails at once. */
export function openSinks(outputs: readonly OutputSpec[], io: Io): Sink[] {
  const sinks: Sink[] = [];
  try {
    for (const spec of outputs) {
      if (spec.file === undefined) sinks.push({ format: spec.format, color: useColor(io, true), write: (t) => io.stdout(t), close: () => {}, abort: () => {} });
      else sinks.push(fileSink(spec.format, spec.file, io));
    }
  } catch (e) {
    for (const k of sinks) k.abort();
    throw e;
  }
  return sinks;
}

/** A file written through a temporary file beside it, renamed into place on close. */
function fileSink(format: string, file: string, io: Io): Sink {
  const tmp = temporaryPath(file, io);
  const cannotWrite = (e: unknown): UsageError => new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`);
  let fd: number;
  try {
    // Reports hold the same personal data as the case files: readable by their owner only.
    fd = openSync(tmp, 'w', 0o600);
  } catch (e) {
    throw cannotWrite(e);
  }
  // Ctrl-C or a kill during a long batch removes the half-written report too.
  const release = removeOnSignal(tmp);
  let done = false;
  return {
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
        throw cannotWrite(e);
      } finally {
        release();
      }
    },
    abort: () => {
      if (done) return;
      done = true;
      release();
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      try {
        unlinkSync(tmp);
      } catch {
        // already gone
      }
    },
  };
}
