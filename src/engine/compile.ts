/**
 * Compiling a checked rule set once, before any case: references become direct lookups,
 * conditions become trees whose leaves already hold their getters, and everything that depends
 * only on the rules (verified-ness, parsed lengths) is worked out here, not per case.
 */
import { parseDuration, type Extension, type ParsedDuration } from '../dates/legal-date.js';
import { parseRef, type Ref } from '../rules/refs.js';
import type { Action, CompareOp, Route, Condition, Criterion, DateExpr, Deadline, Derived, Fact, Judgment, Literal, RuleSet, Table } from '../rules/types.js';
import { escapePointer } from '../source/document.js';
import { caseValue, factValue } from './case-view.js';
import { NONE, type Ctx, type Ev } from './context.js';
import { evalCriterion, evalJudgment } from './conditions.js';
import { evalDeadline } from './deadlines.js';
import { evalDerived } from './derived.js';
import { tableValue } from './tables.js';
import { verifiedRules } from './verified.js';
import { isKnown, literalValue, type Value } from './values.js';

export type Getter = (ctx: Ctx) => Ev;

export type CondNode =
  | { kind: 'all' | 'any' | 'firstKnown'; parts: CondNode[]; pointer: string }
  | { kind: 'atLeast'; n: number; parts: CondNode[]; pointer: string }
  | { kind: 'not'; part: CondNode; pointer: string }
  | CheckNode;

export interface CheckNode {
  kind: 'check';
  pointer: string;
  ref: string;
  get: Getter;
  op?: CompareOp;
  /** the literal as written, for the trace */
  expected?: Literal | Literal[];
  /** the literal(s) as values, for comparing */
  literals: Value[];
  other?: { ref: string; get: Getter };
}

export type StartNode =
  | { kind: 'ref'; ref: string; get: Getter; askable: boolean }
  | { kind: 'latest' | 'earliest' | 'firstKnown'; parts: StartNode[] };

interface Slot {
  id: string;
  slot: number;
  verified: boolean;
}

export interface CompiledDerived extends Slot {
  def: Derived;
  selection: CompiledSelection;
}
/**
 * The incidents a derived value counts over: its filter and window. Derived values with the same
 * filter and window (a count and a first date of the same acts) share one, so each incident's
 * membership is worked out once per case for all of them.
 */
export interface CompiledSelection {
  slot: number;
  where: [field: string, wants: readonly Literal[]][];
  from?: Getter;
  until?: Getter;
}
export interface CompiledCriterion extends Slot {
  def: Criterion;
  when: CondNode;
}
export interface CompiledJudgment extends Slot {
  def: Judgment;
  /** what an unrecorded judgment needs: the adviser's judgment itself */
  ask: ReadonlySet<string>;
  relevantWhen?: CondNode;
  indicators: { ref: string; get: Getter; counter: boolean }[];
}
export interface CompiledTable extends Slot {
  def: Table;
  inputs: { ref: string; get: Getter }[];
  rows: { match?: (Value | '-')[]; if?: CondNode; output: Table['rows'][number]['output'] }[];
  relevantWhen?: CondNode;
}
export interface CompiledDeadline extends Slot {
  def: Deadline;
  start: StartNode;
  length: ParsedDuration;
  dueSoon: ParsedDuration | undefined;
  appliesWhen?: CondNode;
  satisfiedBy?: { ref: string; get: Getter };
  /** due dates by start day: they depend only on the rule, so they are kept across cases */
  dues: Map<string, Due>;
  /** the due-soon window for the last as-of date seen */
  soonFrom: string;
  soonDays: number;
}

/** A deadline's last day from one start day, before and after any calendar extension. */
export interface Due {
  due: string;
  unextended: string;
  monthEndApplied: boolean;
  extension?: Extension;
}

export interface CompiledAction {
  id: string;
  def: Action;
  verified: boolean;
  when?: CondNode;
  by?: Getter;
  done?: Getter;
  dueSoon: ParsedDuration;
}

export interface CompiledRoute {
  id: string;
  def: Route;
  applies: CondNode;
}

