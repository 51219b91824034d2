#!/usr/bin/env node
// Starts csroles (dist/ is built by scripts/build.mjs). Node's own compile cache, where this Node
// has one (22.1 and later), keeps the compiled bundle between runs.
import module from "node:module";

module.enableCompileCache?.();
const main = await import("../dist/main.js").catch((error) => {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !error.message.includes("/dist/main.js")) throw error;
  const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
  process.stderr.write(`csroles: dist/ is missing: run 'npm install' (or 'npm run build') in ${root}\n`);
  process.exit(70);
});
await main.main();
