import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { CaseReport, Report } from '../engine/report-types.js';
import { actionsOf, type Action, type TriageOptions } from '../engine/triage.js';
import { csvRow } from '../report/csv.js';
import { machineCase, type Detail } from '../report/machine.js';
import { formatCaseText } from '../report/text.js';
import type { Lang } from '../rules/types.js';

/** What each streamed output needs to write one case; plain data, so it can go to a worker. */
export interface RenderContext {
  /** the streamed outputs, each `format:color` (text may go coloured to a terminal and plain to a file) */
  outputs: string[];
  lang: Lang;
  rulesets: Report['rulesets'];
  headlineColumns: string[];
  triage: TriageOptions;
  /** how much of each case json and ndjson carry (--detail) */
  detail: Detail;
  /** keep the report itself, for formats written only at the end (junit, sarif, …) */
  keepReport: boolean;
}

/** One case, ready to write: the worker does the formatting, so the main thread only writes. */
export interface RenderedCase {
  status: CaseReport['status'];
  actions: Action[];
  /** diagnostics of an invalid case, one line each, for standard error */
  problems: string[];
  chunks: Record<string, string>;
  report?: CaseReport;
}

export function outputKey(format: string, color: boolean): string {
  return `${format}:${color ? 'color' : 'plain'}`;
}

export function renderCase(report: CaseReport, ctx: RenderContext): RenderedCase {
  const actions = actionsOf(report, ctx.triage);
  const chunks: Record<string, string> = {};
  for (const key of ctx.outputs) {
    const [format, color] = key.split(':');
    switch (format) {
      case 'json':
        // Indented to sit inside the envelope's "cases" array; the caller adds the separators.
        chunks[key] = '    ' + JSON.stringify(machineCase(report, { detail: ctx.detail }), null, 2).replace(/\n/g, '\n    ');
        break;
      case 'ndjson':
        chunks[key] = JSON.stringify(machineCase(report, { detail: ctx.detail, actions })) + '\n';
        break;
      case 'csv':
        chunks[key] = csvRow(report, { conclusions: ctx.headlineColumns }, ctx.triage);
        break;
      case 'text':
        chunks[key] = formatCaseText(report, ctx.rulesets, ctx.lang, { color: color === 'color' });
        break;
    }
  }
  return {
    status: report.status,
    actions,
    problems: report.status === 'invalid' ? report.diagnostics.map(formatDiagnostic) : [],
    chunks,
    ...(ctx.keepReport ? { report } : {}),
  };
}
