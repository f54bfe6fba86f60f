import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { CaseResult as CaseReport } from '../engine/result.js';
import { flagsOf, type Flag } from '../engine/triage.js';
import { formatFor, type CaseFormatContext, type StreamedFormat } from '../report/formats.js';
import type { Lang, RuleSet } from '../rules/types.js';
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
  /** the language the case is written in (its own, else the report's) */
  lang?: Lang;
  report?: CaseReport;
}

export function outputKey(format: string, color: boolean): string {
  return `${format}:${color ? 'color' : 'plain'}`;
}

/** Formats one case for every streamed output, through the format table. */
export function renderCase(report: CaseReport, ctx: RenderContext, rules: readonly RuleSet[]): RenderedCase {
  const actions = flagsOf(report, ctx.triage);
  const chunks: Record<string, string> = {};
  for (const { key, streamed, formatCtx } of outputsOf(ctx, rules)) {
    // Only the flags differ from case to case; a format reads its context while it writes the case.
    formatCtx.flags = actions;
    chunks[key] = streamed.case(report, formatCtx);
  }
  return {
    status: report.status,
    actions,
    problems: report.status === 'invalid' ? report.diagnostics.map(formatDiagnostic) : [],
    chunks,
    lang: report.lang ?? ctx.lang,
    ...(ctx.keepReport ? { report } : {}),
  };
}

type FormatCtx = Parameters<StreamedFormat['case']>[1];
const outputCache = new WeakMap<RenderContext, { rules: readonly RuleSet[]; outputs: { key: string; streamed: StreamedFormat; formatCtx: FormatCtx }[] }>();

/**
 * Each streamed output's format and context, made once per run rather than for every case
 * (spreading the whole render context for each case was this function's hot line).
 */
function outputsOf(ctx: RenderContext, rules: readonly RuleSet[]): { key: string; streamed: StreamedFormat; formatCtx: FormatCtx }[] {
  const hit = outputCache.get(ctx);
  if (hit && hit.rules === rules) return hit.outputs;
  const outputs = ctx.outputs.map((key) => {
    const [format = '', color] = key.split(':');
    return { key, streamed: formatFor('assess', format) as StreamedFormat, formatCtx: { ...ctx, flags: [] as Flag[], rules, color: color === 'color' } };
  });
  outputCache.set(ctx, { rules, outputs });
  return outputs;
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
