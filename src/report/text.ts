import { Chalk } from 'chalk';
import { DateTime } from 'luxon';
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { CaseReport, ConclusionResult, DeadlineResult, Report, SourceRef } from '../engine/report-types.js';
import type { Lang } from '../rules/types.js';

export interface TextOptions {
  color: boolean;
}

const WORDS = {
  en: {
    case: 'Case',
    yes: 'yes',
    no: 'no',
    asOf: 'assessed on',
    rules: 'Rule set',
    met: 'met',
    not_met: 'not met',
    undetermined: 'undetermined',
    needed: 'Still needed',
    values: 'Values used',
    indicators: 'Indicators',
    counter: 'counter-indicator',
    judgment: 'Judgment',
    by: 'by',
    guidance: 'Guidance',
    deadlines: 'Deadlines',
    due: 'Due',
    left: 'Days left',
    status: 'Status',
    deadline: 'Deadline',
    basis: 'Basis',
    sources: 'Sources',
    checked: 'checked',
    unverified: 'UNVERIFIED',
    unverifiedNote: 'rests on a point not confirmed in a primary source; check before relying on it',
    invalid: 'could not be assessed',
    disclaimer: 'This report is an aid for advisers, not legal advice. Check every conclusion against the sources cited.',
    noDeadlines: 'No deadlines in these rule sets.',
    deadlineStatus: { open: 'open', due_soon: 'DUE SOON', expired: 'EXPIRED', satisfied: 'satisfied', not_applicable: 'n/a', undetermined: 'undetermined' },
    startedFrom: 'from',
    extended: 'extended',
    monthEnd: 'month-end rule applied',
    summary: 'Summary',
    glance: 'At a glance',
    daysWord: 'days left',
    cases: 'cases',
    assessedCount: 'assessed',
    invalidCount: 'could not be assessed',
  },
  nl: {
    case: 'Zaak',
    yes: 'ja',
    no: 'nee',
    asOf: 'beoordeeld op',
    rules: 'Regelset',
    met: 'voldaan',
    not_met: 'niet voldaan',
    undetermined: 'onbepaald',
    needed: 'Nog nodig',
    values: 'Gebruikte waarden',
    indicators: 'Indicatoren',
    counter: 'contra-indicator',
    judgment: 'Oordeel',
    by: 'door',
    guidance: 'Toelichting',
    deadlines: 'Termijnen',
    due: 'Uiterste datum',
    left: 'Dagen over',
    status: 'Status',
    deadline: 'Termijn',
    basis: 'Grondslag',
    sources: 'Bronnen',
    checked: 'gecontroleerd',
    unverified: 'NIET GEVERIFIEERD',
    unverifiedNote: 'berust op een punt dat niet in een primaire bron is bevestigd; controleer dit voordat u erop vertrouwt',
    invalid: 'kon niet worden beoordeeld',
    disclaimer: 'Dit rapport is een hulpmiddel voor adviseurs, geen juridisch advies. Controleer elke conclusie aan de hand van de genoemde bronnen.',
    noDeadlines: 'Geen termijnen in deze regelsets.',
    deadlineStatus: { open: 'open', due_soon: 'LOOPT BIJNA AF', expired: 'VERSTREKEN', satisfied: 'voldaan', not_applicable: 'n.v.t.', undetermined: 'onbepaald' },
    startedFrom: 'vanaf',
    extended: 'verlengd',
    monthEnd: 'maandeinderegel toegepast',
    summary: 'Samenvatting',
    glance: 'In het kort',
    daysWord: 'dagen over',
    cases: 'zaken',
    assessedCount: 'beoordeeld',
    invalidCount: 'niet te beoordelen',
  },
} as const;

/** Dates for people, in their language: 15 June 2026 / 15 juni 2026. */
export function humanDate(iso: string, lang: Lang): string {
  const dt = DateTime.fromISO(iso, { zone: 'UTC', locale: lang === 'nl' ? 'nl-NL' : 'en-GB' });
  return dt.isValid ? dt.toFormat('d MMMM yyyy') : iso;
}

function humanDatesIn(text: string, lang: Lang): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => humanDate(d, lang));
}

export type RulesetMeta = Report['rulesets'][number];

/** The whole report: each case, a summary when there are several, and the disclaimer. */
export function formatText(report: Report, options: TextOptions): string {
  const parts = report.cases.map((cr) => formatCaseText(cr, report.rulesets, report.lang, options));
  if (report.cases.length > 1) parts.push(formatSummaryText(report.cases.length, report.cases.filter((c) => c.status === 'invalid').length, report.lang, options));
  parts.push(formatDisclaimer(report.lang, options));
  return parts.join('');
}

export function formatDisclaimer(lang: Lang, options: TextOptions): string {
  return new Chalk({ level: options.color ? 1 : 0 }).dim(WORDS[lang].disclaimer) + '\n';
}

