/**
 * A rule's logic in words, generated from its condition tree, date expressions, derived-value
 * definition and table rows — never written a second time by hand. References are named as the
 * explanation layer names them (a fact's question, a rule's title, a case field's label), and kept
 * as references so the page can link them.
 */
import { Explainer } from '../explain/explain.js';
import { durationInWords, humanDate } from '../explain/values.js';
import { caseField } from '../case/fields.js';
import { parseRef } from '../rules/refs.js';
import type { CompareOp, Condition, DateExpr, Deadline, Derived, Lang, Literal, RuleSet, Table } from '../rules/types.js';
import { say as sayReport, sayIfKnown } from '../words/report.js';
import { book } from './words.js';

/** A piece of a sentence: words, or a reference shown by its label and linked. */
export type Part = string | { ref: string; label: string };

/** A line of logic, with the lines it is made of (all of, any of, …). */
export interface Line {
  parts: Part[];
  children?: Line[];
}

/** Words for one rule set in one language: references resolve within that rule set, as the engine resolves them. */
export class LogicWords {
  readonly explainer: Explainer;

  constructor(
    private readonly rs: RuleSet,
    private readonly lang: Lang,
  ) {
    this.explainer = new Explainer(rs, lang);
  }

  /** A reference as a linkable part, labelled as reports label it. */
  ref(text: string): Part {
    const label = this.explainer.refLabel(text) || text;
    // A deadline is read for its last day or its status: say which.
    const r = parseRef(text);
    if (r?.kind === 'deadlines') return { ref: text, label: book(this.lang, r.field === 'due' ? 'ref.due' : 'ref.status', { title: label }) };
    return { ref: text, label };
  }

  condition(c: Condition): Line {
    const lang = this.lang;
    if ('all' in c) return { parts: [book(lang, 'logic.all')], children: c.all.map((x) => this.condition(x)) };
    if ('any' in c) return { parts: [book(lang, 'logic.any')], children: c.any.map((x) => this.condition(x)) };
    if ('not' in c) return { parts: [book(lang, 'logic.not')], children: [this.condition(c.not)] };
    if ('atLeast' in c) return { parts: [book(lang, 'logic.atLeast', { n: c.atLeast })], children: c.of.map((x) => this.condition(x)) };
    if ('firstKnown' in c) return { parts: [book(lang, 'logic.firstKnown')], children: c.firstKnown.map((x) => this.condition(x)) };
    return { parts: this.check(c.check, c.op, c.value, c.other) };
  }

  /** One test of a reference: "Number of threats: at least 2", "Belaging: met". */
  private check(check: string, op: CompareOp | undefined, value: Literal | Literal[] | undefined, other: string | undefined): Part[] {
    const lang = this.lang;
    const left = this.ref(check);
    if (op === undefined) return [left, `: ${book(lang, this.truthyWord(check))}`];
    if (op === 'known') return [left, ` ${book(lang, 'logic.isKnown')}`];
    const opWord = sayReport(lang, `op.${op}`);
    const head: Part[] = [left, `: ${opWord ? opWord + ' ' : ''}`];
    if (other !== undefined) return [...head, this.ref(other)];
    return [...head, this.literal(value, check)];
  }

  /** What "this reference holds" means for its kind: a criterion is met, a count is above none. */
  private truthyWord(check: string): Parameters<typeof book>[1] {
    const r = parseRef(check);
    if (r?.kind === 'criteria') return 'logic.met';
    if (r?.kind === 'judgments') return 'logic.judgedYes';
    if (r?.kind === 'tables') return r.output ? 'logic.yes' : 'logic.rowApplies';
    if (r?.kind === 'derived') {
      const d = this.rs.derived?.[r.id];
      if (d?.compute === 'count') return 'logic.atLeastOne';
      if (d?.compute === 'distinct') return 'logic.notEmpty';
      if (d?.compute === 'first' || d?.compute === 'last') return 'logic.known';
    }
    return 'logic.yes';
  }

