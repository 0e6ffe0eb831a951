// Every project's integration specs in one Jest run, so the real stack starts once.
export default {
  projects: [
    '<rootDir>/libs/*/jest.integration.config.ts',
    '<rootDir>/apps/*/jest.integration.config.ts',
    '<rootDir>/tools/*/jest.integration.config.ts',
  ],
};
