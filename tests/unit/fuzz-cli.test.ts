import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli.js";
import { LANGUAGES } from "../../src/core/profile.js";
import { say } from "../../src/messages/translate.js";
import { HOSTILE, makeSandbox, unsafeCharacters, VALID_PROFILE } from "../helpers/hostile.js";
import { ROOT } from "../helpers/run-cli.js";

/**
 * Property tests of the whole command line, in this process through run() with a fake io (the
 * entry point minus process streams), so hundreds of generated command lines take seconds.
 * Whatever the arguments and environment: no internal error (exit 70) or exception, an exit code
 * of 0, 1, 2 or 3, stderr made of `csroles:`/`hint:` lines with no stack trace, and stdout with
 * no control character but csroles' own colour codes (when colour is asked for).
 */
const sandbox = makeSandbox("csroles-fuzz-cli-");
afterAll(() => sandbox.remove());

const IDS = [
  "customer-support-manager",
  "customer-service-team-lead",
  "support-agent",
  "constructor",
  "control-characters",
];
const FOLDERS = [
  join(HOSTILE, "control-characters"),
  join(HOSTILE, "prototype-keys"),
  join(HOSTILE, "broken-files"),
  join(HOSTILE, "yaml-bombs"),
  join(HOSTILE, "duplicate-ids/second"),
  join(ROOT, "tests/fixtures/profiles/valid"),
  join(sandbox.root, "missing"),
  VALID_PROFILE,
  "",
];

const hostileText = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "../../etc/passwd",
    "/etc/passwd",
    "a/b",
    "__proto__",
    "constructor",
    "-",
    "--",
    "-x",
  ),
  fc.constantFrom(
    "\u001b[2J",
    "\u001b]0;x\u0007",
    "\u009b31m",
    "\u202eevil",
    "x\u0000y",
    "x".repeat(300),
    "zendsk",
    "empati",
  ),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
const word = fc.oneof(fc.constantFrom(...IDS, "Kundesupportchef", "CSE", "zendesk", "tålamod"), hostileText);

const flag = (...names: string[]) => fc.constantFrom(...names.map((name) => [name]));
const valued = (names: string[], values: string[]) =>
  fc.tuple(fc.constantFrom(...names), fc.constantFrom(...values));

/** Options every command takes, and a few broken ones. */
const commonOption: fc.Arbitrary<readonly string[]> = fc.oneof(
  {
    arbitrary: flag("--json", "--csv", "--markdown", "--strict", "--no-cache", "--no-color", "--color"),
    weight: 6,
  },
  { arbitrary: valued(["--format"], ["table", "json", "csv", "markdown", "xml", ""]), weight: 2 },
  { arbitrary: valued(["--data"], FOLDERS), weight: 4 },
  { arbitrary: valued(["--lang"], ["en", "da", "sv", "nb", "fi", "xx", "", "EN"]), weight: 2 },
  { arbitrary: flag("-h", "--help", "-V", "--bogus", "--", "--data", "--format"), weight: 1 },
  { arbitrary: hostileText.map((text) => [text]), weight: 1 },
);

/** Options before the command name: the global ones, mostly. */
const globalOption: fc.Arbitrary<readonly string[]> = fc.oneof(
  { arbitrary: flag("--strict", "--no-cache", "--no-color", "--color"), weight: 4 },
  { arbitrary: valued(["--data"], FOLDERS), weight: 4 },
  { arbitrary: valued(["--lang"], ["en", "da", "sv", "nb", "fi"]), weight: 2 },
  { arbitrary: commonOption, weight: 1 },
);

/** Each command's own options, valid values mostly. */
const ownOptions: Record<string, fc.Arbitrary<readonly string[]>> = {
  list: fc.oneof(
    valued(["--level"], ["entry", "mid-level", "management", "nope"]),
    valued(["--sort"], ["id", "title", "skills", "tools", "nope"]),
  ),
  show: valued(["--section"], ["overview", "skills", "tools", "career", "notes", "nope", ""]),
  search: fc.oneof(
    valued(["--in"], ["skills", "tools", "all", "everything"]),
    valued(["--limit"], ["1", "3", "0", "-1", "abc", "99999999999999999999"]),
  ),
  compare: valued(["--only"], ["career", "skills", "tools", "nope"]),
  validate: valued(["--format"], ["table", "json"]),
  help: flag("--help"),
  bogus: flag("--json"),
};

