import Table from "cli-table3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawGrid, type GridRow } from "../../src/render/draw-grid.js";
import { displayWidth } from "../../src/render/wrap-text.js";

/** What cli-table3 0.6 drew for csroles' tables, which drawGrid replaces. */
function cliTable3(head: GridRow | undefined, rows: GridRow[], widths: number[], compact: boolean): string {
  const table = new Table({
    ...(head ? { head: head.map((cell) => cell.join("\n")) } : {}),
    colWidths: widths.map((w) => w + 2),
    wordWrap: false,
    style: { head: [], border: [], "padding-left": 1, "padding-right": 1, compact },
  });
  table.push(...rows.map((row) => row.map((cell) => cell.join("\n"))));
  return table.toString();
}

/** Text of every width class: letters, punctuation, wide CJK, emoji, combining marks. */
const piece = fc.constantFrom(
  "a",
  "Z",
  "-",
  " ",
  "å",
  "ø",
  "ж",
  "→",
  "│",
  "界",
  "ｶ",
  "😀",
  "👨‍👩‍👧",
  "e\u0301",
  "…",
);
const line = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(""));
const cell = fc.array(line, { minLength: 1, maxLength: 3 });

const grid = fc
  .record({
    widths: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 5 }),
    rows: fc.integer({ min: 0, max: 5 }),
    withHead: fc.boolean(),
    compact: fc.boolean(),
  })
  .chain(({ widths, rows, withHead, compact }) =>
    fc.record({
      widths: fc.constant(widths),
      compact: fc.constant(compact),
      head: withHead ? fc.tuple(...widths.map(() => cell)) : fc.constant(undefined),
      rows: fc.array(fc.tuple(...widths.map(() => cell)), { minLength: rows, maxLength: rows }),
    }),
  );

describe("drawGrid", () => {
  it("draws what cli-table3 drew, cells wider than their column cut alike", () => {
    fc.assert(
      fc.property(grid, ({ widths, compact, head, rows }) => {
        expect(drawGrid(head, rows, widths, compact).join("\n")).toBe(cliTable3(head, rows, widths, compact));
      }),
      { numRuns: 1500 },
    );
  });

  it("pads a coloured header by its visible width, as cli-table3 did", () => {
    const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;
    const head: GridRow = [["ID"].map(bold), ["English", "title"].map(bold), [bold("Tålamod")]];
    const rows: GridRow[] = [[["customer-"], ["Customer"], ["ja"]]];
    for (const compact of [true, false]) {
      const drawn = drawGrid(head, rows, [9, 8, 7], compact);
      expect(drawn.join("\n")).toBe(cliTable3(head, rows, [9, 8, 7], compact));
      expect(new Set(drawn.map((l) => displayWidth(l))).size).toBe(1);
    }
  });

  it("draws a long table whole (its speed is the benchmark's concern)", () => {
    const rows: GridRow[] = Array.from({ length: 20_000 }, (_, i) => [[`role-${i}`], ["a", "b"]]);
    const lines = drawGrid([["ID"], ["Text"]], rows, [10, 4], false);
    expect(lines).toHaveLength(2 + 20_000 * 3 + 1);
    expect(lines.at(-3)).toContain("role-19999");
  });
});
