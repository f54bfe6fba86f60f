import type { Diagnostic, DiagnosticCode } from '../diagnostics/diagnostic.js';
import { parseSource, type SourceDocument } from '../source/document.js';
import { schemaDiagnostics } from '../source/schema-check.js';
import { validatorFor } from '../source/validators.js';
import { rulesetSchema } from '../schemas.js';
import type { RuleSet } from './types.js';
import { checkRuleSet } from './check.js';

export interface LoadedRuleSet {
  ruleset?: RuleSet;
  doc?: SourceDocument;
  diagnostics: Diagnostic[];
}

/** Parses and checks one rule file; IO stays with the caller. */
export function loadRuleSetText(file: string, text: string): LoadedRuleSet {
  const { doc, diagnostics } = parseSource(file, text);
  if (!doc) return { diagnostics };
  const validator = validatorFor('ruleset', rulesetSchema);
  if (!validator(doc.value)) {
    return { doc, diagnostics: schemaDiagnostics(doc, validator.errors ?? []).map(refineRuleCode) };
  }
  const ruleset = { ...(doc.value as Omit<RuleSet, 'file'>), file } as RuleSet;
  return { ruleset, doc, diagnostics: checkRuleSet(ruleset, doc) };
}

/** Missing citations, translations and counting rules are the errors maintainers make most: name them. */
function refineRuleCode(d: Diagnostic): Diagnostic {
  if (d.code !== 'schema-required') return d;
  const missing = /needs a "([^"]+)" field/.exec(d.message)?.[1];
  const special: Record<string, [DiagnosticCode, string]> = {
    cite: ['missing-citation', 'every rule must cite its source: add cite: [<source id>].'],
    en: ['missing-translation', 'the English text is missing; every text needs en and nl.'],
    nl: ['missing-translation', 'the Dutch text is missing; every text needs en and nl.'],
    counting: ['deadline-counting', 'a deadline must declare its counting rule: counting: day-after or event-day.'],
    monthEnd: ['deadline-counting', 'a deadline must declare its month-end rule: monthEnd: last-day-of-month or first-day-of-next-month.'],
  };
  const hit = missing ? special[missing] : undefined;
  return hit ? { ...d, code: hit[0], message: `${d.message.split(' needs ')[0]}: ${hit[1]}` } : d;
}
