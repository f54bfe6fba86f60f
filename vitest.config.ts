import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI is spawned in some tests; the TypeScript build (npm test runs it first) must exist.
    testTimeout: 20000,
    reporters: process.env['CI'] ? ['default', './test/summary-reporter.ts'] : ['default', './test/summary-reporter.ts'],
  },
});
