import { UsageError } from "../errors.js";

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
      `choose one output format, not ${[...chosen].join(" and ")}`,
      "give only one of --format, --json, --csv, --markdown",
    );
  }
  const format = [...chosen][0] ?? "table";
  if (!(allowed as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}' for this command`, `use one of ${allowed.join(", ")}`);
  }
  return format as OutputFormat;
}
