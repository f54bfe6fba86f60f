import { formatDiagnostic } from '../diagnostics/diagnostic.js';
import type { CaseResult } from '../engine/result.js';
import { actionsOf, type Action, type TriageOptions } from '../engine/triage.js';
import { explainCase } from '../explain/explain.js';
import { csvRow } from '../report/csv.js';
import { machineCase, type Detail } from '../report/machine.js';
import { formatCaseText } from '../report/text.js';
import type { Lang, RuleSet } from '../rules/types.js';

/** What each streamed output needs to write one case; plain data, so it can go to a worker. */
export interface RenderContext {
  /** the streamed outputs, each `format:color` (text may go coloured to a terminal and plain to a file) */
  outputs: string[];
  lang: Lang;
  detail: Detail;
  headlineColumns: string[];
  triage: TriageOptions;
  /** whether any output prints reasons (text, --detail full): otherwise the engine skips them */
  reasons: boolean;
  /** keep the report itself, for formats written only at the end (junit, sarif, …) */
  keepReport: boolean;
}

/** One case, ready to write: the worker does the formatting, so the main thread only writes. */
export interface RenderedCase {
  status: CaseResult['status'];
  actions: Action[];
  /** diagnostics of an invalid case, one line each, for standard error */
  problems: string[];
  chunks: Record<string, string>;
  report?: CaseResult;
}

export function outputKey(format: string, color: boolean): string {
  return `${format}:${color ? 'color' : 'plain'}`;
}

export function renderCase(report: CaseResult, ctx: RenderContext, rulesets: readonly RuleSet[]): RenderedCase {
  const actions = actionsOf(report, ctx.triage);
  const machine = (): unknown => machineCase(report, { detail: ctx.detail, actions, rulesets, lang: ctx.lang });
  const chunks: Record<string, string> = {};
  for (const key of ctx.outputs) {
    const [format, color] = key.split(':');
    switch (format) {
      case 'json':
        // Indented to sit inside the envelope's "cases" array; the caller adds the separators.
        chunks[key] = '    ' + JSON.stringify(machine(), null, 2).replace(/\n/g, '\n    ');
        break;
      case 'ndjson':
        chunks[key] = JSON.stringify(machine()) + '\n';
        break;
      case 'csv':
        chunks[key] = csvRow(report, { conclusions: ctx.headlineColumns }, ctx.triage);
        break;
      case 'text':
        chunks[key] = formatCaseText(explainCase(report, rulesets, report.lang ?? ctx.lang), ctx.lang, { color: color === 'color' });
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
