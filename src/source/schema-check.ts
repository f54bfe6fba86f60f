import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, Options, ValidateFunction } from 'ajv';
import type { Diagnostic, DiagnosticCode } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from './document.js';

/**
 * An ajv instance, loaded on first use: the built CLI validates with precompiled validators
 * (src/source/validators.ts) and should not pay for loading the compiler on every start.
 */
export function newAjv(options: Options = {}): AjvClass {
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  return new Ajv({ allErrors: true, strict: false, verbose: true, ...options });
}

export function compileSchema(schema: object): ValidateFunction {
  return newAjv().compile(schema);
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    // A shortened name ("victim_refused" for "victim_refused_contact") is a likely slip too.
    const prefix = word.length >= 4 && (c.startsWith(word) || word.startsWith(c));
    const d = prefix ? 1 : editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c ? ` Did you mean "${c}"?` : '';
}

function describe(pointer: string): string {
  if (pointer === '') return 'the file';
  return pointer
    .slice(1)
    .split('/')
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : (i === 0 ? '' : '.') + s.replace(/~1/g, '/').replace(/~0/g, '~')))
    .join('');
}

/** Which properties a schema location allows, for "did you mean" on unknown keys. */
function allowedKeys(error: ErrorObject): string[] {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return Object.keys(schema?.properties ?? {});
}

/**
 * Turns ajv's errors into diagnostics, most specific first. ajv reports every branch of an
 * anyOf/oneOf; a user needs the one deepest error per place, not the cascade.
 */
export function schemaDiagnostics(doc: SourceDocument, errors: readonly ErrorObject[]): Diagnostic[] {
  const unknownKeys = errors.filter((e) => e.keyword === 'additionalProperties');
  const byDepth = [...errors].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of byDepth) {
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    let pointer = e.instancePath;
    let code: DiagnosticCode = 'schema-value';
    let message: string;
    const at = describe(pointer);
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        pointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        code = 'schema-unknown-key';
        message = `"${key}" is not a known field of ${at}.${didYouMean(key, allowedKeys(e))}`;
        break;
      }
      case 'required': {
        const key = String((e.params as { missingProperty: string }).missingProperty);
        code = 'schema-required';
        message = `${at} needs a "${key}" field.`;
        break;
      }
      case 'type':
        code = 'schema-type';
        message = `${at} must be ${String((e.params as { type: string }).type).replace(',', ' or ')}.`;
        break;
      case 'enum':
      case 'const': {
        code = 'schema-enum';
        const allowed = (e.params as { allowedValues?: unknown[]; allowedValue?: unknown }).allowedValues ?? [(e.params as { allowedValue?: unknown }).allowedValue];
        const actual = valueAt(doc.value, pointer);
        const hint = typeof actual === 'string' ? didYouMean(actual, allowed.map(String)) : '';
        message = `${at} is ${JSON.stringify(actual)}, which is not one of: ${allowed.map(String).join(', ')}.${hint}`;
        break;
      }
      case 'pattern':
        code = 'schema-pattern';
        message = `${at} (${JSON.stringify(valueAt(doc.value, pointer))}) does not have the expected form: ${patternHint(e.parentSchema)}.`;
        break;
      case 'propertyNames':
        continue;
      default:
        message = `${at} ${e.message ?? 'is not valid'}.`;
    }
    // One message per place: the deepest, most specific one wins; an unknown key beats the
    // generic "must match a schema in anyOf" that its parent also produced.
    const place = `${pointer}|${code === 'schema-unknown-key' ? pointer : ''}`;
    if (seen.has(place)) continue;
    if (code !== 'schema-unknown-key' && unknownKeys.some((u) => u.instancePath === pointer)) continue;
    if (out.some((d) => d.pointer.startsWith(pointer + '/') && d.code !== 'schema-unknown-key' && code === 'schema-type')) continue;
    seen.add(place);
    const pos = code === 'schema-unknown-key' ? doc.locateKey(pointer) : doc.locate(pointer);
    out.push({ code, severity: 'error', message, file: doc.file, line: pos.line, column: pos.column, pointer });
  }
  return out;
}

function patternHint(parentSchema: unknown): string {
  const description = (parentSchema as { description?: string } | undefined)?.description;
  return description ?? 'see the schema';
}

export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
