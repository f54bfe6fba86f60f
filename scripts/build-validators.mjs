#!/usr/bin/env node
// Build step: compiles the published JSON Schemas into standalone validator modules, and bundles
// the checked shipped rules and their jurisdictions (rules/*/jurisdiction.yaml), so a run of
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
for (const name of ['case', 'ruleset', 'jurisdiction']) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8'));
  // The same options as the run-time fallback (src/source/schema-check.ts), plus code generation.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true } });
  const validate = ajv.compile(schema);
  writeFileSync(join(out, `${name}.cjs`), standaloneCode.default(ajv, validate));
}

// The shipped rules, parsed and checked once here (see loadBundledRules in src/io/files.ts).
// Invalid rules are not bundled: every run then reads the YAML and reports the problems.
const files = await import(join(root, 'dist', 'io', 'files.js'));
const loaded = files.loadRuleFiles([files.BUNDLED_RULES]);
if (!loaded.diagnostics.some((d) => d.severity === 'error')) {
  const ruleFiles = loaded.files.map((f) => join(process.cwd(), f));
  const rel = (f) => f.startsWith(root) ? f.slice(root.length + 1) : f;
  writeFileSync(
    files.RULES_BUNDLE,
    JSON.stringify({
      fingerprint: files.rulesFingerprint(ruleFiles),
      files: ruleFiles.map(rel),
      rulesets: loaded.rulesets.map((rs) => ({ ...rs, file: rel(join(process.cwd(), rs.file)) })),
      jurisdictions: loaded.jurisdictions,
    }),
  );
}
