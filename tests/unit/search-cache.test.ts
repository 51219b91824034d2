// The search cache (io/search-cache.ts) keeps a built search index for the next search. It must
// never change an answer: the same results as an index built from the profiles, a new index as
// soon as any file changes, and a damaged or foreign file ignored (or, when the damage shows only
// while searching, the index built again).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/commands/context.js";
import { runSearch } from "../../src/commands/search.js";
import { blobsOf, packIndex } from "../../src/core/search/packed-index.js";
import { SkillToolSearch } from "../../src/core/search/search.js";
import { buildSearchIndex, type SearchIndex } from "../../src/core/search/search-index.js";
import { unpackIndex } from "../../src/core/search/unpack-index.js";
import { LibrarySession } from "../../src/io/library-session.js";
import {
  keepSearchIndex,
  keptSearchIndex,
  type LibrarySources,
  loadLibrary,
} from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";
import { libraryContext } from "../helpers/test-data.js";

const scratch = mkdtempSync(join(tmpdir(), "csroles-search-cache-"));
const folder = join(scratch, "profiles");
const cacheDir = join(scratch, "cache");
// Names, typos, a category, running text (one word and a phrase), and a word no name or text has.
const QUERIES = ["zendesk", "zendsk", "empati", "crm", "teamledning", "kvalitet", "lyssna ärlig", "asiakas"];

