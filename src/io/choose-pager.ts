/** What decides whether output is paged: the terminal it goes to, and the environment. */
export interface PagerFacts {
  /** Standard output is a terminal. */
  isTTY: boolean;
  /** The terminal's height, when known. */
  rows: number | undefined;
  env: NodeJS.ProcessEnv;
}

/** The pager when no environment variable names one (as git's: quit if one screen, keep colour). */
export const DEFAULT_PAGER = "less -FRX";

/** Lines the text takes (a last line without its newline counts too). */
function lineCount(text: string): number {
  const breaks = text.split("\n").length - 1;
  return text.endsWith("\n") || text === "" ? breaks : breaks + 1;
}

/**
 * The pager command for output that is read at a terminal, or undefined to print it directly:
 * only on a terminal, and only when the text is taller than it (one row is left for the shell's
 * prompt). $CSROLES_PAGER, else $PAGER, else less; an empty value or "cat" means no pager.
 */
export function choosePager(text: string, facts: PagerFacts): string | undefined {
  if (!facts.isTTY || facts.rows === undefined || facts.rows <= 0) return undefined;
  if (lineCount(text) < facts.rows) return undefined;
  const command = (facts.env.CSROLES_PAGER ?? facts.env.PAGER ?? DEFAULT_PAGER).trim();
  return command === "" || command === "cat" ? undefined : command;
}
