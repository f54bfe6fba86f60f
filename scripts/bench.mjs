#!/usr/bin/env node
// The benchmark lives in bench/ (see bench/run.mjs for what it measures and its options);
// this wrapper keeps `node scripts/bench.mjs` and `npm run bench` working.
import '../bench/run.mjs';
