// Lint rules for the whole workspace: type-checked TypeScript, small functions, and the import
// boundaries that keep the architecture honest (see docs/adr/0001-workspace-layout.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const packages = ['protocol', 'hub', 'agent', 'simulator', 'cli', 'web'];

/** What each package may import from its siblings: only their public entry points. */
const allowedSiblings = {
  protocol: [],
  hub: ['protocol'],
  agent: ['protocol'],
  simulator: ['protocol'],
  web: ['protocol'],
  cli: ['protocol', 'hub', 'agent', 'simulator', 'web'],
};

function boundaryRule(pkg) {
  const forbidden = packages.filter((p) => p !== pkg && !allowedSiblings[pkg].includes(p));
  const patterns = [
    {
      group: ['@flotilla/*/*', 'flotilla/*'],
      message: 'Import a package through its public entry point (index.ts), not its internals.',
    },
    {
      group: packages.filter((p) => p !== pkg).map((p) => `**/${p}/src/**`),
      message: 'Reach another package through its name (@flotilla/<name>), never by relative path.',
    },
  ];
  const names = forbidden.map((p) => (p === 'cli' ? 'flotilla' : `@flotilla/${p}`));
  if (names.length > 0) {
    patterns.push({
      group: names,
      message: `${pkg} may depend only on: ${allowedSiblings[pkg].join(', ') || 'nothing'}.`,
    });
  }
  if (pkg === 'protocol') {
    patterns.push({ group: ['node:*'], message: 'protocol runs everywhere: no node:* imports.' });
  }
  return {
    files: [`packages/${pkg}/**/*.{ts,tsx}`],
    ignores: pkg === 'protocol' ? ['**/*.test.ts'] : [],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tsbuild/**', '.flotilla/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      complexity: ['error', 15],
      'max-depth': ['error', 3],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { 'max-lines-per-function': 'off', 'max-lines': ['error', 500] },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js'], languageOptions: { globals: globals.node } },
  ...packages.map(boundaryRule),
);
