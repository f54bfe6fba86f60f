// npm lists a package's `prepare` script among the install scripts a consumer must approve
// (npm 11 `allowScripts`), although it never runs for an installed tarball. `prepare` builds a
// fresh clone after `npm ci`; the packed package.json leaves it out. prepack takes it out,
// postpack puts package.json back byte for byte.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const FILE = 'package.json';
const KEPT = '.package.json.packing';
const step = process.argv[2];
if (step === 'strip') {
  const text = readFileSync(FILE, 'utf8');
  writeFileSync(KEPT, text);
  const manifest = JSON.parse(text);
  delete manifest.scripts.prepare;
  writeFileSync(FILE, JSON.stringify(manifest, null, 2) + '\n');
} else if (step === 'restore') {
  if (existsSync(KEPT)) renameSync(KEPT, FILE);
} else {
  throw new Error('usage: pack-manifest.mjs strip|restore');
}
