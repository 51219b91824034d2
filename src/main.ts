import { fstatSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { run } from "./cli.js";
import { ExitCode } from "./errors.js";
import { neutralize } from "./render/neutralize.js";

// The entry point: the only place that touches process streams, signals and the exit code. Loading
// this module does nothing by itself: bin/csroles.js imports it, then calls main().

/** The package's data/ folder: dist/main.js and src/main.ts both sit one level below the root. */
export function packageDataDir(): string {
  return join(import.meta.dirname, "../data/");
}

// SIGINT and SIGTERM keep their default action on purpose: the process ends at once, even in
// the middle of loading thousands of profiles (a JavaScript handler would wait for that work to
// finish), with no stack trace, and the shell reports 130 and 143. Nothing needs cleaning up:
// the cache is written to a temporary file renamed into place. Only while a command waits for
// keys (`pick`, through onExit) are they handled here, to clean up the terminal first.

/** Runs `cleanUp` when the process ends, by SIGINT or SIGTERM too, until the returned function is called. */
function onExit(cleanUp: () => void): () => void {
  const onSignal = (code: number) => () => {
    cleanUp();
    process.exit(code);
  };
  const onInterrupt = onSignal(ExitCode.interrupted);
  const onTerminate = onSignal(ExitCode.terminated);
  process.once("exit", cleanUp);
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", onTerminate);
  return () => {
    process.removeListener("exit", cleanUp);
    process.removeListener("SIGINT", onInterrupt);
    process.removeListener("SIGTERM", onTerminate);
  };
}

function failedWrite(error: NodeJS.ErrnoException): never {
  // A closed pipe (`csroles list | head -1`) is a normal end, not an error.
  if (error.code === "EPIPE") process.exit(process.exitCode ?? ExitCode.ok);
  process.stderr.write(`csroles: cannot write the output: ${error.code ?? error.message}\n`);
  process.exit(ExitCode.writeFailed);
}

/** How output is written: through process.stdout, or directly when that is known to be safe. */
let writeOut: (text: string) => void = (text) => writeToStream(text);
let listening = false;

/** Writes through process.stdout, which Node creates on first use (a stream: 2-4 ms). */
function writeToStream(text: string | Uint8Array): void {
  if (!listening) {
    process.stdout.on("error", failedWrite);
    listening = true;
  }
  try {
    process.stdout.write(text);
  } catch (error) {
    failedWrite(error as NodeJS.ErrnoException);
  }
}

/**
 * True when standard output is a file, a pipe, a socket or /dev/null: no terminal for sure, so
 * nothing needs process.stdout (only a terminal has columns). Telling that a character device is
 * a terminal would need the tty module, which costs as much as the stream.
 */
function stdoutIsNotATerminal(): boolean {
  try {
    const out = fstatSync(1);
    if (out.isFile() || out.isFIFO() || out.isSocket()) return true;
    return out.isCharacterDevice() && out.rdev === statSync("/dev/null").rdev;
  } catch {
    return false; // no stdout at all, say: Node's stream knows what to do
  }
}

/**
 * Writes to a stdout that is not a terminal with write(2), as process.stdout does for files, and
 * blocking on a full pipe. A pipe set to non-blocking mode by another process may refuse (EAGAIN):
 * from then on the stream, which waits for it, writes the rest, so the order is kept.
 */
function writeDirectly(text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(1, bytes, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") failedWrite(error as NodeJS.ErrnoException);
      writeOut = (rest) => writeToStream(rest);
      writeToStream(bytes.subarray(done));
      return;
    }
  }
}

/** Runs csroles on the process's arguments and streams, and sets its exit code. */
export async function main(): Promise<void> {
  const direct = stdoutIsNotATerminal();
  if (direct) writeOut = writeDirectly;
  process.exitCode = await run({
    argv: process.argv.slice(2),
    env: process.env,
    dataDir: packageDataDir(),
    writeOut: (text) => writeOut(text),
    // Messages echo arguments and file names, which may hold escape sequences: never raw to a terminal.
    writeErr: (text) => process.stderr.write(neutralize(text)),
    // Only for text on a terminal; child_process loads only then.
    page: async (text, command) => (await import("./io/pager.js")).pageText(text, command, process.env),
    onExit,
    ...(direct ? { stdout: { isTTY: false, columns: undefined } } : {}),
  });
}
