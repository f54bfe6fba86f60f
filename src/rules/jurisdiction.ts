import { IANAZone } from 'luxon';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseSource, type SourceDocument } from '../source/document.js';
import { closest, editDistance, schemaDiagnostics } from '../source/schema-check.js';
import { validatorFor } from '../source/validators.js';
import { jurisdictionSchema } from '../schemas.js';
import type { Condition, Lang, RuleSet, Text } from './types.js';

/**
 * A jurisdiction as data: rules/<folder>/jurisdiction.yaml declares what rulecase needs to know
 * about it beside its rules (time zone, names, languages, order types, which date selects the
 * law in force). See schemas/jurisdiction.schema.json and docs/rule-language.md. Pure: IO stays
 * with the caller.
 */

/** Which date selects the version of the rules in force for a case. */
export type LawInForceOn = 'last-incident' | 'as-of';

export interface OrderType {
  /** as written in a case file's orders[].type */
  value: string;
  /** how reports name it */
  label: Text;
  /** how the interview offers it to an adviser (default: label) */
  interviewLabel?: Text;
}

export interface Jurisdiction {
  id: string;
  name: Text;
  /** an IANA zone: dates in a case are local time here, and "today" is today here */
  timeZone: string;
  /** the languages the interview offers first for it, most likely first */
  languages: Lang[];
  lawInForceOn: LawInForceOn;
  /** in the order the interview offers them */
  orderTypes: OrderType[];
  /** boolean facts a given day of a clear refusal of contact answers yes */
  refusalFacts?: string[];
}

/** The manifest's file name, one per rule folder. */
export const JURISDICTION_FILE = /^jurisdiction\.ya?ml$/i;

export function isJurisdictionFile(path: string): boolean {
  return JURISDICTION_FILE.test(path.replace(/^.*[\\/]/, ''));
}

export interface LoadedJurisdiction {
  jurisdiction?: Jurisdiction;
  doc?: SourceDocument;
  diagnostics: Diagnostic[];
}

/** Parses and checks one jurisdiction.yaml. */
export function loadJurisdictionText(file: string, text: string): LoadedJurisdiction {
  const { doc, diagnostics } = parseSource(file, text);
  if (!doc) return { diagnostics };
  const validator = validatorFor('jurisdiction', jurisdictionSchema);
  if (!validator(doc.value)) return { doc, diagnostics: schemaDiagnostics(doc, validator.errors ?? []) };
  const v = doc.value as Jurisdiction;
  const jurisdiction: Jurisdiction = { id: v.id, name: v.name, timeZone: v.timeZone, languages: v.languages, lawInForceOn: v.lawInForceOn, orderTypes: v.orderTypes, ...(v.refusalFacts ? { refusalFacts: v.refusalFacts } : {}) };
  const out: Diagnostic[] = [];
  const at = (code: Diagnostic['code'], pointer: string, message: string): void => {
    const pos = doc.locate(pointer);
    out.push({ code, severity: 'error', message, file, line: pos.line, column: pos.column, pointer });
  };
  if (!IANAZone.isValidZone(jurisdiction.timeZone)) {
    at('invalid-time-zone', '/timeZone', `${jurisdiction.timeZone} is not a time zone rulecase knows; write an IANA time zone name (Area/City, as in the tz database).`);
  }
  const seen = new Set<string>();
  jurisdiction.orderTypes.forEach((t, i) => {
    if (seen.has(t.value)) at('duplicate-id', `/orderTypes/${i}/value`, `the order type ${t.value} is declared twice; keep one.`);
    seen.add(t.value);
  });
  return { jurisdiction, doc, diagnostics: out };
}

export interface JurisdictionText {
  file: string;
  text: string;
  /** shipped with rulecase: used only for a jurisdiction that no other manifest declares */
  fallback?: boolean;
}

/**
 * Parses the manifests found with the rules. A jurisdiction declared by a manifest among the rules
 * replaces the shipped one of the same id; two such manifests for one id are an error.
 */
