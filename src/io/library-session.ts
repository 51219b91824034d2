import type { Problem } from "../core/problem.js";
import { DataError } from "../errors.js";
import { message } from "../messages/translate.js";
import {
  findRolesById,
  type Library,
  type LibrarySources,
  loadLibrary,
  type RolesById,
} from "./load-library.js";

export interface SessionOptions extends LibrarySources {
  /** --strict: any invalid file is a data error. */
  strict: boolean;
  /** Told the problems of the files loaded for a command (not for `validate`, which reports them itself). */
  report(problems: Problem[]): void;
}

/** The library for one run of csroles: loaded once, on first need, by whichever command needs it. */
export class LibrarySession {
  private loaded: Library | undefined;

  constructor(private readonly options: SessionOptions) {}

  /** Every role; problems are reported, and --strict or no usable role at all is a data error. */
  library(): Library {
    if (this.loaded) return this.loaded;
    const library = this.inspectLibrary();
    this.options.report(library.problems);
    if (this.options.strict && library.problems.length > 0) {
      const files = new Set(library.problems.map((p) => p.file)).size;
      throw new DataError(message("error.strictInvalid", { count: files }));
    }
    if (library.roles.length === 0)
      throw new DataError(message("error.noProfile"), message("error.noProfileHint"));
    this.loaded = library;
    return library;
  }

  /** Roles given by id, from their own files; undefined when that cannot answer (see findRolesById). */
  rolesById(queries: string[]): RolesById | undefined {
    // --strict judges every file, so it needs them all.
    return this.options.strict ? undefined : findRolesById(this.options, queries);
  }

  /** Every file, valid or not, without reporting or judging (for `validate`). */
  inspectLibrary(): Library {
    return loadLibrary(this.options);
  }
}
