/**
 * What the rule book is made of, and the cross-references it needs: which rule reads which, which
 * tests assert which rule, what coverage the tests reached in each rule, and where each thing has
 * its page and anchor. Pure: the command gathers the rules, the test results and the coverage.
 */
import { conditionRefs, dateExprRefs, parseRef } from '../rules/refs.js';
import type { Jurisdiction } from '../rules/jurisdiction.js';
import type { CoverageItem, RuleSetCoverage, TestStatus } from '../rules/tests.js';
import type { Lang, RuleMeta, RuleSet } from '../rules/types.js';

/** The sections of a rule set that have entries in the book, in the order the page shows them. */
export const SECTIONS = ['routes', 'criteria', 'judgments', 'tables', 'deadlines', 'actions', 'derived', 'facts', 'calendars', 'sources'] as const;
export type Section = (typeof SECTIONS)[number];
/** The sections whose entries are rules: with sources, a checked date, verification and tests. */
export const RULE_SECTIONS = ['routes', 'criteria', 'judgments', 'tables', 'deadlines', 'actions'] as const;
export type RuleSection = (typeof RULE_SECTIONS)[number];

/** One rule test, with the rules it asserts (by rule set id and version). */
export interface BookTest {
  name: string;
  /** the test file's name, as a maintainer finds it */
  file: string;
  status: TestStatus;
  asserts: { ruleset: string; version: string; section: RuleSection; id: string }[];
}

export interface BookInput {
  rulesets: readonly RuleSet[];
  jurisdictions: readonly Jurisdiction[];
  tests: readonly BookTest[];
  coverage: readonly RuleSetCoverage[];
  lang: Lang;
  /** the day review dates are due against */
  asOf: string;
  toolVersion: string;
}

/** A place in the book: a page, and an anchor on it. */
export interface Place {
  page: string;
  anchor: string;
}

/** A thing a rule set declares, as the book names it: `criteria.belaging`, `sources.sr-66`. */
export const entryKey = (section: string, id: string): string => `${section}.${id}`;

export class Book {
  /** the page of each rule set (by its object) */
  readonly pages = new Map<RuleSet, string>();
  private readonly readBy = new Map<RuleSet, Map<string, Set<string>>>();
  private readonly reads = new Map<RuleSet, Map<string, string[]>>();
  private readonly testsOf = new Map<string, BookTest[]>();

  constructor(readonly input: BookInput) {
    const ids = new Map<string, number>();
    for (const rs of input.rulesets) ids.set(rs.id, (ids.get(rs.id) ?? 0) + 1);
    // One page per rule set; a rule set with versions for several periods gets one per version.
    for (const rs of this.rulesets) this.pages.set(rs, slug((ids.get(rs.id) ?? 0) > 1 ? `${rs.id}-${rs.version}` : rs.id));
    for (const rs of this.rulesets) this.index(rs);
    for (const t of input.tests) {
      for (const a of t.asserts) {
        const key = `${a.ruleset}@${a.version}:${entryKey(a.section, a.id)}`;
        const list = this.testsOf.get(key) ?? [];
        if (!list.includes(t)) list.push(t);
        this.testsOf.set(key, list);
      }
    }
  }

