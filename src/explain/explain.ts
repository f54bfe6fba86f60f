/**
 * The explanation layer: turns the engine's data into words in one language, for the formats
 * that print words (text, markdown, CI messages, the interview, `--detail full`).
 */
import { fromOpenEnd } from '../dates/legal-date.js';
import { caseField } from '../case/fields.js';
import type { ActionResult, CaseResult, ConclusionResult, DeadlineResult, Need, Reason, RouteResult } from '../engine/result.js';
import { parseRef } from '../rules/refs.js';
import type { ChoiceOption, Lang, RuleMeta, RuleSet, Text } from '../rules/types.js';
import { say, sayIfKnown } from '../words/report.js';
import type { ActionReport, RouteReport, CaseReport, ConclusionReport, DeadlineReport, ExplainedNeed, RuleWords, SourceRef } from './types.js';
import { caseStory } from './story.js';
import { describeValue, humanDate } from './values.js';
import { unconfirmedReason } from './unconfirmed.js';
import type { RuleKind } from '../engine/verified.js';

/** Explains a case result in a language (default: the case's own, else English). */
export function explainCase(result: CaseResult, rulesets: readonly RuleSet[], lang: Lang = result.lang ?? 'en'): CaseReport {
  const explainers = new Map<string, Explainer>();
  const explainer = (id: string): Explainer | undefined => {
    if (!explainers.has(id)) {
      const version = result.rulesets.find((r) => r.id === id)?.version;
      const rs = rulesets.find((r) => r.id === id && (version === undefined || r.version === version));
      if (rs) explainers.set(id, new Explainer(rs, lang, result.orders));
    }
    return explainers.get(id);
  };
  const { record, ...rest } = result;
  const first = result.rulesets[0] ? explainer(result.rulesets[0].id) : undefined;
  const label = first ? first.codeLabel(undefined) : (code: string) => sayIfKnown(lang, `kind.${code}`) ?? code;
  return {
    ...rest,
    ...(record ? { story: caseStory(record, result.timeZone ?? 'UTC', lang, label) } : {}),
    // The words are in this language now, whatever the result was assessed for.
    lang,
    rulesets: result.rulesets.map((r) => ({ ...r, title: rulesets.find((x) => x.id === r.id && x.version === r.version)?.title[lang] ?? r.id })),
    conclusions: result.conclusions.map((c) => explainer(c.ruleset)?.conclusion(c) ?? unexplained(c)),
    deadlines: result.deadlines.map((d) => explainer(d.ruleset)?.deadline(d) ?? unexplainedDeadline(d)),
    actions: result.actions.map((a) => explainer(a.ruleset)?.action(a) ?? { ...a, title: a.id, whoText: a.who, because: '', sources: [], checked: '', needs: a.needs.map((n) => ({ ...n, label: n.ref })) }),
    routes: (result.routes ?? []).map((r) => explainer(r.ruleset)?.route(r) ?? { ...r, title: r.id, text: r.reason ?? '', sources: [], checked: '', needs: r.needs.map((n) => ({ ...n, label: n.ref })) }),
  };
}

function unexplained(full: ConclusionResult): ConclusionReport {
  const { indicators, ...c } = full;
  return { ...c, title: c.id, explanation: '', sources: [], checked: '', reasons: c.reasons.map((r) => ({ ...r, text: r.ref })), needs: c.needs.map((n) => ({ ...n, label: n.ref })), ...(indicators ? { indicators: indicators.map((i) => ({ ...i, label: i.ref, display: String(i.value) })) } : {}) };
}

function unexplainedDeadline(d: DeadlineResult): DeadlineReport {
  const { extension, ...basis } = d.basis;
  return { ...d, title: d.id, explanation: '', sources: [], checked: '', needs: d.needs.map((n) => ({ ...n, label: n.ref })), basis: { ...basis, startEvent: '', text: '', ...(extension ? { extension: { ...extension, why: '' } } : {}) } };
}

export class Explainer {
  constructor(
    private readonly rs: RuleSet,
    private readonly lang: Lang,
    private readonly orders: CaseResult['orders'] = undefined,
  ) {}

