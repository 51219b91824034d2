import { UsageError } from "../errors.js";
import { message } from "../messages/translate.js";

export const OUTPUT_FORMATS = ["table", "json", "csv", "markdown", "html"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The formats each command prints: its --format values (and what completion offers). */
export const COMMAND_FORMATS = {
  list: ["table", "json", "csv", "markdown"],
  show: ["table", "json", "html"],
  search: ["table", "json", "csv", "markdown"],
  compare: ["table", "json", "csv", "markdown", "html"],
  validate: ["table", "json"],
  gap: ["table", "json", "markdown", "html"],
} as const satisfies Record<string, readonly OutputFormat[]>;

/** graph's formats are its own (see graph.ts); kept here so that completion offers them. */
export const GRAPH_FORMATS = ["text", "mermaid", "dot", "json"] as const;

export interface FormatFlags {
  format?: string;
  json?: boolean;
  csv?: boolean;
  markdown?: boolean;
  html?: boolean;
}

/** Picks the one output format from --format and its shorthands; conflicting choices are usage errors. */
export function resolveFormat<F extends OutputFormat>(flags: FormatFlags, allowed: readonly F[]): F {
  const chosen = new Set<string>();
  if (flags.format !== undefined) chosen.add(flags.format);
  if (flags.json) chosen.add("json");
  if (flags.csv) chosen.add("csv");
  if (flags.markdown) chosen.add("markdown");
  if (flags.html) chosen.add("html");
  if (chosen.size > 1) {
    throw new UsageError(
      message("error.formatConflict", { formats: [...chosen] }),
      message("error.formatConflictHint"),
    );
  }
  const format = [...chosen][0] ?? "table";
  if (!(allowed as readonly string[]).includes(format)) {
    throw new UsageError(
      message("error.unknownFormat", { format }),
      message("error.useOneOf", { values: allowed.join(", ") }),
    );
  }
  return format as F;
}

/** Whether output in this format is for a person at a terminal (and so may go through a pager). */
export function isForReading(format: OutputFormat): boolean {
  return format === "table";
}
