import type { Command } from 'commander';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { todayIn } from '../dates/legal-date.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { writeFileAtomically } from '../io/atomic-write.js';
import { BUNDLED_RULES, displayPath, listFiles, loadRules, UsageError } from '../io/files.js';
import { assertedRules } from '../rulebook/asserts.js';
import { buildRuleBook, type BookTest } from '../rulebook/build.js';
import { checkLinks } from '../rulebook/links.js';
import type { Lang } from '../rules/types.js';
import type { CommandContext } from './extensions.js';
import { checkAsOf, langOption, rulesOption } from './options.js';
import { rulesHaveErrors } from './output.js';
import { isRuleFile, TEST_FILE, TestRun } from './test-run.js';

interface DocsOptions {
  out: string;
  rules: string[];
  lang: Lang;
  asOf?: string;
}

export function registerDocs(program: Command, { io, setExit }: CommandContext): void {
  program
    .command('docs')
    .description('Write the rule book: every rule set, rule, source and test as HTML pages a lawyer can check, with each rule’s logic in words.')
    .requiredOption('--out <folder or file.html>', 'a folder for the pages (index.html first), or a file ending in .html for the whole book in one file')
    .addOption(rulesOption())
    .addOption(langOption('language of the rule book').default('en'))
    .option('--as-of <date>', "judge review dates as on this date, YYYY-MM-DD (default: today in the first rule set's time zone)")
    .addHelpText(
      'after',
      `
The rule book has an index of the rule sets; a page per rule set with each criterion, judgment,
table, deadline, action, derived value, question, calendar and source: its logic in words, what it
reads and what reads it, its sources (kind, quoted words, link, date checked), whether it is
verified and why not, the rule tests that assert it and their coverage, its period and review date;
a page of every unverified point and review date; and the case fields with the rules that read them.
It needs no network and no scripts. The rule tests beside the rules are run to find which tests
assert which rule, and what they cover.

Exit codes: 0 written; 1 written, but a link inside the book is broken (a fault in rulecase);
2 the rules are invalid, or the command line is wrong.

Examples:
  rulecase docs --out rulebook
  rulecase docs --lang nl --out regelboek.html
  rulecase docs --rules rules/nl --out rulebook-nl`,
    )
    .action((opts: DocsOptions) => {
      setExit(docsCommand(opts, { io, setExit }));
    });
}

/** Load the rules → run their tests (which rules each asserts, coverage) → build the pages → check links → write. */
function docsCommand(opts: DocsOptions, { io }: CommandContext): number {
  checkAsOf(opts.asOf);
  const rulePaths = opts.rules.length > 0 ? opts.rules : [BUNDLED_RULES];
  const rules = loadRules(rulePaths, io.cwd);
  if (hasErrors(rules.diagnostics)) return rulesHaveErrors(rules.diagnostics, io);
  const tests = runTests(rulePaths, rules.rulesets, io);
  const asOf = opts.asOf ?? todayIn(rules.rulesets[0]?.timeZone ?? 'UTC', io.now());
  const single = /\.html?$/i.test(opts.out);
  const pages = buildRuleBook({ rulesets: rules.rulesets, jurisdictions: rules.jurisdictions, tests: tests.tests, coverage: tests.coverage, lang: opts.lang, asOf, toolVersion: io.version }, { single });
  const folder = resolve(io.cwd, single ? dirname(opts.out) : opts.out);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    throw new UsageError(`cannot write to ${displayPath(folder, io.cwd)}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  for (const [name, html] of pages) writeFileAtomically(single ? opts.out : resolve(folder, name), html, { cwd: io.cwd, pid: io.pid });
  const links = checkLinks(pages);
  for (const b of links.broken) io.stderr(`rulecase docs: broken link in ${b.page}: ${b.href}\n`);
  io.stderr(`rulecase docs: wrote ${pages.size} page file(s) to ${displayPath(single ? resolve(io.cwd, opts.out) : folder, io.cwd)} (${rules.rulesets.length} rule sets, ${tests.tests.length} rule tests, ${links.checked} internal links checked).\n`);
  return links.broken.length > 0 ? 1 : 0;
}

/** Runs the rule tests under the rule paths, recording which rules each asserts and what they cover. */
function runTests(rulePaths: readonly string[], rulesets: Parameters<typeof assertedRules>[2], io: CommandContext['io']): { tests: BookTest[]; coverage: ReturnType<TestRun['coverage']> } {
  const folders = rulePaths.filter((p) => statSync(resolve(io.cwd, p)).isDirectory());
  const testFiles = folders.flatMap((p) => listFiles(p, (n) => TEST_FILE.test(n), io.cwd));
  // Every rule file counts for coverage, tested or not: a file no test loads shows as uncovered.
  const ruleFiles = rulePaths.flatMap((p) => (folders.includes(p) ? listFiles(p, isRuleFile, io.cwd) : [p]));
  const asserts = new Map<string, BookTest['asserts']>();
  const run = new TestRun({ extraRules: [], observe: (t, report) => asserts.set(`${t.file}\0${t.name}`, assertedRules(t, report, rulesets)) }, ruleFiles, io);
  for (const f of [...new Set(testFiles.map((f) => resolve(io.cwd, f)))]) run.runFile(f);
  const tests = run.results.map((r) => ({ name: r.name, file: r.file.split(/[\\/]/).at(-1) ?? r.file, status: r.status, asserts: asserts.get(`${r.file}\0${r.name}`) ?? [] }));
  return { tests, coverage: run.coverage() };
}
