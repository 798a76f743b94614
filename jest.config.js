// Two projects: `unit` needs nothing but Node; `integration` (*.int.test.ts) gets real
// MongoDB, S3 and mongo-tools from test/servers, started once in the global setup.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2023', experimental: { keepImportAttributes: true } },
    module: { type: 'es6' },
  },
];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,actions,test}/**/*.test.ts'],
      testPathIgnorePatterns: [
        ...common.testPathIgnorePatterns,
        '\\.int\\.test\\.ts$',
        '\\.fault\\.test\\.ts$',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{packages,actions,test}/**/*.int.test.ts'],
      globalSetup: '<rootDir>/test/servers/jest-setup.ts',
      globalTeardown: '<rootDir>/test/servers/jest-teardown.ts',
    },
    {
      // Injected faults (killed processes, frozen servers, full disks, damaged objects) against the
      // real servers and the bundled CLI; test/faults/reporter.js prints their table.
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault.test.ts'],
      globalSetup: '<rootDir>/test/servers/jest-setup.ts',
      globalTeardown: '<rootDir>/test/servers/jest-teardown.ts',
    },
  ],
  // Per-project testTimeout is not honoured; integration tests need minutes, unit tests set their own.
  testTimeout: 120_000,
  reporters: ['default', '<rootDir>/test/faults/reporter.js', '<rootDir>/test/summary-reporter.js'],
};
