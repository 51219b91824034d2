import { describe, expect, it } from "vitest";
import { fitHelpText } from "../../src/render/help-text.js";
import { displayWidth } from "../../src/render/wrap-text.js";

const linesOf = (line: string, width: number) => fitHelpText(line, width).split("\n");

describe("fitHelpText", () => {
  it.each([
    [
      "leaves a line that fits exactly as it is",
      "  --json             JSON output",
      40,
      ["  --json             JSON output"],
    ],
    [
      "wraps an option's description under itself",
      "  --strict   exit 3 when any profile file is invalid",
      34,
      ["  --strict   exit 3 when any", "             profile file is", "             invalid"],
    ],
    [
      "moves the description below the option when too little room is left beside it",
      "  --format <format>             output format: table or json",
      36,
      ["  --format <format>", "      output format: table or json"],
    ],
    [
      "continues an example command with a backslash so that it stays pasteable",
      "  $ csroles compare customer-service-team-lead customer-support-manager",
      48,
      ["  $ csroles compare customer-service-team-lead \\", "      customer-support-manager"],
    ],
    [
      "wraps prose under a two-space indent",
      "Exit codes: 0 ok, 1 nothing found, 2 usage error, 3 data error, 130 interrupted.",
      40,
      ["Exit codes: 0 ok, 1 nothing found, 2", "  usage error, 3 data error, 130", "  interrupted."],
    ],
  ])("%s", (_, line, width, expected) => {
    expect(linesOf(line, width)).toEqual(expected);
  });

  it("keeps every line within the width and every word of the text", () => {
    const text = [
      "Usage: csroles compare [options] <roles...>",
      "  --data <dir>                  add a profile folder (repeatable); later folders override earlier ones",
      "  $ csroles compare CSE Kundesupportchef --json | jq .skills.summary",
      "Keys: type to filter, ↑↓ move, space tick, ⏎ choose, Esc or Ctrl-C quit (exit 130).",
    ].join("\n");
    for (const width of [24, 32, 50, 70]) {
      const lines = fitHelpText(text, width).split("\n");
      expect(lines.filter((line) => displayWidth(line) > width)).toEqual([]);
      const words = (s: string) => s.replaceAll(" \\\n", " ").split(/\s+/).filter(Boolean).join(" ");
      expect(words(lines.join("\n"))).toBe(words(text));
    }
  });
});
