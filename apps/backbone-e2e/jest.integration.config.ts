export default {
  displayName: 'backbone-e2e',
  preset: '../../jest.integration.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts'],
};
