// The profile cache must never change a result (issue 7): on a generated folder, every role,
// problem, full profile and search result is the same with the cache and without it, after files
// are added, changed, renamed and removed, and whatever happens to the cache's own files.
import { spawnSync } from "node:child_process";
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProfileFile } from "../../src/core/load-profiles.js";
import type { ProfileHead } from "../../src/core/profile.js";
import { restoreIndex } from "../../src/core/search/saved-index.js";
import { ensureParser, type Library, loadLibrary } from "../../src/io/load-library.js";
import { searchOf } from "../../src/io/load-search.js";
import {
  asciiJson,
  CACHE_FORMAT,
  joinBuffers,
  parseAsciiJson,
  RecordArena,
  writeCache,
} from "../../src/io/profile-cache.js";
import { readProfileFile } from "../../src/io/read-profile-folder.js";
import { NAUGHTY_STRINGS } from "../helpers/naughty-strings.js";
import { ROOT } from "../helpers/run-cli.js";

const scratch = mkdtempSync(join(tmpdir(), "csroles-profile-cache-"));
const folder = join(scratch, "profiles");
const cacheDir = join(scratch, "cache");
const QUERIES = ["zendesk", "zendsk", "empati", "kommunikation", "crm", "teamledning", "asiakas"];

beforeAll(async () => {
  await ensureParser();
  const generated = spawnSync(process.execPath, [join(ROOT, "scripts/generate-profiles.mjs"), folder, "60"], {
    encoding: "utf8",
  });
  expect(generated.status, generated.stderr).toBe(0);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function load(cached: boolean): Library {
  return loadLibrary({
    dataDir: join(ROOT, "data"),
    extraDirs: [{ dir: folder, from: "--data" }],
    build: "test",
    ...(cached ? { cacheDir } : {}),
  });
}

/** A head's fields, read through whatever getters a cached head has. */
function plain(head: ProfileHead) {
  const { id, title, title_en, lang, level, position, aliases, skill_count, tool_count, skills, tools } =
    head;
  return { id, title, title_en, lang, level, position, aliases, skill_count, tool_count, skills, tools };
}

/** Everything a command could show. */
function outcome(library: Library) {
  const search = searchOf(library);
  return {
    files: library.files,
    problems: library.problems,
    roles: library.roles.map((r) => ({ ...r, profile: plain(r.profile) })),
    profiles: library.profiles.map((p) => p.profile),
    searches: QUERIES.map((q) => search.search(q, { scope: "all", labelLang: "en", limit: 10 })),
  };
}

function cacheFiles(suffix: string): string[] {
  return readdirSync(cacheDir)
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(cacheDir, name));
}

/** Uncached, then cached twice (the first may write, the second reads): all three the same. */
function expectSameWithAndWithoutCache() {
  const reference = outcome(load(false));
  expect(outcome(load(true))).toEqual(reference);
  const warm = load(true);
  expect(outcome(warm)).toEqual(reference);
  return { reference, warm };
}

function profilePath(index: number): string {
  const name = readdirSync(folder)
    .filter((n) => n.endsWith(".md"))
    .sort()[index];
  if (!name) throw new Error(`no profile ${index}`);
  return join(folder, name);
}

describe("the profile cache on a generated folder", () => {
  it("gives the same roles, profiles and search results, and the warm run uses the saved search index", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    const { reference, warm } = expectSameWithAndWithoutCache();
    expect(reference.roles).toHaveLength(5 + 60);
    expect(reference.searches.some((s) => s.total > 0)).toBe(true);
    // The warm run found its saved index, and it fits these roles.
    const saved = warm.searchCache?.read();
    expect(saved).toBeDefined();
    expect(saved && restoreIndex(saved, warm.roles)).toBeDefined();
    expect(cacheFiles(".json")).toHaveLength(1);
    expect(cacheFiles(".search")).toHaveLength(1);
  });

  it("sees files added, changed in place, renamed and removed", () => {
    const first = profilePath(0);
    const text = readFileSync(first, "utf8");
    const id = /^id: (.+)$/m.exec(text)?.[1] ?? "";

    writeFileSync(join(folder, "added-role.md"), text.replace(`id: ${id}`, "id: added-role"));
    expect(expectSameWithAndWithoutCache().reference.roles.map((r) => r.profile.id)).toContain("added-role");

    // Same size, new content: only the mtime tells.
    const changed = text.replace(/^title: (.)/m, (_, c: string) => `title: ${c === "X" ? "Y" : "X"}`);
    expect(changed.length).toBe(text.length);
    writeFileSync(first, changed);
    utimesSync(first, new Date(), new Date(Date.now() + 10_000));
    const afterChange = expectSameWithAndWithoutCache().reference;
    expect(afterChange.roles.find((r) => r.profile.id === id)?.profile.title).toMatch(/^[XY]/);

    // A renamed file no longer matches its id (a problem) until its id is changed to match.
    renameSync(join(folder, "added-role.md"), join(folder, "renamed-role.md"));
    const renamed = expectSameWithAndWithoutCache().reference;
    expect(renamed.roles.map((r) => r.profile.id)).not.toContain("added-role");
    expect(renamed.problems.map((p) => p.file)).toContain(join(folder, "renamed-role.md"));
    writeFileSync(join(folder, "renamed-role.md"), text.replace(`id: ${id}`, "id: renamed-role"));
    const renamedId = expectSameWithAndWithoutCache().reference;
    expect(renamedId.roles.find((r) => r.profile.id === "renamed-role")?.file).toBe(
      join(folder, "renamed-role.md"),
    );

    unlinkSync(profilePath(3));
    expect(expectSameWithAndWithoutCache().reference.roles).toHaveLength(5 + 60);

    // A file broken, and a second file with a taken id (reported: its name is not that id).
    writeFileSync(profilePath(5), "---\nid: [unclosed\n---\n");
    writeFileSync(join(folder, "zz-duplicate.md"), text.replace(`id: ${id}`, "id: renamed-role"));
    const broken = expectSameWithAndWithoutCache().reference;
    expect(broken.problems.map((p) => p.file)).toEqual(
      expect.arrayContaining([profilePath(5), join(folder, "zz-duplicate.md")]),
    );
  });

  it("rebuilds a corrupt, truncated, emptied or foreign manifest", () => {
    const reference = outcome(load(false));
    for (const damage of [
      (path: string) => writeFileSync(path, "{ this is not json"),
      (path: string) => truncateSync(path, Math.floor(readFileSync(path).length / 2)),
      (path: string) => writeFileSync(path, ""),
      (path: string) =>
        writeFileSync(path, JSON.stringify({ format: CACHE_FORMAT, build: "test", paths: [1] })),
      (path: string) => {
        // Well-formed, but its columns disagree with each other.
        const manifest = JSON.parse(readFileSync(path, "utf8"));
        manifest.stamps.pop();
        writeFileSync(path, JSON.stringify(manifest));
      },
      (path: string) => {
        // Right in every field, but not the ASCII that csroles writes (checked below: rewritten).
        const manifest = JSON.parse(readFileSync(path, "utf8"));
        manifest.note = "Kundtjänst";
        writeFileSync(path, JSON.stringify(manifest));
      },
      (path: string) => {
        // Nor one written in another format (an older csroles).
        const manifest = JSON.parse(readFileSync(path, "utf8"));
        manifest.format = CACHE_FORMAT - 1;
        writeFileSync(path, JSON.stringify(manifest));
      },
      (path: string) => {
        // Another build's cache is not used.
        const manifest = JSON.parse(readFileSync(path, "utf8"));
        manifest.build = "other";
        writeFileSync(path, JSON.stringify(manifest));
      },
    ]) {
      outcome(load(true));
      for (const path of cacheFiles(".json")) damage(path);
      expect(outcome(load(true))).toEqual(reference);
      // Rewritten whole.
      for (const path of cacheFiles(".json")) {
        const bytes = readFileSync(path);
        expect(JSON.parse(bytes.toString("utf8")).format).toBe(CACHE_FORMAT);
        expect(bytes.every((byte) => byte < 0x80)).toBe(true);
      }
    }
  });

  it("does not trust damaged records, heads, lists or search files", () => {
    const reference = outcome(load(false));
    const damages: [string, (path: string) => void][] = [
      // Same length, different bytes: still well-formed JSON, but wrong data.
      [".rec", (path) => writeFileSync(path, readFileSync(path, "latin1").replaceAll("a", "e"), "latin1")],
      [".rec", (path) => truncateSync(path, 10)],
      [".heads", (path) => writeFileSync(path, readFileSync(path, "latin1").replaceAll('"', "'"), "latin1")],
      [
        ".heads",
        (path) => writeFileSync(path, readFileSync(path, "latin1").replaceAll("Kund", "Hund"), "latin1"),
      ],
      [".heads", (path) => unlinkSync(path)],
      [
        // The manifest's line starts of the heads file, each one byte off.
        ".json",
        (path) => {
          const manifest = JSON.parse(readFileSync(path, "latin1")) as { headStarts: number[] };
          manifest.headStarts = manifest.headStarts.map((start) => start + 1);
          writeFileSync(path, asciiJson(manifest), "latin1");
        },
      ],
      [".lists", (path) => truncateSync(path, 100)],
      [".lists", (path) => unlinkSync(path)],
      [
        ".search",
        (path) => {
          const bytes = readFileSync(path);
          // A role number in the uses column pointed past the roles.
          bytes.writeInt32LE(1_000_000, bytes.length - 4 * 3 * 10);
          writeFileSync(path, bytes);
        },
      ],
      [".search", (path) => truncateSync(path, 20)],
      [".search", (path) => writeFileSync(path, "CSRS\u0000\u0000\u0000\u0000")],
    ];
    for (const [suffix, damage] of damages) {
      // A fresh, complete cache (with its search file), then the damage.
      rmSync(cacheDir, { recursive: true, force: true });
      outcome(load(true));
      outcome(load(true));
      const targets = cacheFiles(suffix);
      expect(targets.length, suffix).toBeGreaterThan(0);
      for (const path of targets) damage(path);
      expect(outcome(load(true)), suffix).toEqual(reference);
      expect(outcome(load(true)), suffix).toEqual(reference);
    }
  });

  it("does not use a search index saved for other roles", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    outcome(load(true));
    const [oldSearch] = cacheFiles(".search");
    if (!oldSearch) throw new Error("no search file written");
    const saved = readFileSync(oldSearch);
    // The roles change, as many as before (a new manifest, a new token); the old index is put
    // back under the new name.
    const replaced = profilePath(1);
    writeFileSync(
      join(folder, "another.md"),
      readFileSync(profilePath(2), "utf8").replace(/^id: .+$/m, "id: another"),
    );
    unlinkSync(replaced);
    const reference = outcome(load(false));
    const library = load(true);
    const [manifest] = cacheFiles(".json");
    const token = JSON.parse(readFileSync(manifest ?? "", "utf8")).token as string;
    writeFileSync(oldSearch.replace(/-[0-9a-f]+\.search$/, `-${token}.search`), saved);
    expect(outcome(library)).toEqual(reference);
    expect(outcome(load(true))).toEqual(reference);
  });
});

