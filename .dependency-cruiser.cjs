// The house's import rules, checked by test/architecture/dependencies.test.ts (part of npm test) with dependency-cruiser.
// docs/architecture.md says in words what each folder is for and who may import it.

/**
 * The folders of src/, top to bottom: a folder imports only folders further down (and itself). app.ts and server.ts
 * stand above them all; errors.ts and config.ts below them all.
 */
const layers = ['web', 'demo', 'runtime', 'store', 'editor', 'reports', 'gallring', 'engine', 'handlers', 'housing', 'audit', 'forms', 'timers', 'expressions', 'decisions', 'auth'];

const upward = layers.map((folder, rank) => ({
  name: `layer-${folder}`,
  comment: `src/${folder}/ may import only ${layers.slice(rank + 1).join(', ') || 'nothing of the folders'}.`,
  severity: 'error',
  from: { path: `^src/${folder}/` },
  to: { path: `^src/(${layers.slice(0, rank).concat('app\\.ts', 'server\\.ts').join('|')})(/|$)` },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-folder-loop',
      comment: 'Two folders that import each other, directly or around a loop, are one subject in two rooms.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycle',
      comment: 'Two files that import each other: one of them holds what both need.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'through-index',
      comment: "Another folder is reached through its public face, its index.ts; what it keeps inside may change.",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'root-through-index',
      comment: 'app.ts wires the folders through their index.ts too.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/[^/]+/', pathNot: '^src/[^/]+/index\\.ts$' },
    },
    {
      name: 'web-areas-apart',
      comment: 'A web area (tasks, cases, …) uses web/shared and web/plugins, never another area: what two share goes to shared/.',
      severity: 'error',
      from: { path: '^src/web/([^/]+)/', pathNot: '^src/web/(shared|plugins)/' },
      to: { path: '^src/web/[^/]+/', pathNot: ['^src/web/$1/', '^src/web/(shared|plugins)/'] },
    },
    {
      name: 'engine-below-runtime',
      comment: 'Only the runtime drives the engine; the web reaches records through the runtime.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(runtime|engine|store|reports|editor|gallring)/' },
      to: { path: '^src/engine/' },
    },
    {
      name: 'only-engine-imports-bpmn-engine',
      comment: 'bpmn-engine and bpmn-elements are wrapped by src/engine/ (ARCHITECTURE.md).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/engine/' },
      to: { path: 'node_modules/(bpmn-engine|bpmn-elements)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
