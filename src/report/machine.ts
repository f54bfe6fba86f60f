/**
 * Machine output (JSON, NDJSON): per case only what a script needs — ids, statuses, dates, days
 * left, what is still needed (as references) and what must be done. The rule sets' titles,
 * sources and notes appear once, in the envelope; `--detail full` adds every reason, value,
 * explanation and citation to each case.
 */
import type { ActionResult, CaseResult } from '../engine/result.js';
import type { Flag } from '../engine/triage.js';
import { verifiedRules } from '../engine/verified.js';
import { explainCase } from '../explain/explain.js';
import type { CaseReport } from '../explain/types.js';
import type { Lang, RuleMeta, RuleSet, Source } from '../rules/types.js';

export const REPORT_SCHEMA_VERSION = '2.0';

export type Detail = 'lean' | 'full';
export const DETAILS: readonly Detail[] = ['lean', 'full'];

export interface LeanDeadline {
  id: string;
  status: string;
  due: string | null;
  earliest?: string;
  latest?: string;
  daysLeft: number | null;
}

export interface LeanAction {
  id: string;
  title: string;
  who: string;
  status: string;
  due: string | null;
  daysLeft: number | null;
  conditional?: true;
  urgency: string;
  /** the route it belongs to, while that route is undetermined */
  route?: string;
}

export interface LeanCase {
  file: string;
  id: string;
  jurisdiction: string | null;
  asOf: string | null;
  timeZone: string | null;
  status: CaseResult['status'];
  /** what the case needs from whoever triages it: invalid, expired, due, undetermined */
  triage: Flag[];
  /** what to do now, by its last day: who should do what, by when, and why (in the case's language) */
  actions: LeanAction[];
  /** each route → applies | not_applying | undetermined (items of routes not applying are left out) */
  routes: Record<string, string>;
  /** rule-set id → version used */
  rulesets: Record<string, string>;
  /** each headline conclusion, `<rule set>.<id>` → met | not_met | undetermined */
  conclusions: Record<string, string>;
  /** `<rule set>.<id>` → a judgment's value or a table's outputs, where there is one */
  values?: Record<string, unknown>;
  /** every deadline that applies to the case (or may) */
  deadlines: LeanDeadline[];
  /** the inputs that would still decide something, most decisive first */
  needs: string[];
  diagnostics: CaseResult['diagnostics'];
}

export type FullCase = Omit<CaseReport, 'story'> & { triage: Flag[] };

/** Each action's title, looked up in its rule set: all a lean line says of it in words. */
function actionTitles(r: CaseResult, rulesets: readonly RuleSet[], lang: Lang): (ActionResult & { title: string })[] {
  return r.actions.map((a) => {
    const version = r.rulesets.find((x) => x.id === a.ruleset)?.version;
    const def = rulesets.find((rs) => rs.id === a.ruleset && rs.version === version)?.actions?.[a.id];
    return { ...a, title: def ? def.title[lang] : a.id };
  });
}

/** `a.localeCompare(b)`, the same order, without a collator built per call (this sorts every case's needs). */
const collator = new Intl.Collator();

export function leanCase(r: CaseResult, triage: Flag[], actions: readonly (ActionResult & { title: string })[]): LeanCase {
  const conclusions: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  // The headline conclusions: the intermediate elements are in --detail full.
  for (const c of r.conclusions) {
    if (!c.headline) continue;
    const key = `${c.ruleset}.${c.id}`;
    conclusions[key] = c.status;
    if (c.value !== undefined) values[key] = c.value;
    else if (c.outputs !== undefined) values[key] = c.outputs;
  }
  const decides = new Map<string, number>();
  for (const items of [r.conclusions, r.deadlines, r.routes ?? []]) for (const item of items) for (const n of item.needs) decides.set(n.ref, n.decides);
  return {
    file: r.file,
    id: r.id,
    jurisdiction: r.jurisdiction,
    asOf: r.asOf,
    timeZone: r.timeZone,
    status: r.status,
    triage,
    actions: actions.map((a) => ({ id: `${a.ruleset}.${a.id}`, title: a.title, who: a.who, status: a.status, due: a.due, daysLeft: a.daysLeft, ...(a.conditional ? { conditional: a.conditional } : {}), urgency: a.urgency, ...(a.route ? { route: a.route } : {}) })),
    routes: Object.fromEntries((r.routes ?? []).map((x) => [x.id, x.status])),
    rulesets: Object.fromEntries(r.rulesets.map((x) => [x.id, x.version])),
    conclusions,
    ...(Object.keys(values).length > 0 ? { values } : {}),
    deadlines: r.deadlines.filter((d) => d.status !== 'not_applicable').map(leanDeadline),
    needs: [...decides.entries()].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).map(([ref]) => ref),
    diagnostics: r.diagnostics,
  };
}