describe("the search file's columns", () => {
  const empty = () => {
    const manifest = writeCache(
      join(scratch, "columns"),
      "0123456789abcdef",
      {
        build: "test",
        vocabularyStamp: "",
        vocabulary: { skills: [], toolCategories: [], stages: [], positions: [], levels: [], tools: [] },
      },
      [],
    );
    if (!manifest) throw new Error("no manifest written");
    return manifest;
  };

  it.each([
    ["16 bits a value when all fit", [0, 1, 65_535, 42], 2],
    ["32 bits a value when one does not", [0, 65_536, 7], 4],
    ["32 bits a value for a negative one", [3, -1, 0], 4],
  ])("are stored in %s, and read back the same", (_, values, width) => {
    const manifest = empty();
    const columns = Int32Array.from(values);
    manifest.writeSearchIndex("test", { any: "header" }, columns);
    const file = readdirSync(join(scratch, "columns")).find((name) => name.endsWith(".search")) ?? "";
    const bytes = readFileSync(join(scratch, "columns", file));
    const headerEnd = 16 + bytes.readUInt32LE(4);
    expect(JSON.parse(bytes.toString("latin1", 16, headerEnd)).width).toBe(width);
    expect(bytes.length - Math.ceil(headerEnd / 4) * 4).toBe(values.length * width);
    expect(manifest.readSearchIndex("test")).toEqual({ header: { any: "header" }, columns });
  });
});

