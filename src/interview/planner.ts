import type { CaseFile, Incident, Order } from '../case/types.js';
import { CASE_FIELDS, caseField } from '../case/fields.js';
import { factFallbacks, gatedRefs } from './status.js';
import { assessCase } from '../engine/assess.js';
import type { CaseResult } from '../engine/result.js';
import { explainCase } from '../explain/explain.js';
import { countText } from '../explain/story.js';
import type { CaseReport, ConclusionReport } from '../explain/types.js';

type Indicator = NonNullable<ConclusionReport['indicators']>[number];
import { jurisdictionOf, jurisdictionsOf, orderTypeOf, type Jurisdiction } from '../rules/jurisdiction.js';
import { conditionRefs } from '../rules/refs.js';
import type { Lang, RuleSet } from '../rules/types.js';
import type { SourceDocument } from '../source/document.js';
import { getAnswer, unknownRefs } from './answers.js';
import { INCIDENT_KINDS, say, sayKey } from '../words/interview.js';
import { describeWhen, truncate } from './view.js';

/**
 * The planner: given the rule sets, the case so far, the as-of date and the language, which
 * question to ask next. Pure — no files, no clock. It asks only what appears in the `needs` of
 * some undetermined element or deadline (so every question can still change a verdict), the one
 * that can decide the most of them first, and never one already answered "don't know". Ties go to
 * what bears on a headline conclusion, then facts before judgments; and a judgment waits until
 * the facts it weighs that can still be asked have been (so the adviser judges on the fullest picture).
 */

export interface PlanInput {
  rulesets: readonly RuleSet[];
  caseFile: CaseFile;
  asOf: string;
  lang: Lang;
  /** how the report names the case file */
  file?: string;
}

/** A legal element or deadline whose verdict an answer could still change. */
export interface Dependent {
  id: string;
  ruleset: string;
  kind: 'criterion' | 'judgment' | 'table' | 'deadline' | 'action';
  title: string;
  status: string;
  headline: boolean;
  /** the route it belongs to, when the rule set names one */
  route?: string;
}

export type QuestionType = 'boolean' | 'choice' | 'date' | 'number' | 'text' | 'duration' | 'judgment';

export interface Question {
  /** what it answers: facts.x, judgments.x, case.complaint.learned, case.incidents.2.threat … */
  ref: string;
  type: QuestionType;
  /** the question, in the interview's language */
  text: string;
  help?: string;
  /** which incident or order it is about */
  context?: string;
  options?: { value: string; label: string }[];
  /** dates: an event that has happened (not in the future) */
  past?: boolean;
  /** dates: a time of day is allowed */
  time?: boolean;
  /** dates: a range {from, to} can be stored (case fields can; facts hold one value) */
  range?: boolean;
  unit?: string;
  /** judgments: what to show before asking */
  judgment?: { title: string; type: 'boolean' | 'choice'; indicators: Indicator[]; guidance: string };
  /** how many open elements and deadlines the answer could decide */
  decides: number;
  /** a fact asked because the judgment named here weighs it */
  weighs?: string;
  dependents: Dependent[];
}

export interface Plan {
  report: CaseReport;
  /** the question to ask now, or none: everything still open is answered "don't know" or cannot be asked */
  next?: Question;
  /** every question that can still change a verdict, in the order they would be asked */
  queue: Question[];
  /** open references answered "don't know" */
  dontKnow: string[];
  /** open references the interview cannot ask (an order that is not in the case, a derived value) */
  unaskable: string[];
}

/** The case so far as a document the engine accepts: positions do not matter for answers the interview wrote. */
function documentOf(file: string, caseFile: CaseFile): SourceDocument {
  const here = (): { line: number; column: number } => ({ line: 1, column: 1 });
  return { file, value: caseFile, locate: here, locateKey: here };
}

/** The engine's result for the case so far (for the printable report, written through the format table). */
export function resultSoFar(input: PlanInput): CaseResult {
  const file = input.file ?? 'interview';
  return assessCase(input.rulesets, input.caseFile, documentOf(file, input.caseFile), { asOf: input.asOf, lang: input.lang }, input.caseFile.id ?? file.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, ''));
}

export function assessSoFar(input: PlanInput): CaseReport {
  return explainCase(resultSoFar(input), input.rulesets, input.lang);
}

