/**
 * The CI formats as their consumers read them: GitHub resolving `file=` from the repository root
 * and showing ten annotations per kind, a conformant XML parser (saxes) reading JUnit attributes,
 * the SARIF schema, and messages a person reads.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { Findings, Level } from '../src/report/findings.js';
import { formatGithub } from '../src/report/github.js';
import { formatJunit } from '../src/report/junit.js';
import { runInProcess, runSpawned } from './cli-harness.js';
import { ROOT } from './helpers.js';
import { validateJunit } from './schemas/junit.js';
import { validateSarif } from './schemas/sarif.js';

/** A repository (a folder holding .git) with a bad case two folders down. */
function repository(): { repo: string; sub: string } {
  const repo = mkdtempSync(join(tmpdir(), 'rulecase-repo-'));
  mkdirSync(join(repo, '.git'));
  const sub = join(repo, 'legal');
  mkdirSync(join(sub, 'cases'), { recursive: true });
  writeFileSync(join(sub, 'cases', 'bad.yaml'), 'id: bad\njurisdiction: NL\nasOf: "2026-06-01"\nfacts:\n  no_such_fact: true\n');
  return { repo, sub };
}

/** Every attribute of every element, as a conformant XML parser reads them. */
function xmlAttributes(xml: string): { name: string; attributes: Record<string, string> }[] {
  const out: { name: string; attributes: Record<string, string> }[] = [];
  const parser = new SaxesParser();
  parser.on('opentag', (n) => out.push({ name: n.name, attributes: n.attributes as Record<string, string> }));
  parser.write(xml).close();
  return out;
}

