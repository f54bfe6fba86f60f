import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { CaseResult as CaseReport } from '../engine/result.js';
import { flagsOf, type Flag } from '../engine/triage.js';
import { formatFor, type CaseFormatContext, type StreamedFormat } from '../report/formats.js';
import type { RuleSet } from '../rules/types.js';
import { assessSource, internalErrorReport } from '../app/assess.js';
import type { CaseSource } from '../app/case-source.js';
import type { AppIo } from '../app/io.js';
import type { AssessSettings } from '../app/settings.js';

/** What each streamed output needs to write one case; plain data, so it can go to a worker. */
export interface RenderContext extends CaseFormatContext {
  /** the streamed outputs, each `format:color` (text may go coloured to a terminal and plain to a file) */
  outputs: string[];
  /** keep the report itself, for formats written only at the end (junit, sarif, …) */
  keepReport: boolean;
}

/** One case, ready to write: the worker does the formatting, so the main thread only writes. */
export interface RenderedCase {
  status: CaseReport['status'];
  actions: Flag[];
  /** diagnostics of an invalid case, one line each, for standard error */
  problems: string[];
  chunks: Record<string, string>;
  report?: CaseReport;
}

export function outputKey(format: string, color: boolean): string {
  return `${format}:${color ? 'color' : 'plain'}`;
}

/** Formats one case for every streamed output, through the format table. */
export function renderCase(report: CaseReport, ctx: RenderContext, rules: readonly RuleSet[]): RenderedCase {
  const actions = flagsOf(report, ctx.triage);
  const chunks: Record<string, string> = {};
  for (const key of ctx.outputs) {
    const [format = '', color] = key.split(':');
    const streamed = formatFor('assess', format) as StreamedFormat;
    chunks[key] = streamed.case(report, { ...ctx, flags: actions, rules, color: color === 'color' });
  }
  return {
    status: report.status,
    actions,
    problems: report.status === 'invalid' ? report.diagnostics.map(formatDiagnostic) : [],
    chunks,
    ...(ctx.keepReport ? { report } : {}),
  };
}

/**
 * Assesses and formats one source; whatever goes wrong with it, in assessing or in formatting,
 * becomes that file's internal-error report and never reaches the rest of the batch.
 */
export function assessAndRender(source: CaseSource, rules: readonly RuleSet[], settings: AssessSettings, io: AppIo, ctx: RenderContext): RenderedCase | undefined {
  const report = assessSource(source, rules, settings, io);
  if (report === undefined) return undefined;
  try {
    return renderCase(report, ctx, rules);
  } catch (e) {
    return renderCase(internalErrorReport(source, settings, e), ctx, rules);
  }
}
