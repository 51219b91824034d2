// The benchmark's synthetic profiles (scripts/generate-profiles.mjs) must be valid, deterministic
// and shaped as issue 7 asks; otherwise the benchmark would time error paths or drift between runs.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import yaml from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/run-cli.js";

const SCRIPT = join(ROOT, "scripts", "generate-profiles.mjs");
const STAMP = ".csroles-generated.json";
const scratch = mkdtempSync(join(tmpdir(), "csroles-generate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function generate(dir: string, count: number) {
  return spawnSync(process.execPath, [SCRIPT, dir, String(count)], { encoding: "utf8" });
}

function profileFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort();
}

interface FrontMatter {
  id: string;
  lang: string;
  skills: unknown[];
  tools: unknown[];
  career_path: { stage: string }[];
}

function frontMatter(text: string): FrontMatter {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match?.[1]) throw new Error("no front-matter");
  return yaml.load(match[1]) as FrontMatter;
}

const first = join(scratch, "first");
const second = join(scratch, "second");
const firstRun = generate(first, 20);
const secondRun = generate(second, 20);

describe("generate-profiles.mjs", () => {
  it("writes the requested number of profiles and a stamp", () => {
    expect(firstRun.status).toBe(0);
    expect(firstRun.stdout).toBe(`wrote 20 profiles to ${first}\n`);
    expect(profileFiles(first)).toHaveLength(20);
    expect(JSON.parse(readFileSync(join(first, STAMP), "utf8"))).toMatchObject({ count: 20, complete: true });
  });

  it("writes profiles that csroles validate accepts", () => {
    const result = runCli(["validate", first, "--json"], { env: { XDG_CACHE_HOME: join(scratch, "cache") } });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { file: string; valid: boolean }[] };
    const generated = report.files.filter((f) => f.file.startsWith(first));
    expect(generated).toHaveLength(20);
    expect(generated.every((f) => f.valid)).toBe(true);
  });

  it("is deterministic: a second run writes the same files, byte for byte", () => {
    expect(secondRun.status).toBe(0);
    expect(profileFiles(second)).toEqual(profileFiles(first));
    for (const name of profileFiles(first)) {
      expect(readFileSync(join(second, name)).equals(readFileSync(join(first, name))), name).toBe(true);
    }
  });

  it("writes profile n the same whatever the count, so smaller folders are subsets of bigger ones", () => {
    const small = join(scratch, "small");
    expect(generate(small, 5).status).toBe(0);
    const names = profileFiles(small);
    expect(names).toHaveLength(5);
    for (const name of names) {
      expect(readFileSync(join(small, name)).equals(readFileSync(join(first, name))), name).toBe(true);
    }
  });

  it("shapes each profile as the benchmark needs: 5-7 KB, 15 skills, 20 tools, all five stages", () => {
    const stages = (
      yaml.load(readFileSync(join(ROOT, "data/vocabulary/stages.yaml"), "utf8")) as { id: string }[]
    ).map((s) => s.id);
    const langs = new Set<string>();
    for (const name of profileFiles(first)) {
      const path = join(first, name);
      const size = statSync(path).size;
      expect(size, name).toBeGreaterThanOrEqual(5 * 1024);
      expect(size, name).toBeLessThanOrEqual(7 * 1024);
      const data = frontMatter(readFileSync(path, "utf8"));
      expect(`${data.id}.md`).toBe(name);
      expect(data.skills).toHaveLength(15);
      expect(data.tools).toHaveLength(20);
      expect(data.career_path.map((s) => s.stage)).toEqual(stages);
      langs.add(data.lang);
    }
    // Twenty profiles drawn over five languages: the mix is there, not one language only.
    expect(langs.size).toBeGreaterThanOrEqual(4);
    const all = profileFiles(first)
      .map((name) => readFileSync(join(first, name), "utf8"))
      .join("");
    for (const letter of ["å", "ä", "ö", "æ", "ø"]) expect(all).toContain(letter);
  });

  it("refuses a non-empty folder it did not make, and leaves it alone", () => {
    const foreign = join(scratch, "foreign");
    mkdirSync(foreign);
    writeFileSync(join(foreign, "mine.md"), "keep me\n");
    const result = generate(foreign, 3);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `generate-profiles: ${foreign} is not empty and was not made by this generator; choose a new folder\n`,
    );
    expect(readdirSync(foreign)).toEqual(["mine.md"]);
  });

  it("rejects a missing or bad count with a usage line and exit 2", () => {
    const result = generate(join(scratch, "never"), 0);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("usage: node scripts/generate-profiles.mjs <dir> <count>\n");
  });
});

describe("ensureProfiles (used by the benchmark)", () => {
  it("regenerates only when the folder is missing, incomplete or made by another generator version", async () => {
    const generator = await import(pathToFileURL(SCRIPT).href);
    const dir = join(scratch, "ensured");
    expect(generator.ensureProfiles(dir, 3)).toBe(true);
    const mtime = statSync(join(dir, profileFiles(dir)[0] ?? "")).mtimeMs;
    expect(generator.ensureProfiles(dir, 3)).toBe(false);
    expect(statSync(join(dir, profileFiles(dir)[0] ?? "")).mtimeMs).toBe(mtime);

    // Another count, an older generator or an interrupted run all rebuild.
    expect(generator.ensureProfiles(dir, 4)).toBe(true);
    expect(profileFiles(dir)).toHaveLength(4);
    const stamp = JSON.parse(readFileSync(join(dir, STAMP), "utf8"));
    writeFileSync(join(dir, STAMP), JSON.stringify({ ...stamp, version: stamp.version - 1 }));
    expect(generator.ensureProfiles(dir, 4)).toBe(true);
    writeFileSync(join(dir, STAMP), JSON.stringify({ ...stamp, complete: false }));
    expect(generator.ensureProfiles(dir, 4)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, STAMP), "utf8"))).toMatchObject({ complete: true });
    rmSync(join(dir, STAMP));
    // Without a stamp the folder is no longer known to be the generator's, so it is refused.
    expect(() => generator.ensureProfiles(dir, 4)).toThrow(/not made by this generator/);
  });
});