beforeAll(() => {
  const generated = spawnSync(process.execPath, [join(ROOT, "scripts/generate-profiles.mjs"), folder, "60"], {
    encoding: "utf8",
  });
  expect(generated.status, generated.stderr).toBe(0);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const sources = (cache: string | null = cacheDir): LibrarySources => ({
  dataDir: join(ROOT, "data"),
  extraDirs: [{ dir: folder, from: "--data" }],
  ...(cache === null ? {} : { cacheDir: cache }),
});

const session = (cache: string | null = cacheDir) =>
  new LibrarySession({ ...sources(cache), strict: false, report: () => {} });

function results(index: SearchIndex, vocabulary = loadLibrary(sources(null)).vocabulary) {
  const search = new SkillToolSearch(index, vocabulary);
  return QUERIES.map((query) => search.search(query, { scope: "all", labelLang: "en" }));
}

/** The results with an index built from the profiles alone (no cache at all). */
const reference = () => {
  const { index, vocabulary } = session(null).searchIndex();
  return results(index, vocabulary);
};

const searchFile = () => {
  const name = readdirSync(cacheDir).find((file) => file.startsWith("search-"));
  if (!name) throw new Error("no search cache file");
  return join(cacheDir, name);
};

describe("the search cache", () => {
  it("is written by a search and then read, with the same results as an index built from the profiles", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    expect(keptSearchIndex(sources())).toBeUndefined();
    const expected = reference();
    expect(
      expected.some((outcome) => outcome.hits.some((hit) => hit.matched_field === "responsibility_text")),
    ).toBe(true);
    const first = session().searchIndex();
    expect(searchFile()).toMatch(/search-[0-9a-f]+\.bin$/);
    const kept = keptSearchIndex(sources());
    expect(kept).toBeDefined();
    expect(results(first.index)).toEqual(expected);
    expect(results((kept as NonNullable<typeof kept>).index)).toEqual(expected);
  });

  it("is what a warm search answers from", () => {
    session().searchIndex();
    // Keep, for the library as it is, an index of one role renamed: the next search must show it.
    const library = loadLibrary(sources());
    const [first, ...rest] = library.roles;
    if (!first) throw new Error("no role");
    const renamed = { ...first, profile: { ...first.profile, title: "Zebra Keeper Title" } };
    keepSearchIndex(sources(), library, buildSearchIndex([renamed, ...rest], library.vocabulary));
    const found = results(session().searchIndex().index).flatMap((o) => o.hits.flatMap((h) => h.roles));
    expect(found.map((role) => role.title)).toContain("Zebra Keeper Title");
    rmSync(searchFile());
  });

  it("is replaced as soon as a profile changes, even with its old size and mtime", () => {
    session().searchIndex();
    const file = join(
      folder,
      readdirSync(folder)
        .filter((name) => name.endsWith(".md"))
        .sort()[0] ?? "",
    );
    const text = readFileSync(file, "utf8");
    const changed = text.replace(/^title: (.)(.)/m, "title: Qx");
    expect(changed.length).toBe(text.length);
    const { atime, mtime } = statSync(file);
    writeFileSync(file, changed);
    utimesSync(file, atime, mtime);
    expect(keptSearchIndex(sources())).toBeUndefined();
    expect(results(session().searchIndex().index)).toEqual(reference());
    expect(keptSearchIndex(sources())).toBeDefined();
    writeFileSync(file, text);
  });

  it.each([
    ["cut short", (data: Buffer) => data.subarray(0, data.length - 7)],
    ["with bytes added", (data: Buffer) => Buffer.concat([data, Buffer.from("more")])],
    ["not ours at all", () => Buffer.from("PK\u0003\u0004 a zip file")],
    [
      "with a head that is not JSON",
      (data: Buffer) => Buffer.from(data.toString("latin1").replace("{", "<"), "latin1"),
    ],
    ["empty", () => Buffer.alloc(0)],
  ])("is ignored and replaced when %s", (_, damage) => {
    session().searchIndex();
    writeFileSync(searchFile(), damage(readFileSync(searchFile())));
    expect(keptSearchIndex(sources())).toBeUndefined();
    expect(results(session().searchIndex().index)).toEqual(reference());
    expect(keptSearchIndex(sources())).toBeDefined();
  });
});

describe("a packed index", () => {
  let library: ReturnType<typeof loadLibrary>;
  let index: SearchIndex;
  beforeAll(() => {
    library = loadLibrary(sources(null));
    index = buildSearchIndex(library.roles, library.vocabulary);
  });

  it("unpacks to an index with the same results", () => {
    const { head, blobs } = packIndex(index);
    const unpacked = unpackIndex(JSON.parse(JSON.stringify(head)), blobsOf(blobs));
    expect(unpacked).toBeDefined();
    expect(results(unpacked as SearchIndex)).toEqual(results(index));
  });

  it("with a reference out of range is not unpacked", () => {
    const { head, blobs } = packIndex(index);
    const damaged = JSON.parse(JSON.stringify(head));
    damaged.uses.count += 1;
    expect(unpackIndex(damaged, blobsOf(blobs))).toBeUndefined();
    expect(unpackIndex({ ...head, format: 0 }, blobsOf(blobs))).toBeUndefined();
    expect(unpackIndex(head, blobsOf(blobs.slice(1)))).toBeUndefined();
  });

  it("damaged where it is read only while searching makes `search` build the index again", () => {
    const { head, blobs } = packIndex(index);
    // Every key's names line made unreadable: the damage shows only when a term matches a key.
    const [namesBlob] = head.keys.names.text;
    const damaged = blobs.map((blob, i) =>
      i === namesBlob ? Buffer.from(Buffer.from(blob).toString("utf8").replace(/\[\[/g, "{[")) : blob,
    );
    const broken = unpackIndex(head, blobsOf(damaged)) as SearchIndex;
    expect(broken).toBeDefined();
    const asked: (boolean | undefined)[] = [];
    const context: CommandContext = {
      ...libraryContext(library),
      searchIndex: (options) => {
        asked.push(options?.rebuild);
        return { index: options?.rebuild ? index : broken, vocabulary: library.vocabulary };
      },
    };
    const output = runSearch(["zendesk"], { json: true }, context).stdout;
    expect(asked).toEqual([undefined, true]);
    expect(output).toBe(runSearch(["zendesk"], { json: true }, libraryContext(library)).stdout);
  });
});
