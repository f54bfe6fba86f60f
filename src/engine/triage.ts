import type { CaseResult as CaseReport, DeadlineResult } from './result.js';

/**
 * What a case needs, for scripts that sort hundreds of files each night:
 * invalid (could not be assessed), expired (a deadline passed unmet), due (a deadline falls due
 * within the window, or inside its own due-soon window), undetermined (an element or deadline
 * still open for want of facts).
 */
export type Flag = 'invalid' | 'expired' | 'due' | 'undetermined';

export const FLAGS: readonly Flag[] = ['invalid', 'expired', 'due', 'undetermined'];

/** --fail-on levels, most urgent first: each level includes the ones before it. */
export const FAIL_LEVELS = ['none', 'expired', 'due', 'undetermined'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

export interface TriageOptions {
  /** count a deadline as due when it falls within this many days; default: its own due-soon window */
  dueWithinDays?: number;
}

/** Due: a last day to act inside its own due-soon window, or any date within --due-within days. */
function isDue(d: { status: string; daysLeft: number | null }, options: TriageOptions): boolean {
  if (d.status === 'due_soon') return true;
  if (options.dueWithinDays === undefined || d.daysLeft === null) return false;
  return (d.status === 'open' || d.status === 'undetermined') && d.daysLeft >= 0 && d.daysLeft <= options.dueWithinDays;
}

export function flagsOf(report: CaseReport, options: TriageOptions = {}): Flag[] {
  if (report.status === 'invalid') return ['invalid'];
  const out = new Set<Flag>();
  // Only a missed last day to act is expired: a lapsed right, an end or a limit is nothing anyone missed.
  for (const d of report.deadlines) {
    if (d.status === 'expired') out.add('expired');
    if (isDue(d, options)) out.add('due');
    if (d.status === 'undetermined') out.add('undetermined');
  }
  // An action that is due counts; one whose day has passed is reported as too late, but is not a
  // missed legal term (the complaint term itself is): old cases would all read as expired.
  for (const a of report.actions) if (isDue(a, options)) out.add('due');
  // Information that cannot be read yet is no reason to chase facts; an open element is.
  if (report.conclusions.some((c) => c.role === 'element' && c.status === 'undetermined' && c.needs.length > 0)) out.add('undetermined');
  return FLAGS.filter((a) => out.has(a));
}

/** Whether a case's actions reach the --fail-on level. */
export function failsAt(actions: readonly Flag[], level: FailLevel): boolean {
  if (level === 'none') return false;
  const reach = FAIL_LEVELS.slice(1, FAIL_LEVELS.indexOf(level) + 1) as readonly string[];
  return actions.some((a) => reach.includes(a));
}

/** The deadline to act on first: the earliest due date among those still running. */
export function nearestDeadline(report: CaseReport): DeadlineResult | undefined {
  const running = report.deadlines.filter((d) => d.due !== null && (d.status === 'open' || d.status === 'due_soon' || d.status === 'undetermined'));
  return running.sort((a, b) => (a.due as string).localeCompare(b.due as string) || a.id.localeCompare(b.id))[0];
}
