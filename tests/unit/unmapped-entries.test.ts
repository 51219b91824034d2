import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findUnmappedEntries } from "../../src/core/unmapped-entries.js";
import { loadLibrary } from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";

const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
const unmapped = (skills: { skill: string; label: string }[], tools: { tool: string; name: string }[] = []) =>
  findUnmappedEntries({ skills, tools }, library.vocabulary);

describe("findUnmappedEntries", () => {
  it("knows every label and name of the built-in profiles", () => {
    for (const role of library.roles)
      expect(findUnmappedEntries(role.profile, library.vocabulary)).toEqual([]);
  });

  it("accepts a label in any language, an alias or a tool's vendor spelling, ignoring case and diacritics", () => {
    expect(
      unmapped(
        [
          { skill: "patience", label: "tålamod" },
          { skill: "patience", label: "Karsivallisyys" },
          { skill: "team-management", label: "Teammatch" },
        ],
        [
          { tool: "playvox", name: "PlayVox" },
          { tool: "power-bi", name: "Microsoft Power BI" },
        ],
      ),
    ).toEqual([]);
  });

  it("reports a wording the vocabulary does not know for the concept, by field", () => {
    expect(
      unmapped([{ skill: "team-management", label: "Holdstyring" }], [{ tool: "jira", name: "Jira Cloud" }]),
    ).toEqual([
      {
        field: "skills[0].label",
        message:
          "'Holdstyring' is not a name of skill 'team-management' in the vocabulary; check the mapping, or add the wording to the skill's aliases in data/vocabulary/skills.yaml",
      },
      {
        field: "tools[0].name",
        message:
          "'Jira Cloud' is not a name of tool 'jira' in the vocabulary; check the mapping, or add the wording to the tool's aliases in data/vocabulary/tools.yaml",
      },
    ]);
  });

  it("names the concept a wording belongs to when it is mapped to another", () => {
    expect(unmapped([{ skill: "patience", label: "Empati" }])).toEqual([
      {
        field: "skills[0].label",
        message: "'Empati' is a name of skill 'empathy', not 'patience'; map it to 'empathy'",
      },
    ]);
  });

  it("leaves an unknown concept id to the validator's error", () => {
    expect(unmapped([{ skill: "no-such-skill", label: "x" }])).toEqual([]);
  });
});
