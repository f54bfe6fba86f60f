/**
 * The published rule-set schema is what a rule author's editor shows: every key has hover text
 * (a description), and every construct (each definition) has examples that are themselves valid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

type Node = Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ruleset.schema.json'), 'utf8')) as Node;
const definitions = schema['definitions'] as Record<string, Node>;

/** Every property declared anywhere in the schema, with the JSON pointer of its declaration. */
function properties(node: unknown, pointer: string, out: [string, unknown][] = []): [string, unknown][] {
  if (Array.isArray(node)) node.forEach((x, i) => properties(x, `${pointer}/${i}`, out));
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && v !== null && typeof v === 'object') for (const [name, p] of Object.entries(v)) out.push([`${pointer}/properties/${name}`, p]);
      if (k !== 'examples') properties(v, `${pointer}/${k}`, out);
    }
  }
  return out;
}

describe('the rule-set schema, as an editor shows it', () => {
  const all = properties(schema, '');

  it('gives every key a description of a few words', () => {
    expect(all.length).toBeGreaterThan(150);
    const missing = all.filter(([, p]) => typeof (p as Node)?.['description'] !== 'string' || ((p as Node)['description'] as string).length < 10).map(([ptr]) => ptr);
    expect(missing).toEqual([]);
  });

  it('gives every construct examples, and every example is valid', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(schema);
    const id = schema['$id'] as string;
    for (const [name, def] of Object.entries(definitions)) {
      const examples = def['examples'];
      expect(Array.isArray(examples) && examples.length > 0, `definitions/${name} has no examples`).toBe(true);
      const validate = ajv.getSchema(`${id}#/definitions/${name}`);
      for (const ex of examples as unknown[]) expect(validate?.(ex), `definitions/${name}: ${JSON.stringify(ex)} ${JSON.stringify(validate?.errors)}`).toBe(true);
    }
  });

  it('names the constructs a rule author writes (routes, sources, conditions, deadlines, actions) among them', () => {
    for (const name of ['source', 'route', 'condition', 'deadline', 'action', 'criterion', 'judgment', 'table', 'fact', 'derived', 'calendar']) expect(Object.keys(definitions)).toContain(name);
  });
});
