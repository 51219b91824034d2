// gap, graph and show <position> work from the roles' heads (which the profile cache keeps): the
// only full profiles they ask the library for are those of a transition's ends. The library asked
// for every profile would read and parse every file of a library of thousands.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runGap } from "../../src/commands/gap.js";
import { runGraph } from "../../src/commands/graph.js";
import { runShow } from "../../src/commands/show.js";
import { type Library, loadLibrary } from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";
import { libraryContext } from "../helpers/test-data.js";

const loaded = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });

/** The built-in library, and the ids of the roles whose full profiles a command asked it for. */
function countingLibrary(): { library: Library; asked: string[] } {
  const asked: string[] = [];
  const library: Library = {
    ...loaded,
    profile: (role) => {
      asked.push(role.profile.id);
      return loaded.profile(role);
    },
  };
  return { library, asked };
}

describe("the career commands read full profiles only for a transition's ends", () => {
  it("graph reads none, with or without a marked path", () => {
    const { library, asked } = countingLibrary();
    const context = libraryContext(library);
    const graph = JSON.parse(runGraph({ json: true }, context).stdout) as { roles: string[] };
    expect(graph.roles).toEqual(loaded.roles.map((role) => role.profile.id));
    const from = { from: "support-agent", to: "customer-service-operations-manager" };
    expect(runGraph(from, context).stdout).toContain("▶");
    expect(asked).toEqual([]);
  });

  it("gap between two roles reads those two", () => {
    const { library, asked } = countingLibrary();
    const ends = ["customer-service-executive", "customer-service-operations-manager"] as const;
    expect(runGap(...ends, {}, libraryContext(library)).stdout).toContain("Customer Service Executive");
    expect(asked).toEqual(ends);
  });

  it("gap from a position reads only the target, and cites the other ladders from their heads", () => {
    const { library, asked } = countingLibrary();
    const brief = JSON.parse(
      runGap("supervisor", "customer-support-manager", { json: true }, libraryContext(library)).stdout,
    ) as { sources: { role: string; source: { publisher?: string } }[] };
    expect(asked).toEqual(["customer-support-manager"]);
    const cited = brief.sources.map((source) => source.role);
    expect(cited.filter((role) => !asked.includes(role))).not.toEqual([]);
    for (const { role, source } of brief.sources) {
      const found = loaded.roles.find((r) => r.profile.id === role);
      if (!found) throw new Error(`${role} is not a role of the library`);
      expect(source).toEqual(loaded.profile(found).profile.source);
    }
  });

  it("show <position> reads none", () => {
    const { library, asked } = countingLibrary();
    const view = JSON.parse(runShow("supervisor", { json: true }, libraryContext(library)).stdout) as {
      kind: string;
      ladders: unknown[];
    };
    expect(view.kind).toBe("position");
    expect(view.ladders).not.toEqual([]);
    expect(asked).toEqual([]);
  });
});
