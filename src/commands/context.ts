import type { Language } from "../core/profile.js";
import type { SearchIndex } from "../core/search/search-index.js";
import type { VocabularyIndex } from "../core/vocabulary.js";
import type { Library, RolesById } from "../io/load-library.js";
import type { OutputContext } from "../render/output-context.js";

/** What every command gets from the entry point: how to write, and the loaded profiles. */
export interface CommandContext {
  env: NodeJS.ProcessEnv;
  output: OutputContext;
  /** The interface language, also of shared concepts' labels (--lang, CSROLES_LANG, the locale). */
  labelLang: Language;
  /**
   * True when the language was asked for (--lang, CSROLES_LANG) rather than taken from the
   * locale: then `show` and `compare` name ladder positions by their shared concept in it.
   */
  labelLangChosen: boolean;
  /** Loads (once) the vocabulary and every profile folder; problems are already reported. */
  library(): Library;
  /** The search index of every role (kept between runs), with the vocabulary; problems reported as by library(). */
  searchIndex(options?: { rebuild?: boolean }): { index: SearchIndex; vocabulary: VocabularyIndex };
  /**
   * Finds roles given by id from their own files only (findRolesById in io/load-library.ts); undefined when the
   * queries need the whole library (then use `library()`, which also reports problems).
   */
  rolesById(queries: string[]): RolesById | undefined;
  /** Loads everything without reporting or judging problems (for `validate`). */
  inspectLibrary(): Library;
  /**
   * Until the returned function is called, `cleanUp` runs when the process ends, also by SIGINT or
   * SIGTERM (then with exit status 130 or 143): for a command that waits for keys (`pick`).
   */
  onExit(cleanUp: () => void): () => void;
}

/** What a command returns; only the entry point writes it. */
export interface CommandResult {
  stdout: string;
  exitCode?: number;
  /** Text for a person at a terminal (a table, a profile): long output may go through a pager. */
  forReading?: boolean;
}
