/* eslint-env node */
// Unit tests run in Node; files that need a DOM say so with a `@jest-environment jsdom` docblock.
// The contract tests load the built dist/functions.js; globalSetup builds it when it is missing or stale.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  // office-addin-mock imports office-addin-manifest, whose index pulls an ESM-only dependency Jest cannot load;
  // the mock needs only its OfficeApp enum, so every test that uses office-addin-mock gets that module instead.
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp',
  },
  setupFiles: ['<rootDir>/test/support/setupCustomFunctions.ts'],
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  // After Jest's summary, one line per block of tests skipped because a system program (LibreOffice) is missing.
  reporters: ['default', '<rootDir>/test/support/skippedReporter.js'],
  testTimeout: 60000,
};
