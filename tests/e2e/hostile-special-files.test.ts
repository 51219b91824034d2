import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BUILT_IN_IDS,
  HOSTILE,
  hasStackTrace,
  makeSandbox,
  NOBODY,
  RUNS_AS_ROOT,
  runAsNobody,
  type Sandbox,
  suiteSandbox,
  unsafeCharacters,
} from "../helpers/hostile.js";
import type { CliResult } from "../helpers/run-cli.js";

/**
 * Entries that cannot live in git (a FIFO, a folder named x.md, symbolic link loops, dangling
 * links, devices, an oversized file, an unreadable file, a name holding escape sequences) are made
 * here, in a temporary copy of tests/fixtures/hostile/special-files/.
 */
const GOOD = readFileSync(join(HOSTILE, "special-files/support-agent.md"), "utf8");
const withId = (id: string) => GOOD.replace("id: support-agent", `id: ${id}`);
const EVIL_NAME = "evil\u001b[31m\u0007\nname.md";

/** What follows each bad entry's path in its report line. */
const BAD: Record<string, string> = {
  "oversize.md": ": file: is 257 KiB, over the 256 KiB limit for a profile",
  "folder.md": ": file: is a folder, not a profile file",
  "folder-link.md": ": file: is a folder, not a profile file",
  "fifo.md": ": file: is a FIFO, not a profile file",
  "device.md": ": file: is a device, not a profile file",
  "loop.md": ": file: symbolic link loop",
  "loop-a.md": ": file: symbolic link loop",
  "loop-b.md": ": file: symbolic link loop",
  "dangling.md": ": file: dangling symbolic link (its target does not exist)",
  "UPPER.MD":
    ":2: id: id 'upper-extension' does not match the file name 'UPPER.MD': name the file upper-extension.md (or change the id)",
  [EVIL_NAME]: ":1: file: file is empty; a profile starts with a '---' line",
};

function makeSpecialFolder(root: string): string {
  const dir = join(root, "special-files");
  const elsewhere = join(root, "elsewhere");
  mkdirSync(dir);
  mkdirSync(elsewhere);
  copyFileSync(join(HOSTILE, "special-files/support-agent.md"), join(dir, "support-agent.md"));
  // A good one: a link, named by the profile's id, to a file of another name in another folder.
  writeFileSync(join(elsewhere, "linked.md"), withId("linked-agent"));
  symlinkSync(join(elsewhere, "linked.md"), join(dir, "linked-agent.md"));
  // Read (.MD is a profile file too), but the only name a profile may have is "<id>.md".
  writeFileSync(join(dir, "UPPER.MD"), withId("upper-extension"));
  // Bad ones.
  writeFileSync(join(dir, "oversize.md"), GOOD.padEnd(256 * 1024 + 1, "x"));
  mkdirSync(join(dir, "folder.md"));
  symlinkSync(elsewhere, join(dir, "folder-link.md"));
  const fifo = spawnSync("mkfifo", [join(dir, "fifo.md")]);
  if (fifo.status !== 0) throw new Error(`mkfifo failed: ${fifo.stderr}`);
  symlinkSync("/dev/zero", join(dir, "device.md"));
  symlinkSync("loop.md", join(dir, "loop.md"));
  symlinkSync("loop-b.md", join(dir, "loop-a.md"));
  symlinkSync("loop-a.md", join(dir, "loop-b.md"));
  symlinkSync("no-such-target.md", join(dir, "dangling.md"));
  writeFileSync(join(dir, EVIL_NAME), "");
  // Ignored: hidden files and other extensions, however broken.
  writeFileSync(join(dir, ".hidden.md"), "---js\nnot read\n");
  writeFileSync(join(dir, "notes.txt"), "\u0000\u0001 not read");
  return dir;
}