/** A deadline as a lean line shows it, key by key (conditional spreads were a hot spot of the batch). */
function leanDeadline(d: CaseResult['deadlines'][number]): LeanDeadline {
  const out = { id: `${d.ruleset}.${d.id}`, status: d.status, due: d.due } as LeanDeadline;
  if (d.earliest !== undefined) out.earliest = d.earliest;
  if (d.latest !== undefined) out.latest = d.latest;
  out.daysLeft = d.daysLeft;
  return out;
}

/** One case for machine output, at the detail asked for. */
export function machineCase(r: CaseResult, options: { detail: Detail; triage: Flag[]; rulesets: readonly RuleSet[]; lang: Lang }): LeanCase | FullCase {
  const lang = r.lang ?? options.lang;
  if (options.detail === 'lean') return leanCase(r, options.triage, actionTitles(r, options.rulesets, lang));
  // The case's own story stays out of machine output: a script has the case file.
  const full: CaseReport = explainCase(r, options.rulesets, lang);
  delete full.story;
  return { ...full, triage: options.triage };
}

interface RuleInfo {
  title: string;
  cite: string[];
  checked: string;
  verified: boolean;
  headline?: true;
  note?: string;
}

export interface RulesetInfo {
  id: string;
  version: string;
  jurisdiction: string;
  title: string;
  validFrom: string;
  validUntil: string | null;
  file: string;
  sources: Record<string, Omit<Source, 'note'> & { note?: string }>;
  conclusions: Record<string, RuleInfo & { kind: 'criterion' | 'judgment' | 'table' }>;
  deadlines: Record<string, RuleInfo>;
  /** why each action is advised, said once: a case's lean line names the action and its last day */
  actions: Record<string, RuleInfo & { who: string; because: string }>;
}

/** What every case refers to, said once: each rule set's titles, citations, sources and notes. */
export function rulesetInfo(rs: RuleSet, lang: Lang): RulesetInfo {
  const verified = verifiedRules(rs);
  const info = (kind: string, id: string, r: RuleMeta & { conclusion?: boolean }): RuleInfo => ({
    title: r.title[lang],
    cite: r.cite,
    checked: r.checked,
    verified: verified.get(`${kind}.${id}`) !== false,
    ...(r.conclusion ? { headline: true as const } : {}),
    ...(r.note ? { note: r.note[lang] } : {}),
  });
  const conclusions: RulesetInfo['conclusions'] = {};
  for (const [id, r] of Object.entries(rs.criteria ?? {})) conclusions[id] = { kind: 'criterion', ...info('criteria', id, r) };
  for (const [id, r] of Object.entries(rs.judgments ?? {})) conclusions[id] = { kind: 'judgment', ...info('judgments', id, r) };
  for (const [id, r] of Object.entries(rs.tables ?? {})) conclusions[id] = { kind: 'table', ...info('tables', id, r) };
  return {
    id: rs.id,
    version: rs.version,
    jurisdiction: rs.jurisdiction,
    title: rs.title[lang],
    validFrom: rs.validFrom,
    validUntil: rs.validUntil ?? null,
    file: rs.file,
    sources: Object.fromEntries(Object.entries(rs.sources).map(([id, { note, ...s }]) => [id, { ...s, ...(note ? { note: note[lang] } : {}) }])),
    conclusions,
    deadlines: Object.fromEntries(Object.entries(rs.deadlines ?? {}).map(([id, r]) => [id, info('deadlines', id, r)])),
    actions: Object.fromEntries(Object.entries(rs.actions ?? {}).map(([id, a]) => [id, { ...info('actions', id, a), who: a.who, because: a.because[lang] }])),
  };
}

export interface Envelope {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'rulecase'; version: string };
  asOf: string | null;
  lang: Lang;
  detail: Detail;
  rulesets: RulesetInfo[];
}

export function envelopeHead(options: { version: string; asOf: string | null; lang: Lang; detail: Detail; rulesets: readonly RuleSet[] }): Envelope {
  return { schemaVersion: REPORT_SCHEMA_VERSION, tool: { name: 'rulecase', version: options.version }, asOf: options.asOf, lang: options.lang, detail: options.detail, rulesets: options.rulesets.map((rs) => rulesetInfo(rs, options.lang)) };
}
