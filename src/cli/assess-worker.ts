import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from '../io/files.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assessSource } from '../app/assess.js';
import type { CaseSource } from '../app/case-source.js';
import type { Lang } from '../rules/types.js';
import { renderCase, type RenderContext } from './render-case.js';

// A worker loads the rules once, then assesses and formats the batches of cases it is sent:
// the main thread only writes, so it does not become the bottleneck of a parallel run.
const data = workerData as { rules: string[]; cwd: string; render: RenderContext; asOf?: string; lang?: Lang; now: number };
const rules = loadRules(data.rules, data.cwd);
const settings = { ...(data.lang !== undefined ? { lang: data.lang } : {}), ...(data.asOf !== undefined ? { asOf: data.asOf } : {}) };
// The main thread's clock reading, so that every case of the run defaults to the same today.
const io = { readFile: (path: string) => readFileSync(resolve(data.cwd, path), 'utf8'), now: () => new Date(data.now) };

parentPort?.on('message', (batch: { start: number; sources: CaseSource[] }) => {
  const reports = batch.sources.map((s) => {
    const report = assessSource(s, rules.rulesets, settings, io);
    return report && renderCase(report, data.render);
  });
  parentPort?.postMessage({ start: batch.start, reports });
});
