import { fileURLToPath } from "node:url";
import { run } from "./cli.js";
import { ExitCode } from "./errors.js";
import { neutralize } from "./render/neutralize.js";

// The entry point: the only place that touches process streams, signals and the exit code.
// dist/main.js and src/main.ts both sit one level below the package root.
const dataDir = fileURLToPath(new URL("../data/", import.meta.url));

// SIGINT and SIGTERM keep their default action on purpose: the process ends at once, even in
// the middle of loading thousands of profiles (a JavaScript handler would wait for that work to
// finish), with no stack trace, and the shell reports 130 and 143. Nothing needs cleaning up:
// the cache is written to temporary files renamed into place. (`pick` handles its own keys.)

function failedWrite(error: NodeJS.ErrnoException): never {
  // A closed pipe (`csroles list | head -1`) is a normal end, not an error.
  if (error.code === "EPIPE") process.exit(process.exitCode ?? ExitCode.ok);
  process.stderr.write(`csroles: cannot write the output: ${error.code ?? error.message}\n`);
  process.exit(ExitCode.writeFailed);
}

process.stdout.on("error", failedWrite);

function writeOut(text: string): void {
  try {
    process.stdout.write(text);
  } catch (error) {
    failedWrite(error as NodeJS.ErrnoException);
  }
}

process.exitCode = await run({
  argv: process.argv.slice(2),
  env: process.env,
  dataDir,
  writeOut,
  // Messages echo arguments and file names, which may hold escape sequences: never raw to a terminal.
  writeErr: (text) => process.stderr.write(neutralize(text)),
});
