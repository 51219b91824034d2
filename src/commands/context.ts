import type { Language } from "../core/profile.js";
import type { Library } from "../io/load-library.js";
import type { OutputContext } from "../render/output-context.js";

/** What every command gets from the entry point: how to write, and the loaded profiles. */
export interface CommandContext {
  env: NodeJS.ProcessEnv;
  output: OutputContext;
  /** Language for labels of shared concepts (--lang, CSROLES_LANG, LANG). */
  labelLang: Language;
  /** Loads (once) the vocabulary and every profile folder; problems are already reported. */
  library(): Library;
  /** Loads everything without reporting or judging problems (for `validate`). */
  inspectLibrary(): Library;
}

/** What a command returns; only the entry point writes it. */
export interface CommandResult {
  stdout: string;
  exitCode?: number;
}
