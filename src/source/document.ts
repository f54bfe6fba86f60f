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
export function parseSource(file: string, text: string): { doc?: SourceDocument; diagnostics: Diagnostic[] } {
  const isJson = /\.json$/i.test(file);
  // YAML accepts things JSON does not (trailing commas, comments): a .json file must be strict JSON.
  // JSON.parse is also far faster; positions are worked out only if a problem needs one.
  if (isJson) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { diagnostics: [jsonSyntaxError(file, text) as Diagnostic] };
    }
    let positioned: SourceDocument | undefined;
    // JSON nested deeper than the YAML parser goes has no positions: its problems are shown at 1:1.
    const start = (): { line: number; column: number } => ({ line: 1, column: 1 });
    const positions = (): SourceDocument => (positioned ??= parseYamlSource(file, text).doc ?? { file, value, locate: start, locateKey: start });
    return { doc: { file, value, locate: (p) => positions().locate(p), locateKey: (p) => positions().locateKey(p) }, diagnostics: [] };
  }
  return parseYamlSource(file, text);
}

function parseYamlSource(file: string, text: string): { doc?: SourceDocument; diagnostics: Diagnostic[] } {
  const isJson = /\.json$/i.test(file);
  const { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair } = yaml();
  const lineCounter = new LineCounter();
  const yamlDoc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  for (const err of yamlDoc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
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

function plainYamlError(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same block; keep one.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    default:
      return `the file cannot be read as ${'YAML/JSON'}: ${first.replace(/ at line \d+, column \d+.*$/, '')}`;
  }
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
