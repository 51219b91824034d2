import { readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { HOSTILE, hasStackTrace, makeSandbox, unsafeCharacters } from "../helpers/hostile.js";

/**
 * tests/fixtures/hostile/control-characters/control-characters.md is a valid profile whose every
 * text field ends in ESC/CSI/OSC sequences, BEL, backspace, CR, DEL, C1 controls and bidi
 * overrides (written as YAML escapes). Every output meant for a terminal must show them inert;
 * JSON must keep them exactly, escaped.
 */
const dir = join(HOSTILE, "control-characters");
const source = readFileSync(join(dir, "control-characters.md"), "utf8");
const front = yaml.load(source.split("\n---\n")[0]?.replace(/^---\n/, "") ?? "", {
  schema: yaml.CORE_SCHEMA,
}) as {
  title: string;
  summary: string;
  skills: { label: string }[];
  tools: { name: string }[];
};
const ROLE = "control-characters";

/** How the neutralised text must look: each control a visible picture or a <U+XXXX> tag. */
const SHOWN = [
  "␛[31mRED␛[0m",
  "␛]0;owned␇",
  "␛[2J",
  "<U+009B>1;1H",
  "␈␈",
  "␍",
  "<U+202E>evil<U+202C>",
  "<U+2066>iso<U+2069>",
  "␡",
  "<U+0085>",
];

const sandbox = makeSandbox();
afterAll(() => sandbox.remove());
// Wide enough that no table cell wraps, so each neutralised sequence shows in one piece.
const run = (...args: string[]) => sandbox.run([...args, "--data", dir], { COLUMNS: "1000" });

/** Every string anywhere inside a parsed JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

describe("terminal control sequences and bidi overrides in profile text", () => {
  it("the fixture really holds raw control characters", () => {
    expect(front.title).toContain("\u001b[31mRED");
    expect(front.title).toContain("\u009b1;1H");
    expect(front.title).toContain("\u202eevil");
    expect(front.title).toContain("\r");
    expect(front.title).toContain("\b");
  });

  it.each([
    ["list (table)", ["list"]],
    ["list --csv", ["list", "--csv"]],
    ["list --markdown", ["list", "--markdown"]],
    ["show (plain text)", ["show", ROLE]],
    ["compare (table)", ["compare", ROLE, "support-agent"]],
    ["compare --csv", ["compare", ROLE, "support-agent", "--csv"]],
    ["compare --markdown", ["compare", ROLE, "support-agent", "--markdown"]],
    ["gap (text)", ["gap", "customer-service-executive", ROLE]],
    ["gap --markdown", ["gap", "customer-service-executive", ROLE, "--markdown"]],
    ["search (table)", ["search", "empathy"]],
    ["search --csv", ["search", "empathy", "--csv"]],
    ["search --markdown", ["search", "empathy", "--markdown"]],
  ])("%s: neutralised, visible, and nothing unsafe reaches stdout or stderr", (_name, args) => {
    const result = run(...args);
    expect(result.code).toBe(0);
    expect(unsafeCharacters(result.stdout)).toEqual([]);
    expect(unsafeCharacters(result.stderr)).toEqual([]);
    expect(hasStackTrace(result.stderr)).toBe(false);
    // Markdown escapes [ ] < > with a backslash; compare without those.
    const plain = result.stdout.replace(/\\([[\]<>])/g, "$1");
    for (const shown of SHOWN) expect(plain).toContain(shown);
  });

  it("with colour forced on, the only escapes are csroles' own colour codes", () => {
    const result = run("show", ROLE, "--color");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("\u001b[");
    const withoutColour = result.stdout.replace(/\u001b\[[0-9;]*m/g, "");
    expect(unsafeCharacters(withoutColour)).toEqual([]);
    expect(withoutColour).toContain("␛[31mRED␛[0m");
  });

  it("show --json keeps every character, escaped, and JSON.parse gives the original back", () => {
    const result = run("show", ROLE, "--json");
    expect(unsafeCharacters(result.stdout)).toEqual([]);
    expect(result.stdout).toContain("\\u001b[31mRED");
    expect(result.stdout).toContain("\\u009b1;1H");
    expect(result.stdout).toContain("\\u202eevil");
    const profile = JSON.parse(result.stdout) as typeof front & { body: string };
    expect(profile.title).toBe(front.title);
    expect(profile.summary).toBe(front.summary);
    expect(profile.skills[0]?.label).toBe(front.skills[0]?.label);
    expect(profile.tools[0]?.name).toBe(front.tools[0]?.name);
    // The body's lone CR counts as a line end, as in old Mac files.
    expect(profile.body).toContain("Body \u001b[31mred\u001b[0m \u001b]0;owned\u0007 \u202eevil\u202c \nX");
  });

  it.each([
    ["list", ["list", "--json"], () => front.title],
    ["compare", ["compare", ROLE, "support-agent", "--json"], () => front.skills[0]?.label ?? ""],
    ["search", ["search", "empathy", "--json"], () => front.skills[0]?.label ?? ""],
  ])("%s --json: escaped on the wire, exact after JSON.parse", (_name, args, original) => {
    const result = run(...args);
    expect(result.code).toBe(0);
    expect(unsafeCharacters(result.stdout)).toEqual([]);
    expect(stringsIn(JSON.parse(result.stdout))).toContain(original());
  });

  it("problem lines quote hostile ids and keys inertly; validate --json keeps them exactly", () => {
    // Wide, so that each problem stays on one line.
    const text = sandbox.run(["validate", dir], { COLUMNS: "1000" });
    expect(text.code).toBe(3);
    expect(unsafeCharacters(text.stdout)).toEqual([]);
    expect(text.stdout).toContain("escape-in-key.md: ␛]0;owned␇␛[31mkey: unknown field");
    const json = sandbox.run(["validate", "--json", dir]);
    expect(unsafeCharacters(json.stdout)).toEqual([]);
    const report = JSON.parse(json.stdout) as { files: { file: string; problems: { field: string }[] }[] };
    const keyReport = report.files.find((f) => f.file.endsWith("escape-in-key.md"));
    expect(keyReport?.problems[0]?.field).toBe("\u001b]0;owned\u0007\u001b[31mkey");
  });
});
