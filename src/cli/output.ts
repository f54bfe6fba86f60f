import { checkDistinctFiles, writeFileAtomically } from '../io/atomic-write.js';
import { sourceRoot } from '../io/root.js';
import { InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../io/files.js';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Io } from './io.js';
import { formatFor, formatNames, formatsHelp, type FormatCommand, type TestData, type ValidateData, type WholeFormat } from '../report/formats.js';
import type { DiffResult } from '../report/diff.js';

/** One `--format name[=file]`: where one format goes (standard output when no file). */
export interface OutputSpec {
  format: string;
  file?: string;
}

export const FORMAT_HELP = 'output format, name or name=file (repeatable: each format to its own file; at most one to standard output)';

/**
 * A commander parser for a repeatable `--format name[=file]`. The first `=` separates the file, so
 * Windows paths (C:\…) work; a bad name is a usage error (exit 2) naming the choices.
 */
export function formatOption(choices: readonly string[]): (value: string, previous: OutputSpec[] | undefined) => OutputSpec[] {
  return (value, previous) => {
    const eq = value.indexOf('=');
    const format = eq === -1 ? value : value.slice(0, eq);
    const file = eq === -1 ? undefined : value.slice(eq + 1);
    if (!choices.includes(format)) throw new InvalidArgumentError(`"${format}" is not a format. Allowed choices are ${choices.join(', ')}; write --format name or --format name=file.`);
    if (file === '') throw new InvalidArgumentError(`--format ${format}= needs a file name after the =.`);
    return [...(previous ?? []), { format, ...(file !== undefined ? { file } : {}) }];
  };
}

/** A command's `--format` option: its choices and help come from the format table. */
export function formatCliOption(command: FormatCommand, note = ''): Option {
  const names = formatNames(command);
  return new Option('--format <format[=file]>', `${FORMAT_HELP}: ${names.join(', ')}${note}`).argParser(formatOption(names));
}

/** The formats section of a command's help, from the format table. */
export { formatsHelp };

/** The data each command that writes whole reports hands to its formats. */
interface WholeData {
  validate: ValidateData;
  test: TestData;
  diff: DiffResult;
}

/** Formats the command's result in each format asked for, through the table, and writes each output. */
export function writeFormats<C extends keyof WholeData>(command: C, outputs: readonly OutputSpec[], data: WholeData[C], io: Io): void {
  const rendered = outputs.map((spec) => {
    const format = formatFor(command, spec.format) as WholeFormat<WholeData[C]>;
    return { spec, text: format.format(data, { color: useColor(io, spec.file === undefined), root: sourceRoot(io.cwd) }) };
  });
  writeOutputs(rendered, io);
}

/** The formats asked for (default text to standard output); at most one may go to standard output. */
export function resolveOutputs(specs: readonly OutputSpec[] | undefined, fallback = 'text'): OutputSpec[] {
  const list = specs && specs.length > 0 ? [...specs] : [{ format: fallback }];
  const toStdout = list.filter((s) => s.file === undefined);
  if (toStdout.length > 1) throw new UsageError(`only one --format can go to standard output (${toStdout.map((s) => s.format).join(', ')} were given without a file); give the others a file: --format ${toStdout[1]?.format}=<file>.`);
  // Two outputs to one file are refused when they are opened: by real path, not as typed.
  return list;
}

/**
 * The formats a file's extension can hold: the first is what `--out` infers when no --format is
 * given. An extension not listed (or none) says nothing, so any format may go there.
 */
const EXTENSION_FORMATS: Record<string, readonly string[]> = {
  '.html': ['html'],
  '.htm': ['html'],
  '.md': ['markdown', 'markdown-summary'],
  '.markdown': ['markdown', 'markdown-summary'],
  '.ics': ['ics'],
  '.json': ['json', 'sarif'],
  '.ndjson': ['ndjson'],
  '.jsonl': ['ndjson'],
  '.csv': ['csv'],
  '.txt': ['text', 'github'],
  '.xml': ['junit'],
  '.sarif': ['sarif'],
};

const KIND_OF_FILE: Record<string, string> = { html: 'an HTML file', markdown: 'a Markdown file', 'markdown-summary': 'a Markdown file', ics: 'a calendar file', json: 'a JSON file', ndjson: 'an NDJSON file', csv: 'a CSV file', text: 'a text file', junit: 'an XML file', sarif: 'a SARIF file', github: 'a text file' };

/** The formats a file of this name can hold, or undefined when its extension says nothing. */
export function formatsForFile(file: string): readonly string[] | undefined {
  const dot = file.lastIndexOf('.');
  if (dot <= Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'))) return undefined;
  return EXTENSION_FORMATS[file.slice(dot).toLowerCase()];
}

/**
 * Joins `--out` to the formats asked for: the format given without a file goes to it, and with no
 * --format the file's extension chooses (.html → html). A format the extension contradicts
 * (--format json --out x.html, or --format html=x.json) is a usage error, found before any work.
 */
export function outputsWithOut(specs: readonly OutputSpec[] | undefined, out: string | undefined, offered: readonly string[], fallback = 'text'): OutputSpec[] {
  const given = specs && specs.length > 0 ? [...specs] : undefined;
  const inferred = out !== undefined && given === undefined ? formatsForFile(out)?.find((f) => offered.includes(f)) : undefined;
  const outputs = resolveOutputs(given ?? [{ format: inferred ?? fallback }], fallback).map((spec) => (spec.file === undefined && out !== undefined ? { ...spec, file: out } : spec));
  for (const spec of outputs) {
    const fits = spec.file === undefined ? undefined : formatsForFile(spec.file);
    if (fits !== undefined && !fits.includes(spec.format)) {
      throw new UsageError(`--format ${spec.format} does not fit ${spec.file}, ${KIND_OF_FILE[fits[0] ?? ''] ?? 'a file of another format'}: give a file name ending in ${extensionsOf(spec.format).join(' or ') || 'another extension'}, or --format ${fits[0]}.`);
    }
  }
  return outputs;
}

function extensionsOf(format: string): string[] {
  return Object.entries(EXTENSION_FORMATS).filter(([, formats]) => formats.includes(format)).map(([ext]) => ext);
}

/** Writes each output: standard output directly, files whole or not at all (a temporary file, then a rename). */
export function writeOutputs(outputs: readonly { spec: OutputSpec; text: string }[], io: Io): void {
  checkDistinctFiles(outputs.flatMap(({ spec }) => (spec.file === undefined ? [] : [spec.file])), io.cwd);
  for (const { spec, text } of outputs) {
    if (spec.file === undefined) io.stdout(text);
    else writeFileAtomically(spec.file, text, io);
  }
}

/** Rules with errors stop a command that needs them: the errors, then what to do (exit 2). */
export function rulesHaveErrors(diagnostics: Diagnostic[], io: Pick<Io, 'stderr'>, which = ''): number {
  for (const d of sortDiagnostics([...diagnostics])) io.stderr(formatDiagnostic(d) + '\n');
  io.stderr(`rulecase: the ${which === '' ? '' : which + ' '}rules have errors (listed above); fix them or check them with rulecase validate.\n`);
  return 2;
}

/**
 * Colour only for what goes to standard output: --color / --no-color (main.ts turns them into
 * FORCE_COLOR / NO_COLOR) first, then FORCE_COLOR (any value but 0 or false forces it, as chalk and
 * Node read it), then NO_COLOR (any non-empty value), else only on a terminal.
 */
export function useColor(io: Pick<Io, 'isTTY' | 'env'>, toStdout: boolean): boolean {
  if (!toStdout) return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY && !(io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '');
}
