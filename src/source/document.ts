import { createRequire } from 'node:module';
import type { Node } from 'yaml';

// The YAML parser is loaded on first use: a batch of JSON case files never needs it.
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * A parsed YAML or JSON file that remembers where every value came from, so that any later
 * problem (schema, semantics, dates) can be reported at file:line:column.
 */
export interface SourceDocument {
  file: string;
  value: unknown;
  /** Position of the value at a JSON pointer; falls back to the nearest ancestor that exists. */
  locate(pointer: string): { line: number; column: number };
  /** Position of the key (not the value) at a pointer, for unknown-key messages. */
  locateKey(pointer: string): { line: number; column: number };
}

export function escapePointer(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => '/' + escapePointer(p)).join('');
}

function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Parses YAML 1.2 (JSON is a subset, so one parser serves both and keeps positions).
 * YAML 1.2 keeps 2026-01-01 a string: luxon, not the YAML parser, owns date parsing.
 */
export function parseSource(file: string, given: string): { doc?: SourceDocument; diagnostics: Diagnostic[] } {
  const isJson = /\.json$/i.test(file);
  // A byte-order mark is how some editors start a UTF-8 file: it is not part of the content.
  const text = given.charCodeAt(0) === 0xfeff ? given.slice(1) : given;
  const encoding = encodingProblem(file, text);
  if (encoding) return { diagnostics: [encoding] };
  // YAML accepts things JSON does not (trailing commas, comments): a .json file must be strict JSON.
  // JSON.parse is also far faster; positions are worked out only if a problem needs one.
  // Too deep is refused before anything recursive reads it, JSON or YAML, in a worker or not: one
  // located message, never a stack overflow that depends on how much stack the thread has.
  const deep = tooDeepAt(text);
  if (deep >= 0) {
    const { line, column } = lineColumn(text, deep);
    return { diagnostics: [atStart(file, isJson ? 'json-syntax' : 'yaml-syntax', `the file is nested more than ${MAX_NESTING} levels deep ([ and { inside each other) from here; no case or rule file needs that, so it is not read.`, line, column)] };
  }
  if (isJson) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { diagnostics: [jsonSyntaxError(file, text) as Diagnostic] };
    }
    // JSON.parse keeps the last of two equal keys without a word; YAML calls it an error, and so do we.
    // The exact scan costs more than JSON.parse itself, so it runs only when a cheap count says a
    // key may appear twice (see mayHoldDuplicateKey).
    const duplicate = mayHoldDuplicateKey(text, value) ? duplicateJsonKey(file, text) : undefined;
    if (duplicate) return { diagnostics: [duplicate] };
    let positioned: SourceDocument | undefined;
    // JSON nested deeper than the YAML parser goes has no positions: its problems are shown at 1:1.
    const start = (): { line: number; column: number } => ({ line: 1, column: 1 });
    const positions = (): SourceDocument => (positioned ??= parseYamlSource(file, text).doc ?? { file, value, locate: start, locateKey: start });
    return { doc: { file, value, locate: (p) => positions().locate(p), locateKey: (p) => positions().locateKey(p) }, diagnostics: [] };
  }
  return parseYamlSource(file, text);
}

/**
 * How deep brackets may nest (counted roughly: brackets inside quotes count too, which only errs on
 * the safe side). The YAML parser runs out of memory on flow collections nested some thousands deep,
 * and the schema check's recursion runs out of stack, so such a file is refused before it is read.
 */
