import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Profile } from "../../src/core/profile.js";
import { loadLibrary } from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";
import { everyProfile } from "../helpers/test-data.js";

/** tests/fixtures/seed-facts.json: what each source document names, with its line. */
interface SeedFacts {
  profiles: Record<
    string,
    {
      source: string;
      tools: { name: string; heading: string; category: string; line: number }[];
      skills: { label: string; line: number }[];
      responsibility_areas: { area: string; line: number }[];
      career_positions: { written: string; line: number }[];
    }
  >;
}

const FACTS = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/seed-facts.json"), "utf8")) as SeedFacts;

const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
const profiles = new Map(everyProfile(library).map(({ profile }) => [profile.id, profile]));

it("the fact list covers every built-in profile", () => {
  const files = readdirSync(join(ROOT, "data/roles")).map((file) => file.replace(/\.md$/, ""));
  expect(Object.keys(FACTS.profiles).sort()).toEqual(files.sort());
});

describe.each(Object.entries(FACTS.profiles))(
  "the %s profile keeps every fact of its source",
  (id, facts) => {
    const profile = profiles.get(id) as Profile;

    it("comes from the source the facts were taken from", () => {
      expect(profile.source.file).toBe(facts.source);
      const lines = [facts.tools, facts.skills, facts.responsibility_areas, facts.career_positions]
        .flat()
        .map((fact) => fact.line);
      expect(lines.every((line) => Number.isInteger(line) && line > 0)).toBe(true);
    });

    it("every tool, under the heading and category the source lists it", () => {
      for (const fact of facts.tools) {
        const entry = profile.tools.find((tool) => tool.name === fact.name && tool.heading === fact.heading);
        expect(entry, `${fact.name} (${facts.source}:${fact.line})`).toBeDefined();
        expect(entry?.category, fact.name).toBe(fact.category);
      }
    });

    it("every skill, with its label as written", () => {
      const labels = profile.skills.map((skill) => skill.label);
      for (const fact of facts.skills) expect(labels, `${facts.source}:${fact.line}`).toContain(fact.label);
    });

    it("every responsibility area, with its heading as written", () => {
      const areas = profile.responsibilities.map((r) => r.area);
      for (const fact of facts.responsibility_areas)
        expect(areas, `${facts.source}:${fact.line}`).toContain(fact.area);
    });

    it("every career position, by its label or the source's own wording (as_written)", () => {
      const positions = profile.career_path.flatMap((stage) => stage.positions);
      for (const fact of facts.career_positions) {
        const entry = positions.find((p) => p.label === fact.written || p.as_written === fact.written);
        expect(entry, `${fact.written} (${facts.source}:${fact.line})`).toBeDefined();
      }
    });

    it("leaves out web-page chrome", () => {
      const text = JSON.stringify(profile);
      for (const chrome of [
        "Back to Reference",
        "Search everything, get answers anywhere",
        "Key takeaways",
        "XX min read",
      ]) {
        expect(text).not.toContain(chrome);
      }
    });
  },
);
