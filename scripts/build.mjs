// Builds dist/ with esbuild: src/main.ts and its dependencies as ES modules, dist/main.js plus one
// chunk per part that is imported with `await import()` (each command, the table renderer, the
// picker's prompts), so a command loads only what it runs. bin/csroles.js imports dist/main.js.
// Then man/csroles.1, from the same command definitions (scripts/build-man-page.mjs).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";
import { buildManPage } from "./build-man-page.mjs";

// Identifies this build's code: a profile cache written by another build is not used (src/io/library-cache.ts).
const hash = createHash("sha256");
for (const entry of readdirSync("src", { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => `${entry.parentPath}/${entry.name}`)
  .sort())
  hash.update(`${entry}\0`).update(readFileSync(entry));
hash.update(readFileSync("package.json"));

rmSync("dist", { recursive: true, force: true });
const result = await build({
  entryPoints: ["src/main.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  legalComments: "none",
  // Whitespace only: less to read at every start, while names stay for stack traces (CSROLES_DEBUG=1).
  minifyWhitespace: true,
  // js-yaml once: gray-matter require()s its CommonJS build, and an import would add its ES build
  // (104 KB more to compile at every start).
  alias: { "js-yaml": "./node_modules/js-yaml/index.js" },
  logLevel: "warning",
  // The CommonJS dependencies (commander, gray-matter) call require() for Node's own modules.
  banner: {
    js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
  },
  define: { __CSROLES_BUILD__: JSON.stringify(hash.digest("hex").slice(0, 16)) },
});
if (result.warnings.length > 0) throw new Error("the bundle must build without warnings");
await buildManPage();
