import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BUILT_IN_IDS,
  HOSTILE,
  hasStackTrace,
  makeSandbox,
  type Sandbox,
  suiteSandbox,
  treeOf,
  unsafeCharacters,
} from "../helpers/hostile.js";
import { BIN, type CliResult, ROOT } from "../helpers/run-cli.js";

/**
 * One fixture folder per threat class (tests/fixtures/hostile/<class>/), each holding hostile or
 * broken files next to a good profile. Every folder is loaded by the built binary on top of the
 * built-in profiles, with HOME, the working folder and TMPDIR in a fresh sandbox.
 */
interface ThreatClass {
  folder: string;
  /** Each bad file, with the start of its first problem as `list` reports it ("field: message"). */
  bad: Record<string, string>;
  /** Ids of the folder's good profiles. */
  good: string[];
}

const KEBAB = "is not a kebab-case id (lower-case letters, digits and single hyphens";
const FENCE = "engine; only YAML front-matter is read (start the file with a plain '---')";

const THREAT_CLASSES: ThreatClass[] = [
  {
    folder: "engine-fences",
    bad: {
      "coffee.md": `front-matter: the fence names the 'coffee' ${FENCE}`,
      "coffeescript-spaced.md": `front-matter: the fence names the 'CoffeeScript' ${FENCE}`,
      "javascript-mixed-case.md": `front-matter: the fence names the 'JavaScript' ${FENCE}`,
      "javascript.md": `front-matter: the fence names the 'javascript' ${FENCE}`,
      "js-upper-spaced.md": `front-matter: the fence names the 'JS' ${FENCE}`,
      "js.md": `front-matter: the fence names the 'js' ${FENCE}`,
    },
    good: ["support-agent"],
  },
  {
    folder: "yaml-bombs",
    bad: {
      "alias-bomb-in-aliases.md":
        "front-matter: YAML expands to more than 50000 values (an alias bomb?); refused",
      "alias-bomb-mappings.md":
        "front-matter: YAML expands to more than 50000 values (an alias bomb?); refused",
      "alias-bomb.md": "front-matter: YAML expands to more than 50000 values (an alias bomb?); refused",
      "deep-block.md": "front-matter: YAML nested deeper than 40 levels; refused",
      "deep-flow.md": "front-matter: YAML nested deeper than 40 levels; refused",
      "deep-unclosed.md": "front-matter: invalid YAML: nesting exceeded maxDepth (100)",
    },
    good: ["support-agent"],
  },
  {
    folder: "prototype-keys",
    bad: {
      "proto-concept-ids.md": "level: unknown level 'hasOwnProperty'",
      "proto-nested.md": "source.constructor: unknown field",
      "proto-top-level.md": "__proto__: unknown field",
    },
    good: ["constructor", "support-agent"],
  },
  {
    folder: "yaml-tags",
    bad: {
      "binary.md": "front-matter: invalid YAML: unknown tag !<tag:yaml.org,2002:binary>",
      "custom-tag.md": "front-matter: invalid YAML: unknown tag !<!pwn>",
      "js-function.md": "front-matter: invalid YAML: unknown tag !<tag:yaml.org,2002:js/function>",
      "js-regexp.md": "front-matter: invalid YAML: unknown tag !<tag:yaml.org,2002:js/regexp>",
      "js-undefined.md": "front-matter: invalid YAML: unknown tag !<tag:yaml.org,2002:js/undefined>",
      "merge-key.md": "base: unknown field",
      "python-object.md":
        "front-matter: invalid YAML: unknown tag !<tag:yaml.org,2002:python/object/apply:os.system>",
      "set.md": "front-matter: invalid YAML: unknown tag !<tag:yaml.org,2002:set>",
      "timestamp.md": "front-matter: invalid YAML: unknown tag !<tag:yaml.org,2002:timestamp>",
    },
    good: ["support-agent"],
  },
  {
    folder: "wrong-types",
    bad: {
      "aliases-mapping.md": "aliases: expected a list, got a mapping",
      "front-matter-list.md": "front-matter: expected a YAML mapping of fields, got a list",
      "front-matter-scalar.md": "front-matter: expected a YAML mapping of fields, got a string",
      "inferred-string.md": "career_path[0].inferred: expected true or false, got a string",
      "skills-string.md": "skills: expected a list, got a string",
      "summary-list.md": "summary: expected a string, got a list",
      "title-boolean.md": "title: expected a string, got boolean true (quote it to make it text)",
      "title-number.md": "title: expected a string, got number 42 (quote it to make it text)",
      "title-too-long.md": "title: is 320 characters long; at most 300",
    },
    good: ["support-agent"],
  },
  {
    folder: "missing-fields",
    bad: {
      "blank-title.md": "title: must not be empty",
      "empty-front-matter.md": "id: required field is missing",
      "empty-stage.md": "career_path[1].positions: a stage needs at least one position",
      "no-skills.md": "skills: required field is missing",
      "only-id.md": "lang: required field is missing",
    },
    good: ["support-agent"],
  },
  {
    folder: "unknown-concepts",
    bad: {
      "skill-typo.md": "skills[0].skill: unknown skill 'empathyy'; did you mean 'empathy'?",
      "unknown-category.md": "tools[0].category: unknown tool category 'crmm'; did you mean 'crm'?",
      "unknown-lang.md": "lang: 'xx' is not a supported language; use one of en, da, sv, nb, fi",
      "unknown-level.md": "level: unknown level 'intern'",
      "unknown-position.md": "career_path[1].positions[0].position: unknown position 'emperor'",
      "unknown-stage.md": "career_path[1].stage: unknown career stage 'galaxy-brain'",
      "unknown-tool.md": "tools[0].tool: unknown tool 'no-such-tool'",
    },
    good: ["support-agent"],
  },
  {
    folder: "bad-ids",
    bad: {
      "absolute-path.md": `id: '/etc/passwd' ${KEBAB}`,
      "accented.md": `id: 'rôle' ${KEBAB}`,
      "backslash.md": `id: 'a\\b' ${KEBAB}`,
      "date.md": `id: '2024-01-01' ${KEBAB}`,
      "dot-dot.md": `id: '../x' ${KEBAB}`,
      "dot.md": `id: '.' ${KEBAB}`,
      "double-hyphen.md": `id: 'a--b' ${KEBAB}`,
      "empty.md": "id: must not be empty",
      "leading-hyphen.md": `id: '-x' ${KEBAB}`,
      // The NUL inside the id is shown as the visible control picture U+2400.
      "nul-escape.md": `id: 'a\u2400b' ${KEBAB}`,
      "number.md": "id: expected a string, got number 12 (quote it to make it text)",
      "slash.md": `id: 'a/b' ${KEBAB}`,
      "space.md": `id: 'support agent' ${KEBAB}`,
      "too-long.md": `id: '${"a".repeat(80)}' ${KEBAB}`,
      "trailing-hyphen.md": `id: 'x-' ${KEBAB}`,
      "upper-case.md": `id: 'Support-Agent' ${KEBAB}`,
    },
    good: ["support-agent"],
  },
  {
    folder: "broken-files",
    bad: {
      "bad-closing-fence.md": "front-matter: the closing fence must be a line of exactly '---'",
      "blank.md": "file: file is empty; a profile starts with a '---' line",
      "empty.md": "file: file is empty; a profile starts with a '---' line",
      "invalid-utf8.md": "file: is not valid UTF-8 text; save it as UTF-8",
      "invalid-yaml.md": "front-matter: invalid YAML: unexpected end of the stream within a flow collection",
      "no-front-matter.md": "front-matter: no front-matter: the file must start with a line '---'",
      "nul-bytes.md": "file: file contains NUL bytes; is it a text file?",
      "unclosed-fence.md": "front-matter: unclosed front-matter: no closing '---' line",
      "utf16.md": "file: is not valid UTF-8 text; save it as UTF-8",
    },
    // bom-crlf.md is a good profile saved with a byte-order mark and CRLF line ends.
    good: ["bom-crlf", "support-agent"],
  },
  {
    folder: "control-characters",
    bad: {
      // ESC (U+001B) is shown as U+241B, BEL as U+2407: visible, inert.
      "escape-in-id.md": `id: '\u241b[2J\u241b[31mred' ${KEBAB}`,
      "escape-in-key.md": "\u241b]0;owned\u2407\u241b[31mkey: unknown field",
    },
    good: ["control-characters", "support-agent"],
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function profileFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith(".md") && !name.startsWith("."));
}

