// Integration tests of the dev stack itself: each starts real brokers and databases, so allow minutes.
export default {
  displayName: 'dev-stack',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
  testTimeout: 120_000,
};