  private tx(text: Text | undefined): string {
    return text ? text[this.lang] : '';
  }

  /** What a reference is called: a fact's question, a rule's title, a case field's label. */
  refLabel(text: string): string {
    const ref = parseRef(text);
    if (!ref) return text;
    const rs = this.rs;
    switch (ref.kind) {
      case 'facts':
        return this.tx(own(rs.facts, ref.id)?.question);
      case 'derived':
      case 'criteria':
      case 'judgments':
        return this.tx(own(rs[ref.kind] as Record<string, { title: Text }> | undefined, ref.id)?.title);
      case 'tables':
        return this.tx(own(rs.tables, ref.id)?.title) + (ref.output ? ` (${ref.output})` : '');
      case 'deadlines':
        return this.tx(own(rs.deadlines, ref.id)?.title);
      case 'asOf':
        return say(this.lang, 'asOf');
      case 'case':
        return this.caseLabel(ref.path);
    }
  }

  private caseLabel(path: readonly string[]): string {
    const label = this.tx(caseField(path)?.label) || path.join('.');
    const index = path.find((p) => /^\d+$/.test(p));
    return index !== undefined && Number(index) > 0 ? `${label} (${say(this.lang, 'orderN', { n: Number(index) + 1 })})` : label;
  }

  /** Codes shown as words: a choice's option label, an incident kind in the reader's language. */
  codeLabel(ref: string | undefined): (code: string) => string {
    const r = ref ? parseRef(ref) : undefined;
    const options: readonly ChoiceOption[] | undefined = r?.kind === 'facts' ? own(this.rs.facts, r.id)?.options : r?.kind === 'judgments' ? own(this.rs.judgments, r.id)?.options : r?.kind === 'case' ? caseField(r.path)?.options : undefined;
    return (code) => {
      const option = options?.find((o) => o.value === code);
      if (option) return r?.kind === 'judgments' ? `${option.value} (${option.label[this.lang]})` : option.label[this.lang];
      // An order type is named by its jurisdiction's manifest; an incident kind by the tool's words.
      const orderType = this.rs.jurisdictionRecord?.orderTypes.find((o) => o.value === code);
      if (orderType) return orderType.label[this.lang];
      return sayIfKnown(this.lang, `kind.${code}`) ?? code;
    };
  }

  show(value: unknown, ref?: string): string {
    return describeValue(value, this.lang, this.codeLabel(ref));
  }

  needLabel(need: string): string {
    const m = /^case\.incidents\.(\d+)\.(\w+)$/.exec(need);
    if (m) return say(this.lang, 'incidentField', { n: Number(m[1]) + 1, field: this.tx(caseField(['incidents', 'N', m[2] as string])?.short) || (m[2] as string) });
    return this.refLabel(need);
  }

  needs(needs: readonly Need[]): ExplainedNeed[] {
    return needs.map((n) => ({ ...n, label: this.needLabel(n.ref) }));
  }

  sources(cite: readonly string[]): SourceRef[] {
    return cite.map((id) => {
      const s = own(this.rs.sources, id);
      if (!s) return { id, instrument: id, checked: '', verified: false };
      return {
        id,
        kind: s.kind,
        instrument: s.instrument,
        ...(s.article ? { article: s.article } : {}),
        ...(s.url ? { url: s.url } : {}),
        ...(s.ecli ? { ecli: s.ecli } : {}),
        checked: s.checked,
        verified: s.verified,
        ...(s.quote ? { quote: s.quote } : {}),
        ...(s.unverifiedBecause ? { unverifiedBecause: s.unverifiedBecause[this.lang] } : {}),
        ...(s.note ? { note: s.note[this.lang] } : {}),
      };
    });
  }

  /** The mark's reason, for an item resting on something not confirmed (see unconfirmed.ts). */
  private unconfirmed(verified: boolean, kind: RuleKind, id: string): { unverifiedBecause?: string } {
    if (verified) return {};
    const because = unconfirmedReason(this.rs, kind, id, this.lang);
    return because === undefined ? {} : { unverifiedBecause: because };
  }

