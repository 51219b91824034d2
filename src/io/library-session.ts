import type { Problem } from "../core/problem.js";
import { buildSearchIndex, type SearchIndex } from "../core/search/search-index.js";
import type { VocabularyIndex } from "../core/vocabulary.js";
import { DataError } from "../errors.js";
import { message } from "../messages/translate.js";
import {
  findRolesById,
  keepSearchIndex,
  keptSearchIndex,
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
  private reported = false;

  constructor(private readonly options: SessionOptions) {}

  /** Every role; problems are reported, and --strict or no usable role at all is a data error. */
  library(): Library {
    if (this.loaded) return this.loaded;
    const library = this.inspectLibrary();
    this.judge(library.problems, library.roles.length);
    this.loaded = library;
    return library;
  }

  /**
   * The search index of every role, judged as library() is: the one kept for the library as it is
   * on disk, else built from the loaded library and kept for the next search.
   */
  searchIndex(options: { rebuild?: boolean } = {}): { index: SearchIndex; vocabulary: VocabularyIndex } {
    const kept = this.loaded || options.rebuild ? undefined : keptSearchIndex(this.options);
    if (kept) {
      this.judge(kept.problems, kept.index.roles.length);
      return kept;
    }
    const library = this.library();
    const index = buildSearchIndex(library.roles, library.vocabulary);
    keepSearchIndex(this.options, library, index);
    return { index, vocabulary: library.vocabulary };
  }

  private judge(problems: Problem[], roles: number): void {
    // Once per run, even when a damaged kept index makes a search load the library after all.
    if (!this.reported) this.options.report(problems);
    this.reported = true;
    if (this.options.strict && problems.length > 0) {
      const files = new Set(problems.map((p) => p.file)).size;
      throw new DataError(message("error.strictInvalid", { count: files }));
    }
    if (roles === 0) throw new DataError(message("error.noProfile"), message("error.noProfileHint"));
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
