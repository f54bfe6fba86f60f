import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { escapePointer } from '../source/document.js';
import type { RuleSet } from './types.js';

/**
 * Names every plain object already answers to (constructor, toString, __proto__): a rule, a filter
 * field or a distinct field by one of these names would be read through the prototype, or not at
 * all, depending on how each lookup is written. Refused, so no lookup has to care.
 */
const INHERITED: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

const SECTIONS = ['sources', 'facts', 'derived', 'criteria', 'judgments', 'tables', 'deadlines', 'actions', 'calendars'] as const;

type Report = (code: Diagnostic['code'], pointer: string, message: string) => void;

export function checkNames(rs: RuleSet, report: Report): void {
  const refuse = (name: string, pointer: string, what: string): void => {
    if (INHERITED.has(name)) report('schema-value', pointer, `${what} "${name}": every object in the engine already has that name, so choose another.`);
  };
  for (const section of SECTIONS) {
    const rules = (rs as unknown as Record<string, Record<string, unknown> | undefined>)[section];
    if (!rules || typeof rules !== 'object') continue;
    for (const id of Object.keys(rules)) refuse(id, `/${section}/${escapePointer(id)}`, `a rule in ${section} is named`);
  }
  for (const [id, d] of Object.entries(rs.derived ?? {})) {
    const base = `/derived/${escapePointer(id)}`;
    for (const field of Object.keys(d.where ?? {})) refuse(field, `${base}/where/${escapePointer(field)}`, `derived.${id} filters on the field`);
    if (d.field !== undefined) refuse(d.field, `${base}/field`, `derived.${id} counts distinct values of the field`);
  }
}