  /** A result about one of several orders says which: "… (order 2)". */
  private aboutOrder(words: RuleWords, order: number | undefined): RuleWords {
    if (order === undefined) return words;
    // "order 2: restraining order on conviction, made 15 September 2025"
    const o = this.orders?.[order];
    const kind = o?.type ? this.codeLabel(undefined)(o.type) : undefined;
    const made = o?.made ? describeValue(o.made, this.lang) : undefined;
    const which = [say(this.lang, 'orderN', { n: order + 1 }), [kind, made ? say(this.lang, 'madeOn', { date: made }) : undefined].filter(Boolean).join(', ')].filter(Boolean).join(': ');
    return { ...words, title: `${words.title} (${which})` };
  }

  ruleWords(rule: RuleMeta): RuleWords {
    return { title: this.tx(rule.title), sources: this.sources(rule.cite), checked: rule.checked, ...(rule.note ? { note: this.tx(rule.note) } : {}) };
  }

  /**
   * One comparison, as a line of reasoning: what the value is, and what was required of it. A
   * comparison under a `not` says "required: not …"; a date that never happened ("no complaint has
   * been made") is said as such, never as "when the complaint was made: no".
   */
  reason(r: Reason): string {
    const lang = this.lang;
    const left = this.refLabel(r.ref);
    const path = parseRef(r.ref);
    // A missing order reads as the type "none" (case-view.ts).
    const never = (r.actual === false || (r.actual === 'none' && path?.kind === 'case' && path.path.at(-1) === 'type')) && path?.kind === 'case' ? sayIfKnown(lang, `never.${path.path.map((p) => (/^\d+$/.test(p) ? 'N' : p)).join('.')}`) : undefined;
    if (never !== undefined && (r.op === undefined || r.op === 'known' || r.result !== 'unknown')) return never;
    const actual = r.op === 'known' && r.actual === null ? say(lang, 'notKnown') : this.show(r.actual, r.ref);
    // "X is known: yes" says less than X itself.
    if (r.op === undefined || r.op === 'known') return say(lang, 'op.truthy', { left, actual });
    const label = this.codeLabel(r.ref);
    const right =
      r.other !== undefined
        ? `${this.refLabel(r.other)} (${this.show(r.otherValue ?? null, r.other)})`
        : Array.isArray(r.expected)
          ? r.expected.map((x) => label(String(x))).join(', ')
          : typeof r.expected === 'boolean'
            ? say(lang, r.expected ? 'yes' : 'no')
            : typeof r.expected === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.expected)
              ? humanDate(r.expected, lang)
              : label(String(r.expected));
    const op = [r.negated ? say(lang, 'op.!=') : '', say(lang, `op.${r.op}`)].filter(Boolean).join(' ');
    return say(lang, 'op.compare', { left, actual, op, right }).replace(':  ', ': ');
  }

  conclusion(c: ConclusionResult): ConclusionReport {
    const section = c.kind === 'criterion' ? this.rs.criteria : c.kind === 'judgment' ? this.rs.judgments : this.rs.tables;
    const rule = own(section as Record<string, RuleMeta> | undefined, c.id);
    const words: RuleWords = this.aboutOrder(rule ? this.ruleWords(rule) : { title: c.id, sources: [], checked: '' }, c.order);
    const { indicators: values, ...rest } = c;
    const base = { ...rest, ...words, reasons: c.reasons.map((r) => ({ ...r, text: this.reason(r) })), needs: this.needs(c.needs) };
    const indicators = values?.map((i) => ({ ...i, label: this.refLabel(i.ref), display: this.show(i.value, i.ref) }));
    const judgment = c.kind === 'judgment' ? own(this.rs.judgments, c.id) : undefined;
    return {
      ...base,
      ...this.unconfirmed(c.verified, c.kind === 'criterion' ? 'criteria' : c.kind === 'judgment' ? 'judgments' : 'tables', c.id),
      ...(c.outputs ? { outputs: Object.fromEntries(Object.entries(c.outputs).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => this.words(x)) : this.words(v)])) } : {}),
      explanation: this.conclusionExplanation(c),
      ...(indicators ? { indicators } : {}),
      ...(judgment ? { guidance: this.tx(judgment.help) } : {}),
    };
  }

  /**
   * A table's answer for people: its sentences (text outputs) where it has them; otherwise its
   * values, in words. Never the output names (eur: 27500), which are for machines and rule tests.
   */
  private tableAnswer(outputs: Record<string, unknown>): string {
    const values = Object.values(outputs).flatMap((v) => (Array.isArray(v) ? v : [v]));
    const sentences = values.filter((v) => v !== null && typeof v === 'object' && typeof (v as Record<string, unknown>)[this.lang] === 'string');
    return (sentences.length > 0 ? sentences : values).map((v) => this.show(v)).join(' ');
  }

  /** A rule's text value ({en, nl}) in the reader's language; other values as they are. */
  private words(v: unknown): unknown {
    return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, unknown>)[this.lang] === 'string' ? (v as Record<string, string>)[this.lang] : v;
  }

  private conclusionExplanation(c: ConclusionResult): string {
    const lang = this.lang;
    if (c.kind === 'criterion') {
      const crit = own(this.rs.criteria, c.id);
      if (c.status === 'undetermined') return this.tx(crit?.explain.undetermined) || say(lang, 'undeterminedExplain');
      return this.tx(crit?.explain[c.status]);
    }
    if (c.kind === 'judgment') {
      const j = own(this.rs.judgments, c.id);
      if (c.status === 'undetermined') return say(lang, c.relevant === false ? 'judgmentNotRelevant' : 'judgmentNeeded');
      if (j?.explain && j.type !== 'choice') return this.tx(j.explain[c.status]);
      return say(lang, 'judgmentRecorded', { value: typeof c.value === 'boolean' ? say(lang, c.value ? 'yes' : 'no') : this.codeLabel(`judgments.${c.id}`)(String(c.value)) });
    }
    if (c.problem) return say(lang, c.problem.code === 'table-overlap' ? 'tableOverlap' : 'tableDisagree', { rows: c.problem.rows.join(', ') });
    if (c.status === 'met') return this.tableAnswer(c.outputs ?? {});
    if (c.relevant === false) return say(lang, 'judgmentNotRelevant');
    return say(lang, c.status === 'not_met' ? 'noRow' : 'tablePending');
  }

  deadline(d: DeadlineResult): DeadlineReport {
    const rule = own(this.rs.deadlines, d.id);
    const words: RuleWords = this.aboutOrder(rule ? this.ruleWords(rule) : { title: d.id, sources: [], checked: '' }, d.order);
    const startEvent = rule?.startLabel ? this.tx(rule.startLabel) : d.basis.startRef ? this.refLabel(d.basis.startRef) : typeof rule?.start === 'string' ? this.refLabel(rule.start) : '';
    const { extension, ...basis } = d.basis;
    return {
      ...d,
      ...words,
      explanation: this.deadlineExplanation(d, startEvent),
      basis: { ...basis, startEvent, text: this.tx(rule?.basis), ...(extension ? { extension: { ...extension, why: this.extensionWhy(extension) } } : {}) },
      needs: this.needs(d.needs),
      ...this.unconfirmed(d.verified, 'deadlines', d.id),
      ...(rule?.remindBefore ? { remindBefore: rule.remindBefore } : {}),
    };
  }

  action(a: ActionResult): ActionReport {
    const rule = own(this.rs.actions, a.id);
    const words: RuleWords = this.aboutOrder(rule ? this.ruleWords(rule) : { title: a.id, sources: [], checked: '' }, a.order);
    const by = rule?.by ? parseRef(rule.by) : undefined;
    return { ...a, ...words, ...this.unconfirmed(a.verified, 'actions', a.id), whoText: say(this.lang, `who.${a.who}`), because: this.tx(rule?.because), ...(by?.kind === 'deadlines' ? { byDeadline: by.id } : {}), ...(rule?.explainWhy ? { explainWhy: this.tx(rule.explainWhy) } : {}), needs: this.needs(a.needs) };
  }

  /**
   * A route in words: its title and, by its status, why it does not apply (the adviser's own
   * reason when the adviser decided, else the rules') or the "if …" said before its items.
   */
  route(r: RouteResult): RouteReport {
    const rule = own(this.rs.routes, r.id);
    const words: RuleWords = rule ? this.ruleWords(rule) : { title: r.id, sources: [], checked: '' };
    const text = r.status === 'not_applying' ? (r.reason ?? this.tx(rule?.notApplying)) : r.status === 'undetermined' ? this.tx(rule?.ifUnknown) : '';
    return { ...r, ...words, text, needs: this.needs(r.needs) };
  }

  private deadlineExplanation(d: DeadlineResult, start: string): string {
    const lang = this.lang;
    const due = d.due ?? '';
    // ISO days here become words later (humanDatesIn); a day reached from an open-ended start is never named.
    const dueText = d.earliest !== undefined && d.latest !== undefined ? (fromOpenEnd(d.earliest) ? say(lang, 'atTheLatest', { date: d.latest }) : fromOpenEnd(d.latest) ? `${say(lang, 'onOrAfter')} ${d.earliest}` : `${d.earliest} – ${d.latest}`) : due;
    const what = d.basis.satisfiedBy ? this.refLabel(d.basis.satisfiedBy) : '';
    const date = this.show(d.doneOn ?? null);
    let text: string;
    switch (d.finding) {
      case 'not_applicable':
        return say(lang, 'notApplicable');
      case 'start_unknown':
        return say(lang, 'startUnknown', { start });
      case 'done_in_time':
        return say(lang, 'satisfied', { what, date, due: dueText });
      case 'done_late':
        text = say(lang, 'satisfiedLate', { what, date, due: dueText });
        break;
      case 'ended':
        text = d.kind === 'act-by' ? say(lang, 'expired', { due: dueText }) + (d.doneOn === null ? ' ' + say(lang, 'unlessSatisfied', { what }) : '') : say(lang, `passed.${d.kind}`, { due: dueText });
        break;
      case 'may_have_been_done':
        text = d.doneOn === null || d.doneOn === undefined || d.doneOn === true ? say(lang, 'mayHaveBeenDone', { due: dueText, what }) : say(lang, 'mayHaveBeenDoneOn', { due: dueText, what, date });
        break;
      case 'may_have_ended':
        // A start known only as "on or before" has no earliest day worth naming.
        text = fromOpenEnd(d.earliest ?? due) ? say(lang, 'mayHaveExpiredOpen', { latest: d.latest ?? due, start }) : say(lang, 'mayHaveExpired', { earliest: d.earliest ?? due, latest: d.latest ?? due, start });
        break;
      case 'running':
        text =
          d.earliest !== undefined && d.latest !== undefined
            ? say(lang, 'openRange', { earliest: d.earliest, latest: d.latest, days: d.daysLeft ?? 0 })
            : d.kind !== 'act-by'
              ? say(lang, `running.${d.kind}`, { due, days: d.daysLeft ?? 0 })
              : say(lang, d.status === 'due_soon' ? 'dueSoon' : 'open', { due, days: d.daysLeft ?? 0 });
        break;
    }
    return d.appliesUnknown ? `${say(lang, 'ifApplies')} ${text}` : text;
  }

  private extensionWhy(ext: NonNullable<DeadlineResult['basis']['extension']>): string {
    const lang = this.lang;
    const parts = ext.skipped.map((s) => (s.holiday ? `${s.date} ${s.holiday[lang]}${s.holidayVerified === false ? ` (${say(lang, 'unverified')})` : ''}` : `${s.date} (${sayIfKnown(lang, `weekday.${s.weekday}`) ?? ''})`));
    const why = parts.length > 0 ? say(lang, 'extendedPast', { days: parts.join(', ') }) : '';
    return why + (ext.minWorkingDays ? (why ? '; ' : '') + say(lang, 'minWorkingDays') : '');
  }
}

function own<T>(record: Record<string, T> | undefined, id: string): T | undefined {
  return record && Object.hasOwn(record, id) ? record[id] : undefined;
}
