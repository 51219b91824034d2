import { spawn } from "node:child_process";
import {
  cpSync,
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
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli } from "../helpers/run-cli.js";

const VALID = readFileSync(join(ROOT, "tests/fixtures/profiles/valid/support-agent.md"), "utf8");
const root = mkdtempSync(join(tmpdir(), "csroles-cache-test-"));
const folder = join(root, "profiles");
const cacheHome = join(root, "cache");
const cacheDir = join(cacheHome, "csroles");

function profile(id: string, title = `Rolle ${id}`): string {
  return VALID.replace("id: support-agent", `id: ${id}`).replace(
    "title: Kundeservicemedarbejder",
    `title: ${title}`,
  );
}

/** Every output a change could affect, with the cache or without it. */
function snapshot(cache: boolean) {
  const env = { XDG_CACHE_HOME: cacheHome };
  const flags = cache ? [] : ["--no-cache"];
  const list = runCli(["list", "--json", "--data", folder, ...flags], { env });
  const validate = runCli(["validate", "--json", folder, ...flags], { env });
  const show = runCli(["show", "agent-3", "--json", "--data", folder, ...flags], { env });
  // By title, not id: the whole library is loaded.
  const showByTitle = runCli(["show", "Rolle agent-7", "--json", "--data", folder, ...flags], { env });
  const compare = runCli(["compare", "agent-3", "agent-7", "--json", "--data", folder, ...flags], { env });
  return {
    list: [list.code, list.stdout, list.stderr],
    validate: [validate.code, validate.stdout],
    show: [show.code, show.stdout, show.stderr],
    showByTitle: [showByTitle.code, showByTitle.stdout, showByTitle.stderr],
    compare: [compare.code, compare.stdout, compare.stderr],
  };
}

function expectSameWithAndWithoutCache() {
  const withCache = snapshot(true);
  expect(snapshot(false)).toEqual(withCache);
  // A second cached run reads what the first one wrote.
  expect(snapshot(true)).toEqual(withCache);
  return withCache;
}

function manifests(): string[] {
  return readdirSync(cacheDir).filter((name) => name.endsWith(".json"));
}

