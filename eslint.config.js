// @ts-check
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Where code may run is enforced here: renderer/ and shared/ never import
 * Node built-ins or Electron (the renderer talks to its host only through the
 * bridge contract in shared/bridge), and electron/ never imports the renderer.
 */
const NODE_AND_ELECTRON = {
  paths: [
    { name: 'electron', message: 'Renderer and shared code reach the host only through the bridge (shared/bridge/contract.ts).' },
    ...['fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'url', 'util', 'stream', 'events', 'worker_threads', 'module', 'process', 'buffer', 'dgram', 'dns', 'tls'].map((name) => ({
      name,
      message: 'Node built-ins are not available in the renderer; go through the bridge.',
    })),
  ],
  patterns: [
    { group: ['node:*'], message: 'Node built-ins are not available in the renderer; go through the bridge.' },
    { group: ['electron/*', '@electron/*'], message: 'Renderer and shared code never import Electron.' },
    { group: ['fs/*', 'path/*'], message: 'Node built-ins are not available in the renderer.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'dist-web/', 'test-results/', 'playwright-report/', 'build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', NODE_AND_ELECTRON] },
  },
  {
    // Layers: main.tsx, app/ (the app's composition root) and screens/ (a route's) sit on top; no
    // feature, hook, store or context imports from them. Contexts live in contexts/, at the bottom.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/main.tsx', 'renderer/src/app/**', 'renderer/src/screens/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...NODE_AND_ELECTRON,
          patterns: [...NODE_AND_ELECTRON.patterns, { group: ['**/app/*', '**/screens/*'], message: 'Imports run down the layers: app/ and screens/ compose features, never the other way round.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    files: ['renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'The main process never imports renderer code.' }] }],
    },
  },
  {
    files: ['test/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@playwright/test', message: "Specs import from './fixtures', whose test points baseURL at this worker's own web host." }] },
      ],
    },
  },
);
