import { resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { CaseSource } from '../app/case-source.js';
import type { AppIo } from '../app/io.js';
import { loadRules } from '../io/files.js';
import { readRegularFile } from '../io/read.js';
import type { WorkerData } from './assess-run.js';
import { assessAndRender } from './render-case.js';

// A worker loads the rules once, then assesses and formats the batches of cases it is sent:
// the main thread only writes, so it does not become the bottleneck of a parallel run.
const { rules: rulePaths, cwd, render, now, ...settings } = workerData as WorkerData;
const rules = loadRules(rulePaths, cwd);
// The main thread's clock reading, so that every case of the run defaults to the same today.
const io: AppIo = { readFile: (path) => readRegularFile(resolve(cwd, path)), now: () => new Date(now) };

parentPort?.on('message', (batch: { start: number; sources: CaseSource[] }) => {
  const reports = batch.sources.map((s) => assessAndRender(s, rules.rulesets, settings, io, render));
  parentPort?.postMessage({ start: batch.start, reports });
});
