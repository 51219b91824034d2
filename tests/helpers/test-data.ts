// Builders for small, made-up test data, so unit tests of the core run apart from data/.
import type { CommandContext } from "../../src/commands/context.js";
import type { LoadedProfile, Profile, ProfileHead } from "../../src/core/profile.js";
import { buildSearchIndex } from "../../src/core/search/search-index.js";
import { buildVocabulary, type VocabularyIndex } from "../../src/core/vocabulary.js";
import type { Library } from "../../src/io/load-library.js";

/** A vocabulary from raw concept lists; a mistake in the test data fails loudly. */
export function testVocabulary(raw: Parameters<typeof buildVocabulary>[0]): VocabularyIndex {
  const built = buildVocabulary(raw);
  if ("problems" in built) throw new Error(built.problems.join("; "));
  return built.vocabulary;
}

/** A complete, empty profile with the given fields. */
export function testProfile(id: string, fields: Partial<Profile> = {}): Profile {
  return {
    id,
    title: `${id} as written`,
    title_en: `${id} in English`,
    lang: "sv",
    level: "entry",
    position: "agent",
    aliases: [],
    summary: "",
    summary_en: "",
    responsibilities: [],
    skills: [],
    tools: [],
    career_path: [],
    best_practices: [],
    source: {},
    body: "",
    ...fields,
  };
}

/** A role's head with the given titles and fields, as loaded from /roles/<id>.md. */
export function testRole(id: string, title: string, titleEn: string, fields: Partial<ProfileHead> = {}) {
  const profile: ProfileHead = {
    id,
    title,
    title_en: titleEn,
    lang: "sv",
    level: "entry",
    position: "agent",
    aliases: [],
    skill_count: 0,
    tool_count: 0,
    skills: [],
    tools: [],
    positions: [],
    responsibilities: [],
    source: {},
    ...fields,
  };
  return { profile, file: `/roles/${id}.md`, origin: "/roles", overrides: [] as string[] };
}

/** Every role's full profile, each read from its file (the commands read only those they show). */
export function everyProfile(library: Library): LoadedProfile[] {
  return library.roles.map((role) => library.profile(role));
}

/**
 * A command context over a loaded library, 80 columns, no colour, English labels. Roles are always
 * found in the whole library (find-roles-by-id.test.ts covers finding a role by its file alone).
 */
export function libraryContext(library: Library): CommandContext {
  return {
    env: {},
    output: { width: 80, color: false },
    labelLang: "en",
    labelLangChosen: false,
    library: () => library,
    searchIndex: () => ({
      index: buildSearchIndex(library.roles, library.vocabulary),
      vocabulary: library.vocabulary,
    }),
    rolesById: () => undefined,
    inspectLibrary: () => library,
    onExit: () => () => {},
  };
}