describe("asciiJson, the text of the manifest and of the search file's header", () => {
  const naughty: string[] = [...NAUGHTY_STRINGS];

  it("writes only ASCII and reads back every naughty string, lone surrogates included", () => {
    const value = { naughty, lone: ["\ud800", "a\udfffb", "😀"], nested: { "nøgle å": ["Kundtjänst"] } };
    const bytes = Buffer.from(asciiJson(value), "utf8");
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(parseAsciiJson(bytes)).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it("refuses text that is not ASCII, or only part of a buffer", () => {
    expect(() => parseAsciiJson(Buffer.from('{"a":"å"}', "utf8"))).toThrow(/ASCII/);
    const framed = Buffer.from('xx{"a":1}yy', "latin1");
    expect(parseAsciiJson(framed, 2, 9)).toEqual({ a: 1 });
  });
});

describe("RecordArena and joinBuffers, how the records of parsed files are kept and written", () => {
  const texts = [
    '{"id":"a"}',
    "",
    '{"title":"Kundtjänst – ärende"}',
    "😀".repeat(40),
    "x".repeat(300),
    '{"lone":"\\ud800"}',
    "å".repeat(1000),
  ];

  it("gives back every record as it was added, across growth of its buffer", () => {
    const arena = new RecordArena(8);
    const records = texts.map((text) => arena.add(text));
    texts.forEach((text, i) => {
      const record = records[i] as [number, number];
      expect(arena.text(record)).toBe(text);
      expect(arena.view(record).equals(Buffer.from(text, "utf8"))).toBe(true);
    });
  });

  it("joins views as Buffer.concat does, without copying views that follow each other", () => {
    const arena = new RecordArena(8);
    const records = texts.map((text) => arena.add(text));
    const views = records.map((record) => arena.view(record));
    const expected = Buffer.concat(texts.map((text) => Buffer.from(text, "utf8")));
    const joined = joinBuffers(views);
    expect(joined.equals(expected)).toBe(true);
    expect(joined.buffer).toBe(views[0]?.buffer);
    // Views of other memory in between: still the same bytes, in order.
    const mixed = [
      views[0],
      Buffer.from("between"),
      ...views.slice(1, 4),
      Buffer.alloc(0),
      ...views.slice(4),
    ];
    const parts = mixed as Buffer[];
    expect(joinBuffers(parts).equals(Buffer.concat(parts))).toBe(true);
    expect(joinBuffers([]).length).toBe(0);
  });

  it("writes each record of a first run as the UTF-8 JSON of its profile, in file order", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    const library = load(true);
    const [records] = cacheFiles(".rec");
    const written = readFileSync(records as string);
    // Every file with a valid profile has a record, overridden ones too.
    const expected = Buffer.concat(
      library.files.flatMap((path) => {
        const loaded = loadProfileFile(readProfileFile(path, dirname(path)), library.vocabulary);
        return loaded.profile ? [Buffer.from(JSON.stringify(loaded.profile.profile), "utf8")] : [];
      }),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(written.equals(expected)).toBe(true);
  });
});
