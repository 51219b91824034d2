import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runSearch } from "../../src/commands/search.js";
import { CsrolesError, ExitCode } from "../../src/errors.js";
import { loadLibrary } from "../../src/io/load-library.js";
import { NAUGHTY_STRINGS } from "../helpers/naughty-strings.js";
import { displayWidth, isPlainText, ROOT } from "../helpers/run-cli.js";
import { libraryContext } from "../helpers/test-data.js";

// The Big List of Naughty Strings, read from the shared test data (not copied into the project).
const naughty: string[] = [...NAUGHTY_STRINGS];

const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
const context = libraryContext(library);

/** Runs the search command in this process as the entry point would: an exit code, stdout and the error line. */
function searchInProcess(query: string, json: boolean): { code: number; stdout: string; stderr: string } {
  try {
    const result = runSearch([query], json ? { json: true } : {}, context);
    return { code: result.exitCode ?? ExitCode.ok, stdout: result.stdout, stderr: "" };
  } catch (error) {
    // Anything but a CsrolesError would reach the user as an internal error: a crash.
    if (!(error instanceof CsrolesError)) throw error;
    const stderr = `csroles: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ""}`;
    return { code: error.exitCode, stdout: "", stderr };
  }
}

describe("every string of blns.json as a search query, in one process", () => {
  it("has the whole list to work with", () => {
    expect(naughty.length).toBeGreaterThan(450);
  });

  it.each(["table", "json"] as const)(
    "%s output: no crash, exit 0 or 1, printable text only",
    (format) => {
      const failures: string[] = [];
      const codes: number[] = [];
      for (const query of naughty) {
        const { code, stdout, stderr } = searchInProcess(query, format === "json");
        codes.push(code);
        // The issue's own rule: an empty query is a usage error. blns holds three blank strings.
        const expected: number[] = query.trim() === "" ? [ExitCode.usage] : [ExitCode.ok, ExitCode.noMatch];
        const problems = [
          expected.includes(code) ? "" : `exit ${code}`,
          isPlainText(stdout) ? "" : "control characters on stdout",
          format === "table" && stdout.split("\n").some((line) => displayWidth(line) > 80)
            ? "a line wider than 80"
            : "",
          isPlainText(stderr) ? "" : "control characters on stderr",
          /\n\s+at /.test(stderr) ? "a stack trace" : "",
          code === ExitCode.ok
            ? stdout === ""
              ? "nothing printed"
              : ""
            : stdout === ""
              ? ""
              : "stdout on failure",
          format === "json" && code === ExitCode.ok && !isJson(stdout) ? "invalid JSON" : "",
        ].filter((p) => p !== "");
        if (problems.length > 0) failures.push(`${JSON.stringify(query)}: ${problems.join(", ")}`);
      }
      expect(failures).toEqual([]);
      // A few find something ("1;DROP TABLE users" finds Tableau), most find nothing.
      expect(codes.filter((c) => c === ExitCode.ok).length).toBeGreaterThan(0);
      expect(codes.filter((c) => c === ExitCode.noMatch).length).toBeGreaterThan(naughty.length / 2);
      // 500 searches in one test: room for a machine shared with other work.
    },
    60_000,
  );
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
