import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli.js";
import { choosePager, DEFAULT_PAGER } from "../../src/io/choose-pager.js";
import { pageText } from "../../src/io/pager.js";
import { ROOT } from "../helpers/run-cli.js";

const FAKE_PAGER = join(ROOT, "tests/fixtures/pager/fake-pager.mjs");
const scratch = mkdtempSync(join(tmpdir(), "csroles-pager-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const TALL = "line\n".repeat(30);
const SHORT = "line\n".repeat(5);

describe("choosePager", () => {
  const terminal = { isTTY: true, rows: 24 };
  it.each([
    ["a tall text on a terminal", TALL, terminal, {}, DEFAULT_PAGER],
    ["a text that fits", SHORT, terminal, {}, undefined],
    ["a text one row short of the terminal", "x\n".repeat(23), terminal, {}, undefined],
    ["a text as tall as the terminal", "x\n".repeat(24), terminal, {}, DEFAULT_PAGER],
    ["a pipe or a file", TALL, { isTTY: false, rows: undefined }, {}, undefined],
    ["a terminal of unknown height", TALL, { isTTY: true, rows: undefined }, {}, undefined],
    ["$PAGER", TALL, terminal, { PAGER: "less -S" }, "less -S"],
    ["$CSROLES_PAGER before $PAGER", TALL, terminal, { PAGER: "more", CSROLES_PAGER: "most" }, "most"],
    ["CSROLES_PAGER=cat", TALL, terminal, { PAGER: "less", CSROLES_PAGER: "cat" }, undefined],
    ["an empty CSROLES_PAGER", TALL, terminal, { PAGER: "less", CSROLES_PAGER: "" }, undefined],
    ["PAGER=cat", TALL, terminal, { PAGER: " cat " }, undefined],
  ])("%s", (_name, text, facts, env, expected) => {
    expect(choosePager(text, { ...facts, env })).toBe(expected);
  });
});

/** The fake pager's record of one run. */
function paged(out: string): { args: string[]; less: string | undefined; text: string | null } {
  return JSON.parse(readFileSync(out, "utf8"));
}

describe("pageText", () => {
  const env = (out: string) => ({ PATH: process.env.PATH, FAKE_PAGER_OUT: out });

  it("runs the pager through the shell, with its arguments, and hands it the whole text", async () => {
    const out = join(scratch, "whole.json");
    const ran = await pageText(TALL, `"${process.execPath}" ${FAKE_PAGER} -S --shift 4`, env(out));
    expect(ran).toBe(true);
    expect(paged(out)).toEqual({ args: ["-S", "--shift", "4"], less: "FRX", text: TALL });
  });

  it("keeps a LESS the user set", async () => {
    const out = join(scratch, "less.json");
    await pageText(SHORT, `"${process.execPath}" ${FAKE_PAGER}`, { ...env(out), LESS: "-M" });
    expect(paged(out).less).toBe("-M");
  });

  it("takes a pager that quits before reading everything as a normal end", async () => {
    const out = join(scratch, "quit.json");
    const ran = await pageText("x".repeat(4_000_000), `"${process.execPath}" ${FAKE_PAGER} --quit`, env(out));
    expect(ran).toBe(true);
    expect(paged(out).text).toBeNull();
  });

  it.each([
    ["a program not on PATH", "csroles-no-such-pager -R"],
    ["a path that does not exist", "/nonexistent/pager"],
    ["a shell command whose program is missing", "csroles-no-such-pager --prompt='?' 2>/dev/null"],
  ])("reports %s as not started, so the text is printed directly", async (_name, command) => {
    expect(await pageText(TALL, command, { PATH: process.env.PATH })).toBe(false);
  });
});

describe("which output the entry point pages", () => {
  async function runOnTerminal(argv: string[], env: Record<string, string> = {}, started = true) {
    const pagedTexts: { text: string; command: string }[] = [];
    let stdout = "";
    const code = await run({
      argv,
      env: { HOME: scratch, XDG_CACHE_HOME: join(scratch, "cache"), LANG: "C", ...env },
      dataDir: join(ROOT, "data/"),
      writeOut: (text) => {
        stdout += text;
      },
      writeErr: () => {},
      stdout: { isTTY: true, columns: 200, rows: 6 },
      page: async (text, command) => {
        pagedTexts.push({ text, command });
        return started;
      },
    });
    return { code, stdout, paged: pagedTexts };
  }

  it.each([
    ["show", ["show", "customer-support-manager"]],
    ["compare", ["compare", "customer-support-manager", "customer-service-team-lead"]],
    ["list", ["list"]],
    ["gap", ["gap", "customer-service-executive", "customer-service-operations-manager"]],
    ["graph", ["graph"]],
  ])("pages %s when it is taller than the terminal", async (_name, argv) => {
    const result = await runOnTerminal(argv, { PAGER: "less -S" });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.paged).toHaveLength(1);
    expect(result.paged[0]?.command).toBe("less -S");
    expect(result.paged[0]?.text.split("\n").length).toBeGreaterThan(6);
  });

  it.each([
    ["--no-pager", ["show", "customer-support-manager", "--no-pager"], {}],
    ["--json", ["show", "customer-support-manager", "--json"], {}],
    ["--csv", ["compare", "customer-support-manager", "customer-service-team-lead", "--csv"], {}],
    ["--html", ["show", "customer-support-manager", "--html"], {}],
    ["graph --format mermaid", ["graph", "--format", "mermaid"], {}],
    ["gap --markdown", ["gap", "customer-service-executive", "customer-support-manager", "--markdown"], {}],
    ["CSROLES_PAGER=cat", ["show", "customer-support-manager"], { CSROLES_PAGER: "cat" }],
  ])("prints directly with %s", async (_name, argv, env) => {
    const result = await runOnTerminal(argv, env);
    expect(result.code).toBe(0);
    expect(result.paged).toEqual([]);
    expect(result.stdout.split("\n").length).toBeGreaterThan(6);
  });

  it("prints directly when the pager cannot start", async () => {
    const result = await runOnTerminal(["show", "customer-support-manager"], {}, false);
    expect(result.paged).toHaveLength(1);
    expect(result.stdout).toContain("Kundesupportchef");
  });

  it("shapes output written to a file as for a pipe: never paged, no colour, 80 columns", async () => {
    const file = join(scratch, "show.txt");
    const result = await runOnTerminal(["show", "customer-support-manager", "-o", file]);
    expect(result.paged).toEqual([]);
    expect(result.stdout).toBe("");
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^Kundesupportchef/);
    expect(text).not.toContain("\u001b");
    expect(Math.max(...text.split("\n").map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it("hands the real pager the text, through the shell", async () => {
    const out = join(scratch, "real.json");
    const env = { PATH: process.env.PATH ?? "", FAKE_PAGER_OUT: out };
    let stdout = "";
    const code = await run({
      argv: ["show", "customer-support-manager", "--no-cache", "--no-color"],
      env: { ...env, HOME: scratch, LANG: "C", CSROLES_PAGER: `"${process.execPath}" ${FAKE_PAGER}` },
      dataDir: join(ROOT, "data/"),
      writeOut: (text) => {
        stdout += text;
      },
      writeErr: () => {},
      stdout: { isTTY: true, columns: 80, rows: 10 },
      page: (text, command) => pageText(text, command, env),
    });
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(existsSync(out)).toBe(true);
    expect(paged(out).text).toMatch(/^Kundesupportchef — Customer Support Manager\n/);
  });
});
