import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CLOUD_AND_HTTP = ['hono', 'hono/*', '@hono/*', '@google-cloud/*', 'firebase-admin', 'firebase-admin/*'];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      '.data',
      '.scratch',
      'coverage',
      'terraform',
      'test/generated',
      '.stryker-tmp',
      'reports',
    ],
  },
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
    rules: { 'no-restricted-imports': ['error', { patterns: CLOUD_AND_HTTP }] },
  },
  {
    // Adapters implement ports; they never reach into the HTTP layer.
    files: ['shared/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/*', '!**/http/path-table', 'hono', 'hono/*', '@hono/*'],
              message: 'Adapters never import the HTTP layer.',
            },
          ],
        },
      ],
    },
  },
  {
    // Routes call use cases; SQL stays in the features (code-shape.md).
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/shared/db/*', '**/shared/db'], message: 'Routes never touch the database: call a use case.' },
            {
              group: ['**/repo', '**/*-repo', '**/*-queries'],
              message: 'Routes never import a repo: call a use case.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
