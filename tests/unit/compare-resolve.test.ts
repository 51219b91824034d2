import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRoleCount, resolveRoles } from "../../src/core/compare/resolve-roles.js";
import {
  type DomainError,
  NameNotFoundError,
  RepeatedRoleError,
  RoleCountError,
} from "../../src/core/domain-errors.js";
import { loadLibrary } from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";
import { everyProfile } from "../helpers/test-data.js";

// Loading without a cache parses every file: import the parser first.

const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
const resolve = (...queries: string[]) =>
  resolveRoles(queries, everyProfile(library), library.vocabulary).map((loaded) => loaded.profile.id);

function refusal<T extends DomainError>(kind: new (...args: never[]) => T, run: () => unknown): T {
  try {
    run();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`expected a ${kind.name}`);
}

describe("resolveRoles", () => {
  it("finds each role by id, alias or title in any language, in the order given", () => {
    expect(resolve("CSE", "kundtjanstteamledare", "Customer Support Manager")).toEqual([
      "customer-service-executive",
      "customer-service-team-lead",
      "customer-support-manager",
    ]);
  });

  it("accepts two to six roles", () => {
    expect(() => checkRoleCount(["a", "b"])).not.toThrow();
    expect(() => checkRoleCount(["a", "b", "c", "d", "e", "f"])).not.toThrow();
  });

  it.each([{ queries: [] }, { queries: ["CSE"] }, { queries: ["a", "b", "c", "d", "e", "f", "g"] }])(
    "rejects too few or too many roles: $queries",
    ({ queries }) => {
      const error = refusal(RoleCountError, () => resolve(...queries));
      expect(error).toMatchObject({ count: queries.length, min: 2, max: 6 });
    },
  );

  it("rejects the same role given twice", () => {
    const error = refusal(RepeatedRoleError, () => resolve("CSE", "customer-support-manager", "CSE"));
    expect(error).toMatchObject({ first: "CSE", again: "CSE", id: "customer-service-executive" });
  });

  it("rejects two names of the same role", () => {
    const error = refusal(RepeatedRoleError, () =>
      resolve(" kundeserviceansvarlig", "customer-service-executive "),
    );
    expect(error).toMatchObject({
      first: "kundeserviceansvarlig",
      again: "customer-service-executive",
      id: "customer-service-executive",
    });
  });

  it("rejects an unknown role with findRole's suggestions", () => {
    const error = refusal(NameNotFoundError, () => resolve("CSE", "kundtjanstteamledar"));
    expect(error.given).toBe("kundtjanstteamledar");
    expect(error.lookedUpAs).toBe("role");
    // The closest role comes first.
    expect(error.suggestions[0]).toBe("customer-service-team-lead");
  });
});
