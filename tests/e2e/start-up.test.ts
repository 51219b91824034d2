// How bin/csroles.js starts the program: the one-file bundle, V8's code cache made at build time
// (used when valid, quietly left out when missing or damaged), clear words when dist/ is missing,
// and modules that only some commands need left unloaded by the others.

import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli, TEST_CACHE_HOME } from "../helpers/run-cli.js";

const DIST = join(ROOT, "dist");
const BUNDLE = join(DIST, "csroles.cjs");
const CODE_CACHE = join(DIST, "csroles.cjs.v8cache");
/** The code cache of one command (bin/csroles.js picks it from the arguments). */
const commandCache = (command: string) => join(DIST, `csroles.cjs.${command}.v8cache`);
const require = createRequire(import.meta.url);
const { codeCacheName } = require(BIN) as { codeCacheName: (args: string[]) => string };
const DEBUG = { CSROLES_DEBUG: "1" };
const SHOW_ID = "customer-support-manager";
/** Commands whose output must not depend on how the bundle was compiled. */
const COMMANDS = [["--help"], ["list"], ["show", SHOW_ID], ["search", "zendesk", "--json"]];

const scratch = mkdtempSync(join(tmpdir(), "csroles-start-up-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The identifier the build writes on the bundle's last line; the code cache's first line names it. */
const build = () =>
  /\/\/# csroles-build ([0-9a-f]+)\n$/.exec(readFileSync(BUNDLE, "latin1"))?.[1] ?? "(none)";
/** V8's part of a code cache file: what follows its first line. */
const v8Part = (bytes: Buffer) => bytes.subarray(bytes.indexOf(10) + 1);

/** What the bin says on stderr about the cache with CSROLES_DEBUG=1. */
function cacheReport(stderr: string): string {
  return /^csroles: code cache (.*) \(/m.exec(stderr)?.[1] ?? `(nothing said) ${stderr}`;
}

/** The outputs of COMMANDS run by `bin`, with CSROLES_DEBUG=1 (its one cache line removed). */
function outputs(bin?: string, env: Record<string, string> = DEBUG) {
  return COMMANDS.map((args) => {
    const result = runCli(args, { env, ...(bin ? { bin } : {}) });
    return {
      args,
      code: result.code,
      stdout: result.stdout,
      stderr: result.stderr.replace(/^csroles: code cache .*\n/m, ""),
    };
  });
}

describe("the code cache", () => {
  it("is made by the build for this bundle and used by this Node", () => {
    const firstLine = readFileSync(CODE_CACHE).subarray(0, 4096).toString("utf8").split("\n")[0];
    expect(firstLine).toBe(`${build()} ${BUNDLE}`);
    const result = runCli(["--version"], { env: DEBUG });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`csroles: code cache used (${CODE_CACHE})\n`);
  });

  it.each([
    [["list"], "csroles.cjs.list.v8cache"],
    [["--data", "./mine", "show", "x"], "csroles.cjs.show.v8cache"],
    [["search", "list"], "csroles.cjs.search.v8cache"],
    [["compare", "a", "b", "--json"], "csroles.cjs.compare.v8cache"],
    [["validate", "dir"], "csroles.cjs.validate.v8cache"],
    [["pick"], "csroles.cjs.list.v8cache"],
    [[], "csroles.cjs.v8cache"],
    [["--help"], "csroles.cjs.v8cache"],
    [["list", "--help"], "csroles.cjs.v8cache"],
    [["help", "show"], "csroles.cjs.v8cache"],
    [["-V"], "csroles.cjs.v8cache"],
    [["frobnicate"], "csroles.cjs.v8cache"],
    [["search", "--", "--help"], "csroles.cjs.search.v8cache"],
  ])("for %j is %s", (args, file) => {
    expect(codeCacheName(args)).toBe(file);
  });

  it.each([
    ["list", ["list"]],
    ["show", ["show", SHOW_ID]],
    ["search", ["search", "zendesk"]],
    ["compare", ["compare", SHOW_ID, "customer-service-team-lead"]],
    ["validate", ["validate"]],
  ])("of %s is made by the build for this bundle and used", (command, args) => {
    const firstLine = readFileSync(commandCache(command)).subarray(0, 4096).toString("utf8").split("\n")[0];
    expect(firstLine).toBe(`${build()} ${BUNDLE}`);
    const result = runCli(args, { env: DEBUG });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`csroles: code cache used (${commandCache(command)})\n`);
  });

  it("says nothing about itself without CSROLES_DEBUG", () => {
    expect(runCli(["--version"]).stderr).toBe("");
  });

  describe("in a copy of the package", () => {
    let expected: ReturnType<typeof outputs> = [];
    let packageDir = "";
    let bin = "";
    const cachePath = () => join(packageDir, "dist", "csroles.cjs.v8cache");
    const header = (id = build()) => Buffer.from(`${id} ${join(packageDir, "dist", "csroles.cjs")}\n`);
    /** The copy's cache as the build would have made it there: the header names the copy. */
    const cacheForCopy = () => Buffer.concat([header(), v8Part(readFileSync(CODE_CACHE))]);

    beforeAll(() => {
      packageDir = join(scratch, "package");
      mkdirSync(packageDir);
      for (const part of ["bin", "dist", "package.json"])
        cpSync(join(ROOT, part), join(packageDir, part), { recursive: true });
      symlinkSync(join(ROOT, "data"), join(packageDir, "data"));
      bin = join(packageDir, "bin", "csroles.js");
      expected = outputs();
    });

    it("runs with the cache it was built with, leaving it out for stack traces (made elsewhere)", () => {
      // Without CSROLES_DEBUG the cache is used: only stack traces would show the other folder.
      expect(outputs(bin, {})).toEqual(expected);
      expect(cacheReport(runCli(["--version"], { bin, env: DEBUG }).stderr)).toBe(
        `not used: made for ${BUNDLE}`,
      );
      expect(outputs(bin)).toEqual(expected);
    });

    it("uses a cache made for its own folder", () => {
      writeFileSync(cachePath(), cacheForCopy());
      expect(cacheReport(runCli(["--version"], { bin, env: DEBUG }).stderr)).toBe("used");
      expect(outputs(bin)).toEqual(expected);
    });

    it("compiles a command without its own cache when that is missing, with the same output", () => {
      for (const command of ["list", "show", "search"])
        unlinkSync(join(packageDir, "dist", `csroles.cjs.${command}.v8cache`));
      expect(cacheReport(runCli(["list"], { bin, env: DEBUG }).stderr)).toBe("missing");
      expect(outputs(bin)).toEqual(expected);
    });

    it("compiles without a cache that is missing", () => {
      unlinkSync(cachePath());
      expect(cacheReport(runCli(["--version"], { bin, env: DEBUG }).stderr)).toBe("missing");
      expect(outputs(bin)).toEqual(expected);
    });

    it("compiles without a cache that is a folder", () => {
      mkdirSync(cachePath());
      expect(cacheReport(runCli(["--version"], { bin, env: DEBUG }).stderr)).toBe("missing");
      expect(outputs(bin)).toEqual(expected);
      rmSync(cachePath(), { recursive: true });
    });

    const rejected = "rejected by V8, compiled without it";
    const damaged: [string, () => Buffer, string][] = [
      ["empty", () => Buffer.alloc(0), "not used: not made for this build of the bundle"],
      [
        "made for another build of the bundle",
        () => Buffer.concat([header("0123456789abcdef"), v8Part(readFileSync(CODE_CACHE))]),
        "not used: not made for this build of the bundle",
      ],
      [
        "without its first line",
        () => v8Part(readFileSync(CODE_CACHE)),
        "not used: not made for this build of the bundle",
      ],
      ["only the header", () => header(), rejected],
      ["cut in half", () => cacheForCopy().subarray(0, Math.floor(cacheForCopy().length / 2)), rejected],
      ["one byte short", () => cacheForCopy().subarray(0, cacheForCopy().length - 1), rejected],
      [
        "random bytes",
        () => Buffer.concat([header(), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151) % 256))]),
        rejected,
      ],
      [
        "from another V8 version",
        () => {
          const bytes = cacheForCopy();
          // V8's header: a magic number, then the hash of the V8 version that made the cache.
          bytes.writeUInt32LE(~bytes.readUInt32LE(header().length + 4) >>> 0, header().length + 4);
          return bytes;
        },
        rejected,
      ],
      [
        "made for another script",
        () => Buffer.concat([header(), new Script("'another script'").createCachedData()]),
        rejected,
      ],
    ];
    it.each(damaged)("compiles without a cache that is %s", (_name, bytes, report) => {
      writeFileSync(cachePath(), bytes());
      expect(cacheReport(runCli(["--version"], { bin, env: DEBUG }).stderr)).toBe(report);
      // Without CSROLES_DEBUG too, the cache is left out or refused by V8.
      expect(outputs(bin, {})).toEqual(expected);
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
});

describe("internal errors", () => {
  it("name dist/csroles.cjs in the stack trace (CSROLES_DEBUG=1), with the code cache", () => {
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
    const result = runCli(["list", "--json"], { env: DEBUG, nodeArgs: ["--require", preload] });
    expect(result.code).toBe(70);
    expect(result.stderr).toContain(`csroles: code cache used (${commandCache("list")})\n`);
    expect(result.stderr).toContain("csroles: internal error: planted bug\n");
    expect(result.stderr).toMatch(
      new RegExp(`\\n\\s+at .*\\(${BUNDLE.replace(/[.\\/]/g, "\\$&")}:\\d+:\\d+\\)`),
    );
    const quiet = runCli(["list", "--json"], { nodeArgs: ["--require", preload] });
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("output that is not a terminal", () => {
  // Written with write(2) rather than through process.stdout (see src/main.ts); large output must
  // arrive whole, also through a pipe another process made non-blocking (EAGAIN when full).
  const folder = join(scratch, "many-profiles");
  beforeAll(() => {
    mkdirSync(folder);
    const valid = readFileSync(join(ROOT, "tests/fixtures/profiles/valid/support-agent.md"), "utf8");
    for (let i = 0; i < 400; i++)
      writeFileSync(join(folder, `agent-${i}.md`), valid.replace("id: support-agent", `id: agent-${i}`));
  });

  it("arrives whole through a full non-blocking pipe", () => {
    const args = ["list", "--json", "--data", folder];
    const expected = runCli(args);
    expect(expected.code).toBe(0);
    expect(expected.stdout.length).toBeGreaterThan(100_000); // more than a pipe holds (64 KB)
    const script = `
import fcntl, os, subprocess, sys, time
r, w = os.pipe()
fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
child = subprocess.Popen(sys.argv[1:], stdout=w)
os.close(w)
time.sleep(0.5)  # the pipe fills up: writes fail with EAGAIN until it is read
out = b""
while chunk := os.read(r, 65536):
    out += chunk
sys.stdout.buffer.write(out)
sys.exit(child.wait())
`;
    const result = spawnSync("python3", ["-c", script, process.execPath, BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C", XDG_CACHE_HOME: TEST_CACHE_HOME },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: 15_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
  });
});

describe("modules loaded at start-up", () => {
  /** A preload that reports, as the process ends, the files required and the built-in modules loaded. */
  const reporter = join(scratch, "report-modules.cjs");
  writeFileSync(
    reporter,
    `process.on("exit", () => {
  const builtins = process.moduleLoadList.filter((m) => m.startsWith("NativeModule ")).map((m) => m.slice(13));
  process.stderr.write("loaded " + JSON.stringify({ builtins, files: Object.keys(require.cache) }) + "\\n");
});\n`,
  );
  function loaded(args: string[]) {
    const result = runCli(args, { nodeArgs: ["--require", reporter] });
    const line = result.stderr.split("\n").find((l) => l.startsWith("loaded ")) ?? "loaded {}";
    return JSON.parse(line.slice("loaded ".length)) as { builtins: string[]; files: string[] };
  }

  it.each([
    [["--help"]],
    [["list"]],
    [["show", SHOW_ID]],
    [["compare", "customer-service-team-lead", SHOW_ID]],
    [["pick"]],
  ])("%j loads neither the prompts nor child_process", (args) => {
    const { builtins, files } = loaded(args);
    expect(files).toContain(join(ROOT, "bin", "csroles.js"));
    expect(files.filter((file) => file.startsWith(DIST))).toEqual([]);
    expect(builtins.filter((name) => name.includes("child_process"))).toEqual([]);
  });

  it.each([[["--help"]], [["list"]], [["show", SHOW_ID]]])(
    "%j writes to a pipe without setting up a stream (net, stream)",
    (args) => {
      const { builtins } = loaded(args);
      expect(builtins.filter((name) => name === "net" || name === "stream")).toEqual([]);
    },
  );
});
