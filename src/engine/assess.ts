import type { CaseFile } from '../case/types.js';
import { checkCaseAgainstRules } from '../case/load.js';
import { lawInForceDate, lawInForceOnDate } from '../case/case-dates.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../source/document.js';
import { jurisdictionOf, jurisdictionsOf, type Jurisdiction } from '../rules/jurisdiction.js';
import type { Calendar, Lang, RuleSet } from '../rules/types.js';
import { viewCase, type CaseView } from './case-view.js';
import { compileRuleSet } from './compile.js';
import type { CoverageCollector, Ctx } from './context.js';
import { evaluatePerOrder } from './per-order.js';
import { evaluateRuleSet } from './evaluate.js';
import type { ActionResult, CaseResult, ConclusionResult, DeadlineResult, RouteResult, RouteStatus } from './result.js';
import type { CompiledRoute } from './compile.js';
import { evalCondition } from './conditions.js';

export type { CoverageCollector } from './context.js';

export interface AssessOptions {
  /** the assessment date, YYYY-MM-DD in the jurisdiction's zone; the shell supplies today */
  asOf: string;
  /** the language the case's words will be written in; the engine only passes it on */
  lang?: Lang;
  /** collect reasons and indicators (default true); a lean machine report does without them */
  reasons?: boolean;
  coverage?: CoverageCollector;
}

/**
 * The date that decides which version of the law applies, as the case's jurisdiction declares
 * (lawInForceOn in its jurisdiction.yaml); the assessment date when no manifest declares it.
 */
export function relevantDate(caseFile: CaseFile, asOf: string, jurisdiction: Jurisdiction | undefined): string {
  return jurisdiction ? lawInForceDate(caseFile, asOf, jurisdiction) : asOf;
}

/** The same, from the case's view, whose incident dates are parsed already. */
function lawDate(view: CaseView, asOf: string, jurisdiction: Jurisdiction | undefined): string {
  if (!jurisdiction) return asOf;
  let latest: string | undefined;
  for (const inc of view.incidents) if (inc.range && (latest === undefined || inc.range.latest > latest)) latest = inc.range.latest;
  return lawInForceOnDate(jurisdiction.lawInForceOn, latest, asOf);
}

/** A rule set that decides something (not only a calendar that others name). */
function isSubstantive(rs: RuleSet): boolean {
  return [rs.criteria, rs.judgments, rs.tables, rs.deadlines].some((section) => section !== undefined && Object.keys(section).length > 0);
}

export interface Selection {
  rulesets: RuleSet[];
  /** versions used outside the period they declare, to be shown to the reader */
  outOfPeriod: { ruleset: RuleSet; onDate: string }[];
}

/**
 * For each rule-set id of the case's jurisdiction, the version in force on the relevant date.
 * When no loaded version covers that date, the nearest version is used and the report says so:
 * silence would be worse than an assessment under a version the reader is warned about.
 */
export function selectRuleSets(rulesets: readonly RuleSet[], jurisdiction: string, onDate: string): Selection {
  const selected: RuleSet[] = [];
  const outOfPeriod: Selection['outOfPeriod'] = [];
  for (const versions of versionsById(rulesets, jurisdiction).values()) {
    const inForce = versions.find((rs) => rs.validFrom <= onDate && (rs.validUntil === undefined || onDate <= rs.validUntil));
    if (inForce) {
      selected.push(inForce);
      continue;
    }
    const later = versions.filter((rs) => rs.validFrom > onDate).sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
    const earlier = versions.filter((rs) => rs.validUntil !== undefined && rs.validUntil < onDate).sort((a, b) => (b.validUntil ?? '').localeCompare(a.validUntil ?? ''))[0];
    const nearest = later ?? earlier;
    if (nearest) {
      selected.push(nearest);
      outOfPeriod.push({ ruleset: nearest, onDate });
    }
  }
  // Declared order, then id: the report reads in the order the rule authors intend.
  selected.sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || collator.compare(a.id, b.id));
  return { rulesets: selected, outOfPeriod };
}

/** `a.localeCompare(b)`, the same order (the default locale's collation), without a collator built per call. */
const collator = new Intl.Collator();

