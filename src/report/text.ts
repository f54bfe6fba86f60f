import { Chalk, type ChalkInstance } from 'chalk';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { ActionReport, CaseReport, ConclusionReport, DeadlineReport, SourceRef } from '../explain/types.js';
import { humanDate, humanDatesIn } from '../explain/values.js';
import type { Lang } from '../rules/types.js';
import { say, type ReportWordKey } from '../words/report.js';
import { daysLeftText, decidingReasons, dueText, extensionText, onlyHistory, routeIf, routesNotApplying, startAndTerm } from './handoff.js';
import { visibleWidth, wrapLine, wrapText } from './wrap.js';
import { UnconfirmedNotes } from './marks.js';

export interface TextOptions {
  color: boolean;
  /** the terminal's width: lines are wrapped to it (none: lines as long as they are) */
  width?: number;
  /**
   * lean: what to do, at a glance, the headline conclusions and the deadlines; full (the default
   * here; `assess` passes its --detail) adds every element with its reasons, each deadline's basis
   * and the sources
   */
  detail?: 'lean' | 'full';
}

/** What the text report needs: the cases, explained, and the language of the summary. */
export interface TextReport {
  lang: Lang;
  cases: readonly CaseReport[];
}

/** The whole report: each case, a summary when there are several, and the disclaimer. */
export function formatText(report: TextReport, options: TextOptions): string {
  const parts = report.cases.map((cr) => formatCaseText(cr, report.lang, options));
  if (report.cases.length > 1) parts.push(formatSummaryText(report.cases.length, report.cases.filter((c) => c.status === 'invalid').length, report.lang, options));
  parts.push(formatDisclaimer(report.lang, options));
  return parts.join('');
}

export function formatDisclaimer(lang: Lang, options: TextOptions): string {
  return wrapText(new Chalk({ level: options.color ? 1 : 0 }).dim(say(lang, 'disclaimer')), options.width) + '\n';
}

/** The batch summary; `shown` and `skipped` are added when a filter hid cases or files were skipped. */
export function formatSummaryText(total: number, invalid: number, lang: Lang, options: TextOptions, notes: { shown?: number; skipped?: number } = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const extra = (notes.shown !== undefined ? ` ${notes.shown} ${say(lang, 'shown')}.` : '') + (notes.skipped ? ` ${notes.skipped} ${say(lang, 'skippedFiles')}.` : '');
  return wrapText(c.bold(say(lang, 'summary')) + `: ${total} ${say(lang, 'cases')}, ${total - invalid} ${say(lang, 'assessedCount')}, ${invalid} ${say(lang, 'invalidCount')}.${extra}`, options.width) + '\n\n';
}

/** An order or measure ending within this many days is worth a line at a glance (time to ask for more). */
const GLANCE_ENDS_DAYS = 92;

/** Writes one case; the pieces below each write one part of it. */
class CaseWriter {
  readonly c: ChalkInstance;
  /** the marks' notes, numbered as the case's items first show them */
  readonly notes: UnconfirmedNotes;
  constructor(
    readonly lang: Lang,
    color: boolean,
    readonly width?: number,
    readonly full = true,
  ) {
    this.c = new Chalk({ level: color ? 1 : 0 });
    this.notes = new UnconfirmedNotes(lang);
  }

  w(key: ReportWordKey): string {
    return say(this.lang, key);
  }

  mark(status: string): string {
    return status === 'met' ? this.c.green('✔') : status === 'not_met' ? this.c.red('✘') : this.c.yellow('?');
  }

  /** An item's one mark, " [unconfirmed 1]", or nothing. */
  unverified(item: { unverifiedBecause?: string }): string {
    const mark = this.notes.mark(item);
    return mark === undefined ? '' : ' ' + this.c.yellow(`[${mark}]`);
  }

  /** The notes the marks point to, once, at the end of the case, with the legend. */
  unconfirmedNotes(): string[] {
    const notes = this.notes.notes();
    if (notes.length === 0) return [];
    return ['', this.c.bold(`  ${this.w('unconfirmedHeading')}`), this.c.dim(`    ${this.w('unconfirmedLegend')}`), ...notes.map(({ n, reason }) => `    ${n}. ${reason}`)];
  }

  sourceLine(s: SourceRef): string {
    const where = [s.instrument, s.article].filter(Boolean).join(', ');
    const link = s.ecli ?? s.url ?? '';
    return `${where}${link ? ` — ${link}` : ''} (${this.w('checked')} ${humanDate(s.checked, this.lang)})${s.verified ? '' : ' ' + this.c.yellow(`(${[this.w('unverified'), s.unverifiedBecause].filter(Boolean).join(': ')})`)}`;
  }

