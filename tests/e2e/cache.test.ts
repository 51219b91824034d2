// The profile cache as a user meets it: the answers are those of --no-cache whatever happened to
// the profile files or to the cache file, whoever else writes it, and wherever it cannot be written.
// Each test runs a handful of processes on a library of its own.
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCliAsync as runCli } from "../helpers/run-cli.js";

const VALID = readFileSync(join(ROOT, "tests/fixtures/profiles/valid/support-agent.md"), "utf8");
const root = mkdtempSync(join(tmpdir(), "csroles-cache-test-"));
afterAll(() => {
  chmodSync(root, 0o700);
  rmSync(root, { recursive: true, force: true });
});

function profile(id: string, title = `Rolle ${id}`): string {
  return VALID.replace("id: support-agent", `id: ${id}`).replace(
    "title: Kundeservicemedarbejder",
    `title: ${title}`,
  );
}

interface TestLibrary {
  folder: string;
  cacheHome: string;
  cacheDir: string;
}

let libraries = 0;
/** A folder of its own: the valid fixtures, 12 agents and a broken file, and an empty cache home. */
function library(): TestLibrary {
  const dir = join(root, `library-${libraries++}`);
  const folder = join(dir, "profiles");
  cpSync(join(ROOT, "tests/fixtures/profiles/valid"), folder, { recursive: true });
  for (let i = 0; i < 12; i++) writeFileSync(join(folder, `agent-${i}.md`), profile(`agent-${i}`));
  writeFileSync(join(folder, "broken.md"), "---\nid: [unclosed\n---\n");
  return { folder, cacheHome: join(dir, "cache"), cacheDir: join(dir, "cache", "csroles") };
}

/** What list and show answer (every file's role or problem, and one full profile). */
async function answers(lib: TestLibrary, cache: boolean) {
  const env = { XDG_CACHE_HOME: lib.cacheHome };
  const flags = ["--data", lib.folder, ...(cache ? [] : ["--no-cache"])];
  return [
    await runCli(["list", "--json", ...flags], { env }),
    await runCli(["show", "agent-3", "--json", ...flags], { env }),
  ];
}

/** Cached (writing), without the cache, cached again (reading): all the same. */
async function expectSameWithAndWithoutCache(lib: TestLibrary) {
  const cached = await answers(lib, true);
  expect(await answers(lib, false)).toEqual(cached);
  expect(await answers(lib, true)).toEqual(cached);
  const [list, show] = cached;
  return {
    list: JSON.parse(list?.stdout ?? "") as { roles: { id: string; file: string; title: string }[] },
    listErr: list?.stderr ?? "",
    show: JSON.parse(show?.stdout ?? "") as { title: string },
  };
}

/** The library's cache files (not the vocabulary's). */
function cacheFiles(lib: TestLibrary): string[] {
  return readdirSync(lib.cacheDir)
    .filter((name) => name.startsWith("library-"))
    .map((name) => join(lib.cacheDir, name));
}

