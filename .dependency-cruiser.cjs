/** Layer rules: the emulator and the deciders stay pure; domains meet only through their index.ts. */
const frameworks = '^node_modules/(@nestjs|typeorm|bullmq|ioredis|pg|better-sqlite3|@apollo|graphql)(/|$)';

module.exports = {
  forbidden: [
    {
      name: 'emulator-is-pure',
      comment: 'src/emulator is the world\'s physics: no Nest, TypeORM, BullMQ or database driver, not even indirectly.',
      severity: 'error',
      from: { path: '^src/emulator/' },
      to: { path: frameworks, reachable: true },
    },
    {
      name: 'emulator-depends-on-nothing-above-it',
      severity: 'error',
      from: { path: '^src/emulator/' },
      to: { path: '^src/(platform|domains|kube-api|console|cli)/' },
    },
    {
      name: 'deciders-are-pure',
      comment: 'A decider is state, commands, events, decide and evolve: no framework, not even indirectly.',
      severity: 'error',
      from: { path: '\\.decider\\.ts$' },
      to: { path: frameworks, reachable: true },
    },
    {
      name: 'domains-meet-through-their-index',
      comment: 'A domain may use another domain only through that domain\'s index.ts.',
      severity: 'error',
      from: { path: '^src/domains/([^/]+)/' },
      to: { path: '^src/domains/([^/]+)/', pathNot: ['^src/domains/$1/', '^src/domains/[^/]+/index\\.ts$'] },
    },
    {
      name: 'platform-does-not-know-domains',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/domains/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
