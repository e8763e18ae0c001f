/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: {
    '^adaptivecards$': 'adaptivecards/dist/adaptivecards.js',
    // Sources import './x.js' (nodenext); jest resolves the .ts file.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
};
