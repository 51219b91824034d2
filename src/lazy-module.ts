/**
 * Modules that are costly to import and needed only sometimes (the YAML parser on a cold cache,
 * chalk when colour is on) are imported on demand, yet used by synchronous code. A synchronous
 * caller that needs one before it is loaded throws ModuleNeeded; the entry point awaits the
 * import and runs the command again (commands print nothing before they return).
 */
export class ModuleNeeded extends Error {
  constructor(
    readonly what: string,
    readonly load: () => Promise<void>,
  ) {
    super(`${what} is needed before this can run`);
  }
}

export interface LazyModule<T> {
  /** The module, or a thrown ModuleNeeded when it is not imported yet. */
  get(): T;
  load(): Promise<void>;
}

export function lazyModule<T>(what: string, importer: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined;
  const load = async () => {
    loaded ??= await importer();
  };
  return {
    get() {
      if (loaded === undefined) throw new ModuleNeeded(what, load);
      return loaded;
    },
    load,
  };
}
