import type { AnswerValue, CaseFile, Incident, JudgmentRecord, Order } from '../case/types.js';
import type { Lang } from '../rules/types.js';
import { isLang } from '../words/interview.js';

/**
 * Reading and writing answers in a case file by the references the engine uses in `needs`
 * (facts.x, judgments.x, case.complaint.learned, case.incidents.2.threat, case.orders.0.served).
 * Pure: every change returns a new case file.
 */

export const INTERVIEW_TOOL = 'rulecase interview';

/** 'complaint' is kept for interviews saved before the posture came first: they go on from the posture. */
export type Stage = 'opening' | 'posture' | 'people' | 'incidents' | 'complaint' | 'orders' | 'questions' | 'finished';
export const STAGES: readonly Stage[] = ['opening', 'posture', 'people', 'incidents', 'complaint', 'orders', 'questions', 'finished'];

/** What the interview keeps under the case file's `interview` key (a free object in the schema). */
export interface InterviewState {
  tool: typeof INTERVIEW_TOOL;
  status: 'in-progress' | 'finished';
  stage: Stage;
  lang: Lang;
  /** the adviser's name, recorded with each judgment */
  adviser?: string;
  started: string;
  saved: string;
  /**
   * questions answered "don't know" (or, for a date known only roughly, "not more precisely"):
   * not asked again until the answer is changed in the review
   */
  unknown: string[];
  /** how many of the planner's questions have been answered, for "Question 7" */
  asked: number;
  /** the day contact was refused has been asked (once: it answers every incident's "after the refusal") */
  refusalAsked?: boolean;
  /** the day contact was refused as the adviser gave it, for the review */
  refusal?: string;
  /** the step of the stages up front being asked, so a resumed interview returns to it */
  step?: string | undefined;
  /** what was asked, in order ("s:<step>" or "q:<reference>"), so Back goes to the one before */
  trail: string[];
  /** the printable report the interview wrote, rewritten without asking next time */
  report?: string;
}

