// How bin/csroles.js starts the program: the bundle in dist/, clear words when dist/ is missing,
// stack traces that name the bundle, and output that arrives whole through a slow pipe.

import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli, TEST_CACHE_HOME } from "../helpers/run-cli.js";

const DIST = join(ROOT, "dist");
const scratch = mkdtempSync(join(tmpdir(), "csroles-start-up-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("a copy of the package", () => {
  const packageDir = join(scratch, "package");
  const bin = join(packageDir, "bin", "csroles.js");
  beforeAll(() => {
    mkdirSync(packageDir);
    for (const part of ["bin", "dist", "package.json"])
      cpSync(join(ROOT, part), join(packageDir, part), { recursive: true });
    symlinkSync(join(ROOT, "data"), join(packageDir, "data"));
  });

  it("answers as the original", () => {
    for (const args of [["--help"], ["list"], ["show", "customer-support-manager"]])
      expect(runCli(args, { bin })).toEqual(runCli(args));
  });

  it("says in one line how to build dist/ when it is missing", () => {
    rmSync(join(packageDir, "dist"), { recursive: true });
    for (const args of [["list"], ["--help"]]) {
      const result = runCli(args, { bin });
      expect(result.code).toBe(70);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        `csroles: dist/ is missing: run 'npm install' (or 'npm run build') in ${packageDir}\n`,
      );
    }
  });
});

describe("internal errors", () => {
  it("name dist/ in the stack trace (CSROLES_DEBUG=1), and show no stack without it", () => {
    // A bug stand-in: JSON.stringify fails for the list's JSON, as a bug in renderJson would.
    const preload = join(scratch, "failing-json.cjs");
    writeFileSync(
      preload,
      `const stringify = JSON.stringify;
JSON.stringify = function (value, ...rest) {
  if (value && typeof value === "object" && "label_lang" in value) throw new Error("planted bug");
  return stringify.call(this, value, ...rest);
};\n`,
    );
    const result = runCli(["list", "--json"], {
      env: { CSROLES_DEBUG: "1" },
      nodeArgs: ["--require", preload],
    });
    expect(result.code).toBe(70);
    expect(result.stderr).toContain("csroles: internal error: planted bug\n");
    expect(result.stderr).toMatch(
      new RegExp(`\\n\\s+at .*${DIST.replace(/[.\\/]/g, "\\$&")}/[\\w-]+\\.js:\\d+:\\d+`),
    );
    const quiet = runCli(["list", "--json"], { nodeArgs: ["--require", preload] });
    expect(quiet.code).toBe(70);
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("output that is not a terminal", () => {
  // Written with write(2) rather than through process.stdout (see src/main.ts): large output must
  // arrive whole through a pipe that is full until its reader catches up.
  const folder = join(scratch, "many-profiles");
  beforeAll(() => {
    mkdirSync(folder);
    const valid = readFileSync(join(ROOT, "tests/fixtures/profiles/valid/support-agent.md"), "utf8");
    for (let i = 0; i < 400; i++)
      writeFileSync(join(folder, `agent-${i}.md`), valid.replace("id: support-agent", `id: agent-${i}`));
  });

  it("arrives whole through a pipe read only after it filled up", () => {
    const args = ["list", "--json", "--data", folder];
    const expected = runCli(args);
    expect(expected.code).toBe(0);
    expect(expected.stdout.length).toBeGreaterThan(100_000); // more than a pipe holds (64 KB)
    // A real pipe (the shell's), whose reader starts only after the pipe has filled up.
    const result = spawnSync("sh", ["-c", '"$0" "$@" | (sleep 0.5; cat)', process.execPath, BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C", XDG_CACHE_HOME: TEST_CACHE_HOME },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
    // Two runs over 400 profiles, the first parsing them all: room for a busy machine.
  }, 60_000);
});

describe("the bundle", () => {
  /** Strings of @inquirer/core, fuse.js and js-yaml: where one is, that package is. */
  const MARKERS = ["ExitPromptError", "Pattern length exceeds max", "unknown tag !<"];
  const read = (file: string) => readFileSync(join(DIST, file), "utf8");

  /** dist/main.js and the chunks it imports statically: what every run loads, --help included. */
  function loadedAtStart(file = "main.js", seen = new Set<string>()): Set<string> {
    seen.add(file);
    for (const [, imported] of read(file).matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g))
      if (imported && !seen.has(imported)) loadedAtStart(imported, seen);
    return seen;
  }

  it("loads the prompts, fuzzy search and YAML parsing only with a command that needs them", () => {
    const atStart = [...loadedAtStart()].map(read).join("\n");
    const everything = readdirSync(DIST).map(read).join("\n");
    for (const marker of MARKERS) {
      expect(everything).toContain(marker);
      expect(atStart).not.toContain(marker);
    }
  });
});
