import { describe, expect, it } from "vitest";
import { closestMatches, editDistance } from "../../src/core/edit-distance.js";
import { foldText, foldWords } from "../../src/core/fold-text.js";
import { renderCsv } from "../../src/render/csv.js";
import { renderJson } from "../../src/render/json.js";
import { markdownCell } from "../../src/render/markdown.js";
import { neutralize, neutralizeInline } from "../../src/render/neutralize.js";
import { resolveColor, resolveWidth } from "../../src/render/output-context.js";
import { allocateWidths, renderTable } from "../../src/render/table.js";
import { displayWidth, wrapIndented, wrapText } from "../../src/render/wrap-text.js";

describe("foldText", () => {
  it.each([
    ["Kundtjänst", "kundtjanst"],
    ["Tålamod", "talamod"],
    ["viestintä", "viestinta"],
    ["Kundeservicerepræsentant", "kundeservicerepraesentant"],
    ["Tålmodighet", "talmodighet"],
    ["Støtteagent", "stotteagent"],
    ["ÆØÅ äöü", "aeoa aou"],
    ["Kundtja\u0308nst", "kundtjanst"],
    ["Ｆｕｌｌ", "full"],
  ])("%j folds to %j", (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it("folds composed and decomposed forms alike", () => {
    expect(foldText("å".normalize("NFD"))).toBe(foldText("å".normalize("NFC")));
  });

  it("reduces to words", () => {
    expect(foldWords("  Kunde-supportchef, (CRM)! ")).toBe("kunde supportchef crm");
  });
});

describe("editDistance and closestMatches", () => {
  it.each([
    ["kitten", "sitting", 3],
    ["", "abc", 3],
    ["same", "same", 0],
  ])("%s → %s = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it("stops early past the limit", () => {
    expect(editDistance("aaaaaaaa", "bbbbbbbb", 2)).toBe(3);
  });

  it("suggests near names and prefixes, nothing for unrelated text", () => {
    const names = ["customer-support-manager", "customer-service-team-lead", "team-lead"];
    expect(closestMatches("customer-suport-manager", names)).toEqual([
      "customer-support-manager",
      "customer-service-team-lead",
    ]);
    expect(closestMatches("kundtjanstchef", ["kundtjanstteamledare", "kundesupportchef"])).toEqual([
      "kundtjanstteamledare",
    ]);
    expect(closestMatches("team-led", names)).toEqual(["team-lead"]);
    expect(closestMatches("zzzzzz", names)).toEqual([]);
  });
});

describe("neutralize", () => {
  it("makes control sequences visible and inert", () => {
    const hostile = "a\u001b[31mred\u001b]0;title\u0007\bb\rc\u009b2J\u202egnp.exe";
    const safe = neutralize(hostile);
    expect(safe).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(safe).toBe("a␛[31mred␛]0;title␇␈b␍c<U+009B>2J<U+202E>gnp.exe");
  });

  it("keeps newlines and tabs, or flattens them inline", () => {
    expect(neutralize("a\n\tb")).toBe("a\n\tb");
    expect(neutralizeInline("a\n\tb")).toBe("a b");
  });
});

describe("renderJson", () => {
  it("keeps text exact but escapes every control and bidi character", () => {
    const text = "x\u001b[2Jy\u0085z\u202e";
    const json = renderJson({ text });
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(json)).toEqual({ text });
  });
});

