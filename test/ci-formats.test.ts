import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { FORMATS as FORMAT_TABLE, formatFor, formatNames } from '../src/report/formats.js';
import { runInProcess, runSpawned } from './cli-harness.js';
import { ROOT } from './helpers.js';
import { parseXml, validateJunit } from './schemas/junit.js';
import { validateSarif } from './schemas/sarif.js';


// markdown-summary is the CI summary for every command (for assess, markdown is the report to hand on).
const FORMATS = ['text', 'json', 'junit', 'sarif', 'github', 'markdown-summary'] as const;
type Fmt = (typeof FORMATS)[number];

/** Runs a command once with every format written to its own file; returns the exit code and each output. */
async function runAllFormats(args: string[]): Promise<{ code: number; stderr: string; out: Record<Fmt, string> }> {
  const dir = mkdtempSync(join(tmpdir(), 'rulecase-fmt-'));
  const ext: Record<Fmt, string> = { text: 'txt', json: 'json', junit: 'xml', sarif: 'sarif', github: 'log', 'markdown-summary': 'md' };
  const r = await runInProcess([...args, ...FORMATS.map((f) => `--format=${f}=${join(dir, `out.${ext[f]}`)}`)]);
  expect(r.stdout).toBe('');
  const out = Object.fromEntries(FORMATS.map((f) => [f, readFileSync(join(dir, `out.${ext[f]}`), 'utf8')])) as Record<Fmt, string>;
  expect(readdirSync(dir).sort()).toEqual(FORMATS.map((f) => `out.${ext[f]}`).sort()); // no temporary files left
  return { code: r.code, stderr: r.stderr, out };
}

/** A scratch copy of the example rules and their tests. */
function scratch(): { dir: string; rules: string; tests: string; calendar: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rulecase-ci-'));
  copyFileSync(join(ROOT, 'fixtures', 'rules', 'example.yaml'), join(dir, 'example.yaml'));
  copyFileSync(join(ROOT, 'rules', 'nl', 'atw-calendar.yaml'), join(dir, 'atw-calendar.yaml'));
  copyFileSync(join(ROOT, 'fixtures', 'example', 'ex-partner.yaml'), join(dir, 'ex-partner.yaml'));
  const tests = readFileSync(join(ROOT, 'fixtures', 'rules', 'example.test.yaml'), 'utf8').replace('rules: [example.yaml, ../../rules/nl/atw-calendar.yaml]', 'rules: [example.yaml, atw-calendar.yaml]').replace('case: ../example/ex-partner.yaml', 'case: ex-partner.yaml');
  writeFileSync(join(dir, 'example.test.yaml'), tests);
  return { dir, rules: join(dir, 'example.yaml'), tests: join(dir, 'example.test.yaml'), calendar: join(dir, 'atw-calendar.yaml') };
}

/** Replaces one line's text and returns the 1-based line number it is on. */
function edit(file: string, from: string, to: string): number {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  if (at === -1) throw new Error(`"${from}" not in ${file}`);
  writeFileSync(file, text.slice(0, at) + to + text.slice(at + from.length));
  return text.slice(0, at).split('\n').length;
}

/** Objects in a JSON document that carry a place (file, line, column). */
function placed(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const x of node) placed(x, out);
  else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o['file'] === 'string' && typeof o['line'] === 'number' && typeof o['column'] === 'number') out.push(o);
    for (const v of Object.values(o)) placed(v, out);
  }
  return out;
}

/**
 * Every format names the place (file and line, and the column where the format has one) and the
 * message; for a failed expectation, also the expected and the actual value.
 */