  /** A deadline's status in words: a lapsed right or an ended order is not "expired". */
  deadlineStatus(d: DeadlineReport): string {
    if (d.kind !== 'act-by' && (d.status === 'passed' || d.status === 'open')) return this.w(`status.${d.status}.${d.kind}`);
    return this.w(`status.${d.status}`);
  }

  /** Who should do what by when, first: the actions the rules advise, by their last day. */
  whatToDo(cr: CaseReport): string[] {
    // What can still be done comes first; what is too late after it, for the record.
    const open = [...cr.actions.filter((a) => a.status !== 'done' && a.status !== 'expired'), ...cr.actions.filter((a) => a.status === 'expired')];
    const out = ['', this.c.bold(`  ${this.w('whatToDo')}`)];
    if (open.length === 0) return [...out, `    ${this.w('nothingToDo')}`];
    for (const a of open) out.push(...this.action(a, routeIf(cr, a)));
    return out;
  }

  private action(a: ActionReport, ifRoute: string): string[] {
    const c = this.c;
    const when = a.due === null ? '' : a.status === 'expired' ? '' : ` — ${this.w('byDate').replace('{due}', humanDate(a.due, this.lang))} (${a.daysLeft === 0 ? this.w('today') : this.w('daysLeftN').replace('{days}', String(a.daysLeft))})`;
    const mark = a.status === 'expired' ? c.red('✘') : a.status === 'due_soon' ? c.yellow('▶') : '▶';
    const head = `    ${mark} ${ifRoute}${a.conditional && ifRoute === '' ? `${this.w('ifStill')} ` : ''}${c.bold(a.title)} (${a.whoText})${a.status === 'due_soon' ? c.yellow(when) : when}${this.unverified(a)}`;
    const out = [head, `      ${a.because}`];
    if (a.status === 'expired' && a.due) out.push(c.red(`      ${this.w('missed').replace('{due}', humanDate(a.due, this.lang))}`));
    if (a.needs.length > 0) out.push(`      ${c.yellow(this.w('stillNeeded'))}: ${a.needs.map((n) => n.label).join('; ')}`);
    return out;
  }