describe('paths in the CI formats are relative to the repository root, from any working folder', () => {
  it('github, markdown-summary, junit and sarif agree on legal/cases/bad.yaml when run in legal/', async () => {
    const { sub } = repository();
    const r = await runInProcess(['assess', '--format', 'github=a.log', '--format', 'markdown-summary=a.md', '--format', 'junit=a.xml', '--format', 'sarif=a.sarif', 'cases/bad.yaml'], {}, false, sub);
    expect(r.code, r.stderr).toBe(2);
    const read = (f: string): string => readFileSync(join(sub, f), 'utf8');
    expect(read('a.log')).toMatch(/^::error file=legal\/cases\/bad\.yaml,line=5,col=3,/m);
    expect(read('a.md')).toContain('`legal/cases/bad.yaml:5:3`');
    expect(read('a.md')).not.toMatch(/`cases\/bad/);
    const cases = xmlAttributes(read('a.xml')).filter((e) => e.name === 'testcase');
    expect(cases.map((c) => c.attributes['classname'])).toEqual(['legal.cases.bad']);
    const sarif = JSON.parse(read('a.sarif')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: object } }[] }[] }[] };
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'legal/cases/bad.yaml', uriBaseId: '%SRCROOT%' });
  });
});

function manyFindings(counts: Record<Level, number>): Findings {
  const findings = (Object.entries(counts) as [Level, number][]).flatMap(([level, n]) => Array.from({ length: n }, (_, i) => ({ ruleId: 'r', level, message: `${level} ${i}`, place: { file: `f${i}.yaml`, line: 1, column: 1 }, key: String(i) })));
  return { command: 'assess', tool: { name: 'rulecase', version: '0' }, summary: 'done.', ok: false, rules: [], findings, checks: [] };
}

describe('GitHub annotations are capped per kind', () => {
  it('ten of each kind, a closing notice saying how many were left out, which is itself one of the ten notices', () => {
    const out = formatGithub(manyFindings({ error: 25, warning: 3, note: 12 })).trimEnd().split('\n');
    const of = (kind: string): string[] => out.filter((l) => l.startsWith(`::${kind} `));
    expect(of('error')).toHaveLength(10);
    expect(of('warning')).toHaveLength(3);
    expect(of('notice')).toHaveLength(10);
    expect(of('notice').at(-1)).toBe('::notice title=rulecase assess::15 error(s), 3 notice(s) more not annotated (GitHub shows 10 of each kind per step); the SARIF, JUnit or Markdown report lists them all.');
    expect(out.at(-1)).toBe('rulecase assess: done.');
  });

  it('no notice when everything fits', () => {
    const out = formatGithub(manyFindings({ error: 10, warning: 10, note: 10 }));
    expect(out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(30);
    expect(out).not.toContain('more not annotated');
  });

  it('4,000 errors from a batch become ten annotations and a closing notice', async () => {
    const out = formatGithub(manyFindings({ error: 4000, warning: 0, note: 0 }));
    expect(out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(11);
  });
});

describe('JUnit attributes survive a conformant XML parser', () => {
  const name = 'tab\there, return\rhere, line\nhere, bell\u0007, "quoted" <b>&amp;</b>, lone \ud800 surrogate, 😀';
  const findings: Findings = {
    command: 'test',
    tool: { name: 'rulecase', version: '0' },
    summary: '',
    ok: false,
    rules: [],
    findings: [],
    checks: [
      { suite: 's', name, classname: 'c', outcome: 'failed', message: name, details: `body\rwith return\tand tab` },
      { suite: 's', name: 'skipped one', classname: 'c', outcome: 'skipped', message: 'todo' },
    ],
  };

  it('tab, carriage return and line feed come back as written; what XML cannot carry is dropped', () => {
    const xml = formatJunit(findings);
    expect(validateJunit(xml)).toEqual([]);
    const elements = xmlAttributes(xml);
    const expected = name.replace('\u0007', '').replace('\ud800', '');
    expect(elements.find((e) => e.name === 'testcase')?.attributes['name']).toBe(expected);
    expect(elements.find((e) => e.name === 'failure')?.attributes['message']).toBe(expected);
    let body = '';
    const parser = new SaxesParser();
    parser.on('text', (t) => (body += t));
    parser.write(xml).close();
    expect(body).toContain('body\rwith return\tand tab');
  });

  it('counts skipped tests per suite only: the Jenkins xUnit schema has no skipped on testsuites', () => {
    const elements = xmlAttributes(formatJunit(findings));
    expect(elements.find((e) => e.name === 'testsuites')?.attributes).not.toHaveProperty('skipped');
    expect(elements.find((e) => e.name === 'testsuite')?.attributes['skipped']).toBe('1');
  });
});

describe('SARIF', () => {
  it('rules on standard input are located as standard input, not as a file %3Cstdin%3E in the repository', () => {
    const text = readFileSync(join(ROOT, 'fixtures/rules/example.yaml'), 'utf8').replace('    cite: [sr-66]\n', '');
    const r = runSpawned(['validate', '--format', 'sarif', '-', 'rules/nl/atw-calendar.yaml'], {}, text);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toContain('stdin%3E');
    const log = JSON.parse(r.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: object } }[] }[] }[] };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ description: { text: 'standard input' } });
  });
});

describe('messages a person reads', () => {
  it('a missed last day is some days ago, never "-40 day(s) left"', async () => {
    const r = await runInProcess(['assess', '--as-of', '2027-06-01', '--fail-on', 'none', '--format', 'github', 'fixtures/nl/belaging-buurman.yaml']);
    expect(r.stdout).toMatch(/EXPIRED \(due \d{4}-\d\d-\d\d, \d+ day\(s\) ago\)/);
    expect(r.stdout).not.toMatch(/-\d+ day/);
  });
});

describe('machine output does not depend on where rulecase is installed or run', () => {
  it('bundled rule sets are named rulecase:rules/…, the same from the repository and from another folder', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'rulecase-where-'));
    const fixture = join(ROOT, 'fixtures/nl/belaging-buurman.yaml');
    const files = async (at: string): Promise<string[]> => {
      const r = await runInProcess(['assess', '--as-of', '2026-06-01', '--format', 'json', fixture], {}, false, at);
      return (JSON.parse(r.stdout) as { rulesets: { file: string }[] }).rulesets.map((rs) => rs.file);
    };
    const here = await files(ROOT);
    expect(here).toContain('rulecase:rules/nl/belaging.yaml');
    for (const f of here) expect(f).toMatch(/^rulecase:rules\/[a-z]+\/[a-z0-9-]+\.yaml$/);
    expect(await files(elsewhere)).toEqual(here);
  });
});
