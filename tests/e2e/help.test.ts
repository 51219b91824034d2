import { describe, expect, it } from "vitest";
import { displayWidth, runCli } from "../helpers/run-cli.js";

const COMMANDS = ["list", "show", "search", "compare", "gap", "graph", "pick", "validate"];
const tooWide = (text: string, width: number) =>
  text.split("\n").filter((line) => displayWidth(line) > width);

describe("help", () => {
  it("bare csroles prints the usage with examples and exits 0, as git and npm do", () => {
    const result = runCli([]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Usage: csroles \[options\] \[command\]/);
    expect(result.stdout).toContain("Examples:");
    for (const command of COMMANDS) expect(result.stdout).toContain(`  ${command} `);
    expect(result.stdout).toBe(runCli(["--help"]).stdout);
  });

  it.each([30, 40, 60, 80])("every command's --help fits %i columns (COLUMNS)", (width) => {
    for (const args of [[], ...COMMANDS.map((command) => [command])]) {
      const result = runCli([...args, "--help"], { env: { COLUMNS: String(width) } });
      expect(result.code, args.join(" ")).toBe(0);
      expect(tooWide(result.stdout, width), args.join(" ")).toEqual([]);
    }
  });
});

describe("validate's report", () => {
  it("wraps to the terminal width, continuing each problem under an indent", () => {
    const args = ["validate", "tests/fixtures/profiles/broken"];
    const wide = runCli(args, { env: { COLUMNS: "300" } });
    const narrow = runCli(args, { env: { COLUMNS: "40" } });
    expect(narrow.code).toBe(3);
    expect(tooWide(narrow.stdout, 40)).toEqual([]);
    expect(tooWide(wide.stdout, 40).length).toBeGreaterThan(0);
    // The same words, only the line breaks moved.
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(words(narrow.stdout).join("")).toBe(words(wide.stdout).join(""));
  });
});
