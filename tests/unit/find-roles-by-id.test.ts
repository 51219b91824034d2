// Finding roles by id from their own files (findRolesById in io/load-library.ts), checked against
// the full load: the same profile, file, origin and overrides, and the full load whenever a look-up
// cannot be sure.
import { spawnSync } from "node:child_process";
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findRole } from "../../src/core/find-role.js";
import { findRolesById, type LibrarySources, loadLibrary } from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";

const scratch = mkdtempSync(join(tmpdir(), "csroles-look-up-"));
const generated = join(scratch, "generated");
const mine = join(scratch, "mine");
const cacheDir = join(scratch, "cache");

function sources(cached: boolean, folders = [generated, mine]): LibrarySources {
  return {
    dataDir: join(ROOT, "data"),
    extraDirs: folders.map((dir) => ({ dir, from: "--data" })),
    ...(cached ? { cacheDir } : {}),
  };
}

/** What the full load gives for these queries (profile, file, origin, overrides of each). */
function fullLoad(queries: string[], cached = false) {
  const library = loadLibrary(sources(cached));
  return queries.map((query) => library.profile(findRole(query, library.roles, library.vocabulary)));
}

function lookUp(queries: string[]) {
  return findRolesById(sources(false), queries)?.profiles;
}

let ids: string[] = [];
const agentText = readFileSync(join(ROOT, "tests/fixtures/profiles/valid/support-agent.md"), "utf8");

beforeAll(() => {
  const made = spawnSync(process.execPath, [join(ROOT, "scripts/generate-profiles.mjs"), generated, "30"], {
    encoding: "utf8",
  });
  expect(made.status, made.stderr).toBe(0);
  ids = readdirSync(generated)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => name.slice(0, -3));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeEach(() => {
  rmSync(mine, { recursive: true, force: true });
  mkdirSync(mine);
  rmSync(cacheDir, { recursive: true, force: true });
});

describe("looking roles up by id", () => {
  it("gives what the full load gives, with the vocabulary", () => {
    const queries = [ids[0] as string, ids[17] as string, "customer-support-manager"];
    const reference = fullLoad(queries);
    const found = findRolesById(sources(false), queries);
    expect(found?.profiles).toEqual(reference);
    expect(found?.vocabulary.vocabulary).toEqual(loadLibrary(sources(false)).vocabulary.vocabulary);
  });

  it("follows a later folder's override of a built-in role and of a generated one", () => {
    const builtIn = readFileSync(join(ROOT, "data/roles/customer-support-manager.md"), "utf8");
    writeFileSync(
      join(mine, "customer-support-manager.md"),
      builtIn.replace(/^title: .*$/m, "title: Min chef"),
    );
    const generatedId = ids[3] as string;
    writeFileSync(join(mine, `${generatedId}.md`), readFileSync(join(generated, `${generatedId}.md`)));
    const queries = ["customer-support-manager", generatedId];
    const reference = fullLoad(queries);
    expect(reference[0]?.profile.title).toBe("Min chef");
    expect(reference[0]?.overrides).toEqual([join(ROOT, "data/roles/customer-support-manager.md")]);
    expect(reference[1]?.overrides).toEqual([join(generated, `${generatedId}.md`)]);
    expect(lookUp(queries)).toEqual(reference);
  });

  it("sees a file changed in place after the cache was written, as the cached full load does", () => {
    const id = ids[5] as string;
    const path = join(mine, `${id}.md`);
    const text = readFileSync(join(generated, `${id}.md`), "utf8");
    writeFileSync(path, text);
    loadLibrary(sources(true));
    // Same size, new title, new mtime: only the stamp tells.
    const changed = text.replace(/^title: (.)/m, (_, c: string) => `title: ${c === "Q" ? "R" : "Q"}`);
    expect(changed.length).toBe(text.length);
    writeFileSync(path, changed);
    utimesSync(path, new Date(), new Date(Date.now() + 10_000));
    const found = lookUp([id])?.[0];
    expect(found?.profile.title).toMatch(/^[QR]/);
    expect(found).toEqual(fullLoad([id])[0]);
    expect(found).toEqual(fullLoad([id], true)[0]);
  });

  it("does not read or report other files: a broken one beside the role changes nothing", () => {
    writeFileSync(join(mine, "broken.md"), "---\nid: [unclosed\n---\n");
    writeFileSync(join(mine, "misnamed.md"), agentText);
    const id = ids[1] as string;
    expect(lookUp([id])).toEqual(fullLoad([id]));
  });

  it.each([
    ["a title, not an id", () => ["Kundesupportchef"]],
    ["an unknown id", () => ["no-such-role"]],
    ["an id given twice", () => [ids[0] as string, ` ${ids[0]} `]],
    ["an id that is not kebab-case", () => ["Customer-Support-Manager"]],
  ])("leaves %s to the full load", (_, queries) => {
    expect(lookUp(queries())).toBeUndefined();
  });

  it.each([
    ["holds another id", (path: string) => writeFileSync(path, agentText)],
    ["is not a valid profile", (path: string) => writeFileSync(path, "---\nid: [unclosed\n---\n")],
    ["is a dangling link", (path: string) => symlinkSync(join(scratch, "no-such-file.md"), path)],
    ["is a link to itself", (path: string) => symlinkSync(path, path)],
    ["is a folder", (path: string) => mkdirSync(path)],
    [
      "is a FIFO",
      (path: string) => {
        const made = spawnSync("mkfifo", [path]);
        if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
      },
    ],
  ])("leaves a role to the full load when its file in a later folder %s", (_, make) => {
    const id = ids[2] as string;
    make(join(mine, `${id}.md`));
    expect(lookUp([id])).toBeUndefined();
    // The full load keeps the earlier folder's profile (and reports the later file).
    expect(fullLoad([id])[0]?.file).toBe(join(generated, `${id}.md`));
  });

  it("finds a role in a folder where the upper-case name opens the same file (as on a case-insensitive disk)", () => {
    const id = ids[4] as string;
    writeFileSync(join(mine, `${id}.md`), readFileSync(join(generated, `${id}.md`)));
    linkSync(join(mine, `${id}.md`), join(mine, `${id.toUpperCase()}.MD`));
    const found = lookUp([id])?.[0];
    expect(found?.file).toBe(join(mine, `${id}.md`));
    // The full load agrees: the upper-case name is reported as misnamed, the role is the same.
    expect(found).toEqual(fullLoad([id])[0]);
  });
});