const MAX_NESTING = 500;
/** Where brackets first nest deeper than MAX_NESTING (an offset), or -1. */
function tooDeepAt(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return -1;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function atStart(file: string, code: Diagnostic['code'], message: string, line = 1, column = 1): Diagnostic {
  return { code, severity: 'error', message, file, line, column, pointer: '' };
}

/** Text that is not UTF-8 (UTF-16 from Windows tools, a binary file) is named as such, not parsed into nonsense. */
function encodingProblem(file: string, text: string): Diagnostic | undefined {
  const c0 = text.charCodeAt(0);
  const c1 = text.charCodeAt(1);
  // UTF-16 starts with FF FE or FE FF (each read as U+FFFD) or puts a NUL byte beside every ASCII letter.
  if ((c0 === 0xfffd && c1 === 0xfffd) || text.includes('\u0000')) {
    const utf16 = (c0 === 0xfffd && c1 === 0xfffd) || (c1 === 0 && text.charCodeAt(3) === 0) || (c0 === 0 && text.charCodeAt(2) === 0);
    const what = utf16 ? 'is in UTF-16' : 'holds NUL bytes, so it is not text in UTF-8';
    return atStart(file, 'file-unreadable', `the file ${what}; save it as UTF-8 (most editors offer it under "Save as" or "Encoding").`);
  }
  return undefined;
}

/**
 * Whether a parsed JSON text may hold a key twice in one object. Every key in the text is a string
 * followed by a colon, so the colons that follow a quote (whitespace aside) are at least as many
 * as the keys written; the parsed value holds each object's distinct keys. When the two counts are
 * equal, no object can have lost a key to a duplicate. A colon after a quote inside a string value
 * only makes the first count larger, which sends the text to the exact scan: never a miss.
 */
function mayHoldDuplicateKey(text: string, value: unknown): boolean {
  let colons = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    let j = i - 1;
    for (let c = text.charCodeAt(j); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = text.charCodeAt(--j));
    if (text.charCodeAt(j) === 0x22) colons++;
  }
  return colons !== keysIn(value);
}

/** How many keys the objects in a parsed JSON value hold, all levels together. */
function keysIn(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value) n += keysIn(item);
    return n;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    n += 1 + keysIn((value as Record<string, unknown>)[key]);
  }
  return n;
}

/** The first key that appears twice in one JSON object, at its second appearance. */
function duplicateJsonKey(file: string, text: string): Diagnostic | undefined {
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const keys = stack[stack.length - 1];
      if (!keys) continue;
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      if (text[j] !== ':') continue;
      const raw = text.slice(start, i + 1);
      const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      if (keys.has(key)) {
        const before = text.slice(0, start).split('\n');
        return atStart(file, 'json-syntax', `the key ${raw} appears twice in the same object; keep one (JSON readers disagree on which one counts).`, before.length, (before[before.length - 1]?.length ?? 0) + 1);
      }
      keys.add(key);
    }
  }
  return undefined;
}

/** The core schema's own tags: what plain YAML data resolves to. */
const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