  /** The headline conclusions and the deadlines that need attention, before the detail. */
  glance(cr: CaseReport): string[] {
    const headlines = cr.conclusions.filter((x) => x.headline && (x.role === 'element' || x.status === 'met'));
    // Running terms, and terms to act that were missed.
    const pressing = [...cr.deadlines]
      .filter((d) => (d.kind === 'act-by' && (d.status === 'due_soon' || d.status === 'open' || (d.status === 'expired' && d.basis.satisfiedBy !== undefined))) || (d.kind === 'ends' && d.status === 'open' && d.daysLeft !== null && d.daysLeft <= GLANCE_ENDS_DAYS))
      .sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''))
      .slice(0, 3);
    if (headlines.length === 0 && pressing.length === 0) return [];
    const out = ['', this.c.bold(`  ${this.w('atAGlance')}`)];
    for (const h of headlines) out.push(h.role === 'information' ? `    ℹ ${routeIf(cr, h)}${h.title}${this.unverified(h)}` : `    ${this.mark(h.status)} ${routeIf(cr, h)}${h.title} — ${this.w(h.status)}${this.unverified(h)}`);
    for (const d of pressing) {
      const colour = d.status === 'expired' ? this.c.red : d.status === 'due_soon' ? this.c.yellow : (x: string) => x;
      const left = d.daysLeft !== null && d.daysLeft >= 0 ? ` (${d.daysLeft} ${this.w('daysLeft')})` : '';
      out.push(`    ${colour('◷')} ${d.title}: ${d.due ? humanDate(d.due, this.lang) : '—'} — ${colour(this.deadlineStatus(d))}${left}`);
    }
    return out;
  }

  /** Information is shown where it applies, as what it says: never met or not met. */
  information(item: ConclusionReport): string[] {
    if (item.status !== 'met') return [];
    const out = ['', `  ℹ ${this.c.bold(item.title)}${this.unverified(item)}`, `    ${humanDatesIn(item.explanation, this.lang)}`];
    if (!item.verified && item.note) out.push(this.c.yellow(`    ${item.note}`));
    out.push(this.c.dim(`    ${item.sources.map((s) => [s.instrument, s.article].filter(Boolean).join(' ')).join('; ')}`));
    return out;
  }

  conclusion(item: ConclusionReport): string[] {
    if (item.role === 'information') return this.information(item);
    const c = this.c;
    const status = item.kind === 'judgment' && typeof item.value === 'string' ? `${this.w('judgment')}: ${item.value}` : this.w(item.status);
    const out = ['', `  ${this.mark(item.status)} ${c.bold(item.title)} — ${status}${this.unverified(item)}`, `    ${humanDatesIn(item.explanation, this.lang)}`];
    if (this.full && (item.kind === 'criterion' || (item.kind === 'table' && item.status !== 'met'))) for (const r of decidingReasons(item)) out.push(c.dim(`      · ${r.text}`));
    if (item.indicators && item.indicators.length > 0) {
      out.push(`    ${this.w('indicators')}:`);
      for (const ind of item.indicators) out.push(`      · ${ind.label}: ${ind.display}${ind.counter ? c.dim(` (${this.w('counterIndicator')})`) : ''}`);
    }
    if (item.judgment) {
      const value = typeof item.judgment.value === 'boolean' ? this.w(item.judgment.value ? 'yes' : 'no') : String(item.judgment.value);
      out.push(`    ${this.w('judgment')}: ${value} — ${item.judgment.reason} (${this.w('by')} ${item.judgment.by}, ${item.judgment.at.replace('T', ' ')})`);
    } else if (item.kind === 'judgment' && item.guidance && item.status === 'undetermined' && item.needs.length > 0) {
      out.push(c.dim(`    ${this.w('guidance')}: ${item.guidance}`));
    }
    if (item.needs.length > 0) out.push(`    ${c.yellow(this.w('stillNeeded'))}: ${item.needs.map((n) => n.label).join('; ')}`);
    if (!item.verified && item.note) out.push(c.yellow(`    ${item.note}`));
    out.push(c.dim(`    ${item.sources.map((s) => [s.instrument, s.article].filter(Boolean).join(' ')).join('; ')}`));
    return out;
  }

  /** The deadlines as a table sorted by due date (those without a date last), then each one's basis. */
  deadlines(deadlines: readonly DeadlineReport[]): string[] {
    const sorted = [...deadlines].sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    const out = [this.c.bold(`  ${this.w('deadlines')}`), ...this.deadlineTable(sorted)];
    if (this.full) for (const d of sorted) out.push(...this.deadlineDetail(d));
    return out;
  }

  private deadlineTable(sorted: readonly DeadlineReport[]): string[] {
    const c = this.c;
    const rows = sorted.map((d) => {
      return { cells: [d.title + this.unverified(d), dueText(d, this.lang), daysLeftText(d)], status: this.deadlineStatus(d), d };
    });
    const headers = [this.w('deadline'), this.w('due'), this.w('daysLeftHeader')];
    const widths = headers.map((h, i) => Math.max(visibleWidth(h), ...rows.map((r) => visibleWidth(r.cells[i] ?? ''))));
    const statusWidth = Math.max(visibleWidth(this.w('status')), ...rows.map((r) => visibleWidth(r.status)));
    // On a narrow terminal the title column takes what the others leave, its titles wrapped within it.
    const rest = 4 + (widths[1] ?? 0) + 2 + (widths[2] ?? 0) + 2 + 2 + statusWidth;
    if (this.width !== undefined && rest + (widths[0] ?? 0) > this.width) {
      const titleWidth = this.width - rest;
      if (titleWidth < 18) return this.deadlineList(rows);
      widths[0] = titleWidth;
    }
    const pad = (s: string, i: number): string => s + ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleWidth(s)));
    const out = [c.dim(`    ${headers.map(pad).join('  ')}  ${this.w('status')}`)];
    for (const { cells, status, d } of rows) {
      const colour = d.status === 'expired' ? c.red : d.status === 'due_soon' ? c.yellow : d.status === 'satisfied' ? c.green : (s: string) => s;
      const [title = '', ...others] = cells;
      const titleLines = wrapLine(title, widths[0] ?? title.length);
      out.push(`    ${[titleLines[0] ?? '', ...others].map(pad).join('  ')}  ${colour(status)}`);
      for (const more of titleLines.slice(1)) out.push(`    ${more}`);
    }
    return out;
  }

  /** Too narrow for a table: each deadline on its own lines. */
  private deadlineList(rows: readonly { cells: string[]; status: string; d: DeadlineReport }[]): string[] {
    return rows.flatMap(({ cells, status }) => [`    ◷ ${cells[0] ?? ''}`, `      ${[cells[1], cells[2] ? `${cells[2]} ${this.w('daysLeft')}` : '', status].filter(Boolean).join(' · ')}`]);
  }

  private deadlineDetail(d: DeadlineReport): string[] {
    const c = this.c;
    const b = d.basis;
    const out = ['', `    ${c.bold(d.title)}: ${humanDatesIn(d.explanation, this.lang)}`];
    if (!this.full) return d.needs.length > 0 ? [...out, `      ${c.yellow(this.w('stillNeeded'))}: ${d.needs.map((n) => n.label).join('; ')}`] : out;
    out.push(c.dim(`      ${this.w('basis')}: ${b.text}`));
    const extension = extensionText(b, this.lang);
    out.push(c.dim(`      ${startAndTerm(b, this.lang)}${extension ? `; ${extension}` : ''}`));
    if (d.needs.length > 0) out.push(`      ${c.yellow(this.w('stillNeeded'))}: ${d.needs.map((n) => n.label).join('; ')}`);
    if (!d.verified && d.note) out.push(c.yellow(`      ${d.note}`));
    return out;
  }

  /** One rule set's conclusions, deadlines and sources; nothing for a rule set that only supplies a calendar. */
  ruleset(cr: CaseReport, rs: CaseReport['rulesets'][number]): string[] {
    // In lean, only the headlines and the deadlines that apply (or may): no rows of "n/a".
    // A judgment or table this case does not call for is left out: "undetermined" beside "no judgment needed" contradicts itself.
    const items = cr.conclusions.filter((x) => x.ruleset === rs.id && x.relevant !== false && (this.full || x.headline));
    const deadlines = cr.deadlines.filter((d) => d.ruleset === rs.id && d.status !== 'not_applicable');
    if (items.length === 0 && deadlines.length === 0) return [];
    const out = ['', this.c.bold.underline(rs.title)];
    // The elements under the headlines, each with its reasons, only in full.
    for (const item of [...items.filter((x) => x.headline), ...items.filter((x) => !x.headline)]) out.push(...this.conclusion(item));
    if (deadlines.length > 0) out.push('', ...this.deadlines(deadlines));
    if (!this.full) return out;
    const sources = new Map<string, SourceRef>();
    for (const x of [...items, ...deadlines]) for (const s of x.sources) sources.set(s.id, s);
    if (sources.size > 0) {
      out.push('', this.c.bold(`  ${this.w('sources')}`));
      for (const s of sources.values()) out.push(`    [${s.id}] ${this.sourceLine(s)}`);
    }
    return out;
  }
}

