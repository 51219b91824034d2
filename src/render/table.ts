import { drawGrid } from "./draw-grid.js";
import { neutralize } from "./neutralize.js";
import type { OutputContext } from "./output-context.js";
import { createTheme } from "./theme.js";
import { displayWidth, padToWidth, wordPieces, wrapText } from "./wrap-text.js";

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

/** Widest single word of each column: wrapping never has to break a word narrower than this. */
function wordWidths(spec: TableSpec): number[] {
  return spec.head.map((head, column) => {
    let widest = 1;
    for (const cell of [head, ...spec.rows.map((row) => row[column] ?? "")]) {
      for (const word of cell.split(/\s+/)) {
        for (const piece of wordPieces(word)) widest = Math.max(widest, displayWidth(piece));
      }
    }
    return widest;
  });
}

/**
 * Raises `widths` toward `wanted` with `spare` columns, the columns that lack least first: each
 * gets what it lacks or an even share of what is left (rounded up), whichever is less. A column
 * that lacks a little gets all of it, so its cells keep to one line ("Written as", not
 * "Written / as"); the wide columns share the rest evenly.
 */
function share(widths: number[], wanted: number[], spare: number): number[] {
  const result = [...widths];
  const lack = result.map((w, i) => Math.max(0, (wanted[i] ?? 0) - w));
  const order = lack.map((_, i) => i).sort((a, b) => (lack[a] ?? 0) - (lack[b] ?? 0) || a - b);
  let remaining = spare;
  order.forEach((column, index) => {
    const even = Math.ceil(remaining / (order.length - index));
    const grant = Math.min(lack[column] ?? 0, even, remaining);
    result[column] = (result[column] ?? 0) + grant;
    remaining -= grant;
  });
  return result;
}

/**
 * Shares `available` columns among table columns. Columns get their natural width when all fit;
 * else at least their widest word (so words are not broken) and the rest shared evenly; else
 * an even share of at least MIN_COLUMN each, breaking long words. Returns undefined when even
 * that does not fit, and the caller switches layout.
 */
export function allocateWidths(natural: number[], available: number, words?: number[]): number[] | undefined {
  const total = natural.reduce((sum, w) => sum + w, 0);
  if (total <= available) return natural;
  const wordFloor = (words ?? natural.map(() => MIN_COLUMN)).map((w, i) =>
    Math.min(natural[i] ?? 0, Math.max(w, Math.min(MIN_COLUMN, natural[i] ?? 0))),
  );
  const floorTotal = wordFloor.reduce((sum, w) => sum + w, 0);
  if (floorTotal <= available) return share(wordFloor, natural, available - floorTotal);
  // Too narrow for whole words: shrink the widest columns first, down to MIN_COLUMN, so only
  // the longest words are broken.
  const widths = [...wordFloor];
  let excess = floorTotal - available;
  while (excess > 0) {
    const widest = Math.max(...widths);
    if (widest <= MIN_COLUMN) return undefined;
    const next = Math.max(MIN_COLUMN, ...widths.filter((w) => w < widest));
    const atWidest = widths.map((w, i) => (w === widest ? i : -1)).filter((i) => i >= 0);
    const step = Math.min(widest - next, Math.ceil(excess / atWidest.length));
    for (const i of atWidest) {
      if (excess <= 0) break;
      const cut = Math.min(step, excess);
      widths[i] = (widths[i] ?? 0) - cut;
      excess -= cut;
    }
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
        const value = neutralize(row[column] ?? "");
        const lines = wrapText(value, context.width - labelWidth);
        // A label wider than its column wraps too (one column kept free before the value), and
        // is padded by terminal columns: wide characters take two.
        const labelLines = wrapText(`${head}:`, labelWidth - 1);
        return Array.from({ length: Math.max(lines.length, labelLines.length) }, (_, i) => {
          const label = labelLines[i];
          const padded = padToWidth(label ?? "", labelWidth);
          return `${label === undefined ? padded : theme.label(padded)}${lines[i] ?? ""}`;
        });
      })
      .join("\n"),
  );
  return blocks.join("\n\n");
}

/**
 * Renders a table that never exceeds `context.width`: cells are wrapped to their columns,
 * untrusted text is neutralised, and only the header may be coloured (never piped output).
 */
export function renderTable(spec: TableSpec, context: OutputContext): string {
  const safe: TableSpec = {
    head: spec.head.map((h) => neutralize(h)),
    rows: spec.rows.map((row) => row.map((cell) => neutralize(cell))),
  };
  const columns = safe.head.length;
  const available = context.width - columns * COLUMN_OVERHEAD - 1;
  const widths = allocateWidths(naturalWidths(safe), available, wordWidths(safe));
  if (!widths) return renderBlocks(spec, context);
  const theme = createTheme(context.color);
  const head = safe.head.map((h, i) => wrapText(h, widths[i] ?? 1).map((line) => theme.subheading(line)));
  const rows = safe.rows.map((row) => row.map((cell, i) => wrapText(cell, widths[i] ?? 1)));
  // Lines between rows only when some row spans several lines and needs them to be told apart.
  const compact = !rows.some((row) => row.some((cell) => cell.length > 1));
  return drawGrid(head, rows, widths, compact).join("\n");
}
