// Writes man/csroles.1 from the commander definitions and the README (src/render/man-page.ts),
// called by scripts/build.mjs. The sources are bundled to a temporary CommonJS file and run, so
// the page always describes the commands as they are built.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";

export async function buildManPage(root = process.cwd()) {
  const scratch = mkdtempSync(join(tmpdir(), "csroles-man-"));
  try {
    const bundle = join(scratch, "man-page.cjs");
    await build({
      stdin: {
        contents:
          'export { programForDocs } from "./src/cli.ts";\nexport { renderManPage } from "./src/render/man-page.ts";\n',
        resolveDir: root,
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      outfile: bundle,
      // Only `pick` imports the prompts, and the man page never runs a command.
      external: ["@inquirer/prompts", "@inquirer/core"],
      logLevel: "warning",
    });
    const { programForDocs, renderManPage } = createRequire(import.meta.url)(bundle);
    const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const page = renderManPage({
      program: programForDocs(),
      readme: readFileSync(join(root, "README.md"), "utf8"),
      version: packageJson.version,
    });
    const target = resolve(root, packageJson.man[0]);
    mkdirSync(join(target, ".."), { recursive: true });
    writeFileSync(`${target}.tmp`, page);
    renameSync(`${target}.tmp`, target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
