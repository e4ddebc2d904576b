import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Folder boundaries (ARCHITECTURE.md, STYLE.md §Boundaries 1): core is pure; db imports core; services import
 * core, db, node:*; hosts wire services; the renderer imports only core and the contract.
 */
const nodeBuiltins = { group: ['node:*'], message: 'core/ is pure: no Node built-ins (it runs in the renderer too).' };
const noElectron = { group: ['electron', 'electron/*'], message: 'Only electron/ may import Electron (its binary is absent in tests and CI).' };
const noReact = { group: ['react', 'react-dom', 'react/*', '@mantine/*', '@tanstack/*'], message: 'UI libraries belong to renderer/.' };
const up = (folder) => [`../${folder}`, `../${folder}/*`, `../../${folder}`, `../../${folder}/*`, `../../../${folder}`, `../../../${folder}/*`, `../../../../${folder}/*`];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**', '**/__fixtures__/**', 'build/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off', // allowed where zod has not parsed yet and in frozen migrations (Kysely<any>)
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, noElectron, noReact, { group: [...up('db'), ...up('services'), ...up('web'), ...up('cli'), ...up('renderer'), 'better-sqlite3', 'kysely'], message: 'core/ may import only itself and zod.' }] }],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noReact, { group: [...up('services'), ...up('web'), ...up('cli'), ...up('renderer'), ...up('electron')], message: 'db/ may import core, kysely and better-sqlite3 only.' }] }] },
  },
  {
    files: ['services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noReact, { group: [...up('web'), ...up('cli'), ...up('renderer'), ...up('electron')], message: 'services/ may import core, db and node:* only.' }] }] },
  },
  {
    files: ['web/**/*.ts', 'cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noReact, { group: [...up('renderer')], message: 'Hosts do not import the renderer.' }] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBuiltins, noElectron, { group: [...up('db'), ...up('services'), ...up('web'), ...up('cli'), ...up('electron'), 'better-sqlite3', 'kysely'], message: 'The renderer talks to the app only through the contract (renderer/src/api).' }] }],
    },
  },
  {
    files: ['renderer/vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
