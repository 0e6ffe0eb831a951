// Integration specs (*.integration-spec.ts) share one real stack per run: the same absolute
// globalSetup path in every project lets Jest start Postgres, Kafka and Hardhat once.
const base = require('./jest.preset.js');

module.exports = {
  ...base,
  globalSetup: require.resolve('./tools/dev-stack/src/jest/global-setup.ts'),
  globalTeardown: require.resolve('./tools/dev-stack/src/jest/global-teardown.ts'),
  testTimeout: 120_000,
  slowTestThreshold: 30,
};