beforeAll(() => {
  cpSync(join(ROOT, "tests/fixtures/profiles/valid"), folder, { recursive: true });
  for (let i = 0; i < 12; i++) writeFileSync(join(folder, `agent-${i}.md`), profile(`agent-${i}`));
  writeFileSync(join(folder, "broken.md"), "---\nid: [unclosed\n---\n");
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the profile cache", () => {
  it("gives the same results as reading every file, and is written on first use", () => {
    const first = expectSameWithAndWithoutCache();
    expect(JSON.parse(String(first.list[1])).roles).toHaveLength(5 + 13);
    // show and compare by id read only the roles' own files, so broken.md is not reported...
    expect(first.show[2]).toBe("");
    expect(first.compare[2]).toBe("");
    // ...but by title they load every file, and report it.
    expect(first.showByTitle[0]).toBe(0);
    expect(String(first.showByTitle[2])).toContain("csroles: skipped");
    expect(String(first.showByTitle[2])).toContain("broken.md");
    expect(manifests().length).toBeGreaterThan(0);
  });

  it("answers show and compare by id the same on a first run (no cache yet) as later and without it", () => {
    const fresh = { XDG_CACHE_HOME: join(root, "fresh-cache") };
    for (const args of [
      ["show", "agent-3", "--json"],
      ["compare", "agent-3", "agent-7"],
    ]) {
      const reference = runCli([...args, "--data", folder, "--no-cache"], { env: fresh });
      expect(reference.code).toBe(0);
      expect(reference.stderr).toBe("");
      rmSync(fresh.XDG_CACHE_HOME, { recursive: true, force: true });
      // The first run finds no lookup file, loads every file to write it, and answers as the others.
      const first = runCli([...args, "--data", folder], { env: fresh });
      const second = runCli([...args, "--data", folder], { env: fresh });
      expect(first).toEqual(reference);
      expect(second).toEqual(reference);
      expect(
        readdirSync(join(fresh.XDG_CACHE_HOME, "csroles")).some((name) => name.endsWith(".lookup")),
      ).toBe(true);
    }
  });

  it("sees files added, changed, renamed and removed", () => {
    writeFileSync(join(folder, "agent-new.md"), profile("agent-new"));
    expect(
      JSON.parse(String(expectSameWithAndWithoutCache().list[1])).roles.map((r: { id: string }) => r.id),
    ).toContain("agent-new");

    // Same size, new content and a new mtime: the stamp changes.
    const path = join(folder, "agent-3.md");
    writeFileSync(path, profile("agent-3", "Rolle agent-X"));
    utimesSync(path, new Date(), new Date(Date.now() + 5_000));
    const changed = expectSameWithAndWithoutCache();
    expect(JSON.parse(String(changed.show[1])).title).toBe("Rolle agent-X");

    // Renamed: a profile's file must be named by its id, so agent-4 is now a problem...
    renameSync(join(folder, "agent-4.md"), join(folder, "renamed.md"));
    const renamed = expectSameWithAndWithoutCache();
    expect(JSON.parse(String(renamed.list[1])).roles.map((r: { id: string }) => r.id)).not.toContain(
      "agent-4",
    );
    expect(String(renamed.list[2])).toContain("renamed.md:2: id: id 'agent-4' does not match the file name");
    // ...until its id follows the name.
    writeFileSync(join(folder, "renamed.md"), profile("renamed"));
    const renamedId = JSON.parse(String(expectSameWithAndWithoutCache().list[1])) as {
      roles: { id: string; file: string }[];
    };
    expect(renamedId.roles.find((r) => r.id === "renamed")?.file).toBe(join(folder, "renamed.md"));

    unlinkSync(join(folder, "agent-5.md"));
    const removed = JSON.parse(String(expectSameWithAndWithoutCache().list[1])) as {
      roles: { id: string }[];
    };
    expect(removed.roles.map((r) => r.id)).not.toContain("agent-5");

    // A broken file fixed, and a good one broken.
    writeFileSync(join(folder, "broken.md"), profile("broken", "Rolle fixed"));
    writeFileSync(join(folder, "agent-6.md"), "---\nid: agent-6\n---\n");
    const swapped = expectSameWithAndWithoutCache();
    expect(String(swapped.list[2])).toContain("agent-6.md");
    expect(String(swapped.list[1])).toContain("Rolle fixed");
    // Six rounds of runs with and without the cache: 11 s alone, over 20 s beside the other
    // test files on a busy two-core machine.
  }, 60_000);

  it("rebuilds a corrupt or truncated manifest", () => {
    const reference = snapshot(false);
    for (const damage of [
      (path: string) => writeFileSync(path, "{ this is not json"),
      (path: string) => truncateSync(path, Math.floor(readFileSync(path).length / 2)),
      (path: string) => writeFileSync(path, JSON.stringify({ format: 1, files: { x: 1 } })),
      (path: string) => writeFileSync(path, ""),
    ]) {
      for (const name of manifests()) damage(join(cacheDir, name));
      expect(snapshot(true)).toEqual(reference);
      for (const name of manifests())
        expect(() => JSON.parse(readFileSync(join(cacheDir, name), "utf8"))).not.toThrow();
    }
  });

  it("does not trust a damaged records file", () => {
    const reference = snapshot(false);
    snapshot(true);
    for (const name of readdirSync(cacheDir).filter((n) => n.endsWith(".rec"))) {
      const path = join(cacheDir, name);
      // Same length, different bytes: still valid-looking JSON would be wrong data.
      writeFileSync(path, readFileSync(path, "utf8").replaceAll("Rolle", "Xolle"));
    }
    expect(snapshot(true)).toEqual(reference);
    for (const name of readdirSync(cacheDir).filter((n) => n.endsWith(".rec")))
      truncateSync(join(cacheDir, name), 10);
    expect(snapshot(true)).toEqual(reference);
  });

  it("stays correct when two processes write the cache at once", async () => {
    rmSync(cacheDir, { recursive: true, force: true });
    writeFileSync(join(folder, "agent-race.md"), profile("agent-race"));
    const runOnce = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [BIN, "list", "--json", "--data", folder], {
          env: { PATH: process.env.PATH, XDG_CACHE_HOME: cacheHome, LANG: "C" },
        });
        let out = "";
        child.stdout.on("data", (chunk) => {
          out += chunk;
        });
        child.on("error", reject);
        child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
      });
    const outputs = await Promise.all([runOnce(), runOnce(), runOnce(), runOnce()]);
    const reference = snapshot(false);
    for (const out of outputs) expect(out).toBe(reference.list[1]);
    expect(snapshot(true)).toEqual(reference);
    expect(manifests()).toHaveLength(1);
  });

  it("is not used with --no-cache", () => {
    rmSync(cacheDir, { recursive: true, force: true });
    runCli(["list", "--no-cache", "--data", folder], { env: { XDG_CACHE_HOME: cacheHome } });
    expect(() => readdirSync(cacheDir)).toThrow();
  });
});
