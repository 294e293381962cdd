import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.data', 'coverage', 'terraform'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Domain code stays free of HTTP frameworks and cloud SDKs (DESIGN §1).
    files: ['shared/**/*.ts'],
    ignores: ['shared/adapters/**', 'shared/http/**', 'shared/runtime.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['hono', 'hono/*', '@hono/*', '@google-cloud/*', 'firebase-admin', 'firebase-admin/*'] },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