/** The rule sets the report used, or (before there is one) every rule set of the case's jurisdiction. */
function rulesetsOf(input: PlanInput, report?: CaseReport): RuleSet[] {
  const used = report?.rulesets ?? [];
  const applied = input.rulesets.filter((rs) => used.some((u) => u.id === rs.id && u.version === rs.version));
  return applied.length > 0 ? applied : input.rulesets.filter((rs) => rs.jurisdiction === input.caseFile.jurisdiction);
}

export function dependentsOf(ref: string, report: CaseReport): Dependent[] {
  const out: Dependent[] = [];
  for (const c of report.conclusions) {
    if (c.needs.some((n) => n.ref === ref)) out.push({ id: c.id, ruleset: c.ruleset, kind: c.kind, title: c.title, status: c.status, headline: c.headline, ...routeOf(c) });
  }
  for (const d of report.deadlines) {
    if (d.needs.some((n) => n.ref === ref)) out.push({ id: d.id, ruleset: d.ruleset, kind: 'deadline', title: d.title, status: d.status, headline: false, ...routeOf(d) });
  }
  for (const a of report.actions) {
    if (a.needs.some((n) => n.ref === ref)) out.push({ id: a.id, ruleset: a.ruleset, kind: 'action', title: a.title, status: a.status, headline: false, ...routeOf(a) });
  }
  return out;
}

/** The route an item of the report belongs to (items of a route not settled yet carry it). */
function routeOf(item: object): { route?: string } {
  const route = (item as { route?: unknown }).route;
  return typeof route === 'string' ? { route } : {};
}

export function plan(input: PlanInput): Plan {
  const report = assessSoFar(input);
  if (report.status !== 'assessed') return { report, queue: [], dontKnow: [], unaskable: [] };
  const skip = unknownRefs(input.caseFile);
  // A fact that stands in for a case field answered "don't know" would ask the same thing again.
  for (const [field, facts] of factFallbacks(input.rulesets)) if (skip.has(field)) for (const f of facts) skip.add(f);
  // A question that only makes sense after an answer that stays open ("by whom" when it is not known whether a complaint was made) waits.
  const dead = (gate: string): boolean => skip.has(gate) || (gate.startsWith('criteria.') && report.conclusions.some((c) => `criteria.${c.id}` === gate && c.status === 'undetermined' && c.needs.every((n) => skip.has(n.ref))));
  const waits = new Set<string>();
  // An order until further order has no expiry date to ask for.
  (input.caseFile.orders ?? []).forEach((o, i) => {
    if (o.indefinite === true) waits.add(`case.orders.${i}.expires`);
  });
  for (const [ref, places] of gatedRefs(input.rulesets)) if (!skip.has(ref) && places.every((gates) => gates.some(dead))) waits.add(ref);
  // Every open reference that can still change what the adviser is told: a headline conclusion,
  // a deadline's status, an action's presence or last day. An element below a headline that is
  // already settled, or a table that feeds no headline (sentencing culpability), cannot: it is not asked.
  const order: string[] = [];
  const items = [...report.conclusions.filter((c) => c.headline), ...report.deadlines, ...report.actions];
  for (const item of items) for (const n of item.needs) if (!order.includes(n.ref)) order.push(n.ref);
  const dontKnow: string[] = [];
  const unaskable: string[] = [];
  const candidates: Question[] = [];
  for (const ref of order) {
    if (skip.has(ref)) {
      dontKnow.push(ref);
      continue;
    }
    if (waits.has(ref)) {
      unaskable.push(ref);
      continue;
    }
    const q = questionFor(ref, input, report);
    if (q) candidates.push(q);
    else unaskable.push(ref);
  }
  const rank = (q: Question): number[] => [-q.decides, q.dependents.some((d) => d.headline) ? 0 : 1, q.type === 'judgment' ? 1 : 0, order.indexOf(q.ref)];
  const sorted = [...candidates].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if ((ra[i] as number) !== (rb[i] as number)) return (ra[i] as number) - (rb[i] as number);
    return 0;
  });
  // A judgment weighs facts: while a fact it weighs (an indicator, or what decides whether it is
  // relevant) can still be asked, that comes first, so the adviser judges on the fullest picture.
  // The judgment moves to just after the last of them, and otherwise keeps its place.
  const queue = sorted.filter((q) => q.type !== 'judgment');
  for (const j of sorted.filter((q) => q.type === 'judgment')) {
    const inputs = judgmentInputs(j.ref, input, report);
    const waitsFor = (q: Question): boolean => inputs.includes(q.ref) || (inputs.includes('case.incidents') && q.ref.startsWith('case.incidents.'));
    const last = queue.reduce((at, q, i) => (waitsFor(q) ? i : at), -1);
    const own = queue.findIndex((q) => sorted.indexOf(q) > sorted.indexOf(j));
    let at = Math.max(last + 1, own === -1 ? queue.length : own);
    // Judgments that waited for the same facts keep their own order among themselves.
    while (at < queue.length && queue[at]?.type === 'judgment' && sorted.indexOf(queue[at] as Question) < sorted.indexOf(j)) at++;
    queue.splice(at, 0, j);
  }
  // The facts a judgment weighs are asked just before it, as ordinary questions: the adviser
  // judges on the fullest picture without a detour.
  for (let i = 0; i < queue.length; i++) {
    const j = queue[i] as Question;
    if (j.type !== 'judgment') continue;
    // A free-text fact is not asked here: no rule compares it, so it cannot change a result; the
    // adviser weighs it in the reason given with the judgment (and can record it in the review).
    const before = indicatorQuestions(j.ref, input, report).filter((q) => q.type !== 'text' && !queue.some((x) => x.ref === q.ref));
    queue.splice(i, 0, ...before.map((q) => ({ ...q, weighs: j.ref })));
    i += before.length;
  }
  return { report, ...(queue[0] ? { next: queue[0] } : {}), queue, dontKnow, unaskable };
}

