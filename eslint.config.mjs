import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'build/**', 'data/**', 'devTools/**', 'coverage/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [] }],
    },
  },
  {
    // The Bot Framework SDK is archived upstream: only the server and bot layers may import it.
    files: ['src/**/*.ts'],
    ignores: ['src/server/**', 'src/bot/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
              message: 'botbuilder belongs in src/server and src/bot only.',
            },
          ],
        },
      ],
    },
  },
);
