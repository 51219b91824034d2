// Makes V8's code cache for the bundle (run by scripts/build.mjs, in a child process):
//
//   node scripts/train-code-cache.cjs <bundle> <final path of the bundle>   → <bundle>.v8cache
//
// It loads the bundle the way bin/csroles.js does, runs typical commands in this process against
// the built-in profiles (output discarded), then saves the compiled code of everything that ran:
// V8 compiles functions on first call, so a cache made before running would hold little more
// than the top level. A command that ends in an internal error gets a warning.
//
// The bundle is built in a staging folder that then becomes dist/; V8 keeps the script name a
// cache was made with (stack traces show it), so the script is named by its final path, and the
// cache file starts with a line naming the bundle's build and that path (bin/csroles.js checks both).
"use strict";
const { mkdtempSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join, resolve } = require("node:path");
const { buildOf, CODE_CACHE, loadBundle, readBundle } = require("../bin/csroles.js");

const INTERNAL_ERROR = 70;

async function train(bundlePath, finalPath) {
  const source = readBundle(bundlePath);
  const build = buildOf(source);
  if (!build) throw new Error(`${bundlePath} does not end with its build identifier`);
  const { exports: csroles, script } = loadBundle(bundlePath, source, undefined, finalPath);
  const dataDir = csroles.packageDataDir();
  const cacheHome = mkdtempSync(join(tmpdir(), "csroles-train-"));
  const listeners = process.eventNames().map((name) => [name, process.listenerCount(name)]);
  const failures = [];
  try {
    const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C", XDG_CACHE_HOME: cacheHome };
    const runOnce = async (argv, env = {}) => {
      let stdout = "";
      let stderr = "";
      const code = await csroles.run({
        argv,
        env: { ...baseEnv, ...env },
        dataDir,
        writeOut: (text) => {
          stdout += text;
        },
        writeErr: (text) => {
          stderr += text;
        },
        // Not this process's stdout (a terminal, maybe): the same runs wherever the build runs.
        stdout: { isTTY: false, columns: undefined },
      });
      if (process.exitCode !== undefined) throw new Error(`csroles ${argv.join(" ")} set process.exitCode`);
      if (code === INTERNAL_ERROR) failures.push(`csroles ${argv.join(" ")}: ${stderr.split("\n")[0]}`);
      return stdout;
    };

    // First with an empty profile cache (the parser runs and the cache is written), then warm.
    const listed = await runOnce(["list", "--json"]);
    const [first = "none", second = "none"] = listed ? JSON.parse(listed).roles.map((role) => role.id) : [];
    const runs = [
      ["list"],
      ["list"],
      ["list", "--json"],
      ["list", "--csv"],
      ["list", "--markdown"],
      ["list", "--color"],
      ["show", first],
      ["show", first, "--json"],
      ["show", first, "--color"],
      ["show", second, "--section", "career"],
      ["search", "zendesk"],
      ["search", "zendsk", "--json"],
      ["compare", first, second],
      ["compare", first, second, "--json"],
      ["validate"],
      ["validate", "--json"],
      ["list", "--no-cache"],
      ["show", first, "--no-cache"],
      ["show", "no-such-role"],
      ["--help"],
      ["--version"],
      ["help", "list"],
      ...["list", "show", "search", "compare", "validate", "pick"].map((command) => [command, "--help"]),
      ["frobnicate"],
      ["lsit"],
      ["list", "--frobnicate"],
    ];
    for (const argv of runs) await runOnce(argv);
    // Other terminal widths: wide, and so narrow that tables turn into blocks.
    for (const COLUMNS of ["200", "30"]) {
      await runOnce(["list"], { COLUMNS });
      await runOnce(["show", first], { COLUMNS });
    }
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
  // Said, not fatal: the tests report bugs, and the build still gives a working dist/.
  if (failures.length > 0)
    process.stderr.write(
      `train-code-cache: warning: ${failures.length} command(s) ended in an internal error, first ${failures[0]}\n`,
    );
  const left = process.eventNames().filter((name) => process.listenerCount(name) !== count(listeners, name));
  if (left.length > 0) throw new Error(`csroles left process listeners behind: ${left.join(", ")}`);

  const cachePath = join(bundlePath, "..", CODE_CACHE);
  const temporary = `${cachePath}.${process.pid}.tmp`;
  writeFileSync(
    temporary,
    Buffer.concat([Buffer.from(`${build} ${finalPath}\n`), script.createCachedData()]),
  );
  renameSync(temporary, cachePath);
}

function count(listeners, name) {
  return listeners.find(([known]) => known === name)?.[1] ?? 0;
}

const [bundlePath, finalPath] = process.argv.slice(2);
if (!bundlePath || !finalPath) {
  process.stderr.write("usage: node scripts/train-code-cache.cjs <csroles.cjs> <its path once installed>\n");
  process.exit(2);
}
train(resolve(bundlePath), resolve(finalPath)).catch((error) => {
  process.stderr.write(`train-code-cache: ${error.stack ?? error}\n`);
  process.exit(1);
});
