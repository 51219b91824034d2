import Table from "cli-table3";
import { neutralize } from "./neutralize.js";
import type { OutputContext } from "./output-context.js";
import { createTheme } from "./theme.js";
import { displayWidth, wrapText } from "./wrap-text.js";

export interface TableSpec {
  head: string[];
  rows: string[][];
}

/** Narrowest useful column; below this a table turns into one block per row. */
const MIN_COLUMN = 8;
/** Each column costs one border and one space of padding either side. */
const COLUMN_OVERHEAD = 3;

function naturalWidths(spec: TableSpec): number[] {
  return spec.head.map((head, column) => {
    let widest = displayWidth(head);
    for (const row of spec.rows) {
      for (const line of (row[column] ?? "").split("\n")) widest = Math.max(widest, displayWidth(line));
    }
    return Math.max(1, widest);
  });
}

/**
 * Shares `available` columns among table columns: narrow columns get what they need,
 * the rest split what is left evenly (water-filling). Returns undefined when even
 * MIN_COLUMN each does not fit.
 */
export function allocateWidths(natural: number[], available: number): number[] | undefined {
  const total = natural.reduce((sum, w) => sum + w, 0);
  if (total <= available) return natural;
  if (natural.length * MIN_COLUMN > available) return undefined;
  const widths = natural.map(() => 0);
  let open = natural.map((_, i) => i);
  let remaining = available;
  while (open.length > 0) {
    const share = Math.floor(remaining / open.length);
    const satisfied = open.filter((i) => (natural[i] ?? 0) <= share);
    if (satisfied.length === 0) {
      open.forEach((i, k) => {
        widths[i] = share + (k < remaining - share * open.length ? 1 : 0);
      });
      break;
    }
    for (const i of satisfied) {
      widths[i] = natural[i] ?? 0;
      remaining -= widths[i] ?? 0;
    }
    open = open.filter((i) => !satisfied.includes(i));
  }
  return widths;
}

/** One block per row (`Header: value` lines), for terminals too narrow for the table. */
function renderBlocks(spec: TableSpec, context: OutputContext): string {
  const theme = createTheme(context.color);
  const labelWidth = Math.min(
    Math.max(...spec.head.map((h) => displayWidth(h))) + 2,
    Math.floor(context.width / 2),
  );
  const blocks = spec.rows.map((row) =>
    spec.head
      .flatMap((head, column) => {
        const label = `${head}:`.padEnd(labelWidth);
        const value = neutralize(row[column] ?? "");
        const lines = wrapText(value, context.width - labelWidth);
        const labelLines = wrapText(label, labelWidth).map((l) => l.padEnd(labelWidth));
        return lines.map(
          (line, i) => `${i === 0 ? theme.label(labelLines[0] ?? "") : " ".repeat(labelWidth)}${line}`,
        );
      })
      .join("\n"),
  );
  return blocks.join("\n\n");
}

/**
 * Renders a table that never exceeds `context.width`: cells are wrapped by us (cli-table3
 * ignores the terminal width and truncates), untrusted text is neutralised, and cli-table3's
 * own colours are switched off so piped output carries no escape bytes.
 */
export function renderTable(spec: TableSpec, context: OutputContext): string {
  const safe: TableSpec = {
    head: spec.head.map((h) => neutralize(h)),
    rows: spec.rows.map((row) => row.map((cell) => neutralize(cell))),
  };
  const columns = safe.head.length;
  const available = context.width - columns * COLUMN_OVERHEAD - 1;
  const widths = allocateWidths(naturalWidths(safe), available);
  if (!widths) return renderBlocks(spec, context);
  const theme = createTheme(context.color);
  const table = new Table({
    head: safe.head.map((h, i) => wrapText(h, widths[i] ?? 1).join("\n")).map((h) => theme.subheading(h)),
    colWidths: widths.map((w) => w + 2),
    wordWrap: false,
    style: { head: [], border: [], "padding-left": 1, "padding-right": 1 },
  });
  for (const row of safe.rows) {
    table.push(row.map((cell, i) => wrapText(cell, widths[i] ?? 1).join("\n")));
  }
  return table.toString();
}