/** One case, as a legal-aid worker reads it; batch output streams these one by one. */
export function formatCaseText(cr: CaseReport, reportLang: Lang, options: TextOptions): string {
  // A case read in its own language (the case file's lang) is written in it.
  const lang = cr.lang ?? reportLang;
  const wr = new CaseWriter(lang, options.color, options.width, options.detail !== 'lean');
  const c = wr.c;
  const assessedOn = cr.asOf && cr.status === 'assessed' ? ` · ${wr.w('assessedOn')} ${humanDate(cr.asOf, lang)} (${cr.timeZone})` : '';
  // The case by its id, for people; its file path only when it could not be read (to fix it).
  const lines = [c.bold(`${wr.w('case')} ${cr.id}`) + c.dim(cr.status === 'invalid' ? `  ${cr.file}` : assessedOn)];
  if (cr.status === 'invalid') {
    lines.push(c.red(`  ${wr.w('couldNotAssess')}:`), ...cr.diagnostics.map((d) => `  ${formatDiagnostic(d)}`), '');
    return wrapText(lines.join('\n'), options.width) + '\n';
  }
  // Warnings (a rule-set version used outside its period) come before anything that rests on them.
  for (const d of cr.diagnostics.filter((x) => x.severity === 'warning')) lines.push(c.yellow(`  ! ${d.message}`));
  lines.push(...wr.whatToDo(cr), ...wr.glance(cr));
  if (options.detail === 'lean') {
    // Lean: what to do, the headlines, one table of the dates still running (or missed), what does not apply.
    const current = cr.deadlines.filter((d) => d.status !== 'not_applicable' && !onlyHistory(d));
    if (current.length > 0) lines.push('', ...wr.deadlines(current));
  } else for (const rs of cr.rulesets) lines.push(...wr.ruleset(cr, rs));
  const notApplying = routesNotApplying(cr);
  if (notApplying.length > 0) lines.push('', c.bold(`  ${wr.w('routesNotApplying')}`), ...notApplying.map((l) => `    – ${l}`));
  lines.push(...wr.unconfirmedNotes());
  if (options.detail === 'lean') lines.push('', c.dim(`  ${wr.w('moreDetail')}`));
  lines.push('');
  return wrapText(lines.join('\n'), options.width) + '\n';
}
