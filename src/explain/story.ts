/**
 * The case's own story, for the reports a person hands on: the summary, who judged, the
 * incidents and the orders, each date both in words and as a day range (for the timeline).
 * Built from the case file the application layer attaches to a result; pure.
 */
import type { CaseFile, Incident, Order } from '../case/types.js';
import { fromOpenEnd, parseWhen } from '../dates/legal-date.js';
import type { Lang } from '../rules/types.js';
import { say } from '../words/report.js';
import { describeValue, formatNumber, humanDate } from './values.js';

/** A date as the case file gives it: in words, and as the days it may be (open ends left out). */
export interface StoryDate {
  text: string;
  /** the first and last day it may be; undefined where the case leaves that end open */
  from?: string;
  to?: string;
}

export interface StoryIncident {
  /** 1-based, as the report numbers them */
  n: number;
  date: StoryDate;
  kind?: string;
  /** "about 40" or "30–50" acts, when the entry stands for more than one */
  count?: string;
  channel?: string;
  description?: string;
}

export interface StoryOrder {
  n: number;
  type: string;
  made?: StoryDate;
  served?: StoryDate;
  ends?: StoryDate;
  indefinite: boolean;
  /** the terms in the order's own words, when the case file quotes them */
  text?: string;
}

export interface CaseStory {
  summary?: string;
  /** who recorded the judgments: the advisers on the case */
  advisers: string[];
  incidents: StoryIncident[];
  orders: StoryOrder[];
  complaint?: { learned?: StoryDate; filed?: StoryDate; withdrawn?: StoryDate };
}

/** Turns a When into words and days; undefined when absent or unreadable. */
function storyDate(value: unknown, zone: string, lang: Lang): StoryDate | undefined {
  if (value === undefined || value === null || value === false || value === 'unknown') return undefined;
  const parsed = parseWhen(value, zone);
  if (!parsed.ok) return undefined;
  const { earliest, latest } = parsed.range;
  const from = fromOpenEnd(earliest) ? undefined : earliest;
  const to = fromOpenEnd(latest) ? undefined : latest;
  const text = earliest === latest ? humanDate(earliest, lang) : describeValue({ earliest, latest }, lang);
  return { text, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** How many acts an incident stands for ("40", "30–50"); nothing for one. */
export function countText(count: Incident['count'], lang: Lang): string | undefined {
  if (count === undefined) return undefined;
  if (typeof count === 'number') return count === 1 ? undefined : formatNumber(count, lang);
  return `${formatNumber(count.min, lang)}–${formatNumber(count.max, lang)}`;
}

function storyIncident(inc: Incident, i: number, zone: string, lang: Lang, kindLabel: (code: string) => string): StoryIncident {
  const date = storyDate(inc.date, zone, lang) ?? { text: say(lang, 'unknown') };
  const count = countText(inc.count, lang);
  return {
    n: i + 1,
    date,
    ...(inc.kind ? { kind: kindLabel(inc.kind) } : {}),
    ...(count ? { count } : {}),
    ...(inc.channel ? { channel: inc.channel } : {}),
    ...(inc.description ? { description: inc.description } : {}),
  };
}

function storyOrder(o: Order, i: number, zone: string, lang: Lang, typeLabel: (code: string) => string): StoryOrder {
  const made = storyDate(o.made, zone, lang);
  const served = storyDate(o.served, zone, lang);
  const ends = o.indefinite === true ? undefined : storyDate(o.expires, zone, lang);
  return {
    n: i + 1,
    type: typeLabel(o.type),
    ...(made ? { made } : {}),
    ...(served ? { served } : {}),
    ...(ends ? { ends } : {}),
    indefinite: o.indefinite === true,
    ...(o.terms?.text ? { text: o.terms.text } : {}),
  };
}

/** The story of a case file in a language; `label` names codes (an order type, an incident kind). */
export function caseStory(record: CaseFile, zone: string, lang: Lang, label: (code: string) => string): CaseStory {
  const advisers = [...new Set(Object.values(record.judgments ?? {}).map((j) => j.by).filter((by) => typeof by === 'string' && by.trim() !== ''))];
  const c = record.complaint;
  const complaint = c ? { learned: storyDate(c.learned, zone, lang), filed: storyDate(c.filed, zone, lang), withdrawn: storyDate(c.withdrawn, zone, lang) } : undefined;
  const known = complaint ? Object.fromEntries(Object.entries(complaint).filter(([, v]) => v !== undefined)) : {};
  return {
    ...(record.summary ? { summary: record.summary.trim() } : {}),
    advisers,
    incidents: (record.incidents ?? []).map((inc, i) => storyIncident(inc, i, zone, lang, label)),
    orders: (record.orders ?? []).map((o, i) => storyOrder(o, i, zone, lang, label)),
    ...(Object.keys(known).length > 0 ? { complaint: known } : {}),
  };
}
