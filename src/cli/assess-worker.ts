import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from '../io/files.js';
import { assessSource, type CaseSource } from '../io/inputs.js';
import type { Lang } from '../rules/types.js';
import { renderCase, type RenderContext } from './render-case.js';

// A worker loads the rules once, then assesses and formats the batches of cases it is sent:
// the main thread only writes, so it does not become the bottleneck of a parallel run.
const data = workerData as { rules: string[]; render: RenderContext; asOf?: string; lang?: Lang; now: number };
const rules = loadRules(data.rules);
const options = { now: new Date(data.now), reasons: data.render.reasons, ...(data.lang !== undefined ? { lang: data.lang } : {}), ...(data.asOf !== undefined ? { asOf: data.asOf } : {}) };

parentPort?.on('message', (batch: { start: number; sources: CaseSource[] }) => {
  const reports = batch.sources.map((s) => {
    const report = assessSource(s, rules.rulesets, options);
    return report && renderCase(report, data.render, rules.rulesets);
  });
  parentPort?.postMessage({ start: batch.start, reports });
});
