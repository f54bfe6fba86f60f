import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseWhen, isValidIsoDate, yearOutOfRange } from '../dates/legal-date.js';
import { parseSource, type SourceDocument } from '../source/document.js';
import { schemaDiagnostics, didYouMean } from '../source/schema-check.js';
import { validatorFor } from '../source/validators.js';
import { caseSchema } from '../schemas.js';
import { didYouMeanCode, jurisdictionOf, jurisdictionsOf, listJurisdictions, orderTypeOf, type Jurisdiction } from '../rules/jurisdiction.js';
import type { RuleSet } from '../rules/types.js';
import { answerValue, type CaseFile } from './types.js';

export interface LoadedCase {
  caseFile?: CaseFile;
  doc?: SourceDocument;
  diagnostics: Diagnostic[];
}

/**
 * Whether a date is in the calendar (2026-02-30 is not) does not depend on the time zone, so the
 * shape check needs no jurisdiction. Where a date and time falls is worked out in the jurisdiction's
 * own zone, from its jurisdiction.yaml, wherever a value is computed (checkCaseAgainstRules, the engine).
 */
const FORM_ONLY_ZONE = 'UTC';

/**
 * Parses and checks a case file's shape and the form of its dates; its jurisdiction, order types
 * and facts are checked against the loaded rules by checkCaseAgainstRules.
 */
export function loadCaseText(file: string, text: string): LoadedCase {
  const { doc, diagnostics } = parseSource(file, text);
  if (!doc) return { diagnostics };
  return loadCaseValue(doc);
}

export function loadCaseValue(doc: SourceDocument): LoadedCase {
  const validator = validatorFor('case', caseSchema);
  if (doc.value === null || typeof doc.value !== 'object' || Array.isArray(doc.value)) {
    return { doc, diagnostics: [{ code: 'schema-type', severity: 'error', message: 'a case file must be an object with at least a jurisdiction (the id its rules declare).', file: doc.file, line: 1, column: 1, pointer: '' }] };
  }
  if (!validator(doc.value)) return { doc, diagnostics: schemaDiagnostics(doc, validator.errors ?? []) };
  const caseFile = doc.value as CaseFile;
  const out: Diagnostic[] = [];
  const checkWhen = (value: unknown, pointer: string): void => {
    if (value === undefined || value === 'unknown' || value === false) return;
    const parsed = parseWhen(value, FORM_ONLY_ZONE);
    if (!parsed.ok) {
      const pos = doc.locate(pointer);
      out.push({ code: parsed.reason.includes('ends') ? 'date-range-reversed' : 'invalid-date', severity: 'error', message: `${describePointer(pointer)}: ${parsed.reason}.`, file: doc.file, line: pos.line, column: pos.column, pointer });
    }
  };
  if (caseFile.asOf !== undefined && (!isValidIsoDate(caseFile.asOf) || yearOutOfRange(caseFile.asOf))) checkWhen(caseFile.asOf, '/asOf');
  caseFile.incidents?.forEach((inc, i) => {
    checkWhen(inc.date, `/incidents/${i}/date`);
    checkWhen(inc.reported, `/incidents/${i}/reported`);
  });
  caseFile.orders?.forEach((o, i) => {
    for (const key of ['made', 'served', 'returnDate', 'expires'] as const) checkWhen(o[key], `/orders/${i}/${key}`);
  });
  for (const key of ['learned', 'filed', 'withdrawn'] as const) checkWhen(caseFile.complaint?.[key], `/complaint/${key}`);
  checkWhen(caseFile.police?.reported, '/police/reported');
  for (const key of ['hearing', 'date'] as const) checkWhen(caseFile.proceedings?.[key], `/proceedings/${key}`);
  for (const [id, r] of Object.entries(caseFile.routes ?? {})) if (r.at !== undefined) checkWhen(r.at.slice(0, 10), `/routes/${id}/at`);
  for (const [id, j] of Object.entries(caseFile.judgments ?? {})) checkWhen(j.at.slice(0, 10), `/judgments/${id}/at`);
  return { caseFile, doc, diagnostics: out };
}

