import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // A function a newcomer can hold in their head: the longest in src/ is under 80 lines today.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The core is pure: only the CLI and the io module touch the process, the file system or the clock.
    files: [
      'src/app/**/*.ts', 'src/engine/**/*.ts', 'src/rules/**/*.ts', 'src/case/**/*.ts', 'src/dates/**/*.ts', 'src/source/**/*.ts', 'src/report/**/*.ts', 'src/diagnostics/**/*.ts', 'src/rulebook/**/*.ts',
      // The interview's planner and date parsing are pure too; so are the helpers they use.
      'src/interview/planner.ts', 'src/interview/date-input.ts', 'src/interview/answers.ts', 'src/interview/view.ts', 'src/interview/strings.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:fs', 'node:child_process', 'node:net', 'node:http', 'node:https', '../cli/*', '../io/*'], message: 'The core is pure: IO belongs in src/cli or src/io.' }] }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'No clock in the core: take the as-of date as a parameter.' }, { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in the core.' }],
      'no-restricted-globals': ['error', 'process', 'fetch'],
    },
  },
  {
    // The CommonJS entry for require('rulecase'): it loads the ES module.
    files: ['cjs/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
