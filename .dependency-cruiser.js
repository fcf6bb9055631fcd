/**
 * Layer rules, checked by `npm run lint:layers` (part of `npm test`).
 * The voucher contract is the shared language: it depends on nothing of ours, nor on Nest or Kafka.
 */
module.exports = {
  forbidden: [
    {
      name: 'contract-is-a-leaf',
      comment: 'The event contract must stay framework-free: no Nest, no Kafka, no Prisma, nothing of ours.',
      severity: 'error',
      from: { path: '^libs/voucher-contract/' },
      to: { path: ['^libs/(?!voucher-contract/)', '^apps/', '@nestjs', '@confluentinc', '@prisma', 'node_modules/pg/'] },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'fuzzing-only-in-test-tools',
      comment: 'Seeded hostile values are for the e2e suite, the chaos harness and unit specs, never for the code that runs in production.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^(apps/bridge-e2e|apps/bridge-chaos|libs/fuzzing)/', '\\.spec\\.ts$'] },
      to: { path: '^libs/fuzzing/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-only-through-their-index',
      comment: 'Import a library by its alias (@voucher-bridge/x), which resolves to its index.ts.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'libs-use-each-other-through-their-index',
      comment: 'A library reaches into its own files freely, into another library only through its index.ts.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/.+', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'only-database-lib-touches-postgresql',
      comment: 'pg and Prisma are reached through @voucher-bridge/database, which owns the pool; the e2e suite, the bench and the chaos harness check the database on their own.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '^libs/database/|^apps/bridge-e2e/|^apps/bridge-bench/|^apps/bridge-chaos/' },
      to: { path: ['node_modules/pg/', 'node_modules/pg-', 'node_modules/@prisma/'] },
    },
    {
      name: 'only-kafka-lib-touches-the-kafka-client',
      comment: 'Features publish and consume through @voucher-bridge/kafka, never the raw client (types are fine).',
      severity: 'error',
      // The bench's peer is the seed design itself (HTTP straight to the raw client), kept apart.
      from: { path: '^apps/', pathNot: '\\.spec\\.ts$|^apps/bridge-e2e/|^apps/bridge-bench/src/peer/' },
      to: { path: '@confluentinc/kafka-javascript', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'libs/database/src/generated' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
