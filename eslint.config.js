// ESLint flat config. The import boundaries of ARCHITECTURE.md are rules here:
// the renderer never reaches Node or main/, and shared/ reaches neither side.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'demo-output/', 'bench-output/', 'tmp/', 'entra-audit-demo/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'The renderer never imports Node: use the bridge.' })),
          patterns: [
            { group: ['**/main/**', '../main/*', '../../main/*'], message: 'The renderer never imports main/.' },
            { group: ['better-sqlite3', 'electron'], message: 'The renderer never touches SQLite or Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'shared/ runs on both sides: no Node built-ins.' })),
          patterns: [
            { group: ['**/main/**', '../main/*'], message: 'shared/ never imports main/.' },
            { group: ['**/renderer/**', '../renderer/*'], message: 'shared/ never imports the renderer.' },
          ],
        },
      ],
    },
  },
);
