import { UsageError } from "../errors.js";
import { message } from "../messages/translate.js";

export const OUTPUT_FORMATS = ["table", "json", "csv", "markdown"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface FormatFlags {
  format?: string;
  json?: boolean;
  csv?: boolean;
  markdown?: boolean;
}

/** Picks the one output format from --format and its shorthands; conflicting choices are usage errors. */
export function resolveFormat(flags: FormatFlags, allowed: readonly OutputFormat[]): OutputFormat {
  const chosen = new Set<string>();
  if (flags.format !== undefined) chosen.add(flags.format);
  if (flags.json) chosen.add("json");
  if (flags.csv) chosen.add("csv");
  if (flags.markdown) chosen.add("markdown");
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
  return format as OutputFormat;
}
