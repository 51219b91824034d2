import { displayWidth, padToWidth } from "./wrap-text.js";

/**
 * Draws csroles' tables: box-drawing borders and one space of padding either side of each cell,
 * the cells already wrapped into lines. It draws exactly what cli-table3 0.6 drew for the options
 * csroles gave it (tests/unit/draw-grid.test.ts compares the two), without cli-table3's start-up
 * cost (about 4 ms for `csroles list`: its modules, and per-cell option merging) or its layout,
 * quadratic in rows.
 */

/** A cell: its lines. A row: its cells, one per column. */
export type GridRow = string[][];

/**
 * The lines of the table. `widths` are the columns' content widths (padding and borders come on
 * top); `head` is the first row, set off by a rule. With `compact`, no rules between other rows.
 */
export function drawGrid(
  head: GridRow | undefined,
  rows: GridRow[],
  widths: number[],
  compact: boolean,
): string[] {
  const rule = (left: string, middle: string, right: string) =>
    left + widths.map((width) => "─".repeat(width + 2)).join(middle) + right;
  const all = head ? [head, ...rows] : rows;
  const lines: string[] = [];
  all.forEach((row, index) => {
    if (index === 0) lines.push(rule("┌", "┬", "┐"));
    else if (!compact || (index === 1 && head)) lines.push(rule("├", "┼", "┤"));
    const height = Math.max(1, ...row.map((cell) => cell.length));
    for (let line = 0; line < height; line++) {
      const cells = widths.map((width, column) => {
        const text = row[column]?.[line];
        return text === undefined ? " ".repeat(width + 2) : ` ${padToWidth(cutToWidth(text, width), width)} `;
      });
      lines.push(`│${cells.join("│")}│`);
    }
  });
  if (all.length > 0) lines.push(rule("└", "┴", "┘"));
  return lines;
}

/**
 * Text wider than `width` cut to fit, ending in "…", as cli-table3 cut it (by UTF-16 units from the
 * end). renderTable wraps every cell to its column first, so this is a safety net only; the
 * header's escape sequences (colour) never reach it.
 */
function cutToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const room = width - 1;
  if (room <= 0) return "…";
  let cut = text;
  if (cut.length === displayWidth(cut)) cut = cut.slice(0, room);
  else while (displayWidth(cut) > room) cut = cut.slice(0, -1);
  return `${cut}…`;
}
