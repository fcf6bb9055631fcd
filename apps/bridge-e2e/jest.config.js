/**
 * End-to-end and integration suite: real Kafka (a test broker of its own), real PostgreSQL
 * (database voucher_bridge_test), real HTTP against the built apps. Run by `npm run test:e2e`.
 */
module.exports = {
  displayName: 'e2e',
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/apps/bridge-e2e/src/specs/**/*.e2e-spec.ts', '<rootDir>/apps/bridge-e2e/src/integration/**/*.int-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }],
  },
  moduleNameMapper: { '^@voucher-bridge/(.*)$': '<rootDir>/libs/$1/src' },
  setupFiles: ['reflect-metadata'],
  setupFilesAfterEnv: ['<rootDir>/apps/bridge-e2e/src/support/leftover-apps.ts'],
  globalSetup: '<rootDir>/apps/bridge-e2e/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/apps/bridge-e2e/src/support/global-teardown.ts',
  // The specs stop and start the one test broker: they must not overlap.
  maxWorkers: 1,
  testTimeout: 180_000,
};
