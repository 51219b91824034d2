import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";
import { everyProfile } from "../helpers/test-data.js";

const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });

/**
 * Endings of the Finnish cases a role name takes in a sentence ("aloita asiakastukiedustajana",
 * "tule johtajaksi", "toimii tiimissä"): essive, translative, inessive, elative, adessive, ablative,
 * allative, abessive. A label is a base form (nominative), so its last word has none of them.
 */
const FINNISH_CASE_ENDING = /(?:n[aä]|ksi|ss[aä]|st[aä]|ll[aä]|lt[aä]|lle|tt[aä])$/;

function lastWord(label: string): string {
  return label.trim().split(/\s+/).at(-1)?.toLowerCase() ?? "";
}

const finnish = everyProfile(library).filter(({ profile }) => profile.lang === "fi");
const positions = finnish.flatMap(({ profile }) =>
  profile.career_path.flatMap((stage) => stage.positions.map((p) => ({ id: profile.id, ...p }))),
);

describe("Finnish career labels", () => {
  it("the built-in library has Finnish career positions to check", () => {
    expect(positions.length).toBeGreaterThan(0);
  });

  it.each(positions.map((p) => [p.label, p] as const))("%s is a base form", (label, position) => {
    expect(lastWord(label)).not.toMatch(FINNISH_CASE_ENDING);
    // The source's inflected wording, when kept, stands beside the base form and differs from it.
    if (position.as_written !== undefined) expect(position.as_written).not.toBe(label);
  });

  it("the vocabulary's Finnish position labels are base forms too", () => {
    const inflected = library.vocabulary.vocabulary.positions
      .map((concept) => concept.labels.fi)
      .filter((label) => FINNISH_CASE_ENDING.test(lastWord(label)));
    expect(inflected).toEqual([]);
  });

  it("the check itself catches the inflected forms the source uses", () => {
    for (const written of [
      "asiakastukiedustajana",
      "asiakastukitiimin johtajaksi",
      "asiakaskokemusvarapresidentiksi",
    ])
      expect(lastWord(written)).toMatch(FINNISH_CASE_ENDING);
  });
});
