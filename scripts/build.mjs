// Builds dist/ (the README, "How csroles starts", says why it looks like this):
//
//   dist/csroles.cjs          src/main.ts and its dependencies as ONE CommonJS file. Node starts a
//                             CommonJS program without its ESM loader, and one file is read and
//                             compiled once; commands still evaluate their modules only when they
//                             run (esbuild turns `await import()` into lazy module initialisers).
//   dist/csroles.cjs.*.v8cache  V8's code caches for it, one per command (and a default one), made
//                             by running typical commands once (scripts/train-code-cache.cjs), so
//                             bin/csroles.js skips compiling.
//   dist/inquirer.cjs         @inquirer/prompts and @inquirer/core alone: large, and only `pick` needs them.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { buildManPage } from "./build-man-page.mjs";

const BUNDLE = "csroles.cjs";
/** Node's CommonJS module wrapper (`require("node:module").wrapper[0]`). */
const MODULE_WRAPPER = "(function (exports, require, module, __filename, __dirname) { ";
const VENDOR_PROMPTS = "inquirer.cjs";

// gray-matter depends on js-yaml 3, whose full schema loads esprima (about 18 ms at start-up) for
// !!js/function, a tag csroles refuses anyway. gray-matter only binds js-yaml's functions at load
// and csroles always passes its own YAML engine, so gray-matter gets the project's js-yaml 4.
// It gets the very copy src/ imports (the ES module build), not a second one for require().
const grayMatterUsesJsYaml4 = {
  name: "gray-matter-uses-js-yaml-4",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^js-yaml$/ }, (args) =>
      args.importer.includes("/gray-matter/")
        ? pluginBuild.resolve("js-yaml", { kind: "import-statement", resolveDir: process.cwd() })
        : undefined,
    );
  },
};

/**
 * Replaces `line` in the source of the files matching `filter`, or stops the build when the line
 * is not there (the dependency changed): better no build than one that is silently slow again.
 */
function patchSource(name, filter, line, replacement, check = () => {}) {
  return {
    name,
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter }, async (args) => {
        const source = await readFile(args.path, "utf8");
        if (!source.includes(line)) throw new Error(`${name}: ${line} not found in ${args.path}`);
        check(source, args.path);
        return { contents: source.replace(line, replacement), loader: "js" };
      });
    },
  };
}

// commander requires child_process (and with it net, about 4 ms) when it loads, for executable
// subcommands only, which csroles does not have: require it on first use instead.
const commanderRequiresChildProcessLazily = patchSource(
  "commander-requires-child-process-lazily",
  /commander[\\/]lib[\\/]command\.js$/,
  "const childProcess = require('node:child_process');",
  "const childProcess = { get spawn() { return require('node:child_process').spawn; } };",
  (source, path) => {
    const other = /childProcess\.(?!spawn\b)\w+/.exec(source);
    if (other) throw new Error(`commander changed: ${other[0]} in ${path} is not made lazy`);
  },
);

// src/picker/ imports @inquirer/prompts (and @inquirer/core, for a prompt of its own); the main
// bundle gets them from the vendor bundle beside it, required when the picker's module initialises
// (only in `pick`).
const promptsFromVendorBundle = {
  name: "prompts-from-vendor-bundle",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@inquirer\/(prompts|core)$/ }, () => ({
      path: `./${VENDOR_PROMPTS}`,
      external: true,
    }));
  },
};

// Identifies this build's code: a profile cache written by another build is not trusted.
const hash = createHash("sha256");
for (const entry of readdirSync("src", { recursive: true, withFileTypes: true }).sort((a, b) =>
  `${a.parentPath}/${a.name}`.localeCompare(`${b.parentPath}/${b.name}`),
)) {
  if (entry.isFile())
    hash
      .update(`${entry.parentPath}/${entry.name}\0`)
      .update(readFileSync(`${entry.parentPath}/${entry.name}`));
}
hash.update(readFileSync("package.json"));
const buildId = hash.digest("hex").slice(0, 16);

