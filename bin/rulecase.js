#!/usr/bin/env node
// Thin shim: all behaviour lives in src/cli; this only hands over argv and the process streams.
import { readFileSync } from 'node:fs';

// `rulecase --version` answers without loading the tool: scripts call it to check what is installed.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
  process.exit(0);
}
const { runCli } = await import('../dist/cli/main.js');

// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

try {
  process.exitCode = await runCli(argv);
} catch (error) {
  process.stderr.write(`rulecase: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
