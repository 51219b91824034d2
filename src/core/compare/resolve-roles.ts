import { UsageError } from "../../errors.js";
import { findRole } from "../find-role.js";
import type { Located, RoleIdentity } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

const EXAMPLE = "e.g. csroles compare customer-service-team-lead customer-support-manager";

/** Checks how many roles were given, before anything is loaded. */
export function checkRoleCount(queries: string[]): void {
  if (queries.length < MIN_COMPARED) {
    throw new UsageError(
      `compare needs at least ${MIN_COMPARED} roles, got ${queries.length === 0 ? "none" : "one"}`,
      `give ${MIN_COMPARED} to ${MAX_COMPARED} roles, ${EXAMPLE}`,
    );
  }
  if (queries.length > MAX_COMPARED) {
    throw new UsageError(
      `compare takes at most ${MAX_COMPARED} roles, got ${queries.length}`,
      "compare fewer roles at a time",
    );
  }
}

/** Finds each role as `show` does; a role named twice (by any of its names) is a usage error. */
export function resolveRoles<T extends Located<RoleIdentity>>(
  queries: string[],
  profiles: T[],
  vocabulary: VocabularyIndex,
): T[] {
  checkRoleCount(queries);
  const found = queries.map((query) => findRole(query, profiles, vocabulary));
  found.forEach((loaded, index) => {
    const earlier = found.findIndex((other) => other.profile.id === loaded.profile.id);
    if (earlier === index) return;
    const [first, again] = [queries[earlier] ?? "", queries[index] ?? ""].map((q) =>
      JSON.stringify(q.trim()),
    );
    throw new UsageError(
      first === again
        ? `the role ${first} is given twice`
        : `${first} and ${again} are the same role (${loaded.profile.id})`,
      "compare different roles",
    );
  });
  return found;
}
