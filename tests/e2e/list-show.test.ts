import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, displayWidth, isPlainText, ROOT, runCli } from "../helpers/run-cli.js";

const IDS = [
  "customer-service-executive",
  "customer-service-operations-manager",
  "customer-service-team-lead",
  "customer-support-manager",
  "customer-support-team-manager",
];

/** The first column of a rendered table (or the first field of each block), wrapped lines rejoined. */
function firstColumn(output: string): string[] {
  const cells: string[] = [];
  let current: string | undefined;
  const flush = () => {
    if (current !== undefined) cells.push(current);
    current = undefined;
  };
  if (!output.startsWith("┌")) {
    cells.push("ID");
    for (const line of output.split("\n")) {
      if (line.startsWith("ID:")) {
        flush();
        current = line.slice(3).trim();
      } else if (current !== undefined && /^\s+\S/.test(line) && !line.includes(":")) {
        current += line.trim();
      } else flush();
    }
    flush();
    return cells;
  }
  // A table with a rule under the header only has one line per row.
  const compact = output.split("\n").filter((line) => line.startsWith("├")).length === 1;
  for (const line of output.split("\n")) {
    if (line.startsWith("│")) {
      const cell = (line.split("│")[1] ?? "").trim();
      current = current === undefined ? cell : current + cell;
      if (compact) flush();
    } else flush();
  }
  flush();
  return cells;
}