describe("entries that are not plain profile files", () => {
  let sandbox: Sandbox;
  let dir: string;
  let list: CliResult;
  let json: CliResult;
  let validate: CliResult;
  let validateJson: CliResult;

  beforeAll(() => {
    sandbox = makeSandbox();
    dir = makeSpecialFolder(sandbox.root);
    // The FIFO has no writer: a plain open() would block for ever; the run must end on its own.
    list = sandbox.run(["list", "--data", dir], { COLUMNS: "200" });
    json = sandbox.run(["list", "--json", "--data", dir]);
    validate = sandbox.run(["validate", dir]);
    validateJson = sandbox.run(["validate", "--json", dir]);
  }, 120_000);
  afterAll(() => sandbox.remove());

  it("lists the good profiles (a linked one too) and exits 0", () => {
    expect(list.code).toBe(0);
    const ids = (JSON.parse(json.stdout) as { roles: { id: string }[] }).roles.map((r) => r.id).sort();
    expect(ids).toEqual([...BUILT_IN_IDS, "linked-agent", "support-agent"].sort());
  });

  it("reports each bad entry on exactly one line, naming it; hidden and non-.md files are not read", () => {
    const lines = list.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(Object.keys(BAD).length);
    for (const [file, problem] of Object.entries(BAD)) {
      // Names are neutralised like any other untrusted text: ESC → ␛, BEL → ␇, newline → space.
      const shown = join(dir, file)
        .replace("\u001b", "\u241b")
        .replace("\u0007", "\u2407")
        .replace("\n", " ");
      expect(lines.filter((line) => line === `csroles: skipped ${shown}${problem}`)).toHaveLength(1);
    }
    expect(list.stderr).not.toContain("hidden");
    expect(list.stderr).not.toContain("notes.txt");
  });

  it("prints no stack trace and no escape byte, even for a file name holding escapes", () => {
    for (const result of [list, json, validate]) {
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(unsafeCharacters(result.stdout)).toEqual([]);
      expect(unsafeCharacters(result.stderr)).toEqual([]);
    }
  });

  it("validate exits 3 and keeps the real file name in its JSON report", () => {
    expect(validate.code).toBe(3);
    expect(validate.stdout.trimEnd().split("\n").at(-1)).toBe(
      "18 profile files checked: 7 valid, 11 invalid (11 problems)",
    );
    const files = (JSON.parse(validateJson.stdout) as { files: { file: string; valid: boolean }[] }).files;
    expect(files.find((f) => f.file === join(dir, EVIL_NAME))?.valid).toBe(false);
  });

  it("--strict exits 3", () => {
    const strict = sandbox.run(["list", "--strict", "--data", dir]);
    expect(strict.code).toBe(3);
    expect(strict.stderr.endsWith("csroles: 11 profile files invalid (--strict)\n")).toBe(true);
  });

  it("writes nothing but its cache", () => {
    expect(sandbox.written().filter((path) => !path.startsWith("home/.cache"))).toEqual([]);
  });
});

// Root reads any file whatever its mode, so when the tests run as root these two run csroles
// as uid 65534 ("nobody"); as any other user they run it as that user.
const asUser = RUNS_AS_ROOT ? `as uid ${NOBODY}, since the tests run as root` : "as the current user";

describe(`unreadable entries (csroles run ${asUser})`, () => {
  const sandbox = suiteSandbox();
  const run = (args: string[]) =>
    RUNS_AS_ROOT
      ? runAsNobody(args, sandbox.cwd, [sandbox.root, sandbox.cwd])
      : sandbox.run([...args, "--no-cache"]);

  it("reports an unreadable file and still lists the others", () => {
    const dir = join(sandbox.root, "unreadable-file");
    mkdirSync(dir);
    copyFileSync(join(HOSTILE, "special-files/support-agent.md"), join(dir, "support-agent.md"));
    writeFileSync(join(dir, "unreadable.md"), withId("unreadable-agent"));
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "support-agent.md"), 0o644);
    chmodSync(join(dir, "unreadable.md"), 0o000);
    const result = run(["list", "--json", "--data", dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `csroles: skipped ${join(dir, "unreadable.md")}: file: cannot be read (permission denied)\n`,
    );
    const ids = (JSON.parse(result.stdout) as { roles: { id: string }[] }).roles.map((r) => r.id);
    expect(ids).toContain("support-agent");
    expect(ids).not.toContain("unreadable-agent");
  });

  it("reports an unreadable --data folder and still lists the built-in profiles", () => {
    const dir = join(sandbox.root, "unreadable-folder");
    mkdirSync(dir);
    copyFileSync(join(HOSTILE, "special-files/support-agent.md"), join(dir, "support-agent.md"));
    chmodSync(dir, 0o000);
    const result = run(["list", "--json", "--data", dir]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`csroles: skipped ${dir}: folder: cannot be read (permission denied)\n`);
    const ids = (JSON.parse(result.stdout) as { roles: { id: string }[] }).roles.map((r) => r.id).sort();
    expect(ids).toEqual(BUILT_IN_IDS);
  });
});
