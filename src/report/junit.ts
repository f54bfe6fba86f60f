import type { Check, Findings } from './findings.js';
import { repoPath } from './paths.js';
import type { SourceRoot } from './sarif.js';

/**
 * XML 1.0 text: markup escaped; characters XML cannot carry dropped (other control characters, lone
 * surrogates, U+FFFE/U+FFFF); a carriage return as a reference, since a parser turns a raw one into
 * a line feed.
 */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\r/g, '&#13;')
  );
}

/** An attribute value: a parser reads a raw tab, line feed or carriage return there as a space, so all three are references. */
const attr = (name: string, value: string | number): string => ` ${name}="${xmlEscape(String(value)).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')}"`;

export interface JunitOptions {
  /** the repository root: class names are built from paths relative to it, as CI shows them */
  root?: SourceRoot;
}

/** `cases/nl/a.yaml` → `cases.nl.a`: a class name from a file, as CI test reports group by it. */
const className = (file: string): string => file.replace(/(\.test)?\.(ya?ml|json)$/i, '').replace(/[\\/]/g, '.');

/**
 * JUnit XML in the common Jenkins/Ant shape: testsuites[name, tests, failures, errors, time] >
 * testsuite[name, tests, failures, errors, skipped, time] > testcase[name, classname, time] >
 * failure|error|skipped[message]. `skipped` is counted per suite only: on testsuites the Jenkins
 * xUnit schema (junit-10.xsd) refuses it, and every consumer sums the suites. Times are 0: rule
 * tests take milliseconds, and the same inputs should give the same bytes.
 */
export function formatJunit(report: Findings, options: JunitOptions = {}): string {
  const suites = new Map<string, Check[]>();
  for (const c of report.checks) suites.set(c.suite, [...(suites.get(c.suite) ?? []), c]);
  const count = (checks: readonly Check[], outcome: Check['outcome']): number => checks.filter((c) => c.outcome === outcome).length;
  const all = report.checks;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites${attr('name', `rulecase ${report.command}`)}${attr('tests', all.length)}${attr('failures', count(all, 'failed'))}${attr('errors', count(all, 'error'))}${attr('time', '0')}>`);
  let id = 0;
  for (const [name, checks] of suites) {
    out.push(`  <testsuite${attr('name', name)}${attr('id', id++)}${attr('tests', checks.length)}${attr('failures', count(checks, 'failed'))}${attr('errors', count(checks, 'error'))}${attr('skipped', count(checks, 'skipped'))}${attr('time', '0')}>`);
    for (const c of checks) {
      const open = `    <testcase${attr('name', c.name)}${attr('classname', c.file !== undefined && options.root ? className(repoPath(c.file, options.root)) : c.classname)}${attr('time', '0')}`;
      const body = c.details ? xmlEscape(c.details) : '';
      const message = c.message ?? '';
      switch (c.outcome) {
        case 'passed':
          out.push(c.details ? `${open}>\n      <system-out>${body}</system-out>\n    </testcase>` : `${open}/>`);
          break;
        case 'failed':
          out.push(`${open}>\n      <failure${attr('message', message)}${attr('type', 'failure')}>${body}</failure>\n    </testcase>`);
          break;
        case 'error':
          out.push(`${open}>\n      <error${attr('message', message)}${attr('type', 'error')}>${body}</error>\n    </testcase>`);
          break;
        case 'skipped':
          out.push(`${open}>\n      <skipped${attr('message', message)}/>\n    </testcase>`);
          break;
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