/** What a judgment weighs: its indicators and its relevance condition; "case.incidents" for values over incidents. */
function judgmentInputs(ref: string, input: PlanInput, report: CaseReport): string[] {
  const id = ref.slice('judgments.'.length);
  const rs = rulesetsOf(input, report).find((r) => r.judgments?.[id]);
  const j = rs?.judgments?.[id];
  if (!j) return [];
  const refs = [...j.indicators, ...(j.counterIndicators ?? []), ...(j.relevantWhen ? conditionRefs(j.relevantWhen, '').map((x) => x.ref) : [])];
  return refs.map((r) => (r.startsWith('derived.') ? 'case.incidents' : r));
}

/**
 * The facts a judgment weighs that are still unknown: its indicator facts, and the incident details
 * its indicators count (threat, refusal …). They decide no verdict themselves — the adviser's
 * judgment does — so the planner never asks them; the adviser may choose to fill them in first.
 */
export function indicatorQuestions(ref: string, input: PlanInput, report: CaseReport = assessSoFar(input)): Question[] {
  const id = ref.slice('judgments.'.length);
  const rs = rulesetsOf(input, report).find((r) => r.judgments?.[id]);
  const j = rs?.judgments?.[id];
  if (!rs || !j) return [];
  const skip = unknownRefs(input.caseFile);
  const refs: string[] = [];
  for (const r of [...j.indicators, ...(j.counterIndicators ?? [])]) {
    if (r.startsWith('facts.')) refs.push(r);
    const derived = r.startsWith('derived.') ? rs.derived?.[r.slice('derived.'.length)] : undefined;
    if (!derived) continue;
    const fields = [...Object.keys(derived.where ?? {}), ...(derived.field ? [derived.field] : [])].filter((f) => INCIDENT_FIELDS.has(f));
    for (const f of fields) (input.caseFile.incidents ?? []).forEach((inc, i) => refs.push(`case.incidents.${i}.${f}`));
  }
  const out: Question[] = [];
  for (const r of [...new Set(refs)]) {
    if (skip.has(r) || getAnswer(input.caseFile, r) !== undefined) continue;
    const q = questionFor(r, input, report);
    // An incident's channel is free text the kind already covers: not worth a question of its own.
    if (q && q.type !== 'judgment' && !(q.type === 'text' && r.startsWith('case.incidents.'))) out.push(q);
  }
  return out;
}

/** Incident details the interview can ask about one by one. */
const INCIDENT_FIELDS = new Set(['kind', 'channel', 'direct', 'threat', 'violence', 'afterRefusal', 'inPlace', 'victimInitiated']);
/** Yes/no details of an incident, from the case-field table. */
const YES_NO_INCIDENT_FIELDS = new Set(CASE_FIELDS.filter((f) => f.path.startsWith('incidents.N.') && f.type === 'boolean').map((f) => f.path.slice('incidents.N.'.length)));

