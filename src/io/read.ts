import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

import { MAX_FILE_BYTES } from '../app/case-source.js';

export { MAX_FILE_BYTES, MAX_STDIN_BYTES } from '../app/case-source.js';

/** An error with a code, like those of node:fs, for the checks made here. */
function codeError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * Reads a regular file as UTF-8, refusing what would hang or exhaust memory: a pipe (FIFO) is opened
 * without waiting for a writer and refused, as are devices, sockets and files over `MAX_FILE_BYTES`.
 * Errors carry a `code` (ENOENT, ELOOP, ENOTREG, EFBIG …) that `whyUnreadable` puts in words.
 */
export function readRegularFile(path: string, limit = MAX_FILE_BYTES): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw codeError('EISDIR', 'a folder');
    if (!st.isFile()) throw codeError('ENOTREG', 'not a regular file');
    if (st.size > limit) throw codeError('EFBIG', 'too large');
    // Read up to one byte past the limit: a file that grows while being read is still caught.
    const buffer = Buffer.alloc(Math.min(st.size, limit) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) throw codeError('EFBIG', 'too large');
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

