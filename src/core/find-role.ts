import {
  AmbiguousNameError,
  EmptyInputError,
  InputTooLongError,
  NameNotFoundError,
} from "./domain-errors.js";
import { closestMatches } from "./edit-distance.js";
import { foldWords } from "./fold-text.js";
import { LANGUAGES, type Located, type RoleIdentity } from "./profile.js";
import type { VocabularyIndex } from "./vocabulary.js";

export const MAX_ROLE_ARGUMENT_LENGTH = 200;

/** Every name a role answers to: id, titles, aliases, and its position's labels in every language. */
export function roleNames(loaded: Located<RoleIdentity>, vocabulary: VocabularyIndex): string[] {
  const { profile } = loaded;
  const position = vocabulary.get("positions", profile.position);
  const names = [profile.id, profile.title, profile.title_en, ...profile.aliases];
  if (position) names.push(...LANGUAGES.map((lang) => position.labels[lang]), ...position.aliases);
  return names;
}

/**
 * Finds the role a user means by id, alias or title in any language, ignoring case and
 * diacritics. An unknown name is a NameNotFoundError with the closest ids; one that fits several
 * roles, an AmbiguousNameError.
 */
export function findRole<T extends Located<RoleIdentity>>(
  query: string,
  profiles: T[],
  vocabulary: VocabularyIndex,
): T {
  const trimmed = query.trim();
  if (trimmed === "") throw new EmptyInputError("roleName");
  if (trimmed.length > MAX_ROLE_ARGUMENT_LENGTH)
    throw new InputTooLongError("roleName", MAX_ROLE_ARGUMENT_LENGTH);
  const exact = profiles.find((p) => p.profile.id === trimmed);
  if (exact) return exact;

  const wanted = foldWords(trimmed);
  const byName = new Map<string, Set<T>>();
  for (const loaded of profiles) {
    for (const name of roleNames(loaded, vocabulary)) {
      const key = foldWords(name);
      if (!byName.has(key)) byName.set(key, new Set());
      byName.get(key)?.add(loaded);
    }
  }
  const matches = [...(byName.get(wanted) ?? [])];
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new AmbiguousNameError(
      trimmed,
      "roles",
      matches.map((m) => m.profile.id),
    );
  }
  const suggestions = new Set<string>();
  for (const name of closestMatches(wanted, byName.keys(), 5)) {
    for (const loaded of byName.get(name) ?? []) suggestions.add(loaded.profile.id);
  }
  throw new NameNotFoundError(trimmed, "role", [...suggestions].slice(0, 3));
}
