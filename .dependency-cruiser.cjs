/**
 * The layers, as a rule set: imports point down only.
 *
 *   views → sigma → state → core → model
 *
 * The build (graph/) and the benchmark may use model and core, never the app's
 * state, renderer or views; nothing in src/ reaches into graph/, bench/ or
 * tests/. `npm test` runs this check (npm run lint:layers).
 */
const layer = (name) => `^src/${name}/`;

module.exports = {
  forbidden: [
    {
      name: "model-imports-nothing-of-ours",
      comment: "src/model is the shared description of what flows between the parts: it imports none of them.",
      severity: "error",
      from: { path: layer("model") },
      to: { path: "^(src/(?!model/)|graph/|bench/|tests/)" },
    },
    {
      name: "core-is-pure",
      comment: "src/core holds pure functions of (graph, options): it may import the model only.",
      severity: "error",
      from: { path: layer("core") },
      to: { path: "^(src/(state|sigma|views|curate)/|graph/|bench/|tests/)" },
    },
    {
      name: "state-below-rendering",
      comment: "src/state (the store) knows nothing of sigma or React views.",
      severity: "error",
      from: { path: layer("state") },
      to: { path: "^(src/(sigma|views|curate)/|graph/|bench/|tests/)" },
    },
    {
      name: "sigma-below-views",
      comment: "src/sigma renders the state; views sit on top of it, not under it.",
      severity: "error",
      from: { path: layer("sigma") },
      to: { path: "^(src/(views|curate)/|graph/|bench/|tests/)" },
    },
    {
      name: "app-never-needs-the-build",
      comment: "The app runs from graph.json alone: nothing in src/ but the curation studio imports the build.",
      severity: "error",
      from: { path: "^src/(?!curate/)" },
      to: { path: "^(graph|bench|tests)/" },
    },
    {
      name: "build-needs-no-browser",
      comment: "The build (graph/) may use the model and core, never the app's store, renderer or views.",
      severity: "error",
      from: { path: "^graph/" },
      to: { path: "^(src/(state|sigma|views|curate)/|bench/|tests/)" },
    },
    {
      name: "no-circular",
      comment: "A cycle makes the order of loading, and so of layers, meaningless.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|public)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.app.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
  },
};
