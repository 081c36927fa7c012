// One value per server process, however many copies of a module Next.js loads: route handlers,
// server actions and the instrumentation are bundled separately, so a module-level variable can
// exist several times in one process, and a cache, pool or registry kept that way would be split
// (a revocation unseen by the other copy, two registries holding half the counts each). Each value
// lives on globalThis under Symbol.for("klink-console.<name>"); scripts/serve.mjs reads the front
// door's handlers under that name too. Safe to import anywhere.
export type ProcessGlobal<T> = {
  get(): T | undefined;
  set(value: T | undefined): void;
  /** The value, created on first use. */
  init(create: () => T): T;
};

export function processGlobal<T>(name: string): ProcessGlobal<T> {
  const key = Symbol.for(`klink-console.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return {
    get: () => store[key],
    set: (value) => {
      store[key] = value;
    },
    init: (create) => (store[key] ??= create()),
  };
}
