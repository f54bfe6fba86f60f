#!/usr/bin/env node
// Thin shim: all behaviour lives in src/cli; this only hands over argv and the process streams.
import { runCli } from '../dist/cli/main.js';

try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`rulecase: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