/** Positional arguments each command expects, mostly the right number of them. */
const operands: Record<string, fc.Arbitrary<string[]>> = {
  list: fc.oneof(
    { arbitrary: fc.constant<string[]>([]), weight: 9 },
    { arbitrary: fc.tuple(word).map((w) => [...w]), weight: 1 },
  ),
  show: fc.oneof(
    { arbitrary: fc.tuple(word).map((w) => [...w]), weight: 9 },
    { arbitrary: fc.array(word, { maxLength: 2 }), weight: 1 },
  ),
  search: fc.array(word, { minLength: 1, maxLength: 2 }),
  compare: fc.array(word, { minLength: 2, maxLength: 4 }),
  validate: fc.array(fc.constantFrom(...FOLDERS), { maxLength: 2 }),
  help: fc.array(fc.constantFrom("list", "show", "search", "compare", "validate", "bogus"), { maxLength: 1 }),
  bogus: fc.array(word, { maxLength: 1 }),
};

const commandLine = fc
  .constantFrom("list", "show", "search", "compare", "validate", "list", "show", "compare", "help", "bogus")
  .chain((command) =>
    fc.tuple(
      fc.array(globalOption, { maxLength: 2 }),
      fc.constant(command),
      operands[command] as fc.Arbitrary<string[]>,
      fc.array(fc.oneof(commonOption, ownOptions[command] as fc.Arbitrary<readonly string[]>), {
        maxLength: 3,
      }),
    ),
  )
  .map(([before, command, words, after]) => [...before.flat(), command, ...words, ...after.flat()]);

const HINT_OR_ERROR = new RegExp(
  `^(csroles|${LANGUAGES.map((lang) => say(lang, "error.hintPrefix")).join("|")}): `,
);

const environment = fc.record(
  {
    COLUMNS: fc.constantFrom("80", "20", "0", "-5", "abc", "400"),
    CSROLES_LANG: fc.constantFrom("sv", "fi", "da", "nb", "en", "xx"),
    LANG: fc.constantFrom("C", "da_DK.UTF-8", "no_NO", "garbage"),
    NO_COLOR: fc.constantFrom("1", ""),
    FORCE_COLOR: fc.constantFrom("1", "0", "false"),
    CSROLES_PATH: fc.constantFrom(
      ...FOLDERS.slice(0, 6),
      `${FOLDERS[0]}:${FOLDERS[2]}`,
      "::",
      FOLDERS[6] as string,
    ),
  },
  { requiredKeys: [] },
);

async function runInProcess(argv: string[], env: Record<string, string>) {
  let stdout = "";
  let stderr = "";
  const code = await run({
    argv,
    env: { HOME: sandbox.home, XDG_CACHE_HOME: join(sandbox.root, "cache"), ...env },
    dataDir: join(ROOT, "data/"),
    writeOut: (text) => {
      stdout += text;
    },
    writeErr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** The output format a command line asks for, as commander reads it (the last --format wins). */
function chosenFormat(argv: string[]): string | undefined {
  const end = argv.indexOf("--");
  const args = end === -1 ? argv : argv.slice(0, end);
  const chosen = new Set<string>();
  const formatAt = args.lastIndexOf("--format");
  if (formatAt !== -1 && args[formatAt + 1] !== undefined) chosen.add(args[formatAt + 1] as string);
  for (const name of ["json", "csv", "markdown"]) if (args.includes(`--${name}`)) chosen.add(name);
  return chosen.size === 1 ? [...chosen][0] : undefined;
}

function printsHelp(argv: string[]): boolean {
  return argv.some((arg) => ["-h", "--help", "-V", "help"].includes(arg));
}

function colourAskedFor(argv: string[], env: Record<string, string>): boolean {
  return argv.includes("--color") || (env.FORCE_COLOR === "1" && !argv.includes("--no-color"));
}

describe("any command line, any environment", () => {
  it("exits 0, 1, 2 or 3 with printable stdout and one-line errors, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, environment, async (argv, env) => {
        const { code, stdout, stderr } = await runInProcess(argv, env);
        expect([0, 1, 2, 3]).toContain(code);
        const shown = colourAskedFor(argv, env) ? stdout.replace(/\u001b\[[0-9;]*m/g, "") : stdout;
        expect(unsafeCharacters(shown)).toEqual([]);
        expect(stderr).not.toMatch(/\n\s+at /);
        // Every error line is csroles' own, or its hint (commander's suggestions included), in
        // any of the five languages.
        for (const line of stderr.split("\n").filter((l) => l !== "")) {
          expect(line).toMatch(HINT_OR_ERROR);
        }
        if (code === 2) expect(stdout).toBe("");
        if (code === 0 && chosenFormat(argv) === "json" && !printsHelp(argv)) {
          expect(() => JSON.parse(stdout)).not.toThrow();
        }
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it("roles and queries of any text: show, compare and search answer or refuse with exit 1 or 2", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("show", "compare", "search"),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        async (command, words) => {
          const argv = [command, "--", ...words];
          const { code, stdout, stderr } = await runInProcess(argv, {});
          expect([0, 1, 2]).toContain(code);
          expect(unsafeCharacters(stdout)).toEqual([]);
          if (code !== 0) {
            expect(stdout).toBe("");
            expect(stderr).toMatch(/^csroles: /);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
