#!/usr/bin/env node
"use strict";
// Starts csroles. CommonJS on purpose: Node then starts without its ESM loader. The program is
// one CommonJS bundle, dist/csroles.cjs (scripts/build.mjs); this file compiles it with V8's code
// cache made at build time for the command being run (dist/csroles.cjs.<command>.v8cache, else
// dist/csroles.cjs.v8cache), so most of its functions need no compiling.
// The cache is only read here, never written. It must name the bundle's build, and V8 checks it
// (version, flags, source length): a missing, unreadable, foreign or rejected cache just means an
// ordinary compile. CSROLES_DEBUG=1 says which it was.
const { readFileSync } = require("node:fs");
// The CommonJS loader's Module class; require("node:module") would load the ESM loader too (1 ms).
const Module = module.constructor;
const { dirname, join } = require("node:path");
const vm = require("node:vm");

const BUNDLE = "csroles.cjs";
/** The default code cache: help, the version, usage errors, and commands without their own. */
const CODE_CACHE = `${BUNDLE}.v8cache`;
/** The commands with a code cache of their own (scripts/train-code-cache.cjs), and `pick`'s. */
const OWN_CODE_CACHE = {
  list: "list",
  show: "show",
  search: "search",
  compare: "compare",
  validate: "validate",
  pick: "list",
};

function codeCacheFile(command) {
  return `${BUNDLE}.${command}.v8cache`;
}

/**
 * The code cache for these arguments: the first command name among them picks its own cache, and
 * help or the version the default one. A guess (an option's value could be a command name, say),
 * but a wrong one costs only speed: every cache is made for the same bundle.
 */
function codeCacheName(args) {
  let command;
  for (const arg of args) {
    if (arg === "--") break;
    if (arg === "-h" || arg === "--help" || arg === "-V" || arg === "--version" || arg === "help")
      return CODE_CACHE;
    if (command === undefined && Object.hasOwn(OWN_CODE_CACHE, arg)) command = OWN_CODE_CACHE[arg];
  }
  return command === undefined ? CODE_CACHE : codeCacheFile(command);
}

/** The bundle's source. The build makes it ASCII-only, so Latin-1 reads it (faster than UTF-8). */
function readBundle(path) {
  return readFileSync(path, "latin1");
}

const BUILD_MARK = "//# csroles-build ";

/** The identifier on the bundle's last line (a hash of its text, written by scripts/build.mjs). */
function buildOf(source) {
  const at = source.lastIndexOf(BUILD_MARK);
  return at < 0 ? "" : source.slice(at + BUILD_MARK.length).trimEnd();
}

/**
 * The code cache: a first line "<build of the bundle> <bundle path it was made for>", then V8's
 * bytes. V8 checks only the length of the source, so the build identifier is what keeps a cache
 * from being used with another bundle (one from a rebuild that was swapped in between the two
 * reads). V8 keeps the script name a cache was made with for stack traces, hence the path.
 * Undefined when there is no cache that can be read.
 */
function readCodeCache(path) {
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  const header = newline < 0 ? "" : bytes.toString("utf8", 0, newline);
  const space = header.indexOf(" ");
  return {
    build: space < 0 ? "" : header.slice(0, space),
    madeFor: space < 0 ? "" : header.slice(space + 1),
    data: bytes.subarray(newline + 1),
  };
}

/**
 * Compiles and runs the bundle as a CommonJS module: its path, its source (already in the module
 * wrapper: see scripts/build.mjs), V8's cached data or undefined, and the script name (stack
 * traces name it; the bundle's path unless given). Returns its exports, the compiled script (the
 * build's training makes the cache from it) and what became of the cache: "used", "rejected" or
 * "none".
 */
function loadBundle(bundlePath, source, cachedData, scriptName = bundlePath) {
  const script = new vm.Script(source, {
    filename: scriptName,
    ...(cachedData ? { cachedData } : {}),
  });
  const cache = cachedData === undefined ? "none" : script.cachedDataRejected ? "rejected" : "used";
  const bundleModule = new Module(bundlePath, module);
  bundleModule.filename = bundlePath;
  script
    .runInThisContext()
    .call(
      bundleModule.exports,
      bundleModule.exports,
      Module.createRequire(bundlePath),
      bundleModule,
      bundlePath,
      dirname(bundlePath),
    );
  bundleModule.loaded = true;
  return { exports: bundleModule.exports, script, cache };
}

function start() {
  const packageDir = join(__dirname, "..");
  const bundlePath = join(packageDir, "dist", BUNDLE);
  const cachePath = join(packageDir, "dist", codeCacheName(process.argv.slice(2)));
  let source;
  try {
    source = readBundle(bundlePath);
  } catch (error) {
    process.stderr.write(
      error.code === "ENOENT"
        ? `csroles: dist/ is missing: run 'npm install' (or 'npm run build') in ${packageDir}\n`
        : `csroles: cannot read ${bundlePath} (${error.code ?? error.message}): reinstall csroles\n`,
    );
    process.exitCode = 70;
    return;
  }
  const debug = process.env.CSROLES_DEBUG === "1";
  const cached = readCodeCache(cachePath);
  let leftOut;
  if (cached && (cached.build === "" || cached.build !== buildOf(source)))
    leftOut = "not made for this build of the bundle";
  // A cache made for the package in another folder would put that folder in stack traces, which
  // only CSROLES_DEBUG=1 prints: then it is left out, else used (it works the same).
  else if (cached && debug && cached.madeFor !== bundlePath) leftOut = `made for ${cached.madeFor}`;
  const loaded = loadBundle(bundlePath, source, leftOut ? undefined : cached?.data);
  if (debug) {
    const said = leftOut
      ? `not used: ${leftOut}`
      : { used: "used", rejected: "rejected by V8, compiled without it", none: "missing" }[loaded.cache];
    process.stderr.write(`csroles: code cache ${said} (${cachePath})\n`);
  }
  loaded.exports.main();
}

if (require.main === module) start();

module.exports = {
  BUNDLE,
  CODE_CACHE,
  buildOf,
  codeCacheFile,
  codeCacheName,
  loadBundle,
  OWN_CODE_CACHE,
  readBundle,
  readCodeCache,
};
