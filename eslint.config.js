import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import borderflow from './tools/eslint/module-boundary.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', '.bench/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { borderflow },
    rules: {
      'borderflow/module-boundary': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through src/infra/config only.' },
      ],
    },
  },
  {
    // Domain code takes time and randomness from an injected Clock and seeded RNG.
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration through src/infra/config only.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the injected Clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected Clock.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded RNG.' },
      ],
    },
  },
  {
    files: ['src/infra/config/**', 'bin/**', 'tools/**', 'web/vite.config.ts', 'bench/**', 'test/**', '**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  { files: ['**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
