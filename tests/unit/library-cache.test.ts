// The profile cache must never change a result: on a generated folder, every role, problem, full
// profile and search result is the same with the cache and without it, after files are added,
// changed, renamed and removed, whatever happens to the cache file, and when it cannot be written.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
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
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SkillToolSearch } from "../../src/core/search/search.js";
import { buildSearchIndex } from "../../src/core/search/search-index.js";
import { cacheFolder } from "../../src/io/library-cache.js";
import { type Library, loadLibrary } from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";
import { everyProfile } from "../helpers/test-data.js";

// A write that fails as on a full disk, when a test asks for it.
const failWrites = vi.hoisted(() => ({ on: false }));
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  return {
    ...fs,
    writeFileSync: (...args: Parameters<typeof fs.writeFileSync>) => {
      if (failWrites.on)
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      return fs.writeFileSync(...args);
    },
  };
});

const scratch = mkdtempSync(join(tmpdir(), "csroles-library-cache-"));
const folder = join(scratch, "profiles");
const cacheDir = join(scratch, "cache");
const QUERIES = ["zendesk", "zendsk", "empati", "kommunikation", "crm", "teamledning", "asiakas"];

beforeAll(() => {
  const generated = spawnSync(process.execPath, [join(ROOT, "scripts/generate-profiles.mjs"), folder, "60"], {
    encoding: "utf8",
  });
  expect(generated.status, generated.stderr).toBe(0);
});
afterAll(() => {
  chmodSync(scratch, 0o700);
  rmSync(scratch, { recursive: true, force: true });
});

/** The library, with its cache in `cache` (null: no cache, as --no-cache). */
function load(cache: string | null = cacheDir): Library {
  return loadLibrary({
    dataDir: join(ROOT, "data"),
    extraDirs: [{ dir: folder, from: "--data" }],
    ...(cache === null ? {} : { cacheDir: cache }),
  });
}

/** Everything a command could show. */
function outcome(library: Library) {
  const search = new SkillToolSearch(buildSearchIndex(library.roles, library.vocabulary), library.vocabulary);
  return {
    files: library.files,
    problems: library.problems,
    roles: library.roles,
    profiles: everyProfile(library).map((p) => p.profile),
    searches: QUERIES.map((q) => search.search(q, { scope: "all", labelLang: "en", limit: 10 })),
  };
}

/** The library's cache files (not the vocabulary's). */
function cacheFiles(): string[] {
  return readdirSync(cacheDir)
    .filter((name) => name.startsWith("library-"))
    .map((name) => join(cacheDir, name));
}

/** Uncached, then cached twice (the first may write, the second reads): all three the same. */
function expectSameWithAndWithoutCache() {
  const reference = outcome(load(null));
  expect(outcome(load())).toEqual(reference);
  expect(outcome(load())).toEqual(reference);
  return reference;
}

function profilePath(index: number): string {
  const name = readdirSync(folder)
    .filter((n) => n.endsWith(".md"))
    .sort()[index];
  if (!name) throw new Error(`no profile ${index}`);
  return join(folder, name);
}

