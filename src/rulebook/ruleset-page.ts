/**
 * One rule set's page: its rules (criteria, judgments, tables, deadlines, actions), then what they
 * read (derived values, questions, calendars) and the sources they cite, each with an anchor.
 */
import { durationInWords } from '../explain/values.js';
import type { Action, Calendar, Criterion, Deadline, Derived, Fact, Judgment, Route, RuleMeta, Table } from '../rules/types.js';
import { say as sayReport } from '../words/report.js';
import { esc, facts } from './html.js';
import { CASE_FIELDS_PAGE, INDEX_PAGE, RuleSetContext, UNVERIFIED_PAGE, type BookSource } from './context.js';
import { entryKey, SECTIONS, type RuleSection, type Section } from './model.js';
import { bookIfKnown } from './words.js';

export function ruleSetPage(c: RuleSetContext): string {
  const rs = c.rs;
  const jurisdiction = rs.jurisdictionRecord?.name ?? c.book.input.jurisdictions.find((j) => j.id === rs.jurisdiction)?.name;
  const present = SECTIONS.filter((s) => Object.keys(rs[s] ?? {}).length > 0);
  const nav = `<nav class="top">${c.site.link({ page: INDEX_PAGE }, c.w('back'))} ${c.site.link({ page: UNVERIFIED_PAGE }, c.w('unverifiedTitle'))} ${c.site.link({ page: CASE_FIELDS_PAGE }, c.w('caseFieldsTitle'))}</nav>`;
  const head = `<h1>${esc(c.tx(rs.title))}<code class="id">${esc(rs.id)} ${esc(rs.version)}</code></h1><p>${esc(c.tx(rs.description))}</p>`;
  const meta = facts([
    [c.w('jurisdiction'), esc(jurisdiction ? c.tx(jurisdiction) : rs.jurisdiction)],
    [c.w('version'), esc(rs.version)],
    [c.w('period'), esc(c.period())],
    [c.w('index'), present.map((s) => c.site.link({ page: c.book.page(rs), anchor: `${c.book.page(rs)}--${s}` }, `${c.w(`section.${s}`)} (${Object.keys(rs[s] ?? {}).length})`)).join(' · ')],
  ]);
  return nav + head + meta + present.map((s) => section(c, s)).join('\n');
}

function section(c: RuleSetContext, s: Section): string {
  const entries = Object.keys(c.rs[s] ?? {}).map((id) => entry(c, s, id));
  return `<h2 id="${esc(`${c.book.page(c.rs)}--${s}`)}">${esc(c.w(`section.${s}`))}</h2>\n${entries.join('\n')}`;
}

function entry(c: RuleSetContext, s: Section, id: string): string {
  const rs = c.rs;
  const place = c.book.place(rs, s, id);
  const key = entryKey(s, id);
  const readers = c.book.readersOf(rs, key);
  const readBy = readers.length > 0 ? readers.map((r) => c.entryLink(r)).join(', ') : undefined;
  const refs = c.book.refsOf(rs, key);
  const reads = refs.length > 0 ? refs.map((r) => c.line({ parts: [c.words.ref(r)] })).join(', ') : undefined;
  let title: string;
  let body: string;
  let unverified = false;
  switch (s) {
    case 'routes':
    case 'criteria':
    case 'judgments':
    case 'tables':
    case 'deadlines':
    case 'actions': {
      const rule = (rs[s] as Record<string, RuleMeta>)[id] as RuleMeta;
      title = c.tx(rule.title);
      unverified = !c.fullyVerified(s, id);
      const route = (rule as { route?: string }).route;
      body = ruleBody(c, s, id, rule) + facts([[c.w('route'), route ? c.routeLink(route) : undefined], [c.w('reads'), reads], [c.w('readBy'), readBy]]) + c.ruleFooter(s as RuleSection, id, rule);
      break;
    }
    case 'derived': {
      const d = rs.derived?.[id] as Derived;
      title = c.tx(d.title);
      body = facts([[c.w('computes'), c.lines(c.words.derived(d))], [c.w('readBy'), readBy]]);
      break;
    }
    case 'facts': {
      const f = rs.facts?.[id] as Fact;
      title = c.tx(f.question);
      body = factBody(c, f) + facts([[c.w('readBy'), readBy]]);
      break;
    }
    case 'calendars': {
      const cal = rs.calendars?.[id] as Calendar;
      title = c.tx(cal.title);
      body = calendarBody(c, cal) + facts([[c.w('readBy'), readBy]]);
      break;
    }
    case 'sources': {
      const src = rs.sources[id] as BookSource;
      title = c.sourceName(id);
      unverified = !src.verified;
      body = sourceBody(c, src) + facts([[c.w('citedBy'), readBy]]);
      break;
    }
  }
  const badges = badgesOf(c, s, id);
  return `<article class="entry${unverified ? ' unverified' : ''}" id="${esc(place.anchor)}"><h3>${esc(title)}<code class="id">${esc(id)}</code></h3>${badges}${body}</article>`;
}

