import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";

const BROKEN = join(ROOT, "tests/fixtures/profiles/broken");
const VALID = join(ROOT, "tests/fixtures/profiles/valid");
const UNMAPPED = join(ROOT, "tests/fixtures/profiles/unmapped");
const scratch = mkdtempSync(join(tmpdir(), "csroles-loader-"));
const pwnFile = join(scratch, "engine-ran");

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXPECTED_BAD_FILES = [
  "date-id.md",
  "duplicate-id-b.md",
  "empty.md",
  "engine-coffee.md",
  "engine-javascript-upper.md",
  "engine-javascript.md",
  "engine-js-upper.md",
  "engine-js.md",
  "invalid-yaml.md",
  "no-front-matter.md",
  "not-a-mapping.md",
  "unclosed-fence.md",
  "unknown-concepts.md",
  "wrong-types.md",
  "yaml-tag.md",
];

describe("loading a folder of broken and hostile profiles", () => {
  const result = runCli(["list", "--json", "--data", BROKEN], { env: { CSROLES_PWN_FILE: pwnFile } });

  it("still lists the good profiles and exits 0", () => {
    expect(result.code).toBe(0);
    const ids = (JSON.parse(result.stdout) as { roles: { id: string }[] }).roles.map((r) => r.id);
    // support-agent.md is valid; its twin duplicate-id-b.md (same id, another name) is reported.
    expect(ids).toContain("support-agent");
    expect(ids).toHaveLength(6);
  });

  it("names each bad file on one line of stderr", () => {
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(EXPECTED_BAD_FILES.length);
    EXPECTED_BAD_FILES.forEach((file, index) => {
      expect(lines[index]).toMatch(
        new RegExp(`^csroles: skipped tests/fixtures/profiles/broken/${file}(:\\d+)?: [\\w.\\[\\]-]+: `),
      );
    });
  });

  it("runs no code from any engine fence", () => {
    expect(result.stdout).not.toContain("ENGINE-RAN");
    expect(existsSync(pwnFile)).toBe(false);
    expect(existsSync("/tmp/csroles-pwned")).toBe(false);
  });

  it("reports the field and line of each problem", () => {
    const byFile = (name: string) =>
      result.stderr.split("\n").find((line) => line.includes(`/${name}`)) ?? "";
    expect(byFile("wrong-types.md")).toContain("wrong-types.md:3: title: expected a string, got number 42");
    expect(byFile("unknown-concepts.md")).toContain(
      "unknown-concepts.md:12: skills[0].skill: unknown skill 'empathyy'; did you mean 'empathy'?",
    );
    expect(byFile("engine-js-upper.md")).toContain(
      "engine-js-upper.md:1: front-matter: the fence names the 'JS' engine",
    );
    expect(byFile("yaml-tag.md")).toContain("yaml-tag.md:2: front-matter: invalid YAML: unknown tag");
    expect(byFile("date-id.md")).toContain("date-id.md:2: id: '2024-01-01' is not a kebab-case id");
    expect(byFile("unclosed-fence.md")).toContain("unclosed front-matter");
    expect(byFile("not-a-mapping.md")).toContain("expected a YAML mapping of fields, got a list");
  });

  it("exits 3 under --strict after reporting", () => {
    const strict = runCli(["list", "--strict", "--data", BROKEN]);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toMatch(/csroles: 15 profile files invalid \(--strict\)\n$/);
  });
});