export interface CompiledRuleSet {
  rules: RuleSet;
  slots: number;
  routes: CompiledRoute[];
  criteria: CompiledCriterion[];
  judgments: CompiledJudgment[];
  tables: CompiledTable[];
  deadlines: CompiledDeadline[];
  actions: CompiledAction[];
}

const TWO_WEEKS: ParsedDuration = { years: 0, months: 0, weeks: 0, days: 14 };

const cache = new WeakMap<RuleSet, CompiledRuleSet>();

/** Compiles a rule set that passed its checks; the result is kept, so each rule set compiles once. */
export function compileRuleSet(rs: RuleSet): CompiledRuleSet {
  const hit = cache.get(rs);
  if (hit) return hit;
  const compiled = new Compiler(rs).compile();
  cache.set(rs, compiled);
  return compiled;
}

class Compiler {
  private slots = 0;
  private readonly verified: Map<string, boolean>;
  private readonly derived = new Map<string, CompiledDerived>();
  private readonly criteria = new Map<string, CompiledCriterion>();
  private readonly judgments = new Map<string, CompiledJudgment>();
  private readonly tables = new Map<string, CompiledTable>();
  private readonly deadlines = new Map<string, CompiledDeadline>();

  constructor(private readonly rs: RuleSet) {
    this.verified = verifiedRules(rs);
  }

  compile(): CompiledRuleSet {
    // Two passes: every rule gets its slot first, so a reference can point at any rule.
    const rs = this.rs;
    for (const [id, def] of entries(rs.derived)) this.derived.set(id, { id, def, selection: { slot: -1, where: [] }, ...this.slot(id, true) });
    for (const [id, def] of entries(rs.criteria)) this.criteria.set(id, { id, def, when: PLACEHOLDER, ...this.slot(id, this.isVerified('criteria', id)) });
    for (const [id, def] of entries(rs.judgments)) this.judgments.set(id, { id, def, ask: new Set([`judgments.${id}`]), indicators: [], ...this.slot(id, this.isVerified('judgments', id)) });
    for (const [id, def] of entries(rs.tables)) this.tables.set(id, { id, def, inputs: [], rows: [], ...this.slot(id, this.isVerified('tables', id)) });
    for (const [id, def] of entries(rs.deadlines)) {
      const length = parseDuration(def.length);
      if (!length) throw new Error(`deadline ${id}: length ${def.length} passed the checks but is not a duration`);
      this.deadlines.set(id, { id, def, start: { kind: 'firstKnown', parts: [] }, length, dueSoon: parseDuration(def.dueSoon), dues: new Map(), soonFrom: '', soonDays: 0, ...this.slot(id, this.isVerified('deadlines', id)) });
    }
    for (const d of this.derived.values()) this.fillDerived(d);
    for (const c of this.criteria.values()) c.when = this.condition(c.def.when, `/criteria/${escapePointer(c.id)}/when`);
    for (const j of this.judgments.values()) this.fillJudgment(j);
    for (const t of this.tables.values()) this.fillTable(t);
    for (const d of this.deadlines.values()) this.fillDeadline(d);
    const actions = entries(rs.actions).map(([id, def]) => this.action(id, def));
    const routes = entries(rs.routes).map(([id, def]) => ({ id, def, applies: this.condition(def.applies, `/routes/${escapePointer(id)}/applies`) }));
    return { rules: rs, slots: this.slots, routes, criteria: [...this.criteria.values()], judgments: [...this.judgments.values()], tables: [...this.tables.values()], deadlines: [...this.deadlines.values()], actions };
  }

  private slot(_id: string, verified: boolean): { slot: number; verified: boolean } {
    return { slot: this.slots++, verified };
  }

  private isVerified(kind: string, id: string): boolean {
    return this.verified.get(`${kind}.${id}`) !== false;
  }

  private readonly selections = new Map<string, CompiledSelection>();

  private fillDerived(d: CompiledDerived): void {
    const where = Object.entries(d.def.where ?? {}).flatMap(([field, want]) => (want === undefined ? [] : [[field, Array.isArray(want) ? want : [want]] as [string, Literal[]]]));
    const key = JSON.stringify([where, d.def.window?.from ?? null, d.def.window?.until ?? null]);
    const known = this.selections.get(key);
    if (known) {
      d.selection = known;
      return;
    }
    d.selection = { slot: this.slots++, where };
    if (d.def.window?.from) d.selection.from = this.ref(d.def.window.from);
    if (d.def.window?.until) d.selection.until = this.ref(d.def.window.until);
    this.selections.set(key, d.selection);
  }