function expectEveryFormatShows(out: Record<Fmt, string>, file: string, line: number, message: RegExp, values?: [string, string]): void {
  const esc = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const loc = new RegExp(`${esc(file)}:${line}:\\d+`);
  const both = (text: string): void => {
    if (!values) return;
    expect(text).toContain(values[0]);
    expect(text).toContain(values[1]);
  };
  expect(out.text).toMatch(loc);
  expect(out.text).toMatch(message);
  both(out.text);
  // JSON: an object with the file, line and column as fields, and the message (or what was expected and found).
  const hits = placed(JSON.parse(out.json)).filter((o) => o['file'] === file && o['line'] === line);
  expect(hits.length, out.json.slice(0, 1500)).toBeGreaterThan(0);
  const said = hits.map((o) => (typeof o['message'] === 'string' ? o['message'] : `${String(o['what'])}: expected ${String(o['expected'])}, got ${String(o['actual'])}`));
  expect(said.some((m) => message.test(m)), said.join('\n')).toBe(true);
  // JUnit: valid, and the place and message in a failure or error.
  expect(validateJunit(out.junit)).toEqual([]);
  expect(out.junit).toMatch(loc);
  expect(out.junit.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toMatch(message);
  both(out.junit);
  // SARIF: valid against the 2.1.0 schema; a result at the file, line and column.
  const sarif = JSON.parse(out.sarif) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[]; fingerprints: Record<string, string> }[] }[] };
  expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
  const hit = sarif.runs[0]?.results.find((r) => r.locations[0]?.physicalLocation.artifactLocation.uri.endsWith(encodeURI(file)) && r.locations[0]?.physicalLocation.region.startLine === line);
  expect(hit, out.sarif.slice(0, 2000)).toBeDefined();
  expect(hit?.message.text).toMatch(message);
  if (values) both(hit?.message.text ?? '');
  expect(hit?.locations[0]?.physicalLocation.region.startColumn).toBeGreaterThan(0);
  expect(Object.values(hit?.fingerprints ?? {})[0]).toMatch(/^[0-9a-f]{64}$/);
  // GitHub: an annotation at file, line and column.
  const annotation = out.github.split('\n').find((l) => l.includes(`file=${file.replace(/:/g, '%3A').replace(/,/g, '%2C')},line=${line},col=`));
  expect(annotation, out.github).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^:]*::/);
  expect(annotation).toMatch(message);
  both(annotation ?? '');
  // Markdown: the place (in a code span) and message, for the pull request, as GitHub renders them.
  const summary = new Marked({ gfm: true }).parse(out['markdown-summary']) as string;
  const shown = summary.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  expect(summary).toMatch(new RegExp('<code>' + loc.source + '</code>'));
  expect(shown).toMatch(message);
  both(shown);
}

