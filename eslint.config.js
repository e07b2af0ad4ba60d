import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// One-way imports: engine <- explore, trace, layout <- store <- ui <- app. The CLI imports no UI.
const noImport = (...groups) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: groups.map((group) => ({
        group: [group],
        message: `not allowed here (see STYLE)`,
      })),
    },
  ],
});
const ui = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3-*'];
const up = (...dirs) => dirs.map((d) => `**/${d}/*`);

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'pkg', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**', 'src/app/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/engine/**'],
    rules: noImport(...ui, ...up('explore', 'trace', 'layout', 'store', 'ui', 'app', 'cli')),
  },
  {
    files: ['src/explore/**', 'src/trace/**'],
    rules: noImport(...ui, ...up('layout', 'store', 'ui', 'app', 'cli')),
  },
  // Presets are data over the engine's types: they import the engine only.
  {
    files: ['src/scenarios/**'],
    rules: noImport(...ui, ...up('explore', 'trace', 'layout', 'store', 'ui', 'app', 'cli')),
  },
  // The tour is data over the engine, the presets and the trace format; its UI is in ui/tour.
  {
    files: ['src/tour/**'],
    rules: noImport(...ui, ...up('explore', 'layout', 'store', 'ui', 'app', 'cli')),
  },
  {
    files: ['src/layout/**'],
    rules: noImport(
      'react',
      'react-dom',
      'zustand',
      'd3-selection',
      'd3-zoom',
      ...up('store', 'ui', 'app', 'cli'),
    ),
  },
  {
    files: ['src/store/**'],
    rules: noImport('react-dom', 'd3-selection', 'd3-zoom', ...up('ui', 'app', 'cli')),
  },
  { files: ['src/ui/**'], rules: noImport(...up('app', 'cli')) },
  { files: ['src/cli/**'], rules: noImport(...ui, ...up('store', 'ui', 'app', 'layout')) },
  prettier,
);
