import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * rulecase as its users get it: the tarball `npm pack` makes, installed into an empty folder. It
 * catches what only an install shows: files left out of `files`, paths that climb out of the
 * package, a runtime import of a devDependency.
 */
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string; files: string[]; scripts: Record<string, string> };

let dir: string;
let bin: string;
let how: string;

/**
 * Offline: npm installs the tarball from its cache when every dependency is there; otherwise the
 * runtime dependencies (and only those: no devDependency) are linked from this repository's
 * node_modules, by the lock file, beside the unpacked tarball.
 */
function install(tarball: string): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'try-rulecase', version: '1.0.0', private: true }));
  const npm = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  if (npm.status === 0 && existsSync(join(dir, 'node_modules', 'rulecase', 'package.json'))) {
    how = 'npm install --offline';
    return;
  }
  rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', join(dir, 'node_modules')]);
  execFileSync('mv', [join(dir, 'node_modules', 'package'), join(dir, 'node_modules', 'rulecase')]);
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = key.slice('node_modules/'.length);
    if (!key.startsWith('node_modules/') || entry.dev === true || name.includes('node_modules/')) continue;
    const to = join(dir, 'node_modules', name);
    mkdirSync(dirname(to), { recursive: true });
    symlinkSync(join(ROOT, key), to);
  }
  how = 'the tarball unpacked, runtime dependencies linked';
}

const run = (...args: string[]): { code: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rulecase-pack-'));
  // dist/ is built by `npm test` before vitest runs; --ignore-scripts keeps pack from building again,
  // so the prepack/postpack steps that keep `prepare` out of the packed manifest run by hand.
  let out: string;
  execFileSync(process.execPath, ['scripts/pack-manifest.mjs', 'strip'], { cwd: ROOT });
  try {
    out = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop() as string;
  } finally {
    execFileSync(process.execPath, ['scripts/pack-manifest.mjs', 'restore'], { cwd: ROOT });
  }
  install(join(dir, out));
  bin = join(dir, 'node_modules', 'rulecase', 'bin', 'rulecase.js');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed tarball, installed', () => {
  it('carries a LICENSE matching package.json, and no invalid fixtures', () => {
    const installed = join(dir, 'node_modules', 'rulecase');
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(existsSync(join(installed, 'fixtures', 'invalid'))).toBe(false);
  });

  it('answers --version, assesses, validates and runs its own rule tests', () => {
    expect(run('--version').stdout.trim()).toBe(pkg.version);
    const assess = run('assess', '--as-of', '2026-06-01', '--format', 'json', 'node_modules/rulecase/fixtures/nl/belaging-buurman.yaml');
    expect(assess.code, assess.stderr).toBe(0);
    expect((JSON.parse(assess.stdout) as { cases: { id: string; status: string }[] }).cases[0]).toMatchObject({ id: 'NL-2026-0119', status: 'assessed' });
    const validate = run('validate');
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(/rule file\(s\) valid/);
    // The shipped rule tests read the shipped fixtures: nothing outside the package.
    const test = run('test');
    expect(test.code, `${how}\n${test.stdout.slice(-2000)}${test.stderr}`).toBe(0);
    expect(test.stdout).toMatch(/\d+ passed, 0 failed/);
  }, 60_000);
});

describe('the installed package, as a consumer uses it', () => {
  const fixture = 'node_modules/rulecase/fixtures/nl/belaging-buurman.yaml';
  const node = (file: string, ...flags: string[]): { code: number | null; out: string } => {
    const r = spawnSync(process.execPath, [...flags, file], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' }, timeout: 30_000 });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  it('has no script that an install would run or ask to approve; the repository still builds on npm ci', () => {
    const installed = JSON.parse(readFileSync(join(dir, 'node_modules', 'rulecase', 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(installed.scripts ?? {}, s).not.toHaveProperty(s);
    expect(pkg.scripts['prepare']).toBe('npm run build');
    expect(pkg.scripts['prepack']).toBe('node scripts/pack-manifest.mjs strip');
    expect(pkg.scripts['postpack']).toBe('node scripts/pack-manifest.mjs restore');
  });

  it('require() from CommonJS and import from an ES module both give the API', () => {
    writeFileSync(join(dir, 'consumer.cjs'), `const { assess, loadRules, VERSION } = require('rulecase');\nconsole.log(VERSION, assess(loadRules(), ['${fixture}'], { asOf: '2026-06-01' }).cases[0].status);\n`);
    writeFileSync(join(dir, 'consumer.mjs'), `import { assess, loadRules, VERSION } from 'rulecase';\nconsole.log(VERSION, assess(loadRules(), ['${fixture}'], { asOf: '2026-06-01' }).cases[0].status);\n`);
    expect(node('consumer.cjs')).toEqual({ code: 0, out: `${pkg.version} assessed\n` });
    expect(node('consumer.mjs')).toEqual({ code: 0, out: `${pkg.version} assessed\n` });
    // Where require() of an ES module is off, the error says which import to use.
    const off = node('consumer.cjs', '--no-experimental-require-module');
    expect(off.code).not.toBe(0);
    expect(off.out).toContain("Use import { assess, loadRules } from 'rulecase'");
  });

  it('type-checks under tsc --strict without skipLibCheck and without @types/node', () => {
    writeFileSync(
      join(dir, 'consumer.ts'),
      `import { assess, loadRules, type CaseResult, type Report, type RuleSet } from 'rulecase';\nconst rules = loadRules();\nconst sets: readonly RuleSet[] = rules.rulesets;\nconst report: Report = assess(rules, ['${fixture}'], { asOf: '2026-06-01' });\nconst first: CaseResult | undefined = report.cases[0];\nexport const status: string = first?.status ?? String(sets.length);\n`,
    );
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: [] }, files: ['consumer.ts'] }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 60_000);
});
