/** The machine envelope: stable key order, two-space indent, a final newline. */
export function formatJson(report: unknown): string {
  return JSON.stringify(report, null, 2) + '\n';
}