function idsOf(result: CliResult): string[] {
  return (JSON.parse(result.stdout) as { roles: { id: string }[] }).roles.map((r) => r.id).sort();
}

describe.each(THREAT_CLASSES)("hostile fixture folder $folder", ({ folder, bad, good }) => {
  const dir = join(HOSTILE, folder);
  const badFiles = Object.keys(bad);
  const fixtureBefore = treeOf(dir);
  // Wide enough that no id is wrapped inside its table cell, nor a path in validate's report
  // (at 80 columns a fixture's path breaks in a clone whose own path is a few letters longer).
  const wide = { COLUMNS: "200" };
  let sandbox: Sandbox;
  let table: CliResult;
  let warm: CliResult;
  let json: CliResult;
  let validate: CliResult;
  let strict: CliResult;

  beforeAll(() => {
    sandbox = makeSandbox();
    table = sandbox.run(["list", "--data", dir], wide);
    warm = sandbox.run(["list", "--data", dir], wide);
    json = sandbox.run(["list", "--json", "--data", dir]);
    // Problem lines are read whole, whatever the length of the clone's path.
    validate = sandbox.run(["validate", dir], wide);
    strict = sandbox.run(["list", "--strict", "--data", dir]);
  }, 120_000);
  afterAll(() => sandbox.remove());

  it("still lists the good profiles and exits 0", () => {
    expect(table.code).toBe(0);
    expect(json.code).toBe(0);
    expect(idsOf(json)).toEqual([...BUILT_IN_IDS, ...good].sort());
    for (const id of good) expect(table.stdout).toContain(`│ ${id} `);
  });

  it("reports each bad file on exactly one line of stderr, naming it, with field and problem", () => {
    const lines = table.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(badFiles.length);
    for (const [file, problem] of Object.entries(bad)) {
      const pattern = new RegExp(
        `^csroles: skipped ${escapeRegExp(join(dir, file))}(:\\d+)?: ${escapeRegExp(problem)}`,
      );
      expect(
        lines.filter((line) => pattern.test(line)),
        `${file} in:\n${table.stderr}`,
      ).toHaveLength(1);
    }
  });

  it("prints no stack trace and no escape byte", () => {
    for (const result of [table, json, validate, strict]) {
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(unsafeCharacters(result.stdout)).toEqual([]);
      expect(unsafeCharacters(result.stderr)).toEqual([]);
    }
  });

  it("validate names every bad file, counts them and exits 3", () => {
    expect(validate.code).toBe(3);
    const lines = validate.stdout.trimEnd().split("\n");
    for (const file of badFiles) {
      expect(lines.some((line) => line.startsWith(join(dir, file)))).toBe(true);
    }
    const total = BUILT_IN_IDS.length + profileFiles(dir).length;
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^${total} profile files checked: ${total - badFiles.length} valid, ${badFiles.length} invalid \\(\\d+ problems?(, \\d+ warnings?)?\\)$`,
      ),
    );
  });

  it("--strict reports the same lines, then exits 3 with nothing on stdout", () => {
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe("");
    const files = badFiles.length;
    expect(strict.stderr).toBe(
      `${table.stderr}csroles: ${files} profile file${files === 1 ? "" : "s"} invalid (--strict)\n`,
    );
  });

  it("gives the same answer from its cache", () => {
    expect(warm).toEqual(table);
  });

  it("writes nothing anywhere but its own cache, and nothing at all with --no-cache", () => {
    expect(sandbox.written().filter((path) => !path.startsWith("home/.cache"))).toEqual([]);
    expect(sandbox.written()).toContain("home/.cache/csroles");
    const clean = makeSandbox();
    try {
      const result = clean.run(["list", "--no-cache", "--data", dir], wide);
      expect(result).toEqual(table);
      expect(clean.written()).toEqual([]);
    } finally {
      clean.remove();
    }
    expect(treeOf(dir)).toEqual(fixtureBefore);
  });
});

describe("engine fences run no code", () => {
  it("prints no marker and writes no file from any fence's payload", () => {
    const sandbox = makeSandbox();
    try {
      const result = sandbox.run(["list", "--json", "--no-cache", "--data", join(HOSTILE, "engine-fences")]);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain("ENGINE-RAN");
      expect(sandbox.written()).toEqual([]);
    } finally {
      sandbox.remove();
    }
  });
});

describe("prototype keys and prototype-like ids", () => {
  const dir = join(HOSTILE, "prototype-keys");
  const sandbox = suiteSandbox();

  it.each([["constructor"], ["__proto__"], ["toString"], ["Prototype Constructor"]])(
    "show %j finds the profile whose id, alias or title it is",
    (role) => {
      const result = sandbox.run(["show", role, "--json", "--data", dir]);
      expect(result.code).toBe(0);
      expect((JSON.parse(result.stdout) as { id: string }).id).toBe("constructor");
    },
  );

  it("show valueOf, a name no role has, is a usage error", () => {
    const result = sandbox.run(["show", "valueOf", "--data", dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^csroles: unknown role "valueOf"$/m);
  });

  it("compare and search treat the id 'constructor' as any other", () => {
    const compare = sandbox.run(["compare", "constructor", "support-agent", "--json", "--data", dir]);
    expect(compare.code).toBe(0);
    const search = sandbox.run(["search", "empathy", "--json", "--data", dir]);
    expect(search.code).toBe(0);
    const roles = (JSON.parse(search.stdout) as { results: { roles: { id: string }[] }[] }).results[0]?.roles;
    expect(roles?.map((r) => r.id)).toContain("constructor");
  });
});

describe("duplicate ids across folders: a later folder overrides an earlier one", () => {
  const first = join(HOSTILE, "duplicate-ids/first");
  const second = join(HOSTILE, "duplicate-ids/second");
  const sandbox = suiteSandbox();
  const TWIN_PROBLEM =
    "id 'support-agent' does not match the file name 'b-twin.md': name the file support-agent.md (or change the id)";

  it("keeps the later folder's profile and says which files it overrides", () => {
    const result = sandbox.run(["list", "--json", "--data", first, "--data", second]);
    expect(result.code).toBe(0);
    const roles = (
      JSON.parse(result.stdout) as { roles: { id: string; file: string; overrides: string[] }[] }
    ).roles;
    expect(roles.map((r) => r.id).sort()).toEqual([...BUILT_IN_IDS, "support-agent"].sort());
    expect(roles.find((r) => r.id === "support-agent")).toMatchObject({
      file: join(second, "support-agent.md"),
      overrides: [join(first, "support-agent.md")],
    });
    expect(roles.find((r) => r.id === "customer-service-executive")?.file).toBe(
      join(second, "customer-service-executive.md"),
    );
  });

  it("reports a second file with the same id in one folder: its name is not the id's", () => {
    const result = sandbox.run(["list", "--data", first, "--data", second]);
    expect(result.stderr).toBe(`csroles: skipped ${join(second, "b-twin.md")}:2: id: ${TWIN_PROBLEM}\n`);
  });

  it("follows the order the folders are given in", () => {
    const result = sandbox.run(["show", "support-agent", "--json", "--data", second, "--data", first]);
    expect((JSON.parse(result.stdout) as { file: string; overrides: string[] }).file).toBe(
      join(first, "support-agent.md"),
    );
  });

  it("validate notes each override on its own line, without counting it as a problem", () => {
    const result = sandbox.run(["validate", first, second], { COLUMNS: "1000" });
    expect(result.code).toBe(3);
    expect(result.stdout.split("\n")).toEqual([
      `${join(second, "b-twin.md")}:2: id: ${TWIN_PROBLEM}`,
      `note: ${join(second, "customer-service-executive.md")} overrides ${join(ROOT, "data/roles/customer-service-executive.md")} (id 'customer-service-executive'; a later folder wins)`,
      `note: ${join(second, "support-agent.md")} overrides ${join(first, "support-agent.md")} (id 'support-agent'; a later folder wins)`,
      "9 profile files checked: 8 valid, 1 invalid (1 problem)",
      "",
    ]);
  });

  it("validate --json lists the files each valid file overrides", () => {
    const result = sandbox.run(["validate", "--json", first, second]);
    const files = (JSON.parse(result.stdout) as { files: { file: string; overrides?: string[] }[] }).files;
    expect(files.find((f) => f.file === join(second, "support-agent.md"))?.overrides).toEqual([
      join(first, "support-agent.md"),
    ]);
    expect(files.find((f) => f.file === join(first, "support-agent.md"))?.overrides).toBeUndefined();
  });

  it("overriding alone is not a problem: validate exits 0 and notes it", () => {
    const valid = join(ROOT, "tests/fixtures/profiles/valid");
    const result = sandbox.run(["validate", first, valid], { COLUMNS: "1000" });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `note: ${join(valid, "support-agent.md")} overrides ${join(first, "support-agent.md")} (id 'support-agent'; a later folder wins)\n` +
        "7 profile files checked: 7 valid, 0 invalid\n",
    );
  });
});

describe("--strict on every command that loads profiles", () => {
  const dir = join(HOSTILE, "wrong-types");
  const sandbox = suiteSandbox();
  const verdict = "csroles: 9 profile files invalid (--strict)\n";

  it.each([
    ["list"],
    ["show", "support-agent"],
    ["search", "empathy"],
    ["compare", "support-agent", "customer-support-manager"],
    ["--strict", "list"],
  ])("csroles %s … --strict exits 3 after reporting, with nothing on stdout", (...args) => {
    const flags = args[0] === "--strict" ? ["--data", dir] : ["--strict", "--data", dir];
    const result = sandbox.run([...args, ...flags]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n").filter((line) => line.startsWith("csroles: skipped "))).toHaveLength(9);
    expect(result.stderr.endsWith(verdict)).toBe(true);
  });

  it("pick --strict, in a pseudo-terminal (script(1)), exits 3 before showing the picker", () => {
    const command = `${process.execPath} ${BIN} pick --strict --no-cache --data ${dir}`;
    const result = spawnSync("script", ["-qec", command, "/dev/null"], {
      cwd: sandbox.cwd,
      env: { PATH: process.env.PATH, HOME: sandbox.home, LANG: "C", TERM: "xterm" },
      input: "",
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(3);
    expect(result.stdout.replace(/\r\n/g, "\n").endsWith(verdict)).toBe(true);
  });
});
