import type { CaseResult as CaseReport } from '../engine/result.js';
import { failsAt, type Flag, type FailLevel } from '../engine/triage.js';
import type { Findings } from '../report/findings.js';
import { formatFor, type FormatOptions, type StreamedFormat, type StreamHead, type WholeFormat } from '../report/formats.js';
import type { Lang } from '../rules/types.js';
import type { SourceRoot } from '../report/sarif.js';
import { outputKey, type RenderedCase } from './render-case.js';
import type { Sink } from './sinks.js';

export interface WriterOptions {
  /** --only: write just the cases that need one of these actions */
  only?: ReadonlySet<Flag>;
  failOn: FailLevel;
  /** the language of the summary */
  lang: Lang;
  /** the terminal's width, for the text format */
  width?: number;
  /** the repository root, for SARIF */
  root?: SourceRoot;
}

export interface Tally {
  /** cases assessed */
  total: number;
  invalid: number;
  /** cases at or above --fail-on */
  failing: number;
  /** cases written (after --only) */
  shown: number;
  /** discovered files of another kind */
  skipped: number;
}

/**
 * Writes `assess`'s outputs as the cases come in, in input order: each streamed format case by
 * case, each whole format (junit, sarif, …) at the end from the reports it keeps. Counts as it goes.
 */
export class ReportWriter {
  readonly tally: Tally = { total: 0, invalid: 0, failing: 0, shown: 0, skipped: 0 };
  /** the diagnostics of invalid cases, one line each */
  readonly problems: string[] = [];
  /** the cases written, kept only for the whole formats */
  readonly reports: CaseReport[] = [];
  private readonly streamed: { sink: Sink; format: StreamedFormat }[] = [];
  private readonly whole: { sink: Sink; format: WholeFormat<Findings> }[] = [];
  /** the streamed outputs that have written something for a case */
  private readonly written = new Set<Sink>();
  private asOf: string | null = null;

  constructor(
    private readonly sinks: readonly Sink[],
    private readonly options: WriterOptions,
  ) {
    for (const sink of sinks) {
      const format = formatFor('assess', sink.format);
      if (format.mode === 'streamed') this.streamed.push({ sink, format });
      else this.whole.push({ sink, format });
    }
  }

  /** The streamed outputs, as renderCase names them. */
  get streamedKeys(): string[] {
    return this.streamed.map(({ sink }) => outputKey(sink.format, sink.color));
  }

  /** Whether a whole format needs every report kept until the end. */
  get keepsReports(): boolean {
    return this.whole.length > 0;
  }

  /** Whether the text report goes to standard output: it lists the problems of invalid cases inline. */
  get textOnStdout(): boolean {
    return this.sinks.some((k) => k.format === 'text' && k.file === undefined);
  }

  /** the head, kept for the formats that take their language from the first case written */
  private headData: StreamHead | undefined;
  /** the languages of the cases written: a report in one language ends in it (the disclaimer too) */
  private readonly caseLangs = new Set<Lang>();

  head(data: StreamHead): void {
    this.asOf = data.envelope.asOf;
    this.headData = data;
    for (const { sink, format } of this.streamed) if (format.headFromFirstCase !== true) sink.write(format.head(data, this.formatOptions(sink)));
  }

  /** The head of a format that waits for the first case (an HTML document's language and title are the case's). */
  private lateHead(sink: Sink, format: StreamedFormat, caseLang: Lang | undefined): string {
    if (format.headFromFirstCase !== true || this.headData === undefined) return '';
    return format.head({ ...this.headData, ...(caseLang !== undefined ? { caseLang } : {}) }, this.formatOptions(sink));
  }

  /** One case (undefined: a discovered file of another kind, skipped). */
  add(rendered: RenderedCase | undefined): void {
    if (rendered === undefined) {
      this.tally.skipped++;
      return;
    }
    this.tally.total++;
    if (rendered.status === 'invalid') {
      this.tally.invalid++;
      this.problems.push(...rendered.problems);
    }
    if (failsAt(rendered.actions, this.options.failOn)) this.tally.failing++;
    const only = this.options.only;
    if (only && !rendered.actions.some((a) => only.has(a))) return;
    if (this.keepsReports && rendered.report) this.reports.push(rendered.report);
    if (rendered.lang !== undefined) this.caseLangs.add(rendered.lang);
    for (const { sink, format } of this.streamed) {
      const separator = format.separator ? (this.tally.shown === 0 ? format.separator.first : format.separator.next) : '';
      const chunk = rendered.chunks[outputKey(sink.format, sink.color)] ?? '';
      if (chunk !== '') this.written.add(sink);
      const head = this.tally.shown === 0 ? this.lateHead(sink, format, rendered.lang) : '';
      sink.write(head + separator + chunk);
    }
    this.tally.shown++;
  }

  /** Ends the streamed formats, writes the whole ones, and moves every file into place. */
  finish(findings: () => Findings): void {
    // Every case in one language (each in its own, without --lang): the summary and disclaimer follow it.
    const only = this.caseLangs.size === 1 ? [...this.caseLangs][0] : undefined;
    const tail = { ...this.tally, lang: only ?? this.options.lang, filtered: this.options.only !== undefined, asOf: this.asOf };
    for (const { sink, format } of this.streamed) {
      const head = this.tally.shown === 0 ? this.lateHead(sink, format, undefined) : '';
      sink.write(head + format.tail({ ...tail, empty: !this.written.has(sink) }, this.formatOptions(sink)));
    }
    if (this.whole.length > 0) {
      const all = findings();
      for (const { sink, format } of this.whole) sink.write(format.format(all, { ...this.formatOptions(sink), ...(this.options.root ? { root: this.options.root } : {}) }));
    }
    for (const k of this.sinks) k.close();
  }

  private formatOptions(sink: Sink): FormatOptions {
    return { color: sink.color, ...(this.options.width !== undefined ? { width: this.options.width } : {}) };
  }

  /** Removes the temporary files of outputs that were not finished. */
  abort(): void {
    for (const k of this.sinks) k.abort();
  }
}
