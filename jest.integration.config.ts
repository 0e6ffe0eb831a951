// Every project's integration specs in one Jest run: the projects share one globalSetup path, so the
// real stack (PostgreSQL, Kafka, Hardhat) starts once. testTimeout is a run-wide option, so it lives here.
export default {
  testTimeout: 120_000,
  projects: [
    '<rootDir>/libs/*/jest.integration.config.ts',
    '<rootDir>/apps/*/jest.integration.config.ts',
    '<rootDir>/tools/*/jest.integration.config.ts',
  ],
};
