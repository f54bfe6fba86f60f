import { fileURLToPath } from 'node:url';
import type { SourceRoot } from './sarif.js';

/** `a/../b` → `b`; a path that climbs above the root keeps its `..`. */
export function normalise(posix: string): string {
  const out: string[] = [];
  for (const part of posix.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const isAbsolute = (posix: string): boolean => posix.startsWith('/') || /^[A-Za-z]:\//.test(posix);

/**
 * A file as the CI formats name it: relative to the repository root (posix), as GitHub resolves
 * `file=` and code scanning resolves %SRCROOT%, whichever folder the step ran in. A path outside the
 * repository, or a name that is no file (`<stdin>`), stays as it was given.
 */
export function repoPath(file: string, root: SourceRoot | undefined): string {
  if (root === undefined || file.startsWith('<')) return file;
  const posix = file.replace(/\\/g, '/');
  if (isAbsolute(posix)) {
    const base = fileURLToPath(root.uri).replace(/\\/g, '/').replace(/\/?$/, '/');
    return posix.startsWith(base) ? normalise(posix.slice(base.length)) : file;
  }
  const inRepo = normalise(`${root.cwd}/${posix}`);
  return inRepo.startsWith('../') || inRepo === '..' ? file : inRepo;
}
