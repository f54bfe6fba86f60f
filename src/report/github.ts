import type { Findings, Level } from './findings.js';
import { repoPath } from './paths.js';
import type { SourceRoot } from './sarif.js';

// GitHub's workflow-command escaping: data escapes %, CR and LF; property values also : and ,.
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const command = (l: Level): string => (l === 'error' ? 'error' : l === 'warning' ? 'warning' : 'notice');

/** GitHub shows at most ten annotations of each type per step: more only fill the log. */
export const ANNOTATIONS_PER_LEVEL = 10;

export interface GithubOptions {
  /** the repository root: GitHub resolves `file=` from it, not from the step's working folder */
  root?: SourceRoot;
  /** at most this many annotations per level (error, warning, notice) */
  maxPerLevel?: number;
}

/**
 * GitHub Actions workflow annotations: one `::error file=…,line=…,col=…,title=…::message` line per
 * finding, shown on the file in the pull request, at most `maxPerLevel` per level; a closing notice
 * says how many were left out (itself one of the notices); then a plain summary line for the log.
 */
export function formatGithub(report: Findings, options: GithubOptions = {}): string {
  const max = options.maxPerLevel ?? ANNOTATIONS_PER_LEVEL;
  const count = (l: Level): number => report.findings.filter((f) => f.level === l).length;
  const over = (['error', 'warning', 'note'] as const).some((l) => count(l) > max);
  // The closing notice takes the place of one notice.
  const limit: Record<Level, number> = { error: max, warning: max, note: over ? Math.max(0, max - 1) : max };
  const used: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  const lines: string[] = [];
  for (const f of report.findings) {
    if (used[f.level]++ >= limit[f.level]) continue;
    const props = [`file=${escapeProperty(repoPath(f.place.file, options.root))}`, `line=${f.place.line}`, `col=${f.place.column}`, `title=${escapeProperty(`rulecase ${report.command}: ${f.ruleId}`)}`];
    lines.push(`::${command(f.level)} ${props.join(',')}::${escapeData(f.message)}`);
  }
  if (over) {
    const left = (['error', 'warning', 'note'] as const).flatMap((l) => {
      const n = used[l] - Math.min(used[l], limit[l]);
      return n > 0 ? [`${n} ${l === 'note' ? 'notice' : l}(s)`] : [];
    });
    lines.push(`::notice title=${escapeProperty(`rulecase ${report.command}`)}::${escapeData(`${left.join(', ')} more not annotated (GitHub shows ${max} of each kind per step); the SARIF, JUnit or Markdown report lists them all.`)}`);
  }
  lines.push(`rulecase ${report.command}: ${report.summary}`);
  return lines.join('\n') + '\n';
}