  /** Rule sets by jurisdiction, then their report order, id and period. */
  get rulesets(): RuleSet[] {
    return [...this.input.rulesets].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id) || a.validFrom.localeCompare(b.validFrom));
  }

  page(rs: RuleSet): string {
    return this.pages.get(rs) ?? slug(rs.id);
  }

  place(rs: RuleSet, section: string, id: string): Place {
    const page = this.page(rs);
    return { page, anchor: `${page}--${section}--${slug(id)}` };
  }

  /** The entries that read this one (as `section.id`). */
  readersOf(rs: RuleSet, key: string): string[] {
    return [...(this.readBy.get(rs)?.get(key) ?? [])].sort();
  }

  /** The references an entry reads, as written in the rule file. */
  refsOf(rs: RuleSet, key: string): string[] {
    return this.reads.get(rs)?.get(key) ?? [];
  }

  /** Every place a case field is read from, over every rule set: generic path → entries. */
  caseFieldReaders(): Map<string, { rs: RuleSet; key: string }[]> {
    const out = new Map<string, { rs: RuleSet; key: string }[]>();
    for (const rs of this.rulesets)
      for (const [key, refs] of this.reads.get(rs) ?? [])
        for (const ref of refs) {
          const r = parseRef(ref);
          if (r?.kind !== 'case') continue;
          const path = r.path.map((p) => (/^\d+$/.test(p) ? 'N' : p)).join('.');
          const list = out.get(path) ?? [];
          if (!list.some((x) => x.rs === rs && x.key === key)) list.push({ rs, key });
          out.set(path, list);
        }
    return out;
  }

  testsFor(rs: RuleSet, section: RuleSection, id: string): BookTest[] {
    return this.testsOf.get(`${rs.id}@${rs.version}:${entryKey(section, id)}`) ?? [];
  }

  coverageOf(rs: RuleSet): RuleSetCoverage | undefined {
    return this.input.coverage.find((c) => c.ruleset === rs.id && c.version === rs.version);
  }

  /** The coverage items that belong to one entry (its conditions, its rows, its date arithmetic). */
  coverageItems(rs: RuleSet, section: string, id: string): CoverageItem[] {
    const base = `/${section}/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return (this.coverageOf(rs)?.items ?? []).filter((i) => i.pointer === base || i.pointer.startsWith(base + '/'));
  }

  /** The rule set that declares a route or calendar: its own, else one of its jurisdiction's (ids are the jurisdiction's). */
  owner(rs: RuleSet, section: 'routes' | 'calendars', id: string): RuleSet | undefined {
    const own = (r: RuleSet): boolean => r[section] !== undefined && Object.hasOwn(r[section] as object, id);
    return own(rs) ? rs : (this.rulesets.find((r) => r.jurisdiction === rs.jurisdiction && own(r)) ?? this.rulesets.find(own));
  }

  /** The items of every rule set of the jurisdiction that name a route, as rule set and `section.id`. */
  routeItems(owner: RuleSet, route: string): { rs: RuleSet; key: string }[] {
    const out: { rs: RuleSet; key: string }[] = [];
    for (const rs of this.rulesets) {
      if (rs.jurisdiction !== owner.jurisdiction) continue;
      for (const section of ['criteria', 'judgments', 'tables', 'deadlines', 'actions'] as const)
        for (const [id, item] of Object.entries((rs[section] ?? {}) as Record<string, { route?: string }>)) if (item.route === route) out.push({ rs, key: entryKey(section, id) });
    }
    return out;
  }

  /** The rule of a rule section, if the rule set declares it. */
  rule(rs: RuleSet, section: RuleSection, id: string): RuleMeta | undefined {
    const s = rs[section] as Record<string, RuleMeta> | undefined;
    return s && Object.hasOwn(s, id) ? s[id] : undefined;
  }

  /** What each entry reads, and so what reads each entry. */
  private index(rs: RuleSet): void {
    const reads = new Map<string, string[]>();
    const add = (key: string, refs: string[]): void => {
      reads.set(key, [...new Set(refs)]);
    };
    const refsIn = (f: (out: { ref: string; pointer: string }[]) => void): string[] => {
      const out: { ref: string; pointer: string }[] = [];
      f(out);
      return out.map((r) => r.ref);
    };
    for (const [id, r] of Object.entries(rs.routes ?? {})) add(entryKey('routes', id), refsIn((o) => conditionRefs(r.applies, '', o)));
    for (const [id, c] of Object.entries(rs.criteria ?? {})) add(entryKey('criteria', id), refsIn((o) => conditionRefs(c.when, '', o)));
    for (const [id, j] of Object.entries(rs.judgments ?? {})) add(entryKey('judgments', id), [...j.indicators, ...(j.counterIndicators ?? []), ...refsIn((o) => j.relevantWhen && conditionRefs(j.relevantWhen, '', o))]);
    for (const [id, t] of Object.entries(rs.tables ?? {}))
      add(entryKey('tables', id), [...(t.inputs ?? []), ...refsIn((o) => t.relevantWhen && conditionRefs(t.relevantWhen, '', o)), ...refsIn((o) => t.rows.forEach((r) => r.if && conditionRefs(r.if, '', o)))]);
    for (const [id, d] of Object.entries(rs.deadlines ?? {}))
      add(entryKey('deadlines', id), [...refsIn((o) => dateExprRefs(d.start, '', o)), ...refsIn((o) => d.appliesWhen && conditionRefs(d.appliesWhen, '', o)), ...(d.satisfiedBy ? [d.satisfiedBy] : [])]);
    for (const [id, a] of Object.entries(rs.actions ?? {})) add(entryKey('actions', id), [...refsIn((o) => a.when && conditionRefs(a.when, '', o)), ...(a.by ? [a.by] : []), ...(a.done ? [a.done] : [])]);
    for (const [id, d] of Object.entries(rs.derived ?? {})) add(entryKey('derived', id), [d.window?.from, d.window?.until].filter((x): x is string => x !== undefined));
    this.reads.set(rs, reads);
    const readBy = new Map<string, Set<string>>();
    const mark = (target: string, reader: string): void => {
      const set = readBy.get(target) ?? new Set<string>();
      set.add(reader);
      readBy.set(target, set);
    };
    for (const [reader, refs] of reads) for (const ref of refs) for (const target of targetsOf(ref)) if (target !== reader) mark(target, reader);
    // Sources are cited, calendars counted by: both are read too.
    for (const section of RULE_SECTIONS) for (const [id, rule] of Object.entries((rs[section] ?? {}) as Record<string, RuleMeta>)) for (const src of rule.cite) mark(entryKey('sources', src), entryKey(section, id));
    for (const [id, d] of Object.entries(rs.deadlines ?? {})) if (d.calendar !== 'none') mark(entryKey('calendars', d.calendar), entryKey('deadlines', id));
    this.readBy.set(rs, readBy);
  }
}

/** The entry a reference points to (`section.id`), if it is one the rule set declares. */
export function targetsOf(ref: string): string[] {
  const r = parseRef(ref);
  if (!r || r.kind === 'case' || r.kind === 'asOf') return [];
  return [entryKey(r.kind, r.id)];
}

/** A name safe in a file name and an HTML id. */
export function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]+/g, '-');
}
