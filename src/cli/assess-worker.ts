import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from '../io/files.js';
import { assessSource, type CaseSource } from '../io/inputs.js';
import type { Lang } from '../rules/types.js';

// A worker loads the rules once, then assesses the batches of cases it is sent.
const data = workerData as { rules: string[]; asOf?: string; lang?: Lang; now: number };
const rules = loadRules(data.rules);
const options = { now: new Date(data.now), ...(data.lang !== undefined ? { lang: data.lang } : {}), ...(data.asOf !== undefined ? { asOf: data.asOf } : {}) };

parentPort?.on('message', (batch: { start: number; sources: CaseSource[] }) => {
  const reports = batch.sources.map((s) => assessSource(s, rules.rulesets, options));
  parentPort?.postMessage({ start: batch.start, reports });
});
