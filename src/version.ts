import { createRequire } from 'node:module';

// The one place the version comes from: package.json, so `--version` and every report agree.
export const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
