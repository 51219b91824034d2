import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRoleCount, resolveRoles } from "../../src/core/compare/resolve-roles.js";
import { UsageError } from "../../src/errors.js";
import { loadLibrary } from "../../src/io/load-library.js";
import { ROOT } from "../helpers/run-cli.js";

// Loading without a cache parses every file: import the parser first.

const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
const resolve = (...queries: string[]) =>
  resolveRoles(queries, library.profiles, library.vocabulary).map((loaded) => loaded.profile.id);

function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error("expected a usage error");
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

  it.each([
    { queries: [], message: "compare needs at least 2 roles, got none" },
    { queries: ["CSE"], message: "compare needs at least 2 roles, got one" },
    { queries: ["a", "b", "c", "d", "e", "f", "g"], message: "compare takes at most 6 roles, got 7" },
  ])("rejects $queries.length roles", ({ queries, message }) => {
    const error = usageError(() => resolve(...queries));
    expect(error.message).toBe(message);
    expect(error.exitCode).toBe(2);
  });

  it("rejects the same role given twice", () => {
    const error = usageError(() => resolve("CSE", "customer-support-manager", "CSE"));
    expect(error.message).toBe('the role "CSE" is given twice');
  });

  it("rejects two names of the same role", () => {
    const error = usageError(() => resolve("kundeserviceansvarlig", "customer-service-executive"));
    expect(error.message).toBe(
      '"kundeserviceansvarlig" and "customer-service-executive" are the same role (customer-service-executive)',
    );
    expect(error.hint).toBe("compare different roles");
  });

  it("rejects an unknown role with findRole's suggestions", () => {
    const error = usageError(() => resolve("CSE", "kundtjanstteamledar"));
    expect(error.message).toBe('unknown role "kundtjanstteamledar"');
    // The closest role comes first; findRole owns the rest of the hint.
    expect(error.hint).toMatch(/^did you mean customer-service-team-lead\b/);
  });
});
