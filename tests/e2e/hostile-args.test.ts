import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStackTrace, makeSandbox, unsafeCharacters, VALID_PROFILE } from "../helpers/hostile.js";

/** Hostile and broken arguments: each is a usage error (exit 2) with one clear line and a hint at most. */
const sandbox = makeSandbox();
afterAll(() => sandbox.remove());

const LONG = "x".repeat(100_000);
const missing = join(sandbox.root, "no-such-folder");

const CASES: [string, string[], RegExp, Record<string, string>?][] = [
  ["an empty role", ["show", ""], /^csroles: the role name is empty$/],
  ["a blank role", ["show", "   "], /^csroles: the role name is empty$/],
  ["a 100,000-character role", ["show", LONG], /^csroles: the role name is longer than 200 characters$/],
  ["an empty role to compare", ["compare", "", "support-agent"], /^csroles: the role name is empty$/],
  [
    "a 100,000-character role to compare",
    ["compare", LONG, LONG],
    /^csroles: the role name is longer than 200 characters$/,
  ],
  ["an empty query", ["search", ""], /^csroles: the search query is empty$/],
  [
    "a 100,000-character query",
    ["search", LONG],
    /^csroles: the search query is longer than 500 characters$/,
  ],
  ["a path-like role", ["show", "../../etc/passwd"], /^csroles: unknown role "\.\.\/\.\.\/etc\/passwd"$/],
  ["an absolute path as role", ["show", "/etc/passwd"], /^csroles: unknown role "\/etc\/passwd"$/],
  [
    "a Windows path as role",
    ["show", "..\\..\\boot.ini"],
    /^csroles: unknown role "\.\.\\\\\.\.\\\\boot\.ini"$/,
  ],
  ["a profile file as role", ["show", "data/roles/customer-support-manager.md"], /^csroles: unknown role /],
  [
    "a path-like role to compare",
    ["compare", "../../etc/passwd", "support-agent"],
    /^csroles: unknown role /,
  ],
  ["a role holding escapes", ["show", "\u001b[2J\u001b]0;x\u0007"], /^csroles: unknown role "\\u001b\[2J/],
  ["an unknown option of list", ["list", "--bogus"], /^csroles: unknown option '--bogus'$/],
  ["an unknown option of show", ["show", "support-agent", "--bogus"], /^csroles: unknown option '--bogus'$/],
  ["an unknown option of search", ["search", "zendesk", "--bogus"], /^csroles: unknown option '--bogus'$/],
  ["an unknown option of compare", ["compare", "a", "b", "--bogus"], /^csroles: unknown option '--bogus'$/],
  ["an unknown option of validate", ["validate", "--bogus"], /^csroles: unknown option '--bogus'$/],
  ["an unknown global option", ["--bogus", "list"], /^csroles: unknown option '--bogus'$/],
  ["an option holding escapes", ["list", "--\u001b]0;x\u0007"], /^csroles: unknown option '--␛\]0;x␇'$/],
  ["an unknown command", ["bogus"], /^csroles: unknown command 'bogus'$/],
  ["help for an unknown command", ["help", "bogus"], /^csroles: cannot show help: unknown command$/],
  ["an extra argument", ["list", "extra"], /^csroles: too many arguments for 'list'/],
  ["one role to compare", ["compare", "support-agent"], /^csroles: compare needs at least 2 roles, got one$/],
  [
    "seven roles to compare",
    ["compare", "a", "b", "c", "d", "e", "f", "g"],
    /^csroles: compare takes at most 6 roles, got 7$/,
  ],
  ["an unknown list format", ["list", "--format", "xml"], /^csroles: unknown format 'xml' for this command$/],
  ["an unknown show format", ["show", "support-agent", "--format", "csv"], /^csroles: unknown format 'csv'/],
  ["an unknown search format", ["search", "zendesk", "--format", "yaml"], /^csroles: unknown format 'yaml'/],
  ["an unknown compare format", ["compare", "a", "b", "--format", "pdf"], /^csroles: unknown format 'pdf'/],
  ["an unknown validate format", ["validate", "--format", "csv"], /^csroles: unknown format 'csv'/],
  ["a format holding escapes", ["list", "--format", "\u001b[2J"], /^csroles: unknown format '␛\[2J'/],
  ["two formats", ["list", "--json", "--csv"], /^csroles: choose one output format, not json and csv$/],
  [
    "an unknown search scope",
    ["search", "x", "--in", "everything"],
    /^csroles: option '--in <kind>' argument/,
  ],
  ["a negative limit", ["search", "x", "--limit", "-1"], /^csroles: --limit must be a positive whole number/],
  ["an unknown section", ["show", "support-agent", "--section", "nope"], /^csroles: unknown section 'nope'$/],
  ["an unknown label language", ["--lang", "xx", "list"], /^csroles: unknown language 'xx' in --lang$/],
  [
    "--data naming a missing folder",
    ["list", "--data", missing],
    /^csroles: --data folder '.*no-such-folder' does not exist$/,
  ],
  [
    "--data naming a file",
    ["list", "--data", VALID_PROFILE],
    /^csroles: --data '.*support-agent\.md' is not a folder$/,
  ],
  ["--data naming nothing", ["list", "--data", ""], /^csroles: --data was given an empty folder name$/],
  [
    "a missing folder to validate",
    ["validate", missing],
    /^csroles: --data folder '.*no-such-folder' does not exist$/,
  ],
  [
    "CSROLES_PATH naming a missing folder",
    ["list"],
    /^csroles: CSROLES_PATH folder '.*no-such-folder' does not exist$/,
    { CSROLES_PATH: missing },
  ],
];

describe("hostile and broken arguments", () => {
  it.each(CASES)("%s: exit 2, one clear line, nothing on stdout", (_name, args, message, env) => {
    const result = sandbox.run(args, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(unsafeCharacters(result.stderr)).toEqual([]);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(message);
    expect(lines.length).toBeLessThanOrEqual(2);
    if (lines[1] !== undefined) expect(lines[1]).toMatch(/^hint: /);
  });

  it("wrote nothing for any of them but the profile cache (roles are looked up after loading)", () => {
    expect(sandbox.written().filter((path) => !path.startsWith("home/.cache"))).toEqual([]);
  });
});
