import type { Language, Profile } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";
import { compareCareers } from "./career.js";
import { summarizeOverlap } from "./overlap.js";
import {
  COMPARE_SECTIONS,
  type ComparedRole,
  type CompareSection,
  type Comparison,
  type SkillComparison,
  type ToolComparison,
  type ToolRow,
} from "./types.js";

export interface CompareOptions {
  labelLang: Language;
  /** Sections to build; all when absent or empty. */
  sections?: readonly CompareSection[];
}

/** Sorts ids by their place in a vocabulary list; ids it lacks go last, in their own order. */
function byVocabularyOrder(ids: Iterable<string>, concepts: { id: string }[]): string[] {
  const rank = new Map(concepts.map((concept, index) => [concept.id, index]));
  const last = concepts.length;
  return [...new Set(ids)].sort((a, b) => (rank.get(a) ?? last) - (rank.get(b) ?? last));
}

function header(profile: Profile, column: number, vocabulary: VocabularyIndex, lang: Language): ComparedRole {
  return {
    column,
    id: profile.id,
    title: profile.title,
    title_en: profile.title_en,
    lang: profile.lang,
    level: profile.level,
    level_label: vocabulary.label("levels", profile.level, lang),
    position: profile.position,
    position_label: vocabulary.label("positions", profile.position, lang),
  };
}

/** Skill rows: the union of the roles' skill concepts, in vocabulary order. */
function compareSkills(profiles: Profile[], vocabulary: VocabularyIndex, lang: Language): SkillComparison {
  const order = byVocabularyOrder(
    profiles.flatMap((p) => p.skills.map((s) => s.skill)),
    vocabulary.vocabulary.skills,
  );
  return {
    rows: order.map((skill) => ({
      skill,
      label: vocabulary.label("skills", skill, lang),
      cells: profiles.map((p) => ({
        role: p.id,
        labels: p.skills.filter((s) => s.skill === skill).map((s) => s.label),
      })),
    })),
    summary: summarizeOverlap(
      profiles.map((p) => ({ role: p.id, ids: new Set(p.skills.map((s) => s.skill)) })),
      order,
    ),
  };
}

/**
 * Tool rows grouped by the category each profile lists the tool under (a tool two profiles file
 * under different categories gets a row in each); the summary counts tool ids once.
 */
function compareTools(profiles: Profile[], vocabulary: VocabularyIndex, lang: Language): ToolComparison {
  const { toolCategories, tools } = vocabulary.vocabulary;
  const entries = profiles.flatMap((p) => p.tools);
  const categories = byVocabularyOrder(
    entries.map((t) => t.category),
    toolCategories,
  ).map((category) => ({
    category,
    label: vocabulary.label("toolCategories", category, lang),
    rows: byVocabularyOrder(
      entries.filter((t) => t.category === category).map((t) => t.tool),
      tools,
    ).map(
      (tool): ToolRow => ({
        tool,
        label: vocabulary.label("tools", tool, lang),
        cells: profiles.map((p) => ({
          role: p.id,
          names: p.tools.filter((t) => t.tool === tool && t.category === category).map((t) => t.name),
        })),
      }),
    ),
  }));
  return {
    categories,
    summary: summarizeOverlap(
      profiles.map((p) => ({ role: p.id, ids: new Set(p.tools.map((t) => t.tool)) })),
      [...new Set(categories.flatMap((group) => group.rows.map((row) => row.tool)))],
    ),
  };
}

/** Compares two or more profiles side by side; pure: data in, data out. */
export function compareRoles(
  profiles: Profile[],
  vocabulary: VocabularyIndex,
  options: CompareOptions,
): Comparison {
  const lang = options.labelLang;
  const wanted = options.sections?.length ? options.sections : COMPARE_SECTIONS;
  const sections = COMPARE_SECTIONS.filter((section) => wanted.includes(section));
  const comparison: Comparison = {
    label_lang: lang,
    sections,
    roles: profiles.map((profile, index) => header(profile, index + 1, vocabulary, lang)),
  };
  if (sections.includes("career")) comparison.career = compareCareers(profiles, vocabulary, lang);
  if (sections.includes("skills")) comparison.skills = compareSkills(profiles, vocabulary, lang);
  if (sections.includes("tools")) comparison.tools = compareTools(profiles, vocabulary, lang);
  return comparison;
}
