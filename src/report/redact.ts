/**
 * `--redact`: a case file with everything that names or describes a person replaced by stable
 * placeholders ("Person A", "Case 1", "[text 3]"), for sharing a report in a CI log or a bug
 * report. It runs before the assessment, so every format is redacted alike; the same text gets the
 * same placeholder within a case and a list keeps its length, so no verdict moves. Codes the
 * rules compare (incident kinds, order types, dates, numbers, yes/no) are kept. Pure.
 */
import type { Answer, CaseFile, Incident, Order } from '../case/types.js';
import type { Lang } from '../rules/types.js';
import { say } from '../words/report.js';

/** Hands out placeholders: one per distinct name, one per distinct text. */
class Placeholders {
  private readonly people = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  constructor(private readonly lang: Lang) {}

  person(name: string): string {
    let p = this.people.get(name.trim());
    if (p === undefined) {
      const i = this.people.size;
      // A … Z, then A2 … Z2: enough for any case.
      const x = String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26) + 1) : '');
      p = say(this.lang, 'redact.person', { x });
      this.people.set(name.trim(), p);
    }
    return p;
  }

  text(text: string): string {
    let p = this.texts.get(text.trim());
    if (p === undefined) {
      p = say(this.lang, 'redact.text', { n: this.texts.size + 1 });
      this.texts.set(text.trim(), p);
    }
    return p;
  }

  textList(list: readonly string[] | undefined): string[] | undefined {
    return list?.map((t) => this.text(t));
  }
}

export interface RedactOptions {
  /** the case's place in the input (0-based): "Case 1" is the first */
  position: number;
  lang: Lang;
  /** the facts whose answers are free text (type text in the rules): their values are replaced too */
  textFacts: ReadonlySet<string>;
}

/** A case's placeholder name. */
export function redactedId(position: number, lang: Lang): string {
  return say(lang, 'redact.case', { n: position + 1 });
}

/** A file's placeholder name, keeping its extension (a file name often holds a person's name). */
export function redactedFile(file: string, position: number, lang: Lang): string {
  const ext = /\.(ya?ml|json|ndjson)$/i.exec(file)?.[0] ?? '';
  return say(lang, 'redact.file', { n: position + 1 }) + ext;
}

/** Only a word the rules could compare as a code (lower case, digits, dashes) survives in a free field. */
const isCode = (s: string): boolean => /^[a-z0-9][a-z0-9_-]*$/.test(s);

function redactIncident(inc: Incident, p: Placeholders): Incident {
  const out: Incident = { ...inc };
  if (inc.id !== undefined) out.id = p.text(inc.id);
  if (inc.description !== undefined) out.description = p.text(inc.description);
  // A channel is compared only with the other channels (how many differ): equal stays equal.
  if (inc.channel !== undefined) out.channel = p.text(inc.channel);
  if (inc.evidence) out.evidence = p.textList(inc.evidence) as string[];
  if (inc.witnesses) out.witnesses = inc.witnesses.map((w) => p.person(w));
  return out;
}

function redactOrder(o: Order, p: Placeholders): Order {
  const out: Order = { ...o };
  if (o.id !== undefined) out.id = p.text(o.id);
  if (o.protects) out.protects = o.protects.map((x) => p.person(x));
  if (o.terms) {
    const t = { ...o.terms };
    if (t.text !== undefined) t.text = p.text(t.text);
    if (t.places) t.places = p.textList(t.places) as string[];
    if (t.exceptions) t.exceptions = p.textList(t.exceptions) as string[];
    out.terms = t;
  }
  return out;
}

function redactAnswer(id: string, a: Answer, p: Placeholders, textFacts: ReadonlySet<string>): Answer {
  const value = (v: unknown): unknown => (typeof v === 'string' && textFacts.has(id) && v !== 'unknown' ? p.text(v) : v);
  if (typeof a !== 'object' || a === null || !('value' in a)) return value(a) as Answer;
  return { value: value(a.value) as typeof a.value, ...(a.source !== undefined ? { source: p.text(a.source) } : {}), ...(a.note !== undefined ? { note: p.text(a.note) } : {}) };
}

/** The case file with its personal data replaced; the interview's own notes are left out. */
export function redactCase(c: CaseFile, options: RedactOptions): CaseFile {
  const p = new Placeholders(options.lang);
  const out: CaseFile = { ...c, id: redactedId(options.position, options.lang) };
  delete out.interview;
  // The parties first, so that the client is the first person named and the other person the second.
  if (c.client?.name !== undefined) out.client = { ...c.client, name: p.person(c.client.name) };
  if (c.respondent?.name !== undefined) out.respondent = { ...c.respondent, name: p.person(c.respondent.name) };
  if (c.summary !== undefined) out.summary = p.text(c.summary);
  if (c.incidents) out.incidents = c.incidents.map((inc) => redactIncident(inc, p));
  if (c.orders) out.orders = c.orders.map((o) => redactOrder(o, p));
  if (c.complaint?.filedBy !== undefined && !isCode(c.complaint.filedBy)) out.complaint = { ...c.complaint, filedBy: p.person(c.complaint.filedBy) };
  if (c.protectedPersons) out.protectedPersons = c.protectedPersons.map((x) => ({ name: p.person(x.name), ...(x.relationship !== undefined ? { relationship: isCode(x.relationship) ? x.relationship : p.text(x.relationship) } : {}) }));
  if (c.previousConvictions) out.previousConvictions = c.previousConvictions.map((x) => ({ ...x, offence: isCode(x.offence) ? x.offence : p.text(x.offence) }));
  if (c.proceedings?.court !== undefined) out.proceedings = { ...c.proceedings, court: p.text(c.proceedings.court) };
  if (c.facts) out.facts = Object.fromEntries(Object.entries(c.facts).map(([id, a]) => [id, redactAnswer(id, a, p, options.textFacts)]));
  if (c.judgments) out.judgments = Object.fromEntries(Object.entries(c.judgments).map(([id, j]) => [id, { ...j, by: p.person(j.by), reason: p.text(j.reason) }]));
  if (c.routes) out.routes = Object.fromEntries(Object.entries(c.routes).map(([id, r]) => [id, { ...r, ...(r.reason !== undefined ? { reason: p.text(r.reason) } : {}), ...(r.by !== undefined ? { by: p.person(r.by) } : {}) }]));
  return out;
}
