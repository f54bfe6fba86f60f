import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './files.js';
import { removeOnSignal } from './cleanup.js';

export interface AtomicWriteOptions {
  /** a relative path is relative to this folder */
  cwd: string;
  /** names the temporary file, so that two processes writing the same file do not share one */
  pid: number;
  /** for a new file; default 0o600: reports and case files hold personal data, readable by their owner only */
  mode?: number;
}

/** The temporary file beside `path` that is renamed over it. */
export function temporaryPath(path: string, options: Pick<AtomicWriteOptions, 'cwd' | 'pid'>): string {
  const target = resolve(options.cwd, path);
  return join(dirname(target), `.${basename(target)}.${options.pid}.tmp`);
}

/**
 * Writes a whole file or nothing: a temporary file in the same folder, flushed to disk, then a
 * rename over the target, so a crash or Ctrl-C never leaves half a report or half a case file.
 */
export function writeFileAtomically(path: string, text: string, options: AtomicWriteOptions): void {
  const tmp = temporaryPath(path, options);
  const release = removeOnSignal(tmp);
  try {
    const fd = openSync(tmp, 'w', options.mode ?? 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, resolve(options.cwd, path));
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`);
  } finally {
    release();
  }
}
