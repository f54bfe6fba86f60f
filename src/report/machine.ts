import type { CaseReport } from '../engine/report-types.js';
import type { Action } from '../engine/triage.js';

/** How much of each case the machine formats (json, ndjson) carry: `assess --detail`. */
export const DETAILS = ['lean', 'full'] as const;
export type Detail = (typeof DETAILS)[number];

export interface MachineCaseOptions {
  detail: Detail;
  /** the case's actions, for ndjson (each line says what the case needs) */
  actions?: Action[];
}

/** One case as the json and ndjson formats write it. */
export type MachineCase = CaseReport & { actions?: Action[] };

/**
 * The one place that decides what a case looks like in the machine formats: both json and ndjson
 * come through here. Today both details give the whole report; `lean` is to drop what only the
 * explanations need, once the engine returns data and explanations separately.
 */
export function machineCase(report: CaseReport, { detail, actions }: MachineCaseOptions): MachineCase {
  void detail;
  return actions === undefined ? report : { ...report, actions };
}