const versionsCache = new WeakMap<readonly RuleSet[], Map<string, Map<string, RuleSet[]>>>();

/** A jurisdiction's substantive rule sets, their versions by id: worked out once per list of rule sets. */
function versionsById(rulesets: readonly RuleSet[], jurisdiction: string): Map<string, RuleSet[]> {
  let byJurisdiction = versionsCache.get(rulesets);
  if (!byJurisdiction) versionsCache.set(rulesets, (byJurisdiction = new Map()));
  const hit = byJurisdiction.get(jurisdiction);
  if (hit) return hit;
  const byId = new Map<string, RuleSet[]>();
  for (const rs of rulesets) if (rs.jurisdiction === jurisdiction && isSubstantive(rs)) byId.set(rs.id, [...(byId.get(rs.id) ?? []), rs]);
  byJurisdiction.set(jurisdiction, byId);
  return byId;
}

const calendarCache = new WeakMap<readonly RuleSet[], Map<string, Calendar>>();

/** Calendars from every loaded rule set, by id (a deadline may name another rule set's calendar). */
export function calendarsOf(rulesets: readonly RuleSet[]): Map<string, Calendar> {
  const hit = calendarCache.get(rulesets);
  if (hit) return hit;
  const out = new Map<string, Calendar>();
  for (const rs of rulesets) for (const [id, c] of Object.entries(rs.calendars ?? {})) out.set(id, c);
  calendarCache.set(rulesets, out);
  return out;
}

function periodWarning(rs: RuleSet, onDate: string, doc: SourceDocument): Diagnostic {
  return {
    code: 'ruleset-period',
    severity: 'warning',
    message: `no version of ${rs.id} in force on ${onDate} is loaded; version ${rs.version} (${rs.validFrom} – ${rs.validUntil ?? 'now'}) was used instead. Check that the law was the same on that date.`,
    file: doc.file,
    line: 1,
    column: 1,
    pointer: '',
  };
}

/** Assesses one loaded case: a pure function of (rule sets, case, as-of date). */
export function assessCase(rulesets: readonly RuleSet[], caseFile: CaseFile, doc: SourceDocument, options: AssessOptions, id: string, prior: readonly Diagnostic[] = []): CaseResult {
  const jurisdiction = jurisdictionOf(jurisdictionsOf(rulesets), caseFile.jurisdiction);
  const zone = jurisdiction?.timeZone ?? rulesets.find((r) => r.jurisdiction === caseFile.jurisdiction)?.timeZone ?? null;
  const view = viewCase(caseFile, zone ?? 'UTC', options.asOf);
  const onDate = lawDate(view, options.asOf, jurisdiction);
  const selection = selectRuleSets(rulesets, caseFile.jurisdiction, onDate);
  const diagnostics = sortDiagnostics([...prior, ...selection.outOfPeriod.map((o) => periodWarning(o.ruleset, onDate, doc)), ...checkCaseAgainstRules(caseFile, doc, rulesets)]);
  const base = { file: doc.file, id, jurisdiction: caseFile.jurisdiction, asOf: options.asOf, timeZone: zone };
  // An unknown jurisdiction is already reported where it is written.
  if (selection.rulesets.length === 0 && !diagnostics.some((d) => d.code === 'unknown-jurisdiction')) {
    diagnostics.push({ code: 'no-ruleset', severity: 'error', message: `no loaded rule set covers jurisdiction ${caseFile.jurisdiction} on ${onDate}.`, file: doc.file, line: 1, column: 1, pointer: '/jurisdiction' });
  }
  if (hasErrors(diagnostics)) return { ...base, status: 'invalid', diagnostics, rulesets: [], conclusions: [], deadlines: [], actions: [], routes: [] };
  const calendars = calendarsOf(rulesets);
  const conclusions: ConclusionResult[] = [];
  const deadlines: DeadlineResult[] = [];
  const actions: ActionResult[] = [];
  // Which routes apply is settled first, for every rule set: an item may name another's route.
  const statuses = new Map<string, RouteStatus>();
  const runs = selection.rulesets.map((rs) => {
    const compiled = compileRuleSet(rs);
    const ctxFor = (v: CaseView): Ctx => ({ view: v, asOf: options.asOf, calendars, memo: new Array<unknown>(compiled.slots), ruleset: rs.id, reasons: options.reasons !== false, routes: statuses, ...(options.coverage ? { coverage: options.coverage } : {}) });
    return { rs, compiled, ctxFor, ctx: ctxFor(view) };
  });
  const routes: RouteResult[] = [];
  for (const run of runs) for (const route of run.compiled.routes) routes.push(routeResult(run.ctx, route, caseFile.routes));
  for (const r of routes) statuses.set(r.id, r.status);
  for (const { rs, compiled, ctxFor, ctx } of runs) {
    const r = rs.perOrder && (caseFile.orders?.length ?? 0) > 1 ? evaluatePerOrder(compiled, view, ctxFor) : evaluateRuleSet(compiled, ctx);
    conclusions.push(...r.conclusions);
    deadlines.push(...r.deadlines);
    actions.push(...r.actions);
  }
  rankActions(actions);
  rankNeeds(conclusions, deadlines, routes);
  // Results about one of several orders name it: the report says which order, by kind and date.
  const named = conclusions.some((x) => x.order !== undefined) || deadlines.some((x) => x.order !== undefined);
  const orders = named ? (caseFile.orders ?? []).map((o) => ({ type: o.type ?? null, made: typeof o.made === 'string' ? o.made : null })) : undefined;
  // Built key by key in the report's order (spreading optional parts was a hot line of the batch).
  const result = base as CaseResult;
  if (orders) result.orders = orders;
  result.status = 'assessed';
  if (options.lang) result.lang = options.lang;
  result.diagnostics = diagnostics;
  result.rulesets = selection.rulesets.map((r) => ({ id: r.id, version: r.version }));
  result.conclusions = conclusions;
  result.deadlines = deadlines;
  result.actions = actions;
  result.routes = routes;
  return result;
}

