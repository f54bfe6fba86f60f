import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './files.js';

/**
 * Writes a whole file or nothing: a temporary file in the same folder, flushed to disk, then a
 * rename over the target, so a crash or Ctrl-C never leaves half a report or half a case file.
 * `mode` applies to a new file (case files hold personal data: 0o600).
 */
export function writeFileAtomically(path: string, text: string, mode = 0o666): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w', mode);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
    throw new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
}
