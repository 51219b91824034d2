import { chmodSync, closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { OutputError, UsageError } from "../errors.js";
import { message } from "../messages/translate.js";

/**
 * Writes the text to `path` whole or not at all: into a temporary file in the same folder, flushed
 * to disk, then renamed over the target (a rename within a folder is atomic), so a reader never
 * sees a half-written file and a failed run leaves the old one. A folder is never replaced.
 */
export function writeFileAtomically(path: string, text: string): void {
  let mode: number | undefined;
  try {
    const existing = statSync(path);
    if (existing.isDirectory())
      throw new UsageError(
        message("error.outputIsFolder", { path }),
        message("error.outputIsFolderHint", { example: join(path, "csroles-output.txt") }),
      );
    mode = existing.mode & 0o7777;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw cannotWrite(path, error);
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "wx", 0o666);
    const bytes = Buffer.from(text, "utf8");
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    // A replaced file keeps its permissions.
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw cannotWrite(path, error);
  }
}

function cannotWrite(path: string, error: unknown): OutputError {
  const code = (error as NodeJS.ErrnoException).code;
  const problem =
    code === "ENOENT"
      ? message("error.outputNoFolder", { path })
      : code === "EACCES" || code === "EPERM"
        ? message("error.outputDenied", { path })
        : message("error.outputFailed", { path, reason: code ?? String(error) });
  return new OutputError(problem, message("error.outputCheckHint"));
}