describe('breaking a rule, a test expectation or a YAML file shows where and what to fix, in every format, with the right exit code', () => {
  it('validate: a rule without a citation — exit 1, at the rule', async () => {
    const s = scratch();
    const line = edit(s.rules, '    cite: [sr-66]\n    checked: "2026-11-25"\n  intimidating:', '    checked: "2026-11-25"\n  intimidating:');
    const r = await runAllFormats(['validate', s.rules, s.calendar]);
    expect(r.code).toBe(1);
    expect(line).toBeGreaterThan(1);
    expectEveryFormatShows(r.out, s.rules, line - 5, /every rule must cite its source: add cite: \[<source id>\]/);
  });

  it('validate: a misspelt reference — exit 1, with a did-you-mean', async () => {
    const s = scratch();
    const line = edit(s.rules, 'when: { check: derived.incident_count, op: ">=", value: 2 }', 'when: { check: derived.incident_cnt, op: ">=", value: 2 }');
    const r = await runAllFormats(['validate', s.rules, s.calendar]);
    expect(r.code).toBe(1);
    expectEveryFormatShows(r.out, s.rules, line, /derived\.incident_cnt is not defined in this rule set\. Did you mean "incident_count"\?/);
  });

  it('validate: a YAML syntax error — exit 1, at the line', async () => {
    const s = scratch();
    const line = edit(s.rules, '  repeated:\n', '  repeated:\n   bad: [\n');
    const r = await runAllFormats(['validate', s.rules, s.calendar]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out.json) as { diagnostics: { code: string; line: number }[] };
    expect(json.diagnostics[0]?.code).toBe('yaml-syntax');
    expectEveryFormatShows(r.out, s.rules, json.diagnostics[0]?.line ?? -1, /cannot be read as YAML/);
    expect(json.diagnostics[0]?.line).toBeGreaterThanOrEqual(line);
  });

  it('test: a rule changed so that a test fails — exit 1, expected against actual at the expectation, the rule and its citation', async () => {
    const s = scratch();
    edit(s.rules, 'when: { check: derived.incident_count, op: ">=", value: 2 }', 'when: { check: derived.incident_count, op: ">=", value: 3 }');
    const r = await runAllFormats(['test', s.dir]);
    expect(r.code).toBe(1);
    const testText = readFileSync(s.tests, 'utf8').split('\n');
    const start = testText.findIndex((l) => l.includes('unknown facts leave the verdict open'));
    const line = testText.findIndex((l, i) => i > start && l.includes('repeated: met')) + 1;
    expectEveryFormatShows(r.out, s.tests, line, /criterion repeated \(Repeated conduct\): status/, ['met', 'not_met']);
    expect(r.out.text).toMatch(/rule: {5}\S+example\.yaml:\d+:3 example-harassment criteria\.repeated — Wetboek van Strafrecht Art\. 66 lid 1/);
    expect(r.out.text).toMatch(/number of incidents >= 2|number of incidents/); // the facts involved
    expect(r.out.text).toContain(`rerun: rulecase test ${s.tests} --run '^unknown facts leave the verdict open$'`);
    const sarif = JSON.parse(r.out.sarif) as { runs: { tool: { driver: { rules: { id: string; help: { text: string }; helpUri?: string }[] } }; results: { ruleId: string; relatedLocations?: unknown[] }[] }[] };
    const rule = sarif.runs[0]?.tool.driver.rules.find((x) => x.id === 'example-harassment/criteria/repeated');
    expect(rule?.help.text).toBe('Source: Wetboek van Strafrecht Art. 66 lid 1 — https://wetten.overheid.nl/BWBR0001854/2026-01-01#Artikel66');
    expect(rule?.helpUri).toBe('https://wetten.overheid.nl/BWBR0001854/2026-01-01#Artikel66');
    expect(sarif.runs[0]?.results.find((x) => x.ruleId === 'example-harassment/criteria/repeated')?.relatedLocations).toHaveLength(1);
  });

  it('test: a wrong expectation — exit 1, at the expected value', async () => {
    const s = scratch();
    const line = edit(s.tests, 'complaint: { status: expired, due: "2026-04-10" }', 'complaint: { status: expired, due: "2026-04-11" }');
    const r = await runAllFormats(['test', s.dir]);
    expect(r.code).toBe(1);
    expectEveryFormatShows(r.out, s.tests, line, /deadline complaint \(Complaint term\): due/, ['2026-04-11', '2026-04-10']);
    expect(r.out.text).toMatch(/start: .* = 2026-01-10/);
    const junit = parseXml(r.out.junit).root;
    const failed = junit?.children.flatMap((s2) => s2.children).filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(failed?.map((c) => c.attrs['name'])).toEqual(['the example case - harassment met, complaint term expired']);
  });

  it('test: an expectation naming no rule — exit 1, with a did-you-mean', async () => {
    const s = scratch();
    const line = edit(s.tests, '        harassment: met\n        repeated: met', '        harassment: met\n        repeatd: met') + 1;
    const r = await runAllFormats(['test', s.dir]);
    expect(r.code).toBe(1);
    expectEveryFormatShows(r.out, s.tests, line, /no rule set that applies to this case has a conclusion "repeatd"\. Did you mean "repeated"\?/);
  });

  it('test: a YAML syntax error in a test file — exit 1, at the line', async () => {
    const s = scratch();
    const line = edit(s.tests, '    asOf: "2026-03-01"\n    case:\n      jurisdiction: NL\n      incidents:\n        - { date: "2026-02-02"', '    asOf: "2026-03-01"\n    case:\n      jurisdiction: NL\n      incidents:\n        - { date: "2026-02-02"\n  bad');
    const r = await runAllFormats(['test', s.dir]);
    expect(r.code).toBe(1);
    const problems = (JSON.parse(r.out.json) as { problems: { code: string; line: number }[] }).problems;
    expect(problems[0]?.code).toBe('yaml-syntax');
    expect(problems[0]?.line).toBeGreaterThanOrEqual(line);
    expectEveryFormatShows(r.out, s.tests, problems[0]?.line ?? -1, /cannot be read as YAML/);
  });

  it('test: a broken rule file makes its tests unable to run — exit 1, at the rule', async () => {
    const s = scratch();
    const line = edit(s.rules, 'length: P14D', 'length: 14 days');
    const r = await runAllFormats(['test', s.dir]);
    expect(r.code).toBe(1);
    expectEveryFormatShows(r.out, s.rules, line, /does not have the expected form|not an ISO 8601 duration/);
    expect(r.out.text).toMatch(/the rules this test runs against have 1 error\(s\); fix them first/);
  });

  it('assess: a case with a YAML syntax error — exit 2, at the line', async () => {
    const s = scratch();
    const line = edit(join(s.dir, 'ex-partner.yaml'), 'complaint:\n', 'complaint:\n  - [\n') + 1;
    const r = await runAllFormats(['assess', '--rules', s.rules, '--rules', s.calendar, join(s.dir, 'ex-partner.yaml')]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out.json) as { cases: { diagnostics: { code: string; line: number }[] }[] };
    expect(json.cases[0]?.diagnostics[0]?.code).toBe('yaml-syntax');
    expectEveryFormatShows(r.out, join(s.dir, 'ex-partner.yaml'), json.cases[0]?.diagnostics[0]?.line ?? -1, /cannot be read as YAML/);
    expect(json.cases[0]?.diagnostics[0]?.line).toBeGreaterThanOrEqual(line);
  });

  it('assess: a misspelt fact in a case — exit 2, at the fact, with a did-you-mean', async () => {
    const s = scratch();
    const line = edit(join(s.dir, 'ex-partner.yaml'), 'victim_refused_contact: true', 'victim_refused_contakt: true');
    const r = await runAllFormats(['assess', '--rules', s.rules, '--rules', s.calendar, join(s.dir, 'ex-partner.yaml')]);
    expect(r.code).toBe(2);
    expectEveryFormatShows(r.out, join(s.dir, 'ex-partner.yaml'), line, /the rules ask no fact called "victim_refused_contakt"\. Did you mean "victim_refused_contact"\?/);
  });

  it('assess: an expired deadline with --fail-on expired — exit 1, annotated at the field it runs from', async () => {
    const s = scratch();
    const caseFile = join(s.dir, 'ex-partner.yaml');
    const line = readFileSync(caseFile, 'utf8').split('\n').findIndex((l) => l.includes('learned:')) + 1;
    const r = await runInProcess(['assess', '--rules', s.rules, '--rules', s.calendar, '--fail-on', 'expired', '--format', 'github', '--format', `junit=${join(s.dir, 'a.xml')}`, '--format', `sarif=${join(s.dir, 'a.sarif')}`, caseFile]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::warning file=${caseFile},line=${line},col=12,title=rulecase assess%3A example-harassment/deadlines/complaint::case example-001: Complaint term: EXPIRED (due 2026-04-10`);
    expect(validateJunit(readFileSync(join(s.dir, 'a.xml'), 'utf8'))).toEqual([]);
    expect(readFileSync(join(s.dir, 'a.xml'), 'utf8')).toContain('<failure message="case example-001 needs: expired');
    expect(validateSarif(JSON.parse(readFileSync(join(s.dir, 'a.sarif'), 'utf8')))).toBe(true);
  });
});

describe('output formats', () => {
  it('the passing example tests give valid JUnit and SARIF with no results', async () => {
    const r = await runAllFormats(['test', 'fixtures/rules']);
    expect(r.code).toBe(0);
    expect(validateJunit(r.out.junit)).toEqual([]);
    expect(r.out.junit).toContain('<skipped message="todo: the example grid has no output');
    const sarif = JSON.parse(r.out.sarif) as { version: string; runs: { results: unknown[] }[] };
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results).toEqual([]);
    expect(r.out.github).toMatch(/^rulecase test: 7 passed, 0 failed, 1 todo/m);
    expect(r.out['markdown-summary']).toMatch(/^### ✅ rulecase test/);
  });

  it('validate of the shipped rules: valid JUnit with one test case per file, valid SARIF', async () => {
    const r = await runAllFormats(['validate', '--review-overdue', 'off']);
    expect(r.code).toBe(0);
    expect(validateJunit(r.out.junit)).toEqual([]);
    expect(r.out.junit).toMatch(/<testcase name="rules\/nl\/belaging.yaml" classname="validate" time="0"\/>/);
    expect(validateSarif(JSON.parse(r.out.sarif))).toBe(true);
  });

  it('the SARIF fingerprints do not move when lines are added above a problem', async () => {
    const s = scratch();
    edit(s.rules, 'when: { check: derived.incident_count, op: ">=", value: 2 }', 'when: { check: derived.incident_cnt, op: ">=", value: 2 }');
    const print = async (): Promise<{ line: number; fp: string }> => {
      const r = await runInProcess(['validate', '--format', 'sarif', s.rules, s.calendar]);
      const res = (JSON.parse(r.stdout) as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[]; fingerprints: Record<string, string> }[] }[] }).runs[0]?.results[0];
      return { line: res?.locations[0]?.physicalLocation.region.startLine ?? 0, fp: Object.values(res?.fingerprints ?? {})[0] ?? '' };
    };
    const before = await print();
    edit(s.rules, 'criteria:\n', '# a comment\n# another\ncriteria:\n');
    const after = await print();
    expect(after.line).toBe(before.line + 2);
    expect(after.fp).toBe(before.fp);
  });

  it('GitHub annotations escape what the workflow-command syntax reserves', async () => {
    const { formatGithub } = await import('../src/report/github.js');
    const out = formatGithub({ command: 'validate', tool: { name: 'rulecase', version: '0' }, summary: 's', ok: false, rules: [], checks: [], findings: [{ ruleId: 'x', level: 'error', message: '100% sure,\nreally', place: { file: 'a,b:c.yaml', line: 2, column: 3 }, key: '' }] });
    expect(out.split('\n')[0]).toBe('::error file=a%2Cb%3Ac.yaml,line=2,col=3,title=rulecase validate%3A x::100%25 sure,%0Areally');
  });

  it('format errors: an unknown format, two formats to stdout, an unwritable file — exit 2', async () => {
    const bad = await runInProcess(['validate', '--format', 'yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"yaml" is not a format\. Allowed choices are text, json, junit, sarif, github, markdown/);
    const two = await runInProcess(['test', 'fixtures/rules', '--format', 'text', '--format', 'junit']);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/only one --format can go to standard output .* --format junit=<file>/);
    const unwritable = await runInProcess(['assess', '--format', 'json', '--format', 'sarif=/nonexistent/dir/x.sarif', '--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml', 'fixtures/example/ex-partner.yaml']);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toBe('rulecase: cannot write /nonexistent/dir/x.sarif: ENOENT.\n');
    expect(unwritable.stdout).toBe('');
  });

  it('assess keeps --out and its single --format as before, spawned too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rulecase-out-'));
    const r = runSpawned(['assess', '--format', 'json', '--out', join(dir, 'r.json'), '--format', `markdown-summary=${join(dir, 'r.md')}`, '--rules', 'fixtures/rules', '--rules', 'rules/nl/atw-calendar.yaml', 'fixtures/example/ex-partner.yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { cases: { id: string }[] }).cases[0]?.id).toBe('example-001');
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^### ✅ rulecase assess\n\n1 case\(s\): 1 assessed, 0 could not be assessed\./);
  });
});

describe('the format table', () => {
  const commands = ['assess', 'validate', 'test', 'diff'] as const;

  it.each(commands)('%s: --format choices and help come from the table', async (command) => {
    const names = formatNames(command);
    const bad = await runInProcess([command, '--format', 'yaml', ...(command === 'diff' ? ['--base', 'HEAD'] : command === 'assess' ? ['x.yaml'] : [])]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`Allowed choices are ${names.join(', ')};`);
    const help = await runInProcess([command, '--help']);
    for (const name of names) expect(help.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });

  it('each format is offered by some command and says what it is; assess streams exactly the case-by-case ones', () => {
    for (const [name, row] of Object.entries(FORMAT_TABLE)) {
      expect(row.description, name).not.toBe('');
      expect(Object.keys(row.commands).length, name).toBeGreaterThan(0);
    }
    expect(formatNames('assess').filter((n) => formatFor('assess', n).mode === 'streamed')).toEqual(['text', 'html', 'json', 'ndjson', 'csv', 'markdown', 'ics']);
  });

  it('the README lists the formats each command offers', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const assessRow = /`--format ([a-z\\|-]+)\[=file\]`/.exec(readme)?.[1]?.split('\\|');
    expect(assessRow).toEqual(formatNames('assess'));
    const diffSynopsis = /rulecase diff .*\n.*--format ([a-z|-]+)\[=<file>\]/.exec(readme)?.[1]?.split('|');
    expect(new Set(diffSynopsis)).toEqual(new Set(formatNames('diff')));
    const section = readme.slice(readme.indexOf('### Output formats'), readme.indexOf('### Review dates'));
    const listed = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(formatNames('validate'));
    expect(formatNames('test')).toEqual(formatNames('validate'));
  });
});