describe("csroles list", () => {
  it("lists exactly the five built-in roles as JSON", () => {
    const result = runCli(["list", "--json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const parsed = JSON.parse(result.stdout) as { label_lang: string; roles: Record<string, unknown>[] };
    expect(parsed.roles.map((r) => r.id)).toEqual(IDS);
    const lead = parsed.roles.find((r) => r.id === "customer-service-team-lead");
    expect(lead).toMatchObject({
      title: "Kundtjänstteamledare",
      title_en: "Customer Service Team Lead",
      lang: "sv",
      level: "mid-level",
      level_label: "Mid-level",
      skills: 10,
      overrides: [],
    });
    expect(lead?.file).toMatch(/data\/roles\/customer-service-team-lead\.md$/);
  });

  it("filters by profile language and level", () => {
    const sv = JSON.parse(runCli(["list", "--written-in", "sv", "--json"]).stdout) as {
      roles: { id: string }[];
    };
    expect(sv.roles.map((r) => r.id)).toEqual([
      "customer-service-operations-manager",
      "customer-service-team-lead",
    ]);
    const management = JSON.parse(runCli(["list", "--level", "management", "--json"]).stdout) as {
      roles: { id: string }[];
    };
    expect(management.roles.map((r) => r.id)).toEqual([
      "customer-service-operations-manager",
      "customer-support-manager",
      "customer-support-team-manager",
    ]);
  });

  it("labels levels in the --lang language, before or after the command (after wins)", () => {
    const result = runCli(["--lang", "fi", "list", "--lang", "sv", "--written-in", "da", "--json"]);
    const parsed = JSON.parse(result.stdout) as { label_lang: string; roles: { level_label: string }[] };
    expect(parsed.label_lang).toBe("sv");
    expect(parsed.roles.map((r) => r.level_label)).toEqual(["Chefsnivå"]);
    const before = JSON.parse(runCli(["--lang", "fi", "list", "--json"]).stdout) as { label_lang: string };
    expect(before.label_lang).toBe("fi");
  });

  it("writes CSV with a header row", () => {
    const result = runCli(["list", "--csv"]);
    const lines = result.stdout.trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,title,title_en,lang,level,skills,tools");
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.startsWith("customer-support-manager,"))).toMatch(
      /^customer-support-manager,Kundesupportchef,Customer Support Manager,da,management,\d+,\d+$/,
    );
  });

  it.each([
    ["list", "--csv"],
    ["search", "zendesk", "empati", "--csv"],
    ["compare", "customer-support-manager", "customer-service-executive", "--csv"],
  ])(
    "ends every CSV row with CRLF, the last one too, and never a bare LF or CR (RFC 4180): %s",
    (...args) => {
      const { stdout, code } = runCli(args);
      expect(code).toBe(0);
      expect(stdout.endsWith("\r\n")).toBe(true);
      expect(stdout.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      expect(stdout.split("\r\n").length).toBeGreaterThan(2);
    },
  );

  it.each([40, 60, 80, 120, 200])("fits a %i-column terminal with no escape bytes when piped", (width) => {
    const result = runCli(["list"], { env: { COLUMNS: String(width) } });
    expect(result.code).toBe(0);
    expect(isPlainText(result.stdout)).toBe(true);
    for (const line of result.stdout.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(firstColumn(result.stdout)).toEqual(["ID", ...IDS]);
  });

  it("colours only when asked, and NO_COLOR wins over nothing but --color", () => {
    expect(runCli(["list", "--color"]).stdout).toContain("\u001b[");
    expect(runCli(["list"], { env: { FORCE_COLOR: "1" } }).stdout).toContain("\u001b[");
    expect(runCli(["list", "--color"], { env: { NO_COLOR: "1" } }).stdout).toContain("\u001b[");
    expect(runCli(["list", "--no-color"], { env: { FORCE_COLOR: "1" } }).stdout).not.toContain("\u001b[");
    expect(runCli(["list"], { env: { NO_COLOR: "1", FORCE_COLOR: "1" } }).stdout).not.toContain("\u001b[");
  });

  it("rejects an unknown language, level, sort key and format with exit 2", () => {
    for (const args of [
      ["list", "--lang", "de"],
      ["list", "--level", "galactic"],
      ["list", "--sort", "size"],
      ["list", "--format", "yaml"],
      ["list", "--json", "--csv"],
    ]) {
      const result = runCli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^csroles: .+\nhint: .+\n$/);
    }
  });
});

describe("csroles show", () => {
  it.each([
    ["customer-support-manager", "customer-support-manager"],
    ["Kundesupportchef", "customer-support-manager"],
    ["kunde supportchef", "customer-support-manager"],
    ["KUNDTJANSTTEAMLEDARE", "customer-service-team-lead"],
    ["Customer Service Operations Manager", "customer-service-operations-manager"],
    ["kundtjänstoperationschef", "customer-service-operations-manager"],
    ["CSE", "customer-service-executive"],
    ["asiakastukitiimin johtaja", "customer-support-team-manager"],
  ])("finds %j", (name, id) => {
    const result = runCli(["show", name, "--json"]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { id: string }).id).toBe(id);
  });

  it("renders every section with the role marked on its ladder", () => {
    const result = runCli(["show", "customer-support-manager"]);
    expect(result.code).toBe(0);
    const headings = ["Summary", "Responsibilities", "Skills", "Tools", "Career path", "Best practices"];
    let last = -1;
    for (const heading of headings) {
      const at = result.stdout.indexOf(`\n${heading}\n`);
      expect(at, heading).toBeGreaterThan(last);
      last = at;
    }
    expect(result.stdout).toMatch(/▶ Kundesupportchef ← this role/);
    expect(result.stdout).toContain("Language: Danish (da)");
  });

  it("shows one section, with concept labels in --lang", () => {
    const result = runCli(["show", "customer-service-team-lead", "--section", "skills", "--lang", "fi"]);
    expect(result.stdout.startsWith("Taidot\n")).toBe(true);
    expect(result.stdout).toContain("Empati [Empatia]");
    expect(result.stdout).not.toContain("Vastuualueet");
  });

  it("gives one section as JSON", () => {
    const parsed = JSON.parse(runCli(["show", "CSE", "--section", "tools", "--json"]).stdout) as Record<
      string,
      unknown
    >;
    expect(Object.keys(parsed)).toEqual(["kind", "id", "tools", "file", "origin", "overrides"]);
  });

  it("fits narrow terminals", () => {
    for (const width of [40, 60]) {
      const result = runCli(["show", "customer-support-team-manager"], { env: { COLUMNS: String(width) } });
      for (const line of result.stdout.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it("suggests the closest ids for an unknown role and exits 2", () => {
    const result = runCli(["show", "customer-suport-manager"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^csroles: unknown role "customer-suport-manager"\nhint: did you mean customer-support-manager\b.*Run 'csroles list' to see all roles\n$/,
    );
  });

  it.each([[""], ["../../etc/passwd"], ["x".repeat(5000)]])("refuses the role #%# with exit 2", (role) => {
    const result = runCli(["show", role]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^csroles: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects an unknown section", () => {
    const result = runCli(["show", "CSE", "--section", "salary"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown section 'salary'");
  });
});

describe("the command line", () => {
  it("prints help with examples for every command", () => {
    for (const command of ["list", "show", "validate"]) {
      const result = runCli([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Examples:");
    }
    expect(runCli(["--help"]).stdout).toContain("Exit codes:");
  });

  it("prints the version", () => {
    expect(runCli(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each([
    [["frobnicate"], /unknown command 'frobnicate'/],
    [["list", "--frob"], /unknown option '--frob'/],
    [["show"], /missing required argument 'role'/],
    [["lst"], /^csroles: unknown command .lst.\nhint: did you mean list\?\n$/],
  ])("%j is a usage error (exit 2), one line, no stack", (args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split("\n").length).toBeLessThanOrEqual(3);
  });

  it("ignores an unknown CSROLES_LANG with a one-line warning (an unknown --lang is an error)", () => {
    const result = runCli(["list", "--json"], { env: { CSROLES_LANG: "klingon" } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).label_lang).toBe("en");
    expect(result.stderr).toBe(
      "csroles: warning: CSROLES_LANG 'klingon' is not one of en, da, sv, nb, fi; it is ignored\n",
    );
  });

  it("ends quietly when the reader closes the pipe early", () => {
    const dir = mkdtempSync(join(tmpdir(), "csroles-pipe-"));
    const valid = readFileSync(join(ROOT, "tests/fixtures/profiles/valid/support-agent.md"), "utf8");
    for (let i = 0; i < 400; i++) {
      writeFileSync(join(dir, `agent-${i}.md`), valid.replace("id: support-agent", `id: agent-${i}`));
    }
    const result = spawnSync(
      "bash",
      [
        "--norc",
        "--noprofile",
        "-c",
        `node "${BIN}" list --data "${dir}" | head -1; echo "status=\${PIPESTATUS[0]}" >&2`,
      ],
      {
        encoding: "utf8",
        env: { PATH: process.env.PATH, LANG: "C" },
      },
    );
    rmSync(dir, { recursive: true, force: true });
    expect(result.stdout.split("\n")).toHaveLength(2);
    expect(result.stderr).toBe("status=0\n");
  });
});