/** The question that answers a reference (whether or not it is open now), or undefined when the interview cannot ask it. */
export function questionFor(ref: string, input: PlanInput, report: CaseReport = assessSoFar(input)): Question | undefined {
  const dependents = report.status === 'assessed' ? dependentsOf(ref, report) : [];
  const base: QuestionBase = { ref, decides: dependents.length, dependents };
  const parts = ref.split('.');
  if (parts[0] === 'facts' && parts.length === 2) return factQuestion(parts[1] as string, base, input, report);
  if (parts[0] === 'judgments' && parts.length === 2) return judgmentQuestion(parts[1] as string, base, input, report);
  if (parts[0] !== 'case') return undefined;
  if (parts[1] === 'complaint' && parts.length === 3 && ['learned', 'filed', 'withdrawn'].includes(parts[2] as string)) {
    const key = parts[2] as 'learned' | 'filed' | 'withdrawn';
    return { ...base, type: 'date', range: true, past: true, text: sayKey(input.lang, `q.complaint.${key}`), help: sayKey(input.lang, `h.complaint.${key}`) };
  }
  if (parts[1] === 'incidents' && parts.length === 4) return incidentQuestion(Number(parts[2]), parts[3] as string, base, input);
  if (parts[1] === 'orders' && parts.length >= 4) return orderQuestion(Number(parts[2]), parts.slice(3).join('.'), base, input) ?? fieldQuestion(parts.slice(1), base, input);
  return fieldQuestion(parts.slice(1), base, input);
}

/**
 * Any other case field a rule reads (a new rule set's proceedings.stage, an order's distance):
 * asked in the words of the case-field table, so new rules get their facts without interview code.
 */
function fieldQuestion(path: string[], base: QuestionBase, input: PlanInput): Question | undefined {
  const field = caseField(path);
  if (!field || !field.referable) return undefined;
  if ((path[0] === 'orders' || path[0] === 'incidents') && !(input.caseFile[path[0]] ?? [])[Number(path[1])]) return undefined;
  const text = sayKey(input.lang, 'genericField', { label: field.label[input.lang] });
  switch (field.type) {
    case 'date':
      return { ...base, type: 'date', range: true, text };
    case 'boolean':
      return { ...base, type: 'boolean', text };
    case 'number':
      return { ...base, type: 'number', text };
    case 'text':
      return { ...base, type: 'text', text };
    case 'code':
      return field.options ? { ...base, type: 'choice', text, options: field.options.map((o) => ({ value: o.value, label: o.label[input.lang] })) } : { ...base, type: 'text', text };
  }
}

type QuestionBase = Pick<Question, 'ref' | 'decides' | 'dependents'>;

function factQuestion(id: string, base: QuestionBase, input: PlanInput, report: CaseReport): Question | undefined {
  const lang = input.lang;
  const fact = rulesetsOf(input, report).find((rs) => rs.facts?.[id])?.facts?.[id];
  if (!fact) return undefined;
  const common = { ...base, text: fact.question[lang], help: fact.help[lang], ...(fact.unit ? { unit: fact.unit[lang] } : {}) };
  switch (fact.type) {
    case 'boolean':
      return { ...common, type: 'boolean' };
    case 'choice':
      return { ...common, type: 'choice', options: (fact.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] })) };
    case 'date':
      // A date fact may be known only roughly: the case file keeps it as a {from, to} range.
      return { ...common, type: 'date', range: true };
    case 'datetime':
      return { ...common, type: 'date', range: false, time: true };
    case 'number':
      return { ...common, type: 'number' };
    case 'duration':
      return { ...common, type: 'duration' };
    case 'text':
      return { ...common, type: 'text' };
  }
}

function judgmentQuestion(id: string, base: QuestionBase, input: PlanInput, report: CaseReport): Question | undefined {
  const lang = input.lang;
  const rs = rulesetsOf(input, report).find((r) => r.judgments?.[id]);
  const j = rs?.judgments?.[id];
  if (!rs || !j) return undefined;
  const reported = report.conclusions.find((c) => c.kind === 'judgment' && c.id === id && c.ruleset === rs.id);
  const type = j.type ?? 'boolean';
  return {
    ...base,
    type: 'judgment',
    text: j.question[lang],
    help: j.help[lang],
    ...(type === 'choice' ? { options: (j.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] })) } : {}),
    judgment: { title: j.title[lang], type, indicators: reported?.indicators ?? [], guidance: j.help[lang] },
  };
}