export function interviewState(c: CaseFile): InterviewState | undefined {
  const s = c.interview;
  if (!s || s['tool'] !== INTERVIEW_TOOL) return undefined;
  const unknown = Array.isArray(s['unknown']) ? (s['unknown'] as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const stage = STAGES.find((x) => x === s['stage']) ?? 'questions';
  return {
    tool: INTERVIEW_TOOL,
    status: s['status'] === 'finished' ? 'finished' : 'in-progress',
    stage,
    lang: isLang(s['lang']) ? s['lang'] : 'en',
    ...(typeof s['adviser'] === 'string' && s['adviser'] !== '' ? { adviser: s['adviser'] } : {}),
    started: typeof s['started'] === 'string' ? s['started'] : '',
    saved: typeof s['saved'] === 'string' ? s['saved'] : '',
    unknown,
    asked: typeof s['asked'] === 'number' ? s['asked'] : 0,
    ...(s['refusalAsked'] === true ? { refusalAsked: true } : {}),
    ...(typeof s['refusal'] === 'string' ? { refusal: s['refusal'] } : {}),
    ...(typeof s['step'] === 'string' ? { step: s['step'] } : {}),
    ...(typeof s['report'] === 'string' ? { report: s['report'] } : {}),
    trail: Array.isArray(s['trail']) ? (s['trail'] as unknown[]).filter((x): x is string => typeof x === 'string') : [],
  };
}

export function withState(c: CaseFile, patch: Partial<InterviewState>): CaseFile {
  const current = interviewState(c);
  const base: InterviewState = current ?? { tool: INTERVIEW_TOOL, status: 'in-progress', stage: 'opening', lang: 'en', started: '', saved: '', unknown: [], asked: 0, trail: [] };
  const next: InterviewState = { ...base, ...patch };
  if (next.step === undefined) delete next.step;
  return { ...c, interview: { ...next } as unknown as Record<string, unknown> };
}

/** Everything answered "don't know": the interview's list, and what the case file itself says is unknown. */
export function unknownRefs(c: CaseFile): Set<string> {
  const out = new Set(interviewState(c)?.unknown ?? []);
  for (const [id, a] of Object.entries(c.facts ?? {})) {
    const v = typeof a === 'object' && 'value' in a ? a.value : a;
    if (v === 'unknown') out.add(`facts.${id}`);
  }
  if (c.complaint?.filed === 'unknown') out.add('case.complaint.filed');
  return out;
}

type Path = { root: 'facts' | 'judgments'; id: string } | { root: 'complaint'; key: 'learned' | 'filed' | 'withdrawn' } | { root: 'incidents' | 'orders'; index: number; keys: string[] } | { root: 'field'; keys: string[] };

function parse(ref: string): Path | undefined {
  const parts = ref.split('.');
  if ((parts[0] === 'facts' || parts[0] === 'judgments') && parts.length === 2 && parts[1]) return { root: parts[0], id: parts[1] };
  if (parts[0] !== 'case') return undefined;
  if (parts[1] === 'complaint' && parts.length === 3 && (parts[2] === 'learned' || parts[2] === 'filed' || parts[2] === 'withdrawn')) return { root: 'complaint', key: parts[2] };
  if ((parts[1] === 'incidents' || parts[1] === 'orders') && parts.length >= 4 && /^\d+$/.test(parts[2] ?? '')) return { root: parts[1], index: Number(parts[2]), keys: parts.slice(3) };
  // Any other case field a rule may read (proceedings.stage): a plain path of object keys.
  if (parts.length >= 3 && !['incidents', 'orders', 'complaint', 'interview', 'facts', 'judgments'].includes(parts[1] ?? '') && parts.slice(1).every((k) => /^[a-zA-Z]\w*$/.test(k))) return { root: 'field', keys: parts.slice(1) };
  return undefined;
}

/** The raw value at a reference, or undefined when nothing (or "unknown") is there. */
export function getAnswer(c: CaseFile, ref: string): unknown {
  const p = parse(ref);
  if (!p) return undefined;
  let v: unknown;
  switch (p.root) {
    case 'facts': {
      const a = c.facts?.[p.id];
      v = a !== undefined && typeof a === 'object' && 'value' in a ? a.value : a;
      break;
    }
    case 'judgments':
      v = c.judgments?.[p.id];
      break;
    case 'complaint':
      v = c.complaint?.[p.key];
      break;
    case 'field': {
      let node: unknown = c;
      for (const k of p.keys) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
      v = node;
      break;
    }
    default: {
      let node: unknown = (c[p.root] ?? [])[p.index];
      for (const k of p.keys) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
      v = node;
    }
  }
  return v === 'unknown' ? undefined : v;
}

/** Sets (or, with undefined, removes) the answer at a reference; it is no longer "don't know". */
export function setAnswer(c: CaseFile, ref: string, value: unknown): CaseFile {
  const p = parse(ref);
  if (!p) throw new Error(`cannot answer ${ref}`);
  const next = structuredClone(c);
  switch (p.root) {
    case 'facts': {
      const facts = { ...(next.facts ?? {}) };
      const old = facts[p.id];
      if (value === undefined) delete facts[p.id];
      // Keep a source or note the adviser wrote by hand.
      else facts[p.id] = old !== undefined && typeof old === 'object' && 'value' in old ? { ...old, value: value as AnswerValue } : (value as AnswerValue);
      next.facts = facts;
      if (Object.keys(facts).length === 0) delete next.facts;
      break;
    }
    case 'judgments': {
      const judgments = { ...(next.judgments ?? {}) };
      if (value === undefined) delete judgments[p.id];
      else judgments[p.id] = value as JudgmentRecord;
      next.judgments = judgments;
      if (Object.keys(judgments).length === 0) delete next.judgments;
      break;
    }
    case 'complaint': {
      const complaint = { ...(next.complaint ?? {}) } as Record<string, unknown>;
      if (value === undefined) delete complaint[p.key];
      else complaint[p.key] = value;
      next.complaint = complaint as CaseFile['complaint'] & object;
      if (Object.keys(complaint).length === 0) delete next.complaint;
      break;
    }
    case 'field': {
      const top = p.keys[0] as string;
      const root = next as unknown as Record<string, unknown>;
      let node = (root[top] = { ...((root[top] as Record<string, unknown> | undefined) ?? {}) });
      for (const k of p.keys.slice(1, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
      const last = p.keys[p.keys.length - 1] as string;
      if (value === undefined) delete node[last];
      else node[last] = value;
      if (Object.keys(root[top] as object).length === 0) delete root[top];
      break;
    }
    default: {
      const list = (next[p.root] ?? []) as unknown as Record<string, unknown>[];
      const item = list[p.index];
      if (!item) throw new Error(`no ${p.root} ${p.index + 1}`);
      let node = item;
      for (const k of p.keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
      const last = p.keys[p.keys.length - 1] as string;
      if (value === undefined) delete node[last];
      else node[last] = value;
      if (p.keys.length > 1 && Object.keys(node).length === 0) delete item[p.keys[0] as string];
    }
  }
  return dropUnknown(next, ref);
}

/** Records "don't know": the value is removed, and the question is not asked again. */
export function setUnknown(c: CaseFile, ref: string): CaseFile {
  let next = setAnswer(c, ref, undefined);
  // A fact says so in the case file itself, where a reader of the file sees it.
  if (ref.startsWith('facts.')) next = { ...next, facts: { ...(next.facts ?? {}), [ref.slice(6)]: 'unknown' } };
  const state = interviewState(next);
  return withState(next, { unknown: [...new Set([...(state?.unknown ?? []), ref])].sort() });
}

/** Records that the adviser cannot say more than the case file already holds (a rough date): the value stays. */
export function markNoMore(c: CaseFile, ref: string): CaseFile {
  const state = interviewState(c);
  return withState(c, { unknown: [...new Set([...(state?.unknown ?? []), ref])].sort() });
}

function dropUnknown(c: CaseFile, ref: string): CaseFile {
  const state = interviewState(c);
  if (!state || !state.unknown.includes(ref)) return c;
  return withState(c, { unknown: state.unknown.filter((r) => r !== ref) });
}

export function addIncident(c: CaseFile, incident: Incident): CaseFile {
  return { ...c, incidents: [...(c.incidents ?? []), incident] };
}

export function addOrder(c: CaseFile, order: Order): CaseFile {
  return { ...c, orders: [...(c.orders ?? []), order] };
}

/** Removes an incident or order; "don't know" answers about later ones move up with them. */
export function removeItem(c: CaseFile, root: 'incidents' | 'orders', index: number): CaseFile {
  const list = [...((c[root] ?? []) as unknown[])];
  list.splice(index, 1);
  const next = { ...c, [root]: list } as CaseFile;
  if (list.length === 0) delete next[root];
  const state = interviewState(next);
  if (!state) return next;
  const re = new RegExp(`^case\\.${root}\\.(\\d+)\\.(.+)$`);
  const unknown = state.unknown.flatMap((r) => {
    const m = re.exec(r);
    if (!m) return [r];
    const i = Number(m[1]);
    if (i === index) return [];
    return [i > index ? `case.${root}.${i - 1}.${m[2]}` : r];
  });
  return withState(next, { unknown });
}

/** References answered so far (with a value), in the order the case file holds them; for the review. */
export function answeredRefs(c: CaseFile): string[] {
  const out: string[] = [];
  for (const key of ['learned', 'filed', 'withdrawn'] as const) if (c.complaint?.[key] !== undefined && c.complaint[key] !== 'unknown') out.push(`case.complaint.${key}`);
  for (const [id, a] of Object.entries(c.facts ?? {})) {
    const v = typeof a === 'object' && 'value' in a ? a.value : a;
    if (v !== 'unknown') out.push(`facts.${id}`);
  }
  for (const [id, j] of Object.entries(c.judgments ?? {})) if (j.value !== 'unknown') out.push(`judgments.${id}`);
  return out;
}
