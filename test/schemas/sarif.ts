import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { ROOT } from '../helpers.js';

// The SARIF 2.1.0 schema, vendored from an npm package (see test/schemas/README.md). It is draft-04:
// its `id` becomes `$id` so that ajv (draft-07) compiles it; no other keyword it uses differs.
const sarifSchema = (() => {
  const raw = JSON.parse(readFileSync(join(ROOT, 'test', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _s, id, ...rest } = raw;
  void _s;
  return { ...rest, $id: String(id) } as object;
})();
// The schema's language-tag pattern is not valid with the u flag, so patterns are compiled without it.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true, unicodeRegExp: false });
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
ajv.addFormat('uri-reference', /^[^\s]*$/);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
export const validateSarif = ajv.compile(sarifSchema);
