import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { compileSchema } from './schema-check.js';

const require = createRequire(import.meta.url);
const cache = new Map<string, ValidateFunction>();

/**
 * The validator for a published schema: precompiled by the build (scripts/build-validators.mjs)
 * when available, else compiled now. Both come from the same schema file and options.
 */
export function validatorFor(name: 'case' | 'ruleset' | 'jurisdiction', schema: object): ValidateFunction {
  let validate = cache.get(name);
  if (!validate) {
    try {
      validate = require(`../validators/${name}.cjs`) as ValidateFunction;
    } catch {
      validate = compileSchema(schema);
    }
    cache.set(name, validate);
  }
  return validate;
}
