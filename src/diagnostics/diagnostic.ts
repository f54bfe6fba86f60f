/**
 * A problem found in an input file. Problems in what users wrote are data, not exceptions:
 * they carry a stable code, the position and one plain sentence that says what to fix.
 */
export type DiagnosticCode =
  | 'yaml-syntax'
  | 'json-syntax'
  | 'file-unreadable'
  | 'schema-type'
  | 'schema-required'
  | 'schema-unknown-key'
  | 'schema-enum'
  | 'schema-pattern'
  | 'schema-value'
  | 'invalid-date'
  | 'date-range-reversed'
  | 'undefined-reference'
  | 'reference-cycle'
  | 'duplicate-id'
  | 'missing-citation'
  | 'missing-translation'
  | 'deadline-counting'
  | 'calendar-not-applicable'
  | 'invalid-duration'
  | 'unknown-fact'
  | 'fact-type-mismatch'
  | 'unknown-judgment'
  | 'judgment-value'
  | 'no-ruleset'
  | 'unknown-jurisdiction'
  | 'unknown-order-type'
  | 'time-zone-mismatch'
  | 'invalid-time-zone'
  | 'ruleset-period'
  | 'review-overdue'
  | 'closed-world-reading'
  | 'unknown-route'
  | 'limit-as-last-day'
  | 'internal-error';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  /** JSON pointer to the offending value, '' for the whole document. */
  pointer: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.pointer === '' ? '' : ` (${d.pointer})`;
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}${where}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: by file, then position, then code, so reports are byte-identical across runs. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}
