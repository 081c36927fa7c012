// The layers of the code, kept by `npm run lint` (dependency-cruiser). An import may go down a
// layer or stay in its own; never up, and never round in a loop. README.md "Project layout"
// shows the same map.
//
//   app/ components/ instrumentation*.ts proxy.ts   pages, route handlers, UI, Next's entry points
//   lib/doors/                                      how requests come in: route(), server actions,
//                                                   page guard, request authentication, front door
//   domain: lib/<folder> of DOMAIN_FOLDERS below (audit, auth, users, api-keys, connections, …)
//   infrastructure: lib/<folder> of INFRASTRUCTURE_FOLDERS below (log, metrics, db, cache, …), lib/health.ts
//   leaves: lib/errors identity, lib/env.ts env-files.ts dev-secrets.ts process-global.ts
//
// lib/klink/simulator is K-LINK's stand-in for development, tests and the demo: only scripts/,
// bench/ and tests/ start it. Within a layer, folders may use each other as long as no loop forms.

const LEAVES = "^lib/(errors|identity)/|^lib/(env|env-files|dev-secrets|process-global)[.]ts$";
// One folder a line, alphabetical: a new lib folder is added here (and in README.md) before it is used.
const INFRASTRUCTURE_FOLDERS = [
  "cache",
  "crypto",
  "db",
  "events",
  "http",
  "klink",
  "log",
  "metrics",
  "redis",
  "resilience",
];
const DOMAIN_FOLDERS = [
  "api-keys",
  "audit",
  "auth",
  "canned-replies",
  "collisions",
  "connections",
  "console",
  "drift",
  "exports",
  "forwarding",
  "jobs",
  "klink-data",
  "notifications",
  "presence",
  "reports",
  "users",
  "views",
  "webhooks",
];
const INFRASTRUCTURE = `^lib/(${INFRASTRUCTURE_FOLDERS.join("|")})/|^lib/health[.]ts$`;
const DOMAIN = `^lib/(${DOMAIN_FOLDERS.join("|")})/`;
const DOORS = "^lib/doors/";
const TOP = "^(app|components)/|^(instrumentation|instrumentation-node|proxy)[.]ts$";
const SIMULATOR = "^lib/klink/simulator/";

const above = (...layers) => ({ path: layers.join("|") });

module.exports = {
  forbidden: [
    {
      name: "no-import-loop",
      comment: "Modules that import each other, directly or round a loop, cannot be understood or changed alone.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-loop-between-lib-folders",
      comment: "A lib folder that imports another must not be imported by it back, directly or round a loop.",
      severity: "error",
      scope: "folder",
      from: { path: "^(lib/[^/]+)" },
      to: { circular: true, pathNot: ["^$1(/|$)", "^lib/?$"] },
    },
    {
      name: "errors-import-nothing",
      comment: "lib/errors is the leaf every layer throws from: it imports nothing of the app.",
      severity: "error",
      from: { path: "^lib/errors/" },
      to: { path: "^(lib|app|components)/", pathNot: "^lib/errors/" },
    },
    {
      name: "leaves-import-only-leaves",
      comment: "Identity, errors and configuration sit at the bottom: anything may import them.",
      severity: "error",
      from: { path: LEAVES },
      to: { path: "^(lib|app|components)/", pathNot: LEAVES },
    },
    {
      name: "infrastructure-does-not-import-up",
      severity: "error",
      from: { path: INFRASTRUCTURE },
      to: above(DOMAIN, DOORS, TOP),
    },
    {
      name: "domain-does-not-import-up",
      severity: "error",
      from: { path: DOMAIN },
      to: above(DOORS, TOP),
    },
    {
      name: "doors-do-not-import-up",
      severity: "error",
      from: { path: DOORS },
      to: above(TOP),
    },
    {
      name: "components-do-not-import-app",
      comment: "Pages use components, not the other way round.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "every-lib-module-has-a-layer",
      comment: "A new lib folder gets its place in the layers above (and in README.md) before it is used.",
      severity: "error",
      from: { path: "^lib/", pathNot: [LEAVES, INFRASTRUCTURE, DOMAIN, DOORS, "^lib/db/generated/"] },
      to: {},
    },
    {
      name: "simulator-is-not-the-app",
      comment: "The K-LINK simulator stands in for K-LINK: the console never starts or reads it.",
      severity: "error",
      from: { path: "^(lib|app|components)/|^(instrumentation|instrumentation-node|proxy)[.]ts$", pathNot: SIMULATOR },
      to: { path: SIMULATOR },
    },
    {
      name: "simulator-stands-alone",
      comment: "The simulator is built from the endpoint registry and K-LINK's schemas, nothing else of the console.",
      severity: "error",
      from: { path: SIMULATOR },
      to: { path: "^(lib|app|components)/", pathNot: "^lib/klink/" },
    },
    {
      name: "app-code-does-not-import-tools",
      comment: "Tests, benchmarks and scripts use the app; the app uses none of them.",
      severity: "error",
      from: { path: "^(lib|app|components)/" },
      to: { path: "^(tests|bench|scripts)/" },
    },
    {
      name: "benchmarks-do-not-import-tests",
      severity: "error",
      from: { path: "^bench/" },
      to: { path: "^tests/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|[.]next|lib/db/generated)/" },
    // Type-only imports count: a type imported from a layer above is a dependency on it too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