export function loadJurisdictionTexts(entries: readonly JurisdictionText[]): { jurisdictions: Jurisdiction[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const chosen = new Map<string, { jurisdiction: Jurisdiction; file: string; fallback: boolean }>();
  for (const { file, text, fallback = false } of entries) {
    const loaded = loadJurisdictionText(file, text);
    diagnostics.push(...loaded.diagnostics);
    const j = loaded.jurisdiction;
    if (!j || !loaded.doc) continue;
    const before = chosen.get(j.id);
    if (before && !before.fallback && !fallback) {
      const pos = loaded.doc.locate('/id');
      diagnostics.push({ code: 'duplicate-id', severity: 'error', message: `the jurisdiction ${j.id} is also declared by ${before.file}; keep one of the two.`, file, line: pos.line, column: pos.column, pointer: '/id' });
      continue;
    }
    if (!before || (before.fallback && !fallback)) chosen.set(j.id, { jurisdiction: j, file, fallback });
  }
  const jurisdictions = [...chosen.values()].map((c) => c.jurisdiction).sort((a, b) => a.id.localeCompare(b.id));
  return { jurisdictions, diagnostics };
}

export function jurisdictionOf(jurisdictions: readonly Jurisdiction[], id: string): Jurisdiction | undefined {
  return jurisdictions.find((j) => j.id === id);
}

/** The time zone of a jurisdiction, or undefined when none of the loaded manifests declares it. */
export function timeZoneOf(jurisdictions: readonly Jurisdiction[], id: string): string | undefined {
  return jurisdictionOf(jurisdictions, id)?.timeZone;
}

export function orderTypeOf(jurisdiction: Jurisdiction, value: string): OrderType | undefined {
  return jurisdiction.orderTypes.find((t) => t.value === value);
}

/** The jurisdictions that loaded rule sets belong to (linked by checkRuleSetJurisdictions), by id. */
const jurisdictionsCache = new WeakMap<readonly RuleSet[], Jurisdiction[]>();

/** The jurisdictions the loaded rule sets link to, by id; worked out once per list of rule sets. */
export function jurisdictionsOf(rulesets: readonly RuleSet[]): Jurisdiction[] {
  const hit = jurisdictionsCache.get(rulesets);
  if (hit) return hit;
  const out = collectJurisdictions(rulesets);
  jurisdictionsCache.set(rulesets, out);
  return out;
}

function collectJurisdictions(rulesets: readonly RuleSet[]): Jurisdiction[] {
  const byId = new Map<string, Jurisdiction>();
  for (const rs of rulesets) if (rs.jurisdictionRecord && !byId.has(rs.jurisdictionRecord.id)) byId.set(rs.jurisdictionRecord.id, rs.jurisdictionRecord);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** "Did you mean", but not for a code that shares nothing with the suggestion (AB is not a slip for CD). */
export function didYouMeanCode(word: string, candidates: readonly string[]): string {
  const c = closest(word, candidates);
  return c !== undefined && editDistance(word.toLowerCase(), c.toLowerCase()) < Math.max(word.length, c.length) ? ` Did you mean "${c}"?` : '';
}

/** "AB (Alphaland), CD (Ceeland)", for messages that list what is known. */
export function listJurisdictions(jurisdictions: readonly Jurisdiction[]): string {
  return jurisdictions.map((j) => `${j.id} (${j.name.en})`).join(', ');
}

/**
 * Each rule set must belong to a declared jurisdiction, read dates in its time zone, and compare
 * orders only with the order types it declares (a misspelt one would silently never match).
 * Links every rule set that passes to its jurisdiction (`jurisdictionRecord`), so what uses the
 * loaded rule sets finds the jurisdiction's names, zone and order types.
 */
export function checkRuleSetJurisdictions(sets: readonly { ruleset: RuleSet; doc: SourceDocument }[], jurisdictions: readonly Jurisdiction[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { ruleset: rs, doc } of sets) {
    const at = (code: Diagnostic['code'], pointer: string, message: string): void => {
      const pos = doc.locate(pointer);
      out.push({ code, severity: 'error', message, file: doc.file, line: pos.line, column: pos.column, pointer });
    };
    const j = jurisdictionOf(jurisdictions, rs.jurisdiction);
    if (!j) {
      const known = jurisdictions.length > 0 ? ` The loaded ones are ${listJurisdictions(jurisdictions)}.` : '';
      at('unknown-jurisdiction', '/jurisdiction', `no jurisdiction.yaml declares the jurisdiction ${rs.jurisdiction}: add one to the rule folder (see docs/rule-language.md).${known}${didYouMeanCode(rs.jurisdiction, jurisdictions.map((x) => x.id))}`);
      continue;
    }
    // A manifest whose own zone is wrong is reported there.
    if (rs.timeZone !== j.timeZone && IANAZone.isValidZone(j.timeZone)) {
      at('time-zone-mismatch', '/timeZone', `the rule set reads dates in ${rs.timeZone}, but the jurisdiction ${j.id} is in ${j.timeZone} (its jurisdiction.yaml); write timeZone: ${j.timeZone}.`);
    }
    for (const { value, pointer } of orderTypesCompared(rs)) {
      if (orderTypeOf(j, value)) continue;
      at('unknown-order-type', pointer, `${value} is not an order type of ${j.id}; its jurisdiction.yaml declares ${j.orderTypes.map((t) => t.value).join(', ') || 'none'}.${didYouMeanCode(value, j.orderTypes.map((t) => t.value))}`);
    }
    rs.jurisdictionRecord = j;
  }
  return out;
}

const ORDER_TYPE_REF = /^case\.orders\.\d+\.type$/;

/** Every literal a rule set compares an order's type with, and where it is written. */
function orderTypesCompared(rs: RuleSet): { value: string; pointer: string }[] {
  const out: { value: string; pointer: string }[] = [];
  const leaves = (c: Condition, pointer: string): void => {
    if ('all' in c) c.all.forEach((x, i) => leaves(x, `${pointer}/all/${i}`));
    else if ('any' in c) c.any.forEach((x, i) => leaves(x, `${pointer}/any/${i}`));
    else if ('not' in c) leaves(c.not, `${pointer}/not`);
    else if ('atLeast' in c) c.of.forEach((x, i) => leaves(x, `${pointer}/of/${i}`));
    else if ('firstKnown' in c) c.firstKnown.forEach((x, i) => leaves(x, `${pointer}/firstKnown/${i}`));
    else if (ORDER_TYPE_REF.test(c.check) && c.value !== undefined) {
      if (Array.isArray(c.value)) c.value.forEach((v, i) => typeof v === 'string' && out.push({ value: v, pointer: `${pointer}/value/${i}` }));
      else if (typeof c.value === 'string') out.push({ value: c.value, pointer: `${pointer}/value` });
    }
  };
  for (const [id, c] of Object.entries(rs.criteria ?? {})) leaves(c.when, `/criteria/${id}/when`);
  for (const [id, j] of Object.entries(rs.judgments ?? {})) if (j.relevantWhen) leaves(j.relevantWhen, `/judgments/${id}/relevantWhen`);
  for (const [id, d] of Object.entries(rs.deadlines ?? {})) if (d.appliesWhen) leaves(d.appliesWhen, `/deadlines/${id}/appliesWhen`);
  for (const [id, t] of Object.entries(rs.tables ?? {})) {
    if (t.relevantWhen) leaves(t.relevantWhen, `/tables/${id}/relevantWhen`);
    const columns = (t.inputs ?? []).flatMap((input, i) => (ORDER_TYPE_REF.test(input) ? [i] : []));
    t.rows.forEach((row, r) => {
      if (row.if) leaves(row.if, `/tables/${id}/rows/${r}/if`);
      for (const i of columns) {
        const v = row.match?.[i];
        if (typeof v === 'string' && v !== '-') out.push({ value: v, pointer: `/tables/${id}/rows/${r}/match/${i}` });
      }
    });
  }
  return out;
}