function badgesOf(c: RuleSetContext, s: Section, id: string): string {
  const out: string[] = [];
  const rs = c.rs;
  if (s === 'criteria' || s === 'tables') {
    const rule = (rs[s] as Record<string, Criterion | Table>)[id] as Criterion | Table;
    out.push(c.w(`role.${rule.kind ?? (s === 'criteria' ? 'element' : 'information')}`));
  }
  if ((s === 'criteria' || s === 'judgments' || s === 'tables') && (rs[s] as Record<string, { conclusion?: boolean }>)[id]?.conclusion) out.push(c.w('headline'));
  if (s === 'deadlines') out.push(c.w(`deadlineKind.${(rs.deadlines?.[id] as Deadline).kind}`));
  if (s === 'sources') return c.sourceBadge(id);
  return out.map((b) => `<span class="badge muted">${esc(b)}</span>`).join('');
}

function ruleBody(c: RuleSetContext, s: Section, id: string, rule: RuleMeta): string {
  switch (s) {
    case 'routes': {
      const r = rule as Route;
      const items = c.book.routeItems(c.rs, id).map(({ rs, key }) => (rs === c.rs ? c.entryLink(key) : `${c.foreignLink(rs, key)} <span class="muted small">(${esc(c.tx(rs.title))})</span>`));
      return facts([
        [c.w('routeApplies'), c.lines([c.words.condition(r.applies)])],
        [c.w('routeNotApplying'), esc(c.tx(r.notApplying))],
        [c.w('routeIfUnknown'), esc(c.tx(r.ifUnknown))],
        [c.w('routeItems'), items.length > 0 ? `<ul class="plain">${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : undefined],
      ]);
    }
    case 'criteria': {
      const r = rule as Criterion;
      return facts([
        [c.w('whenMet'), esc(c.tx(r.explain.met))],
        [c.w('whenNotMet'), r.kind === 'information' ? undefined : esc(c.tx(r.explain.not_met))],
        [c.w('whenUndetermined'), r.explain.undetermined ? esc(c.tx(r.explain.undetermined)) : undefined],
        [c.w('logic'), c.lines([c.words.condition(r.when)])],
      ]);
    }
    case 'judgments':
      return judgmentBody(c, rule as Judgment);
    case 'tables':
      return tableBody(c, rule as Table);
    case 'deadlines': {
      const d = rule as Deadline;
      return facts([
        [c.w('basis'), esc(c.tx(d.basis))],
        [c.w('startEvent'), d.startLabel ? esc(c.tx(d.startLabel)) : undefined],
        [c.w('term'), c.lines(c.words.deadlineTerm(d, (cal) => ({ ref: '', label: c.tx(c.calendarOwner(cal)?.calendars?.[cal]?.title) || cal })))],
        [c.w('appliesWhen'), d.appliesWhen ? c.lines([c.words.condition(d.appliesWhen)]) : undefined],
      ]) + calendarRow(c, d);
    }
    case 'actions': {
      const a = rule as Action;
      return facts([
        [c.w('who'), esc(sayReport(c.lang, `who.${a.who}`))],
        [c.w('urgency'), esc(c.w(`urgency.${a.urgency ?? (a.by ? 'by-last-day' : 'when-convenient')}`))],
        [c.w('because'), esc(c.tx(a.because))],
        [c.w('explainWhy'), a.explainWhy ? esc(c.tx(a.explainWhy)) : undefined],
        [c.w('lastDay'), a.by ? c.line({ parts: [c.words.ref(a.by)] }) + `<br>${esc(c.w('term.dueSoon', { length: durationInWords(a.dueSoon ?? 'P14D', c.lang) }))}` : undefined],
        [c.w('doneWhen'), a.done ? c.line({ parts: [c.words.ref(a.done)] }) : undefined],
        [c.w('advisedWhen'), a.when ? c.lines([c.words.condition(a.when)]) : esc(c.w('alwaysAdvised'))],
      ]);
    }
    default:
      return `<!-- ${esc(id)} -->`;
  }
}

/** A deadline's calendar, linked to where the calendar is declared (often another rule set). */
function calendarRow(c: RuleSetContext, d: Deadline): string {
  if (d.calendar === 'none') return '';
  return facts([[c.w('section.calendars'), c.entryLink(entryKey('calendars', d.calendar))]]);
}

function judgmentBody(c: RuleSetContext, j: Judgment): string {
  const refList = (refs: readonly string[]): string => `<ul class="plain">${refs.map((r) => `<li>${c.line({ parts: [c.words.ref(r)] })}</li>`).join('')}</ul>`;
  return facts([
    [c.w('question'), esc(c.tx(j.question))],
    [c.w('guidance'), esc(c.tx(j.help))],
    [c.w('answer'), esc(c.w(`judgmentType.${j.type ?? 'boolean'}`))],
    [c.w('options'), j.options ? `<ul class="plain">${j.options.map((o) => `<li><strong>${esc(o.value)}</strong>: ${esc(c.tx(o.label))}</li>`).join('')}</ul>` : undefined],
    [c.w('indicators'), j.indicators.length > 0 ? refList(j.indicators) : undefined],
    [c.w('counterIndicators'), j.counterIndicators && j.counterIndicators.length > 0 ? refList(j.counterIndicators) : undefined],
    [c.w('whenMet'), j.explain && j.type !== 'choice' ? esc(c.tx(j.explain.met)) : undefined],
    [c.w('whenNotMet'), j.explain && j.type !== 'choice' ? esc(c.tx(j.explain.not_met)) : undefined],
    [c.w('relevantWhen'), j.relevantWhen ? c.lines([c.words.condition(j.relevantWhen)]) : undefined],
  ]);
}

function tableBody(c: RuleSetContext, t: Table): string {
  // A text output is for people; a code or number is for other rules: shown in words, with its output name for maintainers.
  const output = (v: unknown): string => (v !== null && typeof v === 'object' ? esc((v as Record<string, string>)[c.lang] ?? '') : esc(c.words.literal(v as string | number | boolean)));
  const rows = t.rows
    .map((row, i) => {
      const out = Object.entries(row.output)
        .map(([k, v]) => (typeof v === 'object' ? output(v) : `${output(v)} <code class="id">${esc(k)}</code>`))
        .join('<br>');
      return `<tr><td>${i + 1}</td><td>${c.lines([c.words.tableRow(t, row)])}</td><td>${out}</td></tr>`;
    })
    .join('');
  return facts([
    [c.w('hitPolicy'), esc(c.w(`hit.${t.hitPolicy}`))],
    [c.w('inputs'), t.inputs && t.inputs.length > 0 ? t.inputs.map((r) => c.line({ parts: [c.words.ref(r)] })).join(', ') : undefined],
    [c.w('relevantWhen'), t.relevantWhen ? c.lines([c.words.condition(t.relevantWhen)]) : undefined],
  ]) + `<table><thead><tr><th>${esc(c.w('row'))}</th><th>${esc(c.w('when'))}</th><th>${esc(c.w('gives'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function factBody(c: RuleSetContext, f: Fact): string {
  return facts([
    [c.w('guidance'), esc(c.tx(f.help))],
    [c.w('answer'), esc(c.w(`factType.${f.type}`))],
    [c.w('options'), f.options ? `<ul class="plain">${f.options.map((o) => `<li>${esc(c.tx(o.label))}</li>`).join('')}</ul>` : undefined],
    [c.w('unit'), f.unit ? esc(c.tx(f.unit)) : undefined],
  ]);
}

function calendarBody(c: RuleSetContext, cal: Calendar): string {
  const weekday = (n: number): string => sayReport(c.lang, `weekday.${n}` as Parameters<typeof sayReport>[1]);
  const holiday = (h: Calendar['holidays'][number]): string => {
    const when = h.fixed ?? (h.easter !== undefined ? c.w('easter', { days: h.easter }) : h.date ? c.date(h.date) : '');
    const extra = [h.ifSunday !== undefined ? c.w('ifSunday', { days: h.ifSunday }) : '', h.fromYear ? c.w('fromYear', { year: h.fromYear }) : '', h.untilYear ? c.w('untilYear', { year: h.untilYear }) : ''].filter(Boolean);
    return `<li>${esc(c.tx(h.name))} — ${esc(when)}${extra.length > 0 ? esc(` (${extra.join('; ')})`) : ''}${h.verified === false ? ` <span class="badge warn">${esc(c.w('sourceUnverified'))}</span>` : ''}</li>`;
  };
  const rules = [cal.minWorkingDays ? c.w('minWorkingDays', { n: cal.minWorkingDays }) : '', cal.notBeyond ? c.w('notBeyond', { length: durationInWords(cal.notBeyond, c.lang) }) : '', cal.notInYears ? c.w('notInYears') : ''].filter(Boolean);
  return facts([
    [c.w('weekend'), esc(cal.weekend.map(weekday).join(', '))],
    [c.w('holidays'), `<ul class="plain">${cal.holidays.map(holiday).join('')}</ul>`],
    [c.w('basis'), rules.length > 0 ? esc(rules.join(' ')) : undefined],
    [c.w('sources'), `<ul class="plain">${cal.cite.map((s) => `<li>${c.site.link(c.book.place(c.rs, 'sources', s), c.sourceName(s))} ${c.sourceBadge(s)}</li>`).join('')}</ul>`],
    [c.w('checked'), esc(c.date(cal.checked))],
  ]);
}

function sourceBody(c: RuleSetContext, s: BookSource): string {
  return facts([
    [c.w('sourceKind'), s.kind ? esc(bookIfKnown(c.lang, `sourceKind.${s.kind}`) ?? s.kind) : undefined],
    [c.w('quote'), s.quote ? `<blockquote>${esc(s.quote)}</blockquote>` : undefined],
    [c.w('link'), s.url ? `<a href="${esc(s.url)}">${esc(s.url)}</a>` : undefined],
    ['ECLI', s.ecli ? esc(s.ecli) : undefined],
    [c.w('checked'), esc(c.date(s.checked))],
    [c.w('verification'), s.verified ? `<span class="ok">${esc(c.w('sourceVerified'))}</span>` : `<span class="warn">${esc(c.w('sourceUnverified'))}</span>: ${esc(c.whyUnverified(s))}`],
    [c.w('sourceNote'), s.note && s.unverifiedBecause ? esc(c.tx(s.note)) : s.note && s.verified ? esc(c.tx(s.note)) : undefined],
  ]);
}