/** A route's status: the adviser's own answer in the case file, else the rules' applies condition. */
function routeResult(ctx: Ctx, route: CompiledRoute, answers: CaseFile['routes']): RouteResult {
  const answer = answers && Object.hasOwn(answers, route.id) ? answers[route.id] : undefined;
  if (answer) return { id: route.id, ruleset: ctx.ruleset, status: answer.applies ? 'applies' : 'not_applying', decidedBy: 'adviser', ...(answer.reason ? { reason: answer.reason } : {}), needs: [] };
  const ev = evalCondition(ctx, route.applies);
  const status: RouteStatus = ev.result === true ? 'applies' : ev.result === false ? 'not_applying' : 'undetermined';
  return { id: route.id, ruleset: ctx.ruleset, status, decidedBy: 'rules', needs: status === 'undetermined' ? [...ev.needs].sort().map((ref) => ({ ref, decides: 1 })) : [] };
}

const URGENCY_RANK: Record<ActionResult['urgency'], number> = { now: 0, 'by-last-day': 1, 'when-convenient': 2 };

/**
 * What to do now, most urgent first: the now-actions (by last day), then those with a last day
 * by that day, then the rest. The sort is stable: otherwise in the order the rules declare them.
 */
function rankActions(actions: ActionResult[]): void {
  actions.sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || collator.compare(a.due ?? '9999-99-99', b.due ?? '9999-99-99'));
}

/** A fact that would decide many open elements is worth asking first: count and rank. */
function rankNeeds(conclusions: ConclusionResult[], deadlines: DeadlineResult[], routes: RouteResult[]): void {
  const counts = new Map<string, number>();
  for (const items of [conclusions, deadlines, routes]) for (const item of items) for (const n of item.needs) counts.set(n.ref, (counts.get(n.ref) ?? 0) + 1);
  for (const items of [conclusions, deadlines, routes]) {
    for (const item of items) {
      if (item.needs.length === 0) continue;
      for (const n of item.needs) n.decides = counts.get(n.ref) ?? 1;
      if (item.needs.length > 1) item.needs.sort((a, b) => b.decides - a.decides || collator.compare(a.ref, b.ref));
    }
  }
}
