// Flat config for the whole workspace: typescript-eslint with type information, Nx module
// boundaries (shared libs never import apps; apps never import apps), Prettier owns formatting.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.dev-stack', '**/.cache', '**/generated/**', '**/*.js', '**/*.mjs'] },
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
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
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
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:chain-indexer', onlyDependOnLibsWithTags: ['scope:shared', 'scope:chain-indexer'] },
            { sourceTag: 'scope:unlock-engine', onlyDependOnLibsWithTags: ['scope:shared', 'scope:unlock-engine'] },
            { sourceTag: 'scope:oracle', onlyDependOnLibsWithTags: ['scope:shared', 'scope:oracle'] },
            { sourceTag: 'scope:alert-router', onlyDependOnLibsWithTags: ['scope:shared', 'scope:alert-router'] },
            { sourceTag: 'scope:api-gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api-gateway'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/testing.ts', '**/testing/**/*.ts', 'tools/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
