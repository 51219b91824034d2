import type { Language } from "../core/profile.js";
import type { Library } from "../io/load-library.js";
import type { RolesById } from "../io/look-up-roles.js";
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
  /**
   * Finds roles given by id from their own files only (look-up-roles.ts); undefined when the
   * queries need the whole library (then use `library()`, which also reports problems).
   */
  rolesById(queries: string[]): RolesById | undefined;
  /** Loads everything without reporting or judging problems (for `validate`). */
  inspectLibrary(): Library;
}

/** What a command returns; only the entry point writes it. */
export interface CommandResult {
  stdout: string;
  exitCode?: number;
}
