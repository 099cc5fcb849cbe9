// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Logs go through the injected logger; the CLI and demo write to stdout on purpose.
      'no-console': 'error',
    },
  },
  {
    files: ['src/cli/**', 'bots/local/**', 'bench/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
);
