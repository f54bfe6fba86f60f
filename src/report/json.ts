import type { Report } from '../engine/report-types.js';

/** The machine envelope: stable key order, two-space indent, a final newline. */
export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