function describePointer(pointer: string): string {
  return pointer
    .slice(1)
    .split('/')
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : (i === 0 ? '' : '.') + s))
    .join('');
}

/**
 * The case's jurisdiction must be one the loaded rules declare, and each order one of its order
 * types: a misspelt one would otherwise silently match no rule. Unknown jurisdictions and order
 * types are pointed at where they are written, with the closest known one.
 */
export function checkCaseJurisdiction(caseFile: CaseFile, doc: SourceDocument, jurisdictions: readonly Jurisdiction[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (code: Diagnostic['code'], pointer: string, message: string): void => {
    const pos = doc.locate(pointer);
    out.push({ code, severity: 'error', message, file: doc.file, line: pos.line, column: pos.column, pointer });
  };
  const j = jurisdictionOf(jurisdictions, caseFile.jurisdiction);
  if (!j) {
    const known = jurisdictions.length > 0 ? `; the loaded rules declare ${listJurisdictions(jurisdictions)}` : '; no loaded rules declare any';
    push('unknown-jurisdiction', '/jurisdiction', `jurisdiction ${JSON.stringify(caseFile.jurisdiction)} is not one the rules know${known}.${didYouMeanCode(caseFile.jurisdiction, jurisdictions.map((x) => x.id))}`);
    return out;
  }
  caseFile.orders?.forEach((order, i) => {
    if (orderTypeOf(j, order.type)) return;
    const elsewhere = jurisdictions.find((x) => x !== j && orderTypeOf(x, order.type));
    const types = j.orderTypes.map((t) => t.value);
    const why = elsewhere ? `is an order type of ${elsewhere.id}, not of ${j.id}` : `is not an order type of ${j.id}`;
    push('unknown-order-type', `/orders/${i}/type`, `orders[${i}].type ${JSON.stringify(order.type)} ${why}; ${j.id} has ${types.length > 0 ? types.join(', ') : 'no order types'}.${elsewhere ? '' : didYouMeanCode(order.type, types)}`);
  });
  return out;
}

/**
 * The case against the loaded rules: its jurisdiction and order types (checkCaseJurisdiction),
 * and facts and judgments the rules ask about, with the right type: a misspelt fact would
 * otherwise silently stay unknown. `rulesets` may hold every loaded rule set; those of other
 * jurisdictions are ignored. Rule sets not loaded through loadRules carry no jurisdiction
 * manifest: then the jurisdiction cannot be checked.
 */
interface Asked {
  own: RuleSet[];
  facts: Map<string, NonNullable<RuleSet['facts']>[string]>;
  judgments: Map<string, NonNullable<RuleSet['judgments']>[string]>;
  routes: Set<string>;
}
const askedCache = new WeakMap<readonly RuleSet[], Map<string, Asked>>();

/** The facts and judgments a jurisdiction's rule sets ask, worked out once per list of rule sets. */
function askedIn(rulesets: readonly RuleSet[], jurisdiction: string): Asked {
  let byJurisdiction = askedCache.get(rulesets);
  if (!byJurisdiction) askedCache.set(rulesets, (byJurisdiction = new Map()));
  const hit = byJurisdiction.get(jurisdiction);
  if (hit) return hit;
  const own = rulesets.filter((rs) => rs.jurisdiction === jurisdiction);
  const facts: Asked['facts'] = new Map();
  const judgments: Asked['judgments'] = new Map();
  const routes = new Set<string>();
  for (const rs of own) {
    for (const id of Object.keys(rs.routes ?? {})) routes.add(id);
    for (const [id, f] of Object.entries(rs.facts ?? {})) facts.set(id, f);
    for (const [id, j] of Object.entries(rs.judgments ?? {})) judgments.set(id, j);
  }
  const asked = { own, facts, judgments, routes };
  byJurisdiction.set(jurisdiction, asked);
  return asked;
}

export function checkCaseAgainstRules(caseFile: CaseFile, doc: SourceDocument, rulesets: readonly RuleSet[], jurisdictions: readonly Jurisdiction[] = jurisdictionsOf(rulesets)): Diagnostic[] {
  const out: Diagnostic[] = jurisdictions.length > 0 ? checkCaseJurisdiction(caseFile, doc, jurisdictions) : [];
  const { own, facts, judgments, routes } = askedIn(rulesets, caseFile.jurisdiction);
  // A fact is only found in a rule set of the case's jurisdiction, whose zone its manifest declares.
  const zone = jurisdictionOf(jurisdictions, caseFile.jurisdiction)?.timeZone ?? own[0]?.timeZone ?? FORM_ONLY_ZONE;
  const push = (code: Diagnostic['code'], pointer: string, message: string): void => {
    // An unknown name is pointed at the name itself; a wrong value at the value.
    const pos = code === 'unknown-fact' || code === 'unknown-judgment' || code === 'unknown-route' ? doc.locateKey(pointer) : doc.locate(pointer);
    out.push({ code, severity: 'error', message, file: doc.file, line: pos.line, column: pos.column, pointer });
  };
  for (const [id, answer] of Object.entries(caseFile.facts ?? {})) {
    const pointer = `/facts/${id}`;
    const fact = facts.get(id);
    if (!fact) {
      push('unknown-fact', pointer, `the rules ask no fact called "${id}".${didYouMean(id, facts.keys())}`);
      continue;
    }
    const v = answerValue(answer);
    if (v === undefined) continue;
    const expect = (ok: boolean, what: string): void => {
      if (!ok) push('fact-type-mismatch', pointer, `facts.${id} must be ${what} or unknown, not ${JSON.stringify(v)}.`);
    };
    switch (fact.type) {
      case 'boolean':
        expect(typeof v === 'boolean', 'true or false');
        break;
      case 'number':
        expect(typeof v === 'number', 'a number');
        break;
      case 'date':
      case 'datetime': {
        if (typeof v !== 'string' && !(typeof v === 'object' && 'from' in v)) expect(false, 'a date');
        else {
          const parsed = parseWhen(v, zone);
          if (!parsed.ok) push('invalid-date', pointer, `facts.${id}: ${parsed.reason}.`);
        }
        break;
      }
      case 'choice': {
        const options = (fact.options ?? []).map((o) => o.value);
        if (typeof v === 'boolean' || !options.includes(String(v))) {
          push('fact-type-mismatch', pointer, `facts.${id} must be one of ${options.join(', ')} or unknown, not ${JSON.stringify(v)}.${typeof v === 'string' ? didYouMean(v, options) : ''}`);
        }
        break;
      }
      case 'duration':
        expect(typeof v === 'string' && /^P/.test(v), 'an ISO 8601 duration such as P3M');
        break;
      case 'text':
        expect(typeof v === 'string', 'text');
        break;
    }
  }
  for (const id of Object.keys(caseFile.routes ?? {})) {
    if (!routes.has(id)) push('unknown-route', `/routes/${id}`, `the rules declare no route called "${id}".${didYouMean(id, routes)}`);
  }
  for (const [id, record] of Object.entries(caseFile.judgments ?? {})) {
    const judgment = judgments.get(id);
    const pointer = `/judgments/${id}`;
    if (!judgment) {
      push('unknown-judgment', pointer, `the rules have no judgment element called "${id}".${didYouMean(id, judgments.keys())}`);
      continue;
    }
    if (record.value === 'unknown') continue;
    if (judgment.type === 'choice') {
      const options = (judgment.options ?? []).map((o) => o.value);
      // A harm category written as 2 rather than "2" means the same.
      if (typeof record.value === 'boolean' || !options.includes(String(record.value))) {
        push('judgment-value', `${pointer}/value`, `judgments.${id} must be one of ${options.join(', ')}, not ${JSON.stringify(record.value)}.`);
      }
    } else if (typeof record.value !== 'boolean') {
      push('judgment-value', `${pointer}/value`, `judgments.${id} must be true or false, not ${JSON.stringify(record.value)}.`);
    }
  }
  return out;
}