export function formatSummaryText(total: number, invalid: number, lang: Lang, options: TextOptions, extra = ''): string {
  const w = WORDS[lang];
  const c = new Chalk({ level: options.color ? 1 : 0 });
  return c.bold(w.summary) + `: ${total} ${w.cases}, ${total - invalid} ${w.assessedCount}, ${invalid} ${w.invalidCount}.${extra}\n\n`;
}

/** One case, as a legal-aid worker reads it; batch output streams these one by one. */
export function formatCaseText(cr: CaseReport, rulesets: readonly RulesetMeta[], reportLang: Lang, options: TextOptions): string {
  // A case read in its own language (the case file's lang) is written in it.
  const lang = cr.lang ?? reportLang;
  const w = WORDS[lang];
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  const mark = (status: string): string =>
    status === 'met' ? c.green('✔') : status === 'not_met' ? c.red('✘') : c.yellow('?');
  const sourceLine = (s: SourceRef): string => {
    const where = [s.instrument, s.article].filter(Boolean).join(', ');
    const link = s.ecli ?? s.url ?? '';
    return `${where}${link ? ` — ${link}` : ''} (${w.checked} ${s.checked})${s.verified ? '' : ' ' + c.yellow(`[${w.unverified}]`)}`;
  };

  {
    lines.push(c.bold(`${w.case} ${cr.id}`) + c.dim(`  ${cr.file}${cr.asOf && cr.status === 'assessed' ? ` · ${w.asOf} ${humanDate(cr.asOf, lang)} (${cr.timeZone})` : ''}`));
    if (cr.status === 'invalid') {
      lines.push(c.red(`  ${w.invalid}:`));
      for (const d of cr.diagnostics) lines.push(`  ${formatDiagnostic(d)}`);
      lines.push('');
      return lines.join('\n') + '\n';
    }
    // Warnings (a rule-set version used outside its period) come before anything that rests on them.
    for (const d of cr.diagnostics.filter((x) => x.severity === 'warning')) lines.push(c.yellow(`  ! ${d.message}`));
    // At a glance: the headline conclusions and the deadlines that need attention (running ones, and
    // terms to act that were missed), before the detail.
    const headlines = cr.conclusions.filter((x) => x.headline);
    const pressing = [...cr.deadlines].filter((d) => d.status === 'due_soon' || d.status === 'open' || (d.status === 'expired' && d.basis.satisfiedBy !== undefined)).sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '')).slice(0, 3);
    if (headlines.length > 0 || pressing.length > 0) {
      lines.push('', c.bold(`  ${w.glance}`));
      for (const h of headlines) lines.push(`    ${mark(h.status)} ${h.title} — ${w[h.status]}${h.verified ? '' : ' ' + c.yellow(`[${w.unverified}]`)}`);
      for (const d of pressing) {
        const colour = d.status === 'expired' ? c.red : d.status === 'due_soon' ? c.yellow : (x: string) => x;
        lines.push(`    ${colour('◷')} ${d.title}: ${d.due ? humanDate(d.due, lang) : '—'} — ${colour(w.deadlineStatus[d.status])}${d.daysLeft !== null && d.daysLeft >= 0 ? ` (${d.daysLeft} ${w.daysWord})` : ''}`);
      }
    }
    for (const rs of cr.rulesets) {
      const meta = rulesets.find((r) => r.id === rs.id);
      lines.push('');
      lines.push(c.bold.underline(`${rs.title ?? meta?.title ?? rs.id}`) + c.dim(`  (${rs.id} ${rs.version})`));
      const items = cr.conclusions.filter((x) => x.ruleset === rs.id);
      const ordered = [...items.filter((x) => x.headline), ...items.filter((x) => !x.headline)];
      for (const item of ordered) lines.push(...conclusionLines(item, lang, c, mark));
      const deadlines = cr.deadlines.filter((d) => d.ruleset === rs.id);
      // A rule set that only supplies a calendar has nothing to say on its own.
      if (items.length === 0 && deadlines.length === 0) {
        lines.pop();
        continue;
      }
      if (deadlines.length > 0) lines.push('', ...deadlineLines(deadlines, lang, c));
      const sources = new Map<string, SourceRef>();
      for (const x of [...items, ...deadlines]) for (const s of x.sources) sources.set(s.id, s);
      if (sources.size > 0) {
        lines.push('', c.bold(`  ${w.sources}`));
        for (const s of [...sources.values()]) lines.push(`    [${s.id}] ${sourceLine(s)}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n') + '\n';

  function conclusionLines(item: ConclusionResult, lang: Lang, c: InstanceType<typeof Chalk>, mark: (s: string) => string): string[] {
    const out: string[] = [];
    const status = item.kind === 'judgment' && typeof item.value === 'string' ? `${w.judgment}: ${item.value}` : w[item.status];
    const flag = item.verified ? '' : ' ' + c.yellow(`[${w.unverified}]`);
    out.push('');
    out.push(`  ${mark(item.status)} ${c.bold(item.title)} — ${status}${flag}`);
    out.push(`    ${humanDatesIn(item.explanation, lang)}`);
    if (item.reasons.length > 0 && item.kind === 'criterion') {
      for (const r of item.reasons) out.push(c.dim(`      · ${humanDatesIn(r.text, lang)}`));
    }
    if (item.kind === 'table' && item.status !== 'met') {
      for (const r of item.reasons) out.push(c.dim(`      · ${r.text}`));
    }
    if (item.indicators && item.indicators.length > 0) {
      out.push(`    ${w.indicators}:`);
      for (const ind of item.indicators) out.push(`      · ${ind.label}: ${humanDatesIn(ind.display, lang)}${ind.counter ? c.dim(` (${w.counter})`) : ''}`);
    }
    if (item.judgment) {
      const value = typeof item.judgment.value === 'boolean' ? (item.judgment.value ? w.yes : w.no) : String(item.judgment.value);
      out.push(`    ${w.judgment}: ${value} — ${item.judgment.reason} (${w.by} ${item.judgment.by}, ${item.judgment.at.replace('T', ' ')})`);
    } else if (item.kind === 'judgment' && item.guidance && item.status === 'undetermined' && item.needs.length > 0) {
      out.push(c.dim(`    ${w.guidance}: ${item.guidance}`));
    }
    if (item.needs.length > 0) {
      out.push(`    ${c.yellow(w.needed)}: ${item.needs.map((n) => n.label).join('; ')}`);
    }
    if (!item.verified && item.note) out.push(c.yellow(`    ${item.note}`));
    out.push(c.dim(`    ${item.sources.map((s) => [s.instrument, s.article].filter(Boolean).join(' ')).join('; ')}`));
    return out;
  }

  function deadlineLines(deadlines: DeadlineResult[], lang: Lang, c: InstanceType<typeof Chalk>): string[] {
    const out: string[] = [c.bold(`  ${w.deadlines}`)];
    // Sorted by due date, earliest first; those without a date last, in rule order.
    const sorted = [...deadlines].sort((a, b) => (a.due ?? '9999') .localeCompare(b.due ?? '9999'));
    const rows = sorted.map((d) => {
      const due = d.due === null ? '—' : d.earliest && d.latest ? `${humanDate(d.earliest, lang)} – ${humanDate(d.latest, lang)}` : humanDate(d.due, lang);
      const st = w.deadlineStatus[d.status];
      return [d.title + (d.verified ? '' : ` [${w.unverified}]`), due, d.daysLeft === null || d.status === 'not_applicable' || d.status === 'satisfied' ? '' : String(d.daysLeft), st, d] as const;
    });
    const widths = [w.deadline, w.due, w.left].map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));
    out.push(c.dim(`    ${pad(w.deadline, widths[0] ?? 0)}  ${pad(w.due, widths[1] ?? 0)}  ${pad(w.left, widths[2] ?? 0)}  ${w.status}`));
    for (const [title, due, left, st, d] of rows) {
      const colour = d.status === 'expired' ? c.red : d.status === 'due_soon' ? c.yellow : d.status === 'satisfied' ? c.green : (s: string) => s;
      out.push(`    ${pad(title, widths[0] ?? 0)}  ${pad(due, widths[1] ?? 0)}  ${pad(left, widths[2] ?? 0)}  ${colour(st)}`);
    }
    for (const d of sorted) {
      if (d.status === 'not_applicable') continue;
      out.push('');
      out.push(`    ${c.bold(d.title)}: ${humanDatesIn(d.explanation, lang)}`);
      const b = d.basis;
      const start = typeof b.startDate === 'string' ? humanDate(b.startDate, lang) : b.startDate && typeof b.startDate === 'object' ? `${humanDate((b.startDate as { earliest: string }).earliest, lang)} – ${humanDate((b.startDate as { latest: string }).latest, lang)}` : '—';
      out.push(c.dim(`      ${w.basis}: ${b.text}`));
      out.push(c.dim(`      ${w.startedFrom} ${b.startEvent}: ${start}; ${b.length}, ${b.counting}${b.monthEndApplied ? `, ${w.monthEnd} (${b.monthEnd})` : ''}${b.extension ? `; ${w.extended} ${humanDate(b.extension.from, lang)} → ${humanDate(b.extension.to, lang)}: ${humanDatesIn(b.extension.why, lang)}` : ''}`));
      if (d.needs.length > 0) out.push(`      ${c.yellow(w.needed)}: ${d.needs.map((n) => n.label).join('; ')}`);
      if (!d.verified && d.note) out.push(c.yellow(`      ${d.note}`));
    }
    return out;
  }
}
