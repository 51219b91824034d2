// Makes V8's code caches for the bundle (run by scripts/build.mjs, each in a child process):
//
//   node scripts/train-code-cache.cjs <bundle> <final path of the bundle> <group> <profile cache home>
//     → <bundle>.v8cache (group "default") or <bundle>.<group>.v8cache
//
// A cache per command (list, show, search, compare, validate; see codeCacheName in bin/csroles.js),
// and a default one for help, the version and usage errors: V8 reads a whole cache at start-up, so
// a cache holding only what one command runs starts that command about 2 ms sooner than one cache
// for all of them.
//
// It loads the bundle the way bin/csroles.js does, runs the group's typical commands in this process
// against the built-in profiles (output discarded), then saves the compiled code of everything that
// ran: V8 compiles functions on first call, so a cache made before running would hold little more
// than the top level. The group "prime" only fills the profile cache in <profile cache home>, so
// that the others train on warm runs, as users mostly run csroles (the YAML parser, which only a
// changed profile needs, then stays out of the caches). A command that ends in an internal error
// gets a warning.
//
// The bundle is built in a staging folder that then becomes dist/; V8 keeps the script name a
// cache was made with (stack traces show it), so the script is named by its final path, and the
// cache file starts with a line naming the bundle's build and that path (bin/csroles.js checks both).
"use strict";
const { renameSync, writeFileSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { buildOf, CODE_CACHE, codeCacheFile, loadBundle, readBundle } = require("../bin/csroles.js");

const FIRST = "customer-support-manager";
const SECOND = "customer-service-team-lead";
const WIDTHS = ["200", "30"];

/** The commands each cache is trained on: [argv, env] pairs. */
const GROUPS = {
  prime: [[["list"]], [["search", "zendesk"]]],
  default: [
    [["--help"]],
    [["--version"]],
    [["help", "list"]],
    ...["list", "show", "search", "compare", "validate", "pick"].map((command) => [[command, "--help"]]),
    [["frobnicate"]],
    [["lsit"]],
    [["list", "--frobnicate"]],
  ],
  list: [
    [["list"]],
    [["list"]],
    [["list", "--json"]],
    [["list", "--csv"]],
    [["list", "--markdown"]],
    [["list", "--color"]],
    [["list", "--lang", "sv", "--sort", "level"]],
    ...WIDTHS.map((COLUMNS) => [["list"], { COLUMNS }]),
  ],
  show: [
    [["show", FIRST]],
    [["show", FIRST]],
    [["show", FIRST, "--json"]],
    [["show", FIRST, "--color"]],
    [["show", SECOND, "--section", "career"]],
    [["show", "kundesupportchef"]],
    [["show", "no-such-role"]],
    ...WIDTHS.map((COLUMNS) => [["show", FIRST], { COLUMNS }]),
  ],
  search: [
    [["search", "zendesk"]],
    [["search", "zendsk"]],
    [["search", "zendsk", "--json"]],
    [["search", "empati", "crm"]],
    [["search", "no-such-skill-at-all"]],
    ...WIDTHS.map((COLUMNS) => [["search", "zendesk"], { COLUMNS }]),
  ],
  compare: [
    [["compare", FIRST, SECOND]],
    [["compare", FIRST, SECOND]],
    [["compare", FIRST, SECOND, "--json"]],
    [["compare", FIRST, SECOND, "--csv"]],
    [["compare", FIRST, SECOND, "--markdown"]],
    [["compare", FIRST, SECOND, "customer-service-executive"]],
    ...WIDTHS.map((COLUMNS) => [["compare", FIRST, SECOND], { COLUMNS }]),
  ],
  validate: [[["validate"]], [["validate"]], [["validate", "--json"]]],
};

const INTERNAL_ERROR = 70;

async function train(bundlePath, finalPath, group, cacheHome) {
  const runs = GROUPS[group];
  if (!runs) throw new Error(`unknown group ${group}: use one of ${Object.keys(GROUPS).join(", ")}`);
  const source = readBundle(bundlePath);
  const build = buildOf(source);
  if (!build) throw new Error(`${bundlePath} does not end with its build identifier`);
  const { exports: csroles, script } = loadBundle(bundlePath, source, undefined, finalPath);
  const dataDir = csroles.packageDataDir();
  const listeners = process.eventNames().map((name) => [name, process.listenerCount(name)]);
  const failures = [];
  const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C", XDG_CACHE_HOME: cacheHome };
  for (const [argv, env = {}] of runs) {
    let stderr = "";
    const code = await csroles.run({
      argv,
      env: { ...baseEnv, ...env },
      dataDir,
      writeOut: () => {},
      writeErr: (text) => {
        stderr += text;
      },
      // Not this process's stdout (a terminal, maybe): the same runs wherever the build runs.
      stdout: { isTTY: false, columns: undefined },
    });
    if (process.exitCode !== undefined) throw new Error(`csroles ${argv.join(" ")} set process.exitCode`);
    if (code === INTERNAL_ERROR) failures.push(`csroles ${argv.join(" ")}: ${stderr.split("\n")[0]}`);
  }
  // Said, not fatal: the tests report bugs, and the build still gives a working dist/.
  if (failures.length > 0)
    process.stderr.write(
      `train-code-cache: warning: ${failures.length} command(s) ended in an internal error, first ${failures[0]}\n`,
    );
  const left = process.eventNames().filter((name) => process.listenerCount(name) !== count(listeners, name));
  if (left.length > 0) throw new Error(`csroles left process listeners behind: ${left.join(", ")}`);
  if (group === "prime") return;

  const cachePath = join(bundlePath, "..", group === "default" ? CODE_CACHE : codeCacheFile(group));
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

const [bundlePath, finalPath, group, cacheHome] = process.argv.slice(2);
if (!bundlePath || !finalPath || !group || !cacheHome) {
  process.stderr.write(
    "usage: node scripts/train-code-cache.cjs <csroles.cjs> <its path once installed> <group> <profile cache home>\n",
  );
  process.exit(2);
}
train(resolve(bundlePath), resolve(finalPath), group, resolve(cacheHome)).catch((error) => {
  process.stderr.write(`train-code-cache: ${error.stack ?? error}\n`);
  process.exit(1);
});
