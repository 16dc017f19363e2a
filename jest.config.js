/** @type {import('jest').Config} */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2022',
    transform: { legacyDecorator: true, decoratorMetadata: true },
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    // jose and auto-bind (graphql-codegen's) ship ES modules only; Node 20 requires them natively, Jest's module system does not.
    '/node_modules/(jose|auto-bind)/.+\\.js$': ['@swc/jest', { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(jose|auto-bind)/)'],
  testMatch: [
    '<rootDir>/services/**/*.test.ts',
    '<rootDir>/gateway/**/*.test.ts',
    '<rootDir>/test/**/*.test.ts',
    '<rootDir>/deploy/**/*.test.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Integration and e2e tests start real servers and databases; two cores, so two workers.
  maxWorkers: 2,
  testTimeout: 60_000,
};
