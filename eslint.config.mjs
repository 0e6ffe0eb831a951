// Flat config for the whole workspace: typescript-eslint with type information, Nx module
// boundaries (shared libs never import apps; apps never import apps), Prettier owns formatting.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/.dev-stack',
      '**/.cache',
      '**/generated/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:tool', 'type:app'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:chain-indexer',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:chain-indexer'],
            },
            {
              sourceTag: 'scope:unlock-engine',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:unlock-engine'],
            },
            { sourceTag: 'scope:oracle', onlyDependOnLibsWithTags: ['scope:shared', 'scope:oracle'] },
            {
              sourceTag: 'scope:alert-router',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:alert-router'],
            },
            {
              sourceTag: 'scope:api-gateway',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:api-gateway'],
            },
          ],
        },
      ],
    },
  },
  {
    // Test code may use the dev stack (a tool) to get real Postgres, Kafka and Hardhat.
    files: [
      '**/*.spec.ts',
      '**/*.integration-spec.ts',
      '**/*.fixture.ts',
      '**/testing.ts',
      '**/testing/**/*.ts',
      '**/bench/**/*.ts',
    ],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          depConstraints: [
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:tool', 'type:app'] },
            { sourceTag: '*', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
          ],
        },
      ],
    },
  },
  {
    // End-to-end suites drive the apps themselves from outside, so they reach into app sources.
    files: ['apps/*-e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['tools/**/*.ts', '**/scripts/**/*.ts', '**/bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
