import { InvalidChoiceError } from "./domain-errors.js";
import { foldWords } from "./fold-text.js";
import { LANGUAGES, type Language, type LoadedRole } from "./profile.js";
import type { VocabularyIndex } from "./vocabulary.js";

export const SORT_KEYS = ["id", "title", "title_en", "lang", "level"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ListOptions {
  /** Only roles whose profile is written in this language (--written-in). */
  writtenIn?: string;
  level?: string;
  sort?: string;
  labelLang: Language;
}

/** One row of `csroles list`; also its JSON shape (docs/json-output.md). */
export interface RoleSummary {
  id: string;
  title: string;
  title_en: string;
  lang: Language;
  level: string;
  level_label: string;
  skills: number;
  tools: number;
  file: string;
  origin: string;
  overrides: string[];
}

function resolveLevel(level: string, vocabulary: VocabularyIndex): string {
  const wanted = foldWords(level);
  const found = vocabulary.vocabulary.levels.find(
    (concept) =>
      concept.id === level ||
      [concept.id, ...Object.values(concept.labels), ...concept.aliases].some(
        (name) => foldWords(name) === wanted,
      ),
  );
  if (!found) {
    throw new InvalidChoiceError(
      "level",
      level,
      vocabulary.vocabulary.levels.map((c) => c.id),
    );
  }
  return found.id;
}

/** Plain order for ASCII keys such as ids (localeCompare's first use costs ~10 ms of ICU set-up). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Filters and sorts the loaded roles for `csroles list`. */
export function listRoles(
  profiles: LoadedRole[],
  vocabulary: VocabularyIndex,
  options: ListOptions,
): RoleSummary[] {
  const { writtenIn } = options;
  if (writtenIn !== undefined && !(LANGUAGES as readonly string[]).includes(writtenIn)) {
    throw new InvalidChoiceError("writtenIn", writtenIn, LANGUAGES);
  }
  const sort = (options.sort ?? "id") as SortKey;
  if (!SORT_KEYS.includes(sort)) {
    throw new InvalidChoiceError("sort", options.sort ?? "", SORT_KEYS);
  }
  const level = options.level === undefined ? undefined : resolveLevel(options.level, vocabulary);
  const levelRank = (id: string) => vocabulary.vocabulary.levels.findIndex((c) => c.id === id);
  return profiles
    .filter(({ profile }) => writtenIn === undefined || profile.lang === writtenIn)
    .filter(({ profile }) => level === undefined || profile.level === level)
    .map(
      ({ profile, file, origin, overrides }): RoleSummary => ({
        id: profile.id,
        title: profile.title,
        title_en: profile.title_en,
        lang: profile.lang,
        level: profile.level,
        level_label: vocabulary.label("levels", profile.level, options.labelLang),
        skills: profile.skill_count,
        tools: profile.tool_count,
        file,
        origin,
        overrides,
      }),
    )
    .sort((a, b) => {
      const byKey =
        sort === "level"
          ? levelRank(a.level) - levelRank(b.level)
          : sort === "id" || sort === "lang"
            ? compareCodeUnits(a[sort], b[sort])
            : a[sort].localeCompare(b[sort], "en");
      return byKey || compareCodeUnits(a.id, b.id);
    });
}
