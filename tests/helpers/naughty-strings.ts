import { createRequire } from "node:module";

/**
 * The Big List of Naughty Strings, from the pinned devDependency `big-list-of-naughty-strings`
 * (its main is the JSON list), so the tests need nothing outside the clone.
 */
export const NAUGHTY_STRINGS: readonly string[] = createRequire(import.meta.url)(
  "big-list-of-naughty-strings",
);