/**
 * The bundle's text with every character outside ASCII written as a \u escape, so that the bin can
 * read it as Latin-1 (about 1 ms faster than UTF-8 for this size) and V8 keeps it as a one-byte
 * string. esbuild escapes strings and templates itself; what is left is in regular expression
 * literals and comments, where an escape means the same, unless it follows a backslash.
 */
function asciiOnly(text, file) {
  const escaped = /\\[^\x00-\x7f]/.exec(text);
  if (escaped) throw new Error(`${file}: cannot make ASCII: escaped non-ASCII ${JSON.stringify(escaped[0])}`);
  return text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: false,
  legalComments: "none",
  // Whitespace only: a third less text to read at every start (about 0.5 ms), while names stay,
  // so a stack trace under CSROLES_DEBUG=1 still names its functions.
  minifyWhitespace: true,
  logLevel: "warning",
};

// Build beside dist/ and swap it in, so a running csroles never sees a half-written dist/.
const staging = `dist.${process.pid}.tmp`;
rmSync(staging, { recursive: true, force: true });
try {
  const main = await build({
    ...common,
    entryPoints: ["src/main.ts"],
    outfile: `${staging}/${BUNDLE}`,
    write: false,
    // The file is the body of a CommonJS module already in Node's module wrapper, a function
    // expression: the bin compiles it as it is. Wrapping it at run time (Module.wrap) would copy
    // the whole source into a new string, and that copy costs a garbage collection (1-2 ms).
    // (esbuild begins the body with "use strict": the ES modules it is made of were strict.)
    banner: { js: MODULE_WRAPPER },
    footer: { js: "})" },
    plugins: [grayMatterUsesJsYaml4, commanderRequiresChildProcessLazily, promptsFromVendorBundle],
    // import.meta does not exist in CommonJS; src/main.ts only asks for its folder.
    define: { __CSROLES_BUILD__: JSON.stringify(buildId), "import.meta.dirname": "__dirname" },
  });
  if (main.warnings.length > 0) throw new Error("the bundle must build without warnings");
  const [output] = main.outputFiles;
  mkdirSync(staging);
  // The last line identifies this bundle; its code cache names it (see bin/csroles.js).
  const text = asciiOnly(output.text, output.path);
  const bundleId = createHash("sha256").update(text).digest("hex").slice(0, 16);
  writeFileSync(output.path, `${text}//# csroles-build ${bundleId}\n`);
  await build({
    ...common,
    stdin: {
      contents: 'export * from "@inquirer/prompts";\nexport * from "@inquirer/core";\n',
      resolveDir: process.cwd(),
    },
    outfile: `${staging}/${VENDOR_PROMPTS}`,
  });
  // The code caches, one per command group, each in a child process: a cache holds what ran in
  // its process, and the training runs csroles, which must not share this script's state. V8
  // rejects a cache made under other V8 flags, so the children get none (not even NODE_OPTIONS').
  // "prime" fills a profile cache first, so the others train on warm runs.
  const profileCache = mkdtempSync(join(tmpdir(), "csroles-train-"));
  try {
    for (const group of ["prime", "default", "list", "show", "search", "compare", "validate"]) {
      const training = spawnSync(
        process.execPath,
        ["scripts/train-code-cache.cjs", `${staging}/${BUNDLE}`, `dist/${BUNDLE}`, group, profileCache],
        { stdio: "inherit", env: { ...process.env, NODE_OPTIONS: undefined } },
      );
      if (training.status !== 0)
        throw new Error(
          `the code-cache training (${group}) failed (${training.signal ?? `exit ${training.status}`})`,
        );
    }
  } finally {
    rmSync(profileCache, { recursive: true, force: true });
  }
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}
// Move the old dist/ aside first, so dist/ is missing for the time of one rename only.
const old = `dist.${process.pid}.old`;
rmSync(old, { recursive: true, force: true });
try {
  renameSync("dist", old);
} catch (error) {
  if (error.code !== "ENOENT") throw error;
}
renameSync(staging, "dist");
rmSync(old, { recursive: true, force: true });
// The manual page, from the same command definitions (see scripts/build-man-page.mjs).
await buildManPage();
