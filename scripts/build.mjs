// Bundles src/cli.ts into dist/: one ESM entry plus lazily loaded chunks per command,
// so each command pays only for the modules it uses.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ["src/main.ts"],
  outdir: "dist",
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
  logLevel: "warning",
});