describe("the profile cache", () => {
  it("answers as without it, and is one file (and the vocabulary's) written on first use", async () => {
    const lib = library();
    const first = await expectSameWithAndWithoutCache(lib);
    expect(first.list.roles).toHaveLength(5 + 1 + 12);
    expect(first.listErr).toContain("broken.md");
    expect(cacheFiles(lib)).toEqual([expect.stringMatching(/\/library-[0-9a-f]+\.json$/)]);
    expect(readdirSync(lib.cacheDir)).toContain("vocabulary.json");
  });

  it("leaves show and compare by id to the roles' own files; by title every file is read and reported", async () => {
    const lib = library();
    const env = { XDG_CACHE_HOME: lib.cacheHome };
    const byId = await runCli(["compare", "agent-3", "agent-7", "--data", lib.folder], { env });
    expect([byId.code, byId.stderr]).toEqual([0, ""]);
    const byTitle = await runCli(["show", "Rolle agent-7", "--json", "--data", lib.folder], { env });
    expect(byTitle.code).toBe(0);
    expect(byTitle.stderr).toContain("csroles: skipped");
    expect(byTitle.stderr).toContain("broken.md");
  });

  it("sees a file added", async () => {
    const lib = library();
    await expectSameWithAndWithoutCache(lib);
    writeFileSync(join(lib.folder, "agent-new.md"), profile("agent-new"));
    expect((await expectSameWithAndWithoutCache(lib)).list.roles.map((r) => r.id)).toContain("agent-new");
  });

  it("sees a file rewritten to the same size with its old mtime put back", async () => {
    const lib = library();
    await expectSameWithAndWithoutCache(lib);
    const path = join(lib.folder, "agent-3.md");
    const { atime, mtime, size } = statSync(path);
    writeFileSync(path, profile("agent-3", "Rolle agent-X"));
    utimesSync(path, atime, mtime);
    expect(statSync(path).size).toBe(size);
    expect((await expectSameWithAndWithoutCache(lib)).show.title).toBe("Rolle agent-X");
  });

  it("sees a file renamed, and then its id changed to match", async () => {
    const lib = library();
    await expectSameWithAndWithoutCache(lib);
    renameSync(join(lib.folder, "agent-4.md"), join(lib.folder, "renamed.md"));
    const renamed = await expectSameWithAndWithoutCache(lib);
    expect(renamed.list.roles.map((r) => r.id)).not.toContain("agent-4");
    expect(renamed.listErr).toContain("renamed.md:2: id: id 'agent-4' does not match the file name");
    writeFileSync(join(lib.folder, "renamed.md"), profile("renamed"));
    const fixed = await expectSameWithAndWithoutCache(lib);
    expect(fixed.list.roles.find((r) => r.id === "renamed")?.file).toBe(join(lib.folder, "renamed.md"));
  });

  it("sees a file removed, a broken file fixed and a good one broken", async () => {
    const lib = library();
    await expectSameWithAndWithoutCache(lib);
    unlinkSync(join(lib.folder, "agent-5.md"));
    writeFileSync(join(lib.folder, "broken.md"), profile("broken", "Rolle fixed"));
    writeFileSync(join(lib.folder, "agent-6.md"), "---\nid: agent-6\n---\n");
    const changed = await expectSameWithAndWithoutCache(lib);
    expect(changed.list.roles.map((r) => r.id)).not.toContain("agent-5");
    expect(changed.list.roles.map((r) => r.title)).toContain("Rolle fixed");
    expect(changed.listErr).toContain("agent-6.md");
  });

  it.each([
    ["not JSON", (path: string) => writeFileSync(path, "{ this is not json")],
    ["truncated", (path: string) => truncateSync(path, Math.floor(readFileSync(path).length / 2))],
    ["empty", (path: string) => writeFileSync(path, "")],
    [
      "of a foreign shape",
      (path: string) => writeFileSync(path, JSON.stringify({ format: 1, files: { x: 1 } })),
    ],
    [
      "written by another csroles version",
      (path: string) => {
        const cache = JSON.parse(readFileSync(path, "utf8"));
        cache.key.version = "0.0.1+another";
        // Its heads would say otherwise: the version alone must keep them out.
        for (const file of Object.values(cache.files) as { head?: { title: string } }[])
          if (file.head) file.head.title = "Stale";
        writeFileSync(path, JSON.stringify(cache));
      },
    ],
  ])("ignores and replaces a cache file %s", async (_, damage) => {
    const lib = library();
    const reference = await answers(lib, false);
    await answers(lib, true);
    for (const path of cacheFiles(lib)) damage(path);
    expect(await answers(lib, true)).toEqual(reference);
    for (const path of cacheFiles(lib)) expect(JSON.parse(readFileSync(path, "utf8")).format).toBe(2);
    expect(await answers(lib, true)).toEqual(reference);
  });

  it("stays correct when several processes write the cache at once", async () => {
    const lib = library();
    const runOnce = () =>
      runCli(["list", "--json", "--data", lib.folder], { env: { XDG_CACHE_HOME: lib.cacheHome } });
    const outputs = await Promise.all([runOnce(), runOnce(), runOnce(), runOnce()]);
    const [reference] = await answers(lib, false);
    for (const out of outputs) expect(out).toEqual(reference);
    expect((await answers(lib, true))[0]).toEqual(reference);
    expect(cacheFiles(lib)).toHaveLength(1);
  }, 60_000);

  it("is neither read nor written with --no-cache", async () => {
    const lib = library();
    await answers(lib, false);
    expect(() => readdirSync(lib.cacheDir)).toThrow();
  });
});

describe("a cache folder that cannot be used", () => {
  const commands = (folder: string) => [
    ["list", "--data", folder],
    ["show", "agent-3", "--data", folder],
    ["search", "zendesk", "--data", folder],
    ["compare", "agent-3", "Rolle agent-7", "--data", folder],
    ["validate", folder],
  ];
  const places: [string, (lib: TestLibrary) => string][] = [
    ["/proc/nope", () => "/proc/nope"],
    [
      "a path under a plain file",
      (lib) => {
        writeFileSync(join(lib.folder, "..", "plain-file"), "");
        return join(lib.folder, "..", "plain-file", "cache");
      },
    ],
    ["a path under /dev/full", () => "/dev/full/cache"],
    [
      "a read-only folder",
      (lib) => {
        const dir = join(lib.folder, "..", "read-only");
        mkdirSync(dir);
        chmodSync(dir, 0o500);
        return dir;
      },
    ],
  ];
  const cases = places.flatMap(([name, place]) =>
    commands("<folder>").map((args) => [name, args[0] as string, place] as const),
  );
  it.each(cases)(
    "(XDG_CACHE_HOME=%s) changes no answer, exit code or message of %s",
    async (_, command, place) => {
      const lib = library();
      const env = { XDG_CACHE_HOME: place(lib) };
      const args = commands(lib.folder).find((line) => line[0] === command) ?? [];
      const reference = await runCli([...args, "--no-cache"], { env });
      expect(await runCli(args, { env })).toEqual(reference);
    },
  );

  it("ignores a relative XDG_CACHE_HOME, as the XDG specification says", async () => {
    const lib = library();
    const home = join(lib.folder, "..", "home");
    const cwd = join(lib.folder, "..", "work");
    mkdirSync(cwd);
    const result = await runCli(["list", "--data", lib.folder], {
      env: { XDG_CACHE_HOME: "relative-cache", HOME: home },
      cwd,
    });
    expect(result.code).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(readdirSync(join(home, ".cache", "csroles"))).toContain("vocabulary.json");
  });
});
