#!/usr/bin/env node
// How many of the rule files' statute and decision sources rest on the primary text: the figure
// issue 20 asks for (at least 90% verified with a quote). `node scripts/source-count.mjs [rules-dir]`
// prints it per jurisdiction and kind; test/sources.test.ts asserts it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The kinds an adviser cites as law; the goal is counted over these. */
export const PRIMARY_KINDS = ['statute', 'decision'];

function ruleFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ruleFiles(path);
    return name.endsWith('.yaml') && !name.endsWith('.test.yaml') && name !== 'jurisdiction.yaml' ? [path] : [];
  });
}

/** Every source of every rule set under dir, with its rule set's jurisdiction. */
export function listSources(dir) {
  return ruleFiles(dir).flatMap((file) => {
    const rs = parse(readFileSync(file, 'utf8'));
    return Object.entries(rs?.sources ?? {}).map(([id, s]) => ({ file, id, jurisdiction: rs.jurisdiction, ...s }));
  });
}

/** Per jurisdiction (and "all"): sources by kind, and statute and decision sources verified with a quote. */
export function countSources(sources) {
  const out = {};
  for (const s of sources) {
    for (const j of [s.jurisdiction, 'all']) {
      const c = (out[j] ??= { byKind: {}, primary: 0, primaryVerifiedWithQuote: 0, unverified: 0 });
      c.byKind[s.kind ?? 'none'] = (c.byKind[s.kind ?? 'none'] ?? 0) + 1;
      if (!s.verified) c.unverified += 1;
      if (PRIMARY_KINDS.includes(s.kind)) {
        c.primary += 1;
        if (s.verified && typeof s.quote === 'string' && s.quote.trim() !== '') c.primaryVerifiedWithQuote += 1;
      }
    }
  }
  return out;
}

export const share = (c) => (c.primary === 0 ? 1 : c.primaryVerifiedWithQuote / c.primary);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const counts = countSources(listSources(process.argv[2] ?? 'rules'));
  for (const [j, c] of Object.entries(counts)) {
    const kinds = Object.entries(c.byKind).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`${j}: ${kinds}; statute and decision sources verified with a quote: ${c.primaryVerifiedWithQuote}/${c.primary} (${Math.round(share(c) * 100)}%); unverified sources: ${c.unverified}`);
  }
}
