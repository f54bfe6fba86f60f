import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceRoot } from '../report/sarif.js';

/**
 * The repository the working folder is in (the nearest folder above it holding `.git`), else the
 * working folder itself: code-scanning tools resolve SARIF paths against the repository's root.
 */
export function sourceRoot(cwd: string): SourceRoot {
  let root = cwd;
  for (let at = cwd; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) {
      root = at;
      break;
    }
    if (dirname(at) === at) break;
  }
  const uri = pathToFileURL(root).href;
  return { uri: uri.endsWith('/') ? uri : `${uri}/`, cwd: relative(root, cwd).split(sep).join('/') };
}
