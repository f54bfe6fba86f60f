#!/usr/bin/env node
// Build step: compiles the published JSON Schemas into standalone validator modules, so a run of
// the CLI does not spend its start-up compiling them. src/source/validators.ts falls back to
// compiling at run time when these files are absent (tests run from src/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'validators');
mkdirSync(out, { recursive: true });
for (const name of ['case', 'ruleset']) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8'));
  // The same options as the run-time fallback (src/source/schema-check.ts), plus code generation.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true } });
  const validate = ajv.compile(schema);
  writeFileSync(join(out, `${name}.cjs`), standaloneCode.default(ajv, validate));
}
