/**
 * The architecture of ../shared/STYLE.md, enforced in `npm test`:
 * the core knows no SDK, no database and no adapter; the chat adapters do not know
 * each other; nothing but tests and scripts reaches into the composition root.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-only-zod-and-itself',
      severity: 'error',
      comment: 'core/ is framework-free: only zod and core/ itself.',
      from: { path: '^core/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^core/', '^node_modules/zod/'] },
    },
    {
      name: 'slack-does-not-import-teams',
      severity: 'error',
      from: { path: '^adapters/slack/' },
      to: { path: '^adapters/teams/' },
    },
    {
      name: 'teams-does-not-import-slack',
      severity: 'error',
      from: { path: '^adapters/teams/' },
      to: { path: '^adapters/slack/' },
    },
    {
      name: 'chat-adapters-do-not-touch-the-database',
      severity: 'error',
      comment: 'Slack and Teams reach storage through core ports, never through Prisma.',
      from: { path: '^adapters/(slack|teams|email|presenters|chat|api)/' },
      to: { path: ['^adapters/db/', '^prisma/', '^node_modules/@prisma/'] },
    },
    {
      name: 'nothing-imports-bot',
      severity: 'error',
      from: { path: '^(core|adapters)/' },
      to: { path: '^bot/' },
    },
    {
      name: 'production-does-not-import-tests',
      severity: 'error',
      comment: 'test/ holds fakes and harnesses for the suites; what a script shares with them lives in scripts/ or adapters/.',
      from: { path: '^(core|adapters|bot|scripts)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(core|adapters|bot)/' },
      comment: 'Type-only cycles (a port naming a result type) erase at compile time and are allowed.',
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