function incidentQuestion(index: number, field: string, base: QuestionBase, input: PlanInput): Question | undefined {
  const lang = input.lang;
  const incident = input.caseFile.incidents?.[index];
  if (!incident || !Number.isInteger(index)) return undefined;
  const context = say(lang, 'incidentContext', { n: index + 1, what: incidentSummary(incident, lang) });
  const text = sayKey(lang, `q.incidents.${field}`);
  switch (field) {
    case 'date':
      return { ...base, context, type: 'date', range: true, past: true, time: true, text };
    case 'kind':
      return { ...base, context, type: 'choice', text, options: INCIDENT_KINDS.map((k) => ({ value: k, label: sayKey(lang, `kind.${k}`) })) };
    case 'channel':
    case 'description':
      return { ...base, context, type: 'text', text };
    default:
      return YES_NO_INCIDENT_FIELDS.has(field) ? { ...base, context, type: 'boolean', text } : undefined;
  }
}

function orderQuestion(index: number, field: string, base: QuestionBase, input: PlanInput): Question | undefined {
  const lang = input.lang;
  const order = input.caseFile.orders?.[index];
  // An order the case does not hold cannot be asked about field by field: it is added in the orders step.
  if (!order || !Number.isInteger(index)) return undefined;
  const jurisdiction = caseJurisdiction(input);
  const context = say(lang, 'orderContext', { n: index + 1, what: orderSummary(order, lang, jurisdiction) });
  const text = sayKey(lang, `q.orders.${field}`);
  switch (field) {
    case 'type':
      return { ...base, context, type: 'choice', text, options: (jurisdiction?.orderTypes ?? []).map((t) => ({ value: t.value, label: orderTypeName(jurisdiction, t.value, lang) })) };
    case 'made':
    case 'served':
      return { ...base, context, type: 'date', range: true, past: true, text };
    case 'court':
      return { ...base, context, type: 'text', text };
    case 'returnDate':
    case 'expires':
      return { ...base, context, type: 'date', range: true, text };
    case 'withoutNotice':
    case 'indefinite':
    case 'terms.directContact':
    case 'terms.indirectContact':
    case 'terms.socialMedia':
    case 'terms.violence':
    case 'terms.molestation':
      return { ...base, context, type: 'boolean', text };
    default:
      return undefined;
  }
}

/** "1–30 oktober 2026 · een bericht · 12× · “Twaalf berichten …”" */
export function incidentSummary(incident: Incident, lang: Lang, withDescription = true): string {
  const count = countText(incident.count, lang);
  return [describeWhen(incident.date, lang), incident.kind ? sayKey(lang, `kind.${incident.kind}`) : undefined, count && `${count}×`, withDescription && incident.description ? `“${truncate(incident.description, 48)}”` : undefined].filter(Boolean).join(' · ');
}

/** The case's jurisdiction, as the manifest linked to the loaded rule sets declares it. */
export function caseJurisdiction(input: Pick<PlanInput, 'rulesets' | 'caseFile'>): Jurisdiction | undefined {
  return jurisdictionOf(jurisdictionsOf(input.rulesets), input.caseFile.jurisdiction);
}

/** An order type as the interview offers it; the value itself when the jurisdiction does not declare it. */
export function orderTypeName(jurisdiction: Jurisdiction | undefined, value: string, lang: Lang): string {
  const t = jurisdiction ? orderTypeOf(jurisdiction, value) : undefined;
  return t ? (t.interviewLabel ?? t.label)[lang] : value;
}

export function orderSummary(order: Order, lang: Lang, jurisdiction: Jurisdiction | undefined): string {
  return [orderTypeName(jurisdiction, order.type, lang), order.made !== undefined ? describeWhen(order.made, lang) : undefined].filter(Boolean).join(' · ');
}

/** Every string in a rule set, for a cheap "does it ever mention …" test. */
function mentions(rs: RuleSet, test: (s: string) => boolean): boolean {
  const walk = (v: unknown): boolean => (typeof v === 'string' ? test(v) : Array.isArray(v) ? v.some(walk) : v !== null && typeof v === 'object' ? Object.values(v).some(walk) : false);
  return walk({ derived: rs.derived, criteria: rs.criteria, judgments: rs.judgments, tables: rs.tables, deadlines: rs.deadlines });
}

/** Whether the jurisdiction's rules look at incidents at all (any value computed over them). */
export function usesIncidents(rulesets: readonly RuleSet[], jurisdiction: string): boolean {
  return rulesets.some((rs) => rs.jurisdiction === jurisdiction && Object.keys(rs.derived ?? {}).length > 0);
}

/** Whether the jurisdiction's rules look at orders (case.orders.N…). */
export function usesOrders(rulesets: readonly RuleSet[], jurisdiction: string): boolean {
  return rulesets.some((rs) => rs.jurisdiction === jurisdiction && mentions(rs, (s) => s.startsWith('case.orders.')));
}
