/**
 * The report to hand on as Markdown, for a case file system or an e-mail: the same parts as the
 * HTML report, in the case's language, with the timeline as a dated list. Case text is escaped.
 */
import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { ActionReport, CaseReport, ConclusionReport, DeadlineReport, SourceRef } from '../explain/types.js';
import { humanDate, humanDatesIn } from '../explain/values.js';
import type { Lang } from '../rules/types.js';
import { say } from '../words/report.js';
import { actionWhen, caseMeta, conclusionBullets, conclusionStatusText, deadlineBullets, daysLeftText, deadlinesByKind, deadlineStatusText, dueText, headlines, incidentWhat, numberedDeadlines, onlyHistory, pendingActions, routeIf, routesNotApplying, shownInDetails, sourceLong, type NumberedDeadline } from './handoff.js';
import { UnconfirmedNotes } from './marks.js';

/** Inline text: Markdown's markup characters escaped, line breaks folded. */
export const md = (s: string): string => s.replace(/\r?\n/g, ' ').replace(/([\\`*_{}[\]<>#|~!])/g, '\\$1');
const cell = (s: string): string => md(s);

export function formatCaseMarkdown(cr: CaseReport, reportLang: Lang): string {
  const lang = cr.lang ?? reportLang;
  const w = (k: Parameters<typeof say>[1], vars?: Record<string, string | number>): string => say(lang, k, vars);
  const out = [`# ${md(w('case'))} ${md(cr.id)}`, ''];
  if (cr.status === 'invalid') {
    out.push(`${md(w('couldNotAssess'))}:`, '', ...cr.diagnostics.map((d) => `- ${md(formatDiagnostic(d))}`), '', `*${md(w('disclaimer'))}*`, '');
    return out.join('\n') + '\n';
  }
  out.push(...caseMeta(cr, lang).map((m) => `- **${md(m.label)}:** ${md(m.value)}`), '');
  for (const d of cr.diagnostics.filter((x) => x.severity === 'warning')) out.push(`> ⚠️ ${md(d.message)}`, '');
  if (cr.story?.summary) out.push(`## ${md(w('theCase'))}`, '', `> ${md(cr.story.summary)}`, '');
  const numbered = numberedDeadlines(cr);
  const notes = new UnconfirmedNotes(lang);
  out.push(...whatToDo(cr, lang, notes), ...conclusions(cr, lang, notes), ...timeline(cr, numbered, lang), ...deadlines(cr, numbered.filter((x) => !onlyHistory(x.d)), lang, notes));
  const notApplying = routesNotApplying(cr);
  if (notApplying.length > 0) out.push(`## ${md(w('routesNotApplying'))}`, '', ...notApplying.map((l) => `- ${md(l)}`), '');
  out.push(...story(cr, lang), ...details(cr, lang, notes), ...notesPart(notes, lang), '---', '', `*${md(w('disclaimer'))}*`, '');
  return out.join('\n') + '\n';
}

/** An item's one mark, " \\[unconfirmed 1\\]", or nothing. */
function mark(item: { unverifiedBecause?: string }, notes: UnconfirmedNotes): string {
  const m = notes.mark(item);
  return m === undefined ? '' : ` \\[${md(m)}\\]`;
}

/** The notes the marks point to, once, at the end, with the legend. */
function notesPart(notes: UnconfirmedNotes, lang: Lang): string[] {
  const list = notes.notes();
  if (list.length === 0) return [];
  return [`## ${md(say(lang, 'unconfirmedHeading'))}`, '', `*${md(say(lang, 'unconfirmedLegend'))}*`, '', ...list.map(({ n, reason }) => `${n}. ${md(reason)}`), ''];
}

function whatToDo(cr: CaseReport, lang: Lang, notes: UnconfirmedNotes): string[] {
  const actions = pendingActions(cr);
  const out = [`## ${md(say(lang, 'whatToDo'))}`, ''];
  if (actions.length === 0) return [...out, md(say(lang, 'nothingToDo')), ''];
  actions.forEach((a, i) => out.push(...action(a, i + 1, routeIf(cr, a), lang, notes)));
  out.push('');
  return out;
}

function action(a: ActionReport, n: number, ifRoute: string, lang: Lang, notes: UnconfirmedNotes): string[] {
  const when = actionWhen(a, lang);
  const lines = [`${n}. **${md(ifRoute)}${a.conditional && ifRoute === '' ? `${md(say(lang, 'ifStill'))} ` : ''}${md(a.title)}** (${md(a.whoText)})${when ? ` — **${md(when)}**` : ''}${mark(a, notes)}`, md(a.because)];
  if (a.status === 'expired' && a.due) lines.push(`**${md(say(lang, 'missed', { due: humanDate(a.due, lang) }))}**`);
  if (a.needs.length > 0) lines.push(`*${md(say(lang, 'stillNeeded'))}:* ${md(a.needs.map((x) => x.label).join('; '))}`);
  // One list item: continuation lines indented, each ended by a hard line break.
  return lines.map((l, i) => (i === 0 ? l : `   ${l}`) + (i < lines.length - 1 ? '  ' : ''));
}

function conclusions(cr: CaseReport, lang: Lang, notes: UnconfirmedNotes): string[] {
  const items = headlines(cr);
  if (items.length === 0) return [];
  return [`## ${md(say(lang, 'conclusions'))}`, '', ...items.map((c) => `- **${md(conclusionStatusText(c, lang))}** — ${md(routeIf(cr, c))}${md(c.title)}${mark(c, notes)}: ${md(humanDatesIn(c.explanation, lang))}`), ''];
}

/** The timeline as a list by date: incidents, order dates and deadlines, with the as-of date marked. */
function timeline(cr: CaseReport, numbered: readonly NumberedDeadline[], lang: Lang): string[] {
  const events: { day: string; text: string }[] = [];
  for (const inc of cr.story?.incidents ?? []) {
    const day = inc.date.from ?? inc.date.to;
    if (day) events.push({ day, text: `${md(inc.date.text)} — ${md(say(lang, 'incidentN', { n: inc.n }))}${inc.kind ? `: ${md(inc.kind)}` : ''}${inc.count ? ` (${md(say(lang, 'timesN', { count: inc.count }))})` : ''}` });
  }
  for (const o of cr.story?.orders ?? []) {
    const name = md(say(lang, 'laneOrder', { n: o.n }));
    for (const [key, when] of [['order.made', o.made?.from], ['order.served', o.served?.from], ['order.ends', o.ends?.to]] as const) {
      if (when) events.push({ day: when, text: `${md(humanDate(when, lang))} — ${name} ${md(say(lang, key))}: ${md(o.type)}` });
    }
  }
  for (const { n, d } of numbered) if (d.due) events.push({ day: d.due, text: `${md(dueText(d, lang))} — ${md(say(lang, 'deadline'))} ${n}: ${md(d.title)} (${md(deadlineStatusText(d, lang))})` });
  if (events.length === 0) return [];
  if (cr.asOf) events.push({ day: cr.asOf, text: `**${md(say(lang, 'timelineAsOf', { date: humanDate(cr.asOf, lang) }))}**` });
  events.sort((a, b) => a.day.localeCompare(b.day));
  return [`## ${md(say(lang, 'timeline'))}`, '', ...events.map((e) => `- ${e.text}`), ''];
}

function deadlines(cr: CaseReport, numbered: readonly NumberedDeadline[], lang: Lang, notes: UnconfirmedNotes): string[] {
  if (numbered.length === 0) return [];
  const out = [`## ${md(say(lang, 'deadlines'))}`, ''];
  for (const group of deadlinesByKind(numbered)) {
    out.push(`### ${md(say(lang, `dkind.${group.kind}`))}`, '', `| # | ${cell(say(lang, 'deadline'))} | ${cell(say(lang, 'due'))} | ${cell(say(lang, 'daysLeftHeader'))} | ${cell(say(lang, 'status'))} |`, '|---|---|---|---|---|');
    for (const { n, d } of group.items) out.push(`| ${n} | ${cell(routeIf(cr, d))}${cell(d.title)}${mark(d, notes)} | ${cell(dueText(d, lang))} | ${daysLeftText(d)} | ${cell(deadlineStatusText(d, lang))} |`);
    out.push('');
  }
  return out;
}

function story(cr: CaseReport, lang: Lang): string[] {
  const s = cr.story;
  if (!s) return [];
  const w = (k: Parameters<typeof say>[1]): string => cell(say(lang, k));
  const out = [`## ${w('incidents')}`, ''];
  if (s.incidents.length === 0) out.push(w('noIncidents'), '');
  else {
    out.push(`| # | ${w('date')} | ${w('what')} | ${w('description')} |`, '|---|---|---|---|');
    for (const inc of s.incidents) {
      const what = incidentWhat(inc, lang);
      out.push(`| ${inc.n} | ${cell(inc.date.text)} | ${cell(what)} | ${cell(inc.description ?? '')} |`);
    }
    out.push('');
  }
  if (s.orders.length > 0) {
    out.push(`## ${w('ordersAndMeasures')}`, '', `| # | ${w('what')} | ${w('order.made')} | ${w('order.served')} | ${w('order.ends')} |`, '|---|---|---|---|---|');
    for (const o of s.orders) out.push(`| ${o.n} | ${cell(o.type)}${o.text ? `<br>${cell(o.text)}` : ''} | ${cell(o.made?.text ?? '—')} | ${cell(o.served?.text ?? '—')} | ${cell(o.indefinite ? say(lang, 'order.indefinite') : (o.ends?.text ?? '—'))} |`);
    out.push('');
  }
  return out;
}

function details(cr: CaseReport, lang: Lang, notes: UnconfirmedNotes): string[] {
  const out = [`## ${md(say(lang, 'details'))}`, ''];
  const index = new Map<string, { n: number; s: SourceRef }>();
  const refs = (sources: readonly SourceRef[], ruleset: string): string => {
    const ns = sources.map((s) => {
      const key = `${ruleset}/${s.id}`;
      if (!index.has(key)) index.set(key, { n: index.size + 1, s });
      return index.get(key)?.n;
    });
    return ns.length === 0 ? '' : ` \\[${ns.join(', ')}\\]`;
  };
  for (const rs of cr.rulesets) {
    const items = cr.conclusions.filter((x) => x.ruleset === rs.id && shownInDetails(x));
    const dls = cr.deadlines.filter((d) => d.ruleset === rs.id && d.status !== 'not_applicable');
    if (items.length === 0 && dls.length === 0) continue;
    out.push(`### ${md(rs.title)}`, '');
    for (const c of items) out.push(...conclusionDetail(c, lang, refs(c.sources, c.ruleset), notes));
    for (const d of dls) out.push(...deadlineDetail(d, lang, refs(d.sources, d.ruleset), notes));
    out.push('');
  }
  for (const a of cr.actions) refs(a.sources, a.ruleset);
  if (index.size > 0) out.push(`### ${md(say(lang, 'sources'))}`, '', ...[...index.values()].map(({ n, s }) => `${n}. ${md(sourceLong(s, lang))}`), '');
  return out;
}

function conclusionDetail(c: ConclusionReport, lang: Lang, refs: string, notes: UnconfirmedNotes): string[] {
  return [`- **${md(c.title)}**${mark(c, notes)} — ${md(conclusionStatusText(c, lang))}${refs}: ${md(humanDatesIn(c.explanation, lang))}`, ...conclusionBullets(c, lang).map((x) => `  - ${md(x)}`)];
}

function deadlineDetail(d: DeadlineReport, lang: Lang, refs: string, notes: UnconfirmedNotes): string[] {
  return [`- **${md(d.title)}**${mark(d, notes)} — ${md(dueText(d, lang))}, ${md(deadlineStatusText(d, lang))}${refs}: ${md(humanDatesIn(d.explanation, lang))}`, ...deadlineBullets(d, lang).map((x) => `  - ${md(x)}`)];
}

