#!/usr/bin/env node
// Thin shim: all behaviour lives in src/cli; this only hands over argv and the process streams.
import { runCli } from '../dist/cli/main.js';

// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`rulecase: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
