import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CLOUD_AND_HTTP = ['hono', 'hono/*', '@hono/*', '@google-cloud/*', 'firebase-admin', 'firebase-admin/*'];

/**
 * Features are peers with front doors (docs/code-shape.md): outside its own folder a feature is reached
 * only through its index.ts. Tests and benches may reach inside (they test the parts).
 */
export const FEATURES = [
  'auth',
  'config',
  'controlcenter',
  'limits',
  'mirror',
  'outbox',
  'pairing',
  'payments',
  'privacy',
  'push',
  'realtime',
  'safety',
  'sessions',
  'users',
];
const doorsOf = (features, prefixes) =>
  features.map((feature) => ({
    group: prefixes.flatMap((p) => [`${p}${feature}/*`, `!${p}${feature}/index`]),
    message: `Import the ${feature} feature through its front door (shared/${feature}/index.ts).`,
  }));
const INSIDE_SHARED = ['../', '../../'];
const restrict = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });
// One block per file set, since a later block setting the rule would replace an earlier one's patterns.
const frontDoors = [
  ...FEATURES.map((feature) => ({
    files: [`shared/${feature}/**/*.ts`],
    rules: restrict(
      doorsOf(
        FEATURES.filter((f) => f !== feature),
        INSIDE_SHARED,
      ),
    ),
  })),
  {
    files: ['shared/**/*.ts'],
    ignores: FEATURES.map((f) => `shared/${f}/**`),
    rules: restrict(doorsOf(FEATURES, INSIDE_SHARED)),
  },
  { files: ['functions/**/*.ts', 'scripts/**/*.ts'], rules: restrict(doorsOf(FEATURES, ['**/shared/'])) },
];

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
  ...frontDoors,
  {
    // Effects reach the relay through commitWithEffects alone: a hand kick is one a use case could forget.
    files: ['**/*.ts'],
    ignores: ['shared/outbox/**', 'test/**', 'bench/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='kick']",
          message: 'Record effects with commitWithEffects(deps, fn): it wakes the relay after the commit.',
        },
      ],
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
    // bench/ measures what scripts/ builds and starts, so it may import scripts/; the other way round
    // would make the product's tooling depend on its measurements.
    files: ['scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)bench(/|$)', message: 'scripts/ never imports bench/: move the code to scripts/.' },
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
