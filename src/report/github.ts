import type { Findings, Level } from './findings.js';

// GitHub's workflow-command escaping: data escapes %, CR and LF; property values also : and ,.
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const command = (l: Level): string => (l === 'error' ? 'error' : l === 'warning' ? 'warning' : 'notice');

/**
 * GitHub Actions workflow annotations: one `::error file=…,line=…,col=…,title=…::message` line per
 * finding, shown on the file in the pull request; then a plain summary line for the log.
 */
export function formatGithub(report: Findings): string {
  const lines = report.findings.map((f) => {
    const props = [`file=${escapeProperty(f.place.file)}`, `line=${f.place.line}`, `col=${f.place.column}`, `title=${escapeProperty(`rulecase ${report.command}: ${f.ruleId}`)}`];
    return `::${command(f.level)} ${props.join(',')}::${escapeData(f.message)}`;
  });
  lines.push(`rulecase ${report.command}: ${report.summary}`);
  return lines.join('\n') + '\n';
}
