import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { assessSource } from '../app/assess.js';
import type { CaseSource } from '../app/case-source.js';
import type { AppIo } from '../app/io.js';
import { loadRules } from '../io/files.js';
import type { WorkerData } from './assess-run.js';
import { renderCase } from './render-case.js';

// A worker loads the rules once, then assesses and formats the batches of cases it is sent:
// the main thread only writes, so it does not become the bottleneck of a parallel run.
const { rules: rulePaths, cwd, render, now, ...settings } = workerData as WorkerData;
const rules = loadRules(rulePaths, cwd);
// The main thread's clock reading, so that every case of the run defaults to the same today.
const io: AppIo = { readFile: (path) => readFileSync(resolve(cwd, path), 'utf8'), now: () => new Date(now) };

parentPort?.on('message', (batch: { start: number; sources: CaseSource[] }) => {
  const reports = batch.sources.map((s) => {
    const report = assessSource(s, rules.rulesets, settings, io);
    return report && renderCase(report, render, rules.rulesets);
  });
  parentPort?.postMessage({ start: batch.start, reports });
});
