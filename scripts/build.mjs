// Bundles src/cli.ts into dist/: one ESM entry plus lazily loaded chunks per command,
// so each command pays only for the modules it uses.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { build } from "esbuild";

const require = createRequire(import.meta.url);

// gray-matter depends on js-yaml 3, whose full schema loads esprima (about 18 ms at start-up) for
// !!js/function, a tag csroles refuses anyway. gray-matter only binds js-yaml's functions at load
// and csroles always passes its own YAML engine, so gray-matter gets the project's js-yaml 4.
const cliTableMeasuresFast = {
  name: "cli-table3-measures-fast",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer.includes("/cli-table3/")
        ? { path: new URL("./string-width-fast.cjs", import.meta.url).pathname }
        : undefined,
    );
  },
};

// cli-table3 0.6.5 builds a debug string for every line it draws, `utils.truncate(this.content,
// 10)`, which trims a multi-line cell one character at a time and re-measures it each time:
// quadratic in the cell's length, per line. The string is only logged at debug level, so the
// build drops it. If cli-table3 changes, the build stops here rather than ship slow code.
const cliTableSkipsDebugTruncate = {
  name: "cli-table3-skips-debug-truncate",
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /cli-table3[\\/]src[\\/]cell\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const debugLine = "let content = utils.truncate(this.content, 10, this.truncate);";
      if (!source.includes(debugLine))
        throw new Error(`cli-table3 changed: ${debugLine} not found in ${args.path}`);
      return { contents: source.replace(debugLine, 'let content = "";'), loader: "js" };
    });
  },
};

const grayMatterUsesJsYaml4 = {
  name: "gray-matter-uses-js-yaml-4",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^js-yaml$/ }, (args) =>
      args.importer.includes("/gray-matter/") ? { path: require.resolve("js-yaml") } : undefined,
    );
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

// Build beside dist/ and swap it in, so a running csroles never sees a half-written dist/.
const staging = `dist.${process.pid}.tmp`;
rmSync(staging, { recursive: true, force: true });
await build({
  entryPoints: ["src/main.ts"],
  outdir: staging,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: false,
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  // Bundled CommonJS dependencies call require(); give ESM output one.
  banner: {
    js: 'import { createRequire as __csrolesCreateRequire } from "node:module"; const require = __csrolesCreateRequire(import.meta.url);',
  },
  plugins: [grayMatterUsesJsYaml4, cliTableMeasuresFast, cliTableSkipsDebugTruncate],
  define: { __CSROLES_BUILD__: JSON.stringify(buildId) },
  logLevel: "warning",
});
rmSync("dist", { recursive: true, force: true });
renameSync(staging, "dist");