  private fillJudgment(j: CompiledJudgment): void {
    if (j.def.relevantWhen) j.relevantWhen = this.condition(j.def.relevantWhen, `/judgments/${escapePointer(j.id)}/relevantWhen`);
    j.indicators = [...j.def.indicators.map((ref) => ({ ref, counter: false })), ...(j.def.counterIndicators ?? []).map((ref) => ({ ref, counter: true }))].map((x) => ({ ...x, get: this.ref(x.ref) }));
  }

  private fillTable(t: CompiledTable): void {
    t.inputs = (t.def.inputs ?? []).map((ref) => ({ ref, get: this.ref(ref) }));
    t.rows = t.def.rows.map((row, i) => ({
      ...(row.match ? { match: row.match.map((m) => (m === '-' ? '-' : literalValue(m))) } : {}),
      ...(row.if ? { if: this.condition(row.if, `/tables/${escapePointer(t.id)}/rows/${i}/if`) } : {}),
      output: row.output,
    }));
    if (t.def.relevantWhen) t.relevantWhen = this.condition(t.def.relevantWhen, `/tables/${escapePointer(t.id)}/relevantWhen`);
  }

  private fillDeadline(d: CompiledDeadline): void {
    d.start = this.start(d.def.start);
    if (d.def.appliesWhen) d.appliesWhen = this.condition(d.def.appliesWhen, `/deadlines/${escapePointer(d.id)}/appliesWhen`);
    if (d.def.satisfiedBy) d.satisfiedBy = { ref: d.def.satisfiedBy, get: this.ref(d.def.satisfiedBy) };
  }

  private action(id: string, def: Action): CompiledAction {
    return {
      id,
      def,
      verified: this.isVerified('actions', id),
      ...(def.when ? { when: this.condition(def.when, `/actions/${escapePointer(id)}/when`) } : {}),
      ...(def.by ? { by: this.ref(def.by) } : {}),
      ...(def.done ? { done: this.ref(def.done) } : {}),
      dueSoon: (def.dueSoon ? parseDuration(def.dueSoon) : undefined) ?? TWO_WEEKS,
    };
  }

  private start(e: DateExpr): StartNode {
    if (typeof e === 'string') return { kind: 'ref', ref: e, get: this.ref(e), askable: e.startsWith('case.') || e.startsWith('facts.') };
    if ('latest' in e) return { kind: 'latest', parts: e.latest.map((x) => this.start(x)) };
    if ('earliest' in e) return { kind: 'earliest', parts: e.earliest.map((x) => this.start(x)) };
    return { kind: 'firstKnown', parts: e.firstKnown.map((x) => this.start(x)) };
  }

  condition(c: Condition, pointer: string): CondNode {
    if ('all' in c) return { kind: 'all', parts: c.all.map((x, i) => this.condition(x, `${pointer}/all/${i}`)), pointer };
    if ('any' in c) return { kind: 'any', parts: c.any.map((x, i) => this.condition(x, `${pointer}/any/${i}`)), pointer };
    if ('firstKnown' in c) return { kind: 'firstKnown', parts: c.firstKnown.map((x, i) => this.condition(x, `${pointer}/firstKnown/${i}`)), pointer };
    if ('atLeast' in c) return { kind: 'atLeast', n: c.atLeast, parts: c.of.map((x, i) => this.condition(x, `${pointer}/of/${i}`)), pointer };
    if ('not' in c) return { kind: 'not', part: this.condition(c.not, `${pointer}/not`), pointer };
    const literals = c.value === undefined ? [] : (Array.isArray(c.value) ? c.value : [c.value]).map(literalValue);
    return {
      kind: 'check',
      pointer,
      ref: c.check,
      get: this.ref(c.check),
      ...(c.op !== undefined ? { op: c.op } : {}),
      ...(c.value !== undefined ? { expected: c.value } : {}),
      literals,
      ...(c.other !== undefined ? { other: { ref: c.other, get: this.ref(c.other) } } : {}),
    };
  }

