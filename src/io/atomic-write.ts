import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './files.js';
import { removeOnSignal } from './cleanup.js';

export interface AtomicWriteOptions {
  /** a relative path is relative to this folder */
  cwd: string;
  /** part of the temporary file's name, so that a leftover one says which process made it */
  pid: number;
  /** default 0o600: reports and case files hold personal data, readable by their owner only */
  mode?: number;
}

/** Symbolic links followed in a chain before giving up (Linux's own limit). */
const MAX_LINKS = 40;

/**
 * The file a write to `path` lands in: symbolic links followed, as write-file-atomic does, so that
 * a report written through a link updates the link's target and the link stays. A link to nothing
 * yet (dangling) names the file to create. The folders above are resolved too, so that two
 * spellings of one file (relative, absolute, through a linked folder) give one path.
 */
export function writeTarget(path: string, cwd: string): string {
  let at = resolve(cwd, path);
  for (let i = 0; i < MAX_LINKS; i++) {
    let link: string;
    try {
      if (!lstatSync(at).isSymbolicLink()) break;
      link = readlinkSync(at);
    } catch {
      break; // not there yet: the file to create
    }
    at = resolve(dirname(at), link);
  }
  let folder = dirname(at);
  try {
    folder = realpathSync(folder);
  } catch {
    // a missing folder: the write fails and says so
  }
  return join(folder, basename(at));
}

/** Two outputs are one file when their targets are one path, or one inode (hard links). */
function identity(target: string): string {
  try {
    const st = statSync(target);
    return `inode:${st.dev}:${st.ino}`;
  } catch {
    return `path:${target}`;
  }
}

/**
 * Refuses two outputs that are one file however they are spelled (`r.json`, `./r.json`, its absolute
 * path, a link to it): both would be written, and only one could survive.
 */
export function checkDistinctFiles(files: readonly string[], cwd: string): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const key = identity(writeTarget(file, cwd));
    const first = seen.get(key);
    if (first !== undefined) throw new UsageError(`two formats would write to ${first}${first === file ? '' : ` (also given as ${file})`}; give each its own file.`);
    seen.set(key, file);
  }
}

/** A file being written: it appears at its path, whole, on commit, and never partly. */
export interface AtomicFile {
  write: (text: string) => void;
  /** flushes to disk and renames the temporary file over the target */
  commit: () => void;
  /** removes the temporary file; nothing happens to the target (a no-op after commit) */
  abort: () => void;
}

let counter = 0;

/**
 * Opens a temporary file beside the target (after following links), with a name no other output,
 * thread or process shares (pid, a counter, random bytes; created exclusively, so an existing file
 * of that name is never reused), owner-only. Ctrl-C or a kill before commit removes it.
 */
export function openAtomic(path: string, options: AtomicWriteOptions): AtomicFile {
  const target = writeTarget(path, options.cwd);
  const cannotWrite = (e: unknown): UsageError => new UsageError(`cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`);
  const tmp = join(dirname(target), `.${basename(target)}.${options.pid}.${++counter}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', options.mode ?? 0o600);
  } catch (e) {
    throw cannotWrite(e);
  }
  const release = removeOnSignal(tmp);
  let open = true;
  let done = false;
  const close = (): void => {
    if (!open) return;
    open = false;
    closeSync(fd);
  };
  const remove = (): void => {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  };
  return {
    write: (text) => {
      try {
        writeSync(fd, text);
      } catch (e) {
        throw cannotWrite(e);
      }
    },
    commit: () => {
      if (done) return;
      done = true;
      try {
        fsyncSync(fd);
        close();
        renameSync(tmp, target);
      } catch (e) {
        remove();
        throw cannotWrite(e);
      } finally {
        release();
      }
    },
    abort: () => {
      if (done) return;
      done = true;
      try {
        close();
      } catch {
        // already closed
      }
      remove();
      release();
    },
  };
}

/**
 * Writes a whole file or nothing: a temporary file beside the target, flushed to disk, then a
 * rename over it, so a crash or Ctrl-C never leaves half a report or half a case file.
 */
export function writeFileAtomically(path: string, text: string, options: AtomicWriteOptions): void {
  const file = openAtomic(path, options);
  try {
    file.write(text);
    file.commit();
  } catch (e) {
    file.abort();
    throw e;
  }
}