describe("the profile cache", () => {
  it("gives the same roles, profiles and search results, from one file and the vocabulary's", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    const reference = expectSameWithAndWithoutCache();
    expect(reference.roles).toHaveLength(5 + 60);
    expect(reference.searches.some((s) => s.total > 0)).toBe(true);
    expect(cacheFiles()).toHaveLength(1);
    expect(cacheFiles()[0]).toMatch(/library-[0-9a-f]+\.json$/);
    expect(readdirSync(cacheDir).sort()).toEqual([expect.stringMatching(/^library-/), "vocabulary.json"]);
  });

  it("does not write the cache again when nothing changed", () => {
    load();
    const [file = ""] = cacheFiles();
    const before = statSync(file, { bigint: true });
    load();
    const after = statSync(file, { bigint: true });
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
  });

  it("sees files added, changed in place, renamed and removed", () => {
    const first = profilePath(0);
    const text = readFileSync(first, "utf8");
    const id = /^id: (.+)$/m.exec(text)?.[1] ?? "";

    writeFileSync(join(folder, "added-role.md"), text.replace(`id: ${id}`, "id: added-role"));
    expect(expectSameWithAndWithoutCache().roles.map((r) => r.profile.id)).toContain("added-role");

    // Same size, new content, and the old mtime put back: only the ctime tells.
    const changed = text.replace(/^title: (.)/m, (_, c: string) => `title: ${c === "X" ? "Y" : "X"}`);
    expect(changed.length).toBe(text.length);
    const { atime, mtime } = statSync(first);
    writeFileSync(first, changed);
    utimesSync(first, atime, mtime);
    const afterChange = expectSameWithAndWithoutCache();
    expect(afterChange.roles.find((r) => r.profile.id === id)?.profile.title).toMatch(/^[XY]/);

    // A renamed file no longer matches its id (a problem) until its id is changed to match.
    renameSync(join(folder, "added-role.md"), join(folder, "renamed-role.md"));
    const renamed = expectSameWithAndWithoutCache();
    expect(renamed.roles.map((r) => r.profile.id)).not.toContain("added-role");
    expect(renamed.problems.map((p) => p.file)).toContain(join(folder, "renamed-role.md"));
    writeFileSync(join(folder, "renamed-role.md"), text.replace(`id: ${id}`, "id: renamed-role"));
    expect(expectSameWithAndWithoutCache().roles.find((r) => r.profile.id === "renamed-role")?.file).toBe(
      join(folder, "renamed-role.md"),
    );

    unlinkSync(profilePath(3));
    expect(expectSameWithAndWithoutCache().roles).toHaveLength(5 + 60);

    // A file broken, and a second file with a taken id (reported: its name is not that id).
    writeFileSync(profilePath(5), "---\nid: [unclosed\n---\n");
    writeFileSync(join(folder, "zz-duplicate.md"), text.replace(`id: ${id}`, "id: renamed-role"));
    expect(expectSameWithAndWithoutCache().problems.map((p) => p.file)).toEqual(
      expect.arrayContaining([profilePath(5), join(folder, "zz-duplicate.md")]),
    );
  });

  // biome-ignore lint/suspicious/noExplicitAny: damaging a parsed cache file, whatever its shape
  type Cache = any;
  /** The cache file, parsed, changed by `change`, and written back. */
  const edited = (change: (cache: Cache) => void) => (path: string) => {
    const cache = JSON.parse(readFileSync(path, "utf8"));
    change(cache);
    writeFileSync(path, JSON.stringify(cache));
  };
  const firstHead = (cache: Cache) =>
    (Object.values(cache.files) as { head?: Record<string, unknown> }[]).find((file) => file.head)?.head ??
    {};

  it.each([
    ["not JSON", (path: string) => writeFileSync(path, "{ this is not json")],
    ["truncated", (path: string) => truncateSync(path, Math.floor(readFileSync(path).length / 2))],
    ["empty", (path: string) => writeFileSync(path, "")],
    ["JSON of another shape", (path: string) => writeFileSync(path, JSON.stringify([1, 2, 3]))],
    ["of another format", edited((cache) => (cache.format = 0))],
    ["of another csroles version", edited((cache) => (cache.key.version = "0.0.1+other"))],
    ["made for another vocabulary", edited((cache) => (cache.key.vocabulary = "0000"))],
    ["made for other folders", edited((cache) => (cache.key.folders = ["/elsewhere"]))],
    ["with a head of the wrong shape", edited((cache) => (firstHead(cache).title = 7))],
    ["with skills out of the table", edited((cache) => (firstHead(cache).skills = [1_000_000]))],
    ["with a source that is not one", edited((cache) => (firstHead(cache).source = { file: 7 }))],
    ["with a tool table entry cut short", edited((cache) => cache.tools[0].pop())],
  ])("ignores and replaces a cache file %s", (_, damage) => {
    const reference = outcome(load(null));
    load();
    for (const path of cacheFiles()) damage(path);
    expect(outcome(load())).toEqual(reference);
    // Replaced: the next run reads it and gives the same.
    expect(JSON.parse(readFileSync(cacheFiles()[0] ?? "", "utf8")).format).toBe(2);
    expect(outcome(load())).toEqual(reference);
  });

  it.each([
    ["not JSON", (path: string) => writeFileSync(path, "{ this is not json")],
    ["empty", (path: string) => writeFileSync(path, "")],
    ["kept for another vocabulary text", edited((cache) => (cache.hash = "0000"))],
    ["of another format", edited((cache) => (cache.format = 0))],
    ["with a list that is not one", edited((cache) => (cache.parsed.skills = "x"))],
    ["with a concept of the wrong shape", edited((cache) => (cache.parsed.tools[0] = 5))],
    ["without a kind", edited((cache) => delete cache.parsed.levels)],
  ])("ignores and replaces a vocabulary file %s", (_, damage) => {
    const reference = outcome(load(null));
    load();
    const file = join(cacheDir, "vocabulary.json");
    damage(file);
    expect(outcome(load())).toEqual(reference);
    expect(JSON.parse(readFileSync(file, "utf8")).format).toBe(2);
    expect(outcome(load())).toEqual(reference);
  });
});

describe("a cache that cannot be written", () => {
  it.each([
    ["under /proc", () => "/proc/nope/csroles"],
    [
      "under a plain file",
      () => {
        writeFileSync(join(scratch, "plain-file"), "");
        return join(scratch, "plain-file", "csroles");
      },
    ],
    ["under /dev/full", () => "/dev/full/csroles"],
    [
      "in a read-only folder",
      () => {
        const dir = join(scratch, "read-only");
        mkdirSync(dir, { recursive: true });
        chmodSync(dir, 0o500);
        return join(dir, "csroles");
      },
    ],
  ])("changes nothing %s", (_, where) => {
    const reference = outcome(load(null));
    const dir = where();
    expect(outcome(load(dir))).toEqual(reference);
    expect(outcome(load(dir))).toEqual(reference);
  });

  it("changes nothing when the disk is full", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    const reference = outcome(load(null));
    failWrites.on = true;
    try {
      expect(outcome(load())).toEqual(reference);
      expect(outcome(load())).toEqual(reference);
      // No half-written temporary file is left behind.
      expect(readdirSync(cacheDir)).toEqual([]);
    } finally {
      failWrites.on = false;
    }
  });
});

describe("the cache folder", () => {
  it("is $XDG_CACHE_HOME/csroles, else ~/.cache/csroles; a relative XDG_CACHE_HOME is ignored", () => {
    expect(cacheFolder({ XDG_CACHE_HOME: "/x/cache", HOME: "/home/u" })).toBe("/x/cache/csroles");
    expect(cacheFolder({ HOME: "/home/u" })).toBe("/home/u/.cache/csroles");
    expect(cacheFolder({ XDG_CACHE_HOME: "", HOME: "/home/u" })).toBe("/home/u/.cache/csroles");
    expect(cacheFolder({ XDG_CACHE_HOME: "relative/cache", HOME: "/home/u" })).toBe("/home/u/.cache/csroles");
    expect(cacheFolder({ XDG_CACHE_HOME: "relative/cache" })).toBeUndefined();
    expect(cacheFolder({})).toBeUndefined();
  });
});