  /** A value a rule compares with, in words: an option's label, a date, yes or no, a status. */
  literal(value: Literal | Literal[] | undefined, ref?: string): string {
    const lang = this.lang;
    const one = (v: Literal): string => {
      if (typeof v === 'boolean') return sayReport(lang, v ? 'yes' : 'no');
      if (typeof v === 'number') return String(v);
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return humanDate(v, lang);
      if (/^P(\d+[YMWD])+$/.test(v)) return durationInWords(v, lang);
      if (ref && /^deadlines\.[^.]+\.status$/.test(ref)) return sayIfKnown(lang, `status.${v}`) ?? v;
      return this.explainer.codeLabel(ref)(v);
    };
    if (value === undefined) return '';
    return Array.isArray(value) ? value.map(one).join(', ') : one(value);
  }

  /** A deadline's start: one date, or the latest / earliest / first known of several. */
  dateExpr(e: DateExpr): Line {
    const lang = this.lang;
    if (typeof e === 'string') return { parts: [this.ref(e)] };
    if ('latest' in e) return { parts: [book(lang, 'date.latest')], children: e.latest.map((x) => this.dateExpr(x)) };
    if ('earliest' in e) return { parts: [book(lang, 'date.earliest')], children: e.earliest.map((x) => this.dateExpr(x)) };
    return { parts: [book(lang, 'date.firstKnown')], children: e.firstKnown.map((x) => this.dateExpr(x)) };
  }

  /** How a deadline is counted, line by line. */
  deadlineTerm(d: Deadline, calendarTitle: (id: string) => Part | undefined): Line[] {
    const lang = this.lang;
    const lines: Line[] = [
      { parts: [book(lang, 'term.length', { length: durationInWords(d.length, lang) })] },
      { parts: [book(lang, 'term.start')], children: [this.dateExpr(d.start)] },
      { parts: [book(lang, d.counting === 'day-after' ? 'term.dayAfter' : 'term.eventDay')] },
      { parts: [book(lang, d.monthEnd === 'last-day-of-month' ? 'term.lastDayOfMonth' : 'term.firstDayOfNextMonth')] },
    ];
    const cal = d.calendar === 'none' ? undefined : calendarTitle(d.calendar);
    lines.push(cal ? { parts: [book(lang, 'term.calendar'), cal] } : { parts: [book(lang, 'term.noCalendar')] });
    if (d.kind === 'act-by') lines.push({ parts: [book(lang, 'term.dueSoon', { length: durationInWords(d.dueSoon, lang) })] });
    if (d.satisfiedBy) lines.push({ parts: [book(lang, 'term.satisfiedBy'), this.ref(d.satisfiedBy)] });
    return lines;
  }

  /** A derived value over the incidents: what it computes, over which incidents, in which window. */
  derived(d: Derived): Line[] {
    const lang = this.lang;
    const field = (f: string): string => caseField(['incidents', 'N', f])?.label[lang] ?? f;
    const lines: Line[] = [{ parts: [book(lang, `compute.${d.compute}`, { field: d.field ? field(d.field) : '' })] }];
    const where = Object.entries(d.where ?? {}).filter(([, v]) => v !== undefined);
    if (where.length > 0) {
      lines.push({
        parts: [book(lang, 'derived.where')],
        children: where.map(([f, v]) => ({ parts: [`${field(f)}: ${this.incidentValue(f, v as Literal | Literal[])}`] })),
      });
    }
    if (d.window?.from) lines.push({ parts: [book(lang, 'derived.from'), this.ref(d.window.from)] });
    if (d.window?.until) lines.push({ parts: [book(lang, 'derived.until'), this.ref(d.window.until)] });
    return lines;
  }

  private incidentValue(f: string, v: Literal | Literal[]): string {
    const one = (x: Literal): string => (typeof x === 'boolean' ? sayReport(this.lang, x ? 'yes' : 'no') : f === 'kind' ? (sayIfKnown(this.lang, `kind.${x}`) ?? String(x)) : String(x));
    return Array.isArray(v) ? v.map(one).join(', ') : one(v);
  }

  /** A table row: the values it matches (one per input, "any" for '-') or its condition. */
  tableRow(t: Table, row: Table['rows'][number]): Line {
    const lang = this.lang;
    if (row.if) return this.condition(row.if);
    const inputs = t.inputs ?? [];
    const parts: Line[] = (row.match ?? []).flatMap((v, i) => {
      const input = inputs[i];
      if (input === undefined || v === '-') return [];
      return [{ parts: [this.ref(input), `: ${this.literal(v, input)}`] }];
    });
    return parts.length === 0 ? { parts: [book(lang, 'table.always')] } : { parts: [book(lang, 'logic.all')], children: parts };
  }
}