  private readonly refs = new Map<string, Getter>();

  /** A reference, resolved to the rule it names; checks made sure it names one. One getter per reference text. */
  ref(text: string): Getter {
    const hit = this.refs.get(text);
    if (hit) return hit;
    const ref = parseRef(text);
    if (!ref) throw new Error(`${this.rs.id}: reference ${text} passed the checks but cannot be read`);
    const getter = this.getter(ref, text);
    this.refs.set(text, getter);
    return getter;
  }

  /**
   * A case field or fact is read by many rules: its value, with what would settle it, is kept in a
   * slot of the case's memo, so each reference is looked up (and its answer wrapped) once per case.
   */
  private memoised(compute: Getter): Getter {
    const { slot } = this.slot('', true);
    return (ctx) => {
      const hit = ctx.memo[slot];
      if (hit !== undefined) return hit as Ev;
      const ev = compute(ctx);
      ctx.memo[slot] = ev;
      return ev;
    };
  }

  private getter(ref: Ref, text: string): Getter {
    const askMe: ReadonlySet<string> = new Set([text]);
    const settled = (value: Value): Ev => ({ value, needs: isKnown(value) && !(value.t === 'date' && value.lo !== value.hi) ? NONE : askMe });
    switch (ref.kind) {
      case 'asOf':
        return (ctx) => ({ value: { t: 'date', lo: ctx.asOf, hi: ctx.asOf }, needs: NONE });
      case 'case': {
        const path = ref.path;
        return this.memoised((ctx) => settled(caseValue(ctx.view, path)));
      }
      case 'facts': {
        // A fact this rule set does not define stays unknown here (facts are asked per jurisdiction).
        const fact: Fact | undefined = this.rs.facts && Object.hasOwn(this.rs.facts, ref.id) ? this.rs.facts[ref.id] : undefined;
        const id = ref.id;
        return fact ? this.memoised((ctx) => settled(factValue(ctx.view, id, fact))) : () => ({ value: { t: 'unknown' }, needs: askMe });
      }
      case 'derived': {
        const target = this.need(this.derived, ref.id, text) as CompiledDerived;
        return (ctx) => evalDerived(ctx, target);
      }
      case 'criteria': {
        const target = this.need(this.criteria, ref.id, text) as CompiledCriterion;
        return (ctx) => {
          const c = evalCriterion(ctx, target);
          return { value: c.result === undefined ? { t: 'unknown' } : { t: 'bool', v: c.result }, needs: c.needs };
        };
      }
      case 'judgments': {
        const target = this.need(this.judgments, ref.id, text) as CompiledJudgment;
        return (ctx) => evalJudgment(ctx, target);
      }
      case 'tables': {
        const target = this.need(this.tables, ref.id, text) as CompiledTable;
        const output = ref.output;
        return (ctx) => tableValue(ctx, target, output);
      }
      case 'deadlines': {
        const target = this.need(this.deadlines, ref.id, text) as CompiledDeadline;
        const field = ref.field;
        return (ctx) => {
          const d = evalDeadline(ctx, target);
          const needs = new Set(d.result.needs.map((n) => n.ref));
          if (field === 'status') return { value: { t: 'text', v: d.result.status }, needs };
          return d.due ? { value: { t: 'date', lo: d.due.earliest, hi: d.due.latest }, needs: NONE } : { value: { t: 'unknown' }, needs };
        };
      }
    }
  }

  private need<T>(table: ReadonlyMap<string, T> | Record<string, T> | undefined, id: string, text: string): T {
    const found = table instanceof Map ? table.get(id) : table && Object.hasOwn(table, id) ? (table as Record<string, T>)[id] : undefined;
    if (found === undefined) throw new Error(`${this.rs.id}: ${text} names no rule (the checks should have caught this)`);
    return found;
  }
}

const PLACEHOLDER: CondNode = { kind: 'all', parts: [], pointer: '' };

function entries<T>(record: Record<string, T> | undefined): [string, T][] {
  return Object.entries(record ?? {});
}