describe("renderCsv", () => {
  it("quotes, neutralises and defuses formulas", () => {
    expect(
      renderCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["=SUM(A1)", "\u001b[31m"],
          [3, " pad "],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),␛[31m\r\n3," pad "\r\n');
  });
});

describe("markdownCell", () => {
  it("escapes pipes and markup and stays on one line", () => {
    expect(markdownCell("a|b *c*\n<script>")).toBe("a\\|b \\*c\\* \\<script\\>");
  });
});

describe("wrapText", () => {
  it("wraps on word boundaries", () => {
    expect(wrapText("one two three four", 9)).toEqual(["one two", "three", "four"]);
  });

  it("breaks words longer than the width, by display width", () => {
    expect(wrapText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    const wide = wrapText("日本語のテキスト", 5);
    for (const line of wide) expect(displayWidth(line)).toBeLessThanOrEqual(5);
    expect(wide.join("")).toBe("日本語のテキスト");
  });

  it("keeps paragraphs", () => {
    expect(wrapText("a\n\nb", 10)).toEqual(["a", "", "b"]);
  });

  it("breaks a word wider than the line after its hyphens, filling each line exactly", () => {
    expect(wrapText("id: customer-service-executive", 17)).toEqual(["id: customer-", "service-executive"]);
    expect(wrapText("customer-service-representative", 22)).toEqual(["customer-service-", "representative"]);
  });

  it("never splits a grapheme of a word wider than the line", () => {
    expect(wrapText("x ab👨‍👩‍👧cd", 3)).toEqual(["x", "ab", "👨‍👩‍👧c", "d"]);
  });

  it("keeps the space beside a word of no width", () => {
    expect(wrapText("a \u0301 bcdefg", 4)).toEqual(["a \u0301", "bcde", "fg"]);
  });

  it("breaks at a tab as at a space", () => {
    expect(wrapText("one\ttwo three", 7)).toEqual(["one two", "three"]);
  });
});

describe("wrapIndented", () => {
  it("fits every line to the width, whichever prefix it has", () => {
    const lines = wrapIndented("alpha beta gamma delta epsilon zeta eta theta", 16, "", "    ");
    expect(lines).toEqual(["alpha beta gamma", "    delta", "    epsilon zeta", "    eta theta"]);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(16);
  });
});

describe("allocateWidths", () => {
  it("keeps natural widths that fit", () => {
    expect(allocateWidths([5, 10], 20)).toEqual([5, 10]);
  });

  it("gives narrow columns what they need and splits the rest", () => {
    expect(allocateWidths([5, 40, 40], 45)).toEqual([5, 20, 20]);
  });

  it("completes the columns that lack least, then shares the rest evenly", () => {
    // Whole words first (7, 10, 10); of the 33 columns left, the first lacks only 3.
    expect(allocateWidths([10, 30, 40], 60, [7, 10, 10])).toEqual([10, 25, 25]);
  });

  it("gives up when even the minimum does not fit", () => {
    expect(allocateWidths([20, 20, 20, 20, 20], 30)).toBeUndefined();
  });
});

describe("terminal facts", () => {
  const facts = (isTTY: boolean, env: NodeJS.ProcessEnv, columns?: number) => ({ isTTY, env, columns });

  it("takes the width from the terminal, then COLUMNS, then 80", () => {
    expect(resolveWidth(facts(true, { COLUMNS: "50" }, 132))).toBe(132);
    expect(resolveWidth(facts(false, { COLUMNS: "50" }, 132))).toBe(50);
    expect(resolveWidth(facts(false, { COLUMNS: "junk" }))).toBe(80);
  });

  it.each([
    [undefined, true, {}, true],
    [undefined, false, {}, false],
    [undefined, true, { NO_COLOR: "1" }, false],
    [undefined, true, { NO_COLOR: "" }, true],
    [undefined, false, { FORCE_COLOR: "1" }, true],
    [undefined, true, { FORCE_COLOR: "0" }, false],
    [undefined, true, { TERM: "dumb" }, false],
    [true, false, { NO_COLOR: "1" }, true],
    [false, true, { FORCE_COLOR: "1" }, false],
  ])("flag %s, tty %s, env %j → colour %s", (flag, isTTY, env, expected) => {
    expect(resolveColor(flag, facts(isTTY, env))).toBe(expected);
  });
});

describe("renderTable", () => {
  const context = { width: 60, color: false };

  it("draws a long table in slices that join into one table", () => {
    const rows = Array.from({ length: 250 }, (_, i) => [`role-${i}`, `Title ${i}`]);
    const lines = renderTable({ head: ["ID", "Title"], rows }, context).split("\n");
    expect(lines).toHaveLength(250 + 4);
    expect(lines.filter((line) => line.startsWith("┌"))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("└"))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("├"))).toHaveLength(1);
    const ids = lines.filter((line) => line.startsWith("│ role-")).map((line) => line.split("│")[1]?.trim());
    expect(ids).toEqual(rows.map((row) => row[0]));
    expect(new Set(lines.map((line) => displayWidth(line))).size).toBe(1);
  });

  it("breaks a word only when it is wider than its column", () => {
    const words = ["Kundtjänstoperationschef", "Customer", "Service", "Operations", "Manager", "tool", "a"];
    const wordsOf = (seed: number, count: number) =>
      Array.from({ length: count }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(" ");
    const rows = Array.from({ length: 6 }, (_, r) => [
      wordsOf(r, 3),
      wordsOf(r + 1, 6),
      wordsOf(r + 2, 2),
      "7 / 16",
    ]);
    for (let width = 60; width <= 120; width += 4) {
      const lines = renderTable(
        { head: ["Role", "Title / English title", "Level", "Skills / tools"], rows },
        {
          width,
          color: false,
        },
      ).split("\n");
      expect(lines[0]?.startsWith("┌"), `a table at ${width}`).toBe(true);
      const columns = (lines[0] ?? "")
        .slice(1, -1)
        .split("┬")
        .map((rule) => rule.length - 2);
      // The lines of each row (between rules), column by column.
      const blocks: string[][][] = [];
      for (const line of lines.slice(1, -1)) {
        if (line.startsWith("├")) blocks.push([]);
        else {
          if (blocks.length === 0) blocks.push([]);
          const block = blocks.at(-1) as string[][];
          line
            .slice(1, -1)
            .split("│")
            .forEach((cell, c) => {
              block[c] = [...(block[c] ?? []), cell.trim()];
            });
        }
      }
      const cells = [["Role", "Title / English title", "Level", "Skills / tools"], ...rows];
      cells.forEach((row, r) => {
        row.forEach((text, c) => {
          const shown = blocks[r]?.[c] ?? [];
          for (const word of text.split(" ")) {
            if (word.length > (columns[c] ?? 0)) continue;
            expect(
              shown.some((line) => line.split(" ").includes(word)),
              `${width}: ${word} in ${shown.join("/")}`,
            ).toBe(true);
          }
        });
      });
    }
  });

  it("keeps the rules between rows of a long table whose rows wrap", () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`role-${i}`, "word ".repeat(20).trim()]);
    const lines = renderTable({ head: ["ID", "Text"], rows }, context).split("\n");
    expect(lines.filter((line) => line.startsWith("├"))).toHaveLength(150);
    expect(lines.filter((line) => line.startsWith("┌") || line.startsWith("└"))).toHaveLength(2);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
  });
});