function parseYamlSource(file: string, text: string): { doc?: SourceDocument; diagnostics: Diagnostic[] } {
  const isJson = /\.json$/i.test(file);
  const { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, visit } = yaml();
  const lineCounter = new LineCounter();
  let yamlDoc: ReturnType<typeof parseDocument>;
  try {
    yamlDoc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch {
    return { diagnostics: [atStart(file, isJson ? 'json-syntax' : 'yaml-syntax', `the file cannot be read as ${isJson ? 'JSON' : 'YAML'}: its structure is too deep or too large to read.`)] };
  }
  const diagnostics: Diagnostic[] = [];
  // A tag the schema does not know (!!js/function, !custom) would quietly become a string.
  const unknownTags = yamlDoc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED');
  for (const err of [...yamlDoc.errors, ...unknownTags]) {
    const pos = lineCounter.linePos(err.pos[0]);
    // The parser often reports one slip twice at the same place, in two wordings: one is enough.
    if (diagnostics.some((d) => d.line === pos.line && d.column === pos.col)) continue;
    diagnostics.push({
      code: isJson ? 'json-syntax' : 'yaml-syntax',
      severity: 'error',
      message: plainYamlError(err.code, err.message),
      file,
      line: pos.line,
      column: pos.col,
      pointer: '',
    });
  }
  // A tag the core schema resolves but a case or rule file never needs (!!omap, !!set, !!binary, !!timestamp)
  // would turn into data of a shape nothing checks: refused where it is written.
  visit(yamlDoc, (_key, node) => {
    const tag = (node as { tag?: string } | null)?.tag;
    const start = (node as Node | null)?.range?.[0] ?? 0;
    // The node starts at its value; the tag is written just before it.
    const written = typeof tag === 'string' ? text.lastIndexOf(tag.replace(/^tag:yaml\.org,2002:/, '!!'), start) : -1;
    const pos = lineCounter.linePos(written >= 0 ? written : start);
    if (typeof tag === 'string' && !ALLOWED_TAGS.has(tag) && !diagnostics.some((d) => d.line === pos.line)) {
      diagnostics.push({ code: isJson ? 'json-syntax' : 'yaml-syntax', severity: 'error', message: `the file cannot be read: the tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')} is not allowed here; write the value as plain YAML.`, file, line: pos.line, column: pos.col, pointer: '' });
    }
  });
  if (diagnostics.length > 0) return { diagnostics };

  const position = (offset: number | undefined): { line: number; column: number } => {
    if (offset === undefined) return { line: 1, column: 1 };
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };

  const find = (pointer: string, wantKey: boolean): { line: number; column: number } => {
    let node: unknown = yamlDoc.contents;
    let keyNode: unknown = undefined;
    for (const segment of splitPointer(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === segment);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (item === undefined) break;
        keyNode = item;
        node = item;
      } else {
        break;
      }
    }
    const target = (wantKey && keyNode ? keyNode : node) as Node | undefined;
    return position(target?.range?.[0]);
  };

  // Aliases can make a few lines expand into millions of values, or name nothing: a problem in the
  // file, reported at its first line, never an exception that takes a whole batch down.
  let value: unknown;
  try {
    value = yamlDoc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const why = e instanceof Error && /alias/i.test(e.message) ? (/unresolved/i.test(e.message) ? 'an alias (*name) refers to no anchor' : 'its aliases (*name) expand into too many values') : 'it cannot be turned into data';
    return { diagnostics: [{ code: isJson ? 'json-syntax' : 'yaml-syntax', severity: 'error', message: `the file cannot be read as ${isJson ? 'JSON' : 'YAML'}: ${why}.`, file, line: 1, column: 1, pointer: '' }] };
  }
  return {
    doc: {
      file,
      value,
      locate: (p) => find(p, false),
      locateKey: (p) => find(p, true),
    },
    diagnostics,
  };
}

/** Our own sentence for what the YAML parser found; its wording only as a detail of the less common ones. */
function plainYamlError(code: string, message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+.*$/, '');
  if (code === 'DUPLICATE_KEY') return 'this key appears twice in the same block; keep one.';
  if (code === 'TAG_RESOLVE_FAILED') {
    const tag = (/Unresolved tag: (\S+)/.exec(first)?.[1] ?? '').replace(/^tag:yaml\.org,2002:/, '!!');
    return `the tag ${tag} is not one rulecase reads (it only reads plain YAML values); remove it.`;
  }
  return `the file cannot be read as YAML: ${yamlErrorDetail(code, first)}`;
}

function yamlErrorDetail(code: string, first: string): string {
  switch (code) {
    case 'MULTIPLE_DOCS':
      return 'it holds more than one YAML document (a line --- after the first content); a case or rule file is one document.';
    case 'TAB_AS_INDENT':
      return 'a tab is used to indent; YAML indents with spaces only.';
    case 'BAD_INDENT':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `the indentation does not line up: check that this line is indented like the others at its level (${lowerFirst(first)}).`;
    case 'MISSING_CHAR':
      return `something is not closed here: a quote, ] or } is missing (${lowerFirst(first)}).`;
    case 'RESOURCE_EXHAUSTION':
      return 'it is nested too deeply to read.';
    default:
      return /call stack/i.test(first) ? 'it is nested too deeply to read.' : `${lowerFirst(first)}.`;
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
}

function jsonSyntaxError(file: string, text: string): Diagnostic | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const offset = pos ? Number(pos[1]) : text.length;
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    const plain = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    return { code: 'json-syntax', severity: 'error', message: `the file is not valid JSON: ${plain}.`, file, line, column, pointer: '' };
  }
}