describe("profile folders", () => {
  it("let a later folder's profile override an earlier one and say where each came from", () => {
    const result = runCli(["list", "--json", "--data", VALID, "--data", join(BROKEN)]);
    const agent = (
      JSON.parse(result.stdout) as { roles: { id: string; file: string; overrides: string[] }[] }
    ).roles.find((r) => r.id === "support-agent");
    expect(agent?.file).toBe(join(BROKEN, "support-agent.md"));
    expect(agent?.overrides).toEqual([join(VALID, "support-agent.md")]);
  });

  it("read CSROLES_PATH (colon-separated) before --data", () => {
    const result = runCli(["show", "support-agent", "--json", "--data", VALID], {
      env: { CSROLES_PATH: `${BROKEN}:${scratch}` },
    });
    expect((JSON.parse(result.stdout) as { file: string }).file).toBe(join(VALID, "support-agent.md"));
  });

  it.each([
    [["list", "--data", join(scratch, "missing")], /--data folder '.*missing' does not exist/],
    [["list", "--data", join(VALID, "support-agent.md")], /is not a folder/],
  ])("refuse a missing folder or a file with exit 2", (args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("exit 3 when no profile at all is usable", () => {
    const result = runCli(["list"], { env: { CSROLES_PATH: BROKEN }, cwd: scratch });
    expect(result.code).toBe(0);
  });
});

describe("csroles validate", () => {
  it("passes the built-in profiles", () => {
    const result = runCli(["validate"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("5 profile files checked: 5 valid, 0 invalid\n");
  });

  it("reports every problem as file:line: field: message, then a summary, and exits 3", () => {
    // Wide enough that no problem wraps (tests/e2e/help.test.ts checks the wrapping).
    const result = runCli(["validate", BROKEN], { env: { COLUMNS: "1000" } });
    expect(result.code).toBe(3);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^21 profile files checked: 6 valid, 15 invalid \(\d+ problems\)$/);
    expect(lines).toContain(
      "tests/fixtures/profiles/broken/unknown-concepts.md:17: tools[0].category: unknown tool category 'crmm'; did you mean 'crm'?",
    );
    expect(lines.filter((l) => l.includes("date-id.md"))).toHaveLength(13);
  });

  it("warns about a skill whose label the vocabulary does not know for its concept; --strict makes it an error", () => {
    const warning =
      "tests/fixtures/profiles/unmapped/support-agent.md: skills[1].label: 'Holdstyring' is not a name of skill 'communication' in the vocabulary; check the mapping, or add the wording to the skill's aliases in data/vocabulary/skills.yaml";
    // Wide enough that no line wraps.
    const wide = { env: { COLUMNS: "1000" } };
    const result = runCli(["validate", UNMAPPED], wide);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `warning: ${warning}\n6 profile files checked: 6 valid, 0 invalid (1 warning)\n`,
    );
    const strict = runCli(["validate", "--strict", UNMAPPED], wide);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe(
      `${warning}\n6 profile files checked: 5 valid, 1 invalid (1 warning; warnings are errors under --strict)\n`,
    );
    const json = JSON.parse(runCli(["--strict", "validate", "--json", UNMAPPED]).stdout) as {
      summary: { warnings: number; invalid: number };
      files: { file: string; valid: boolean; warnings: { field: string }[] }[];
    };
    expect(json.summary).toMatchObject({ warnings: 1, invalid: 1 });
    const file = json.files.find((f) => f.file.endsWith("unmapped/support-agent.md"));
    expect(file).toMatchObject({ valid: false, warnings: [{ field: "skills[1].label" }] });
    // Other commands load the profile as before: a warning is validate's alone.
    expect(runCli(["--data", UNMAPPED, "--strict", "list"]).code).toBe(0);
  });

  it("gives the report as JSON", () => {
    const result = runCli(["validate", "--json", "--data", BROKEN]);
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as {
      summary: { files: number; valid: number; invalid: number };
      files: { file: string; valid: boolean; problems: { field: string; line?: number }[] }[];
    };
    expect(report.summary).toMatchObject({ files: 21, valid: 6, invalid: 15 });
    const wrong = report.files.find((f) => f.file.endsWith("wrong-types.md"));
    expect(wrong?.valid).toBe(false);
    expect(wrong?.problems[0]).toEqual({
      line: 3,
      field: "title",
      message: "expected a string, got number 42 (quote it to make it text)",
    });
  });
});
