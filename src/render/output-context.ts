/** How output should look on the stream it goes to. */
export interface OutputContext {
  /** Columns available; no output line is wider. */
  width: number;
  color: boolean;
}

export interface TerminalFacts {
  isTTY: boolean;
  columns: number | undefined;
  env: NodeJS.ProcessEnv;
}

export const MIN_WIDTH = 20;
const DEFAULT_WIDTH = 80;

/** Terminal width: the stream's own columns, else COLUMNS, else 80. */
export function resolveWidth(facts: TerminalFacts): number {
  if (facts.isTTY && facts.columns && facts.columns > 0) return Math.max(MIN_WIDTH, facts.columns);
  const fromEnv = Number.parseInt(facts.env.COLUMNS ?? "", 10);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return Math.max(MIN_WIDTH, fromEnv);
  return DEFAULT_WIDTH;
}

/**
 * Colour only on a terminal. --color / --no-color win; then NO_COLOR (any non-empty value)
 * turns it off, FORCE_COLOR turns it on (or off for "0"/"false"); else a TTY that is not "dumb".
 */
export function resolveColor(flag: boolean | undefined, facts: TerminalFacts): boolean {
  if (flag !== undefined) return flag;
  const { env } = facts;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return !["0", "false"].includes(env.FORCE_COLOR.toLowerCase());
  return facts.isTTY && env.TERM !== "dumb";
}
