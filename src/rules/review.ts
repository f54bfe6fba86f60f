import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { escapePointer, type SourceDocument } from '../source/document.js';
import type { RuleMeta, RuleSet } from './types.js';

/**
 * Rules carry the date they were last checked against their sources (`checked`) and may carry the
 * date by which to check them again (`reviewBy`). A rule past its review date is reported at its
 * reviewBy line. `asOf` is a function of the rule set, so each is judged in its own time zone.
 */
export function reviewOverdue(sets: readonly { ruleset: RuleSet; doc?: SourceDocument }[], asOf: (rs: RuleSet) => string, severity: Severity): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { ruleset: rs, doc } of sets) {
    const today = asOf(rs);
    const sections = ['criteria', 'judgments', 'tables', 'deadlines'] as const;
    for (const section of sections) {
      for (const [id, rule] of Object.entries((rs[section] ?? {}) as Record<string, RuleMeta>)) {
        if (rule.reviewBy === undefined || rule.reviewBy >= today) continue;
        const pointer = `/${section}/${escapePointer(id)}/reviewBy`;
        const pos = doc ? doc.locate(pointer) : { line: 1, column: 1 };
        const cites = rule.cite
          .map((c) => rs.sources[c])
          .filter((s) => s !== undefined)
          .map((s) => [s.instrument, s.article ?? s.ecli].filter(Boolean).join(' '))
          .join('; ');
        out.push({
          code: 'review-overdue',
          severity,
          message: `${section}.${id} was due for review by ${rule.reviewBy} (last checked ${rule.checked}; as of ${today}): check it against ${cites || 'its sources'}, then update checked and reviewBy.`,
          file: rs.file,
          line: pos.line,
          column: pos.column,
          pointer,
        });
      }
    }
  }
  return out;
}
