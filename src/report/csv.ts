import type { CaseResult as CaseReport } from '../engine/result.js';
import { flagsOf, nearestDeadline, type TriageOptions } from '../engine/triage.js';

/** One row per case, for spreadsheets: fixed columns, then one per headline conclusion. */
export interface CsvColumns {
  /** `<ruleset>.<conclusion id>` for every headline conclusion the loaded rules can produce */
  conclusions: string[];
}

const FIXED = ['id', 'file', 'jurisdiction', 'as_of', 'status', 'triage', 'next_action', 'next_action_who', 'next_action_due', 'next_action_days_left'];
const TAIL = ['nearest_deadline', 'nearest_due', 'nearest_days_left', 'nearest_status', 'expired_deadlines', 'problems'];

/**
 * Text starting with = + - @, a tab or a carriage return (or their full-width forms) is a formula
 * to a spreadsheet, and quotes do not stop it: a leading ' does, as csv-stringify's escape_formulas
 * writes it. Numbers are left alone (-3 days left is a number, not a formula).
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

function cell(value: string | number | null | undefined): string {
  const raw = value === null || value === undefined ? '' : String(value);
  const s = typeof value === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  // RFC 4180 quoting.
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(columns: CsvColumns): string {
  return [...FIXED, ...columns.conclusions, ...TAIL].map(cell).join(',') + '\r\n';
}

export function csvRow(report: CaseReport, columns: CsvColumns, triage: TriageOptions): string {
  const byKey = new Map(report.conclusions.map((c) => [`${c.ruleset}.${c.id}`, c.status]));
  const nearest = nearestDeadline(report);
  // The first action still to take (they come ordered by their last day).
  const next = report.actions.find((a) => a.status !== 'done');
  const values = [
    report.id,
    report.file,
    report.jurisdiction,
    report.asOf,
    report.status,
    flagsOf(report, triage).join(' '),
    next ? `${next.ruleset}.${next.id}` : '',
    next?.who ?? '',
    next?.due ?? '',
    next?.daysLeft ?? '',
    ...columns.conclusions.map((k) => byKey.get(k) ?? ''),
    nearest ? `${nearest.ruleset}.${nearest.id}` : '',
    nearest?.due ?? '',
    nearest?.daysLeft ?? '',
    nearest?.status ?? '',
    report.deadlines.filter((d) => d.status === 'expired').length,
    report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join(' | '),
  ];
  return values.map(cell).join(',') + '\r\n';
}
