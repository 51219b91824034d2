import { AmbiguousNameError, NameNotFoundError } from "../domain-errors.js";
import { closestMatches } from "../edit-distance.js";
import { findRole, roleNames } from "../find-role.js";
import { foldWords } from "../fold-text.js";
import { LANGUAGES, type Located, type RoleIdentity } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";
import type { Ladder } from "./ladders.js";

/** A place on the career map: a role with a profile, or a position that only ladders name. */
export type CareerPoint<T> = { kind: "role"; role: T } | { kind: "position"; position: string };

/** Every name of every position some ladder lists: its id, labels, aliases and the ladders' own words. */
function positionNames(ladders: Ladder[], vocabulary: VocabularyIndex): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  const add = (name: string, position: string) => {
    const key = foldWords(name);
    if (key === "") return;
    byName.set(key, (byName.get(key) ?? new Set()).add(position));
  };
  for (const ladder of ladders)
    for (const { position, label } of ladder.positions) {
      add(position, position);
      add(label, position);
      const concept = vocabulary.get("positions", position);
      if (!concept) continue;
      for (const lang of LANGUAGES) add(concept.labels[lang], position);
      for (const alias of concept.aliases) add(alias, position);
    }
  return byName;
}

/**
 * Finds what a user means by a name: a role as `show` finds it (id, alias, title in any language),
 * else a position some ladder lists (id, label in any language, alias, or a ladder's own words),
 * ignoring case and diacritics. A position in no ladder is unknown; an unknown name is a
 * NameNotFoundError with the closest roles and positions.
 */
export function findCareerPoint<T extends Located<RoleIdentity>>(
  query: string,
  roles: T[],
  ladders: Ladder[],
  vocabulary: VocabularyIndex,
): CareerPoint<T> {
  try {
    return { kind: "role", role: findRole(query, roles, vocabulary) };
  } catch (error) {
    if (!(error instanceof NameNotFoundError)) throw error;
  }
  const trimmed = query.trim();
  const byName = positionNames(ladders, vocabulary);
  const wanted = foldWords(trimmed);
  const matches = [...(byName.get(wanted) ?? [])];
  const [position] = matches;
  if (matches.length === 1 && position) {
    // A position some profile stands for is that role.
    const owners = roles.filter((role) => role.profile.position === position);
    if (owners.length === 0) return { kind: "position", position };
    if (owners.length === 1 && owners[0]) return { kind: "role", role: owners[0] };
    throw new AmbiguousNameError(
      trimmed,
      "rolesOfPosition",
      owners.map((o) => o.profile.id),
    );
  }
  if (matches.length > 1) throw new AmbiguousNameError(trimmed, "positions", matches);
  const candidates = new Map<string, Set<string>>(byName);
  for (const role of roles)
    for (const name of roleNames(role, vocabulary)) {
      const key = foldWords(name);
      candidates.set(key, (candidates.get(key) ?? new Set()).add(role.profile.id));
    }
  const suggestions = new Set<string>();
  for (const name of closestMatches(wanted, candidates.keys(), 5))
    for (const id of candidates.get(name) ?? []) suggestions.add(id);
  throw new NameNotFoundError(trimmed, "roleOrPosition", [...suggestions].slice(0, 3));
}
