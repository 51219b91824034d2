import { foldWords } from "./fold-text.js";
import { LANGUAGES, type SkillEntry, type ToolEntry } from "./profile.js";
import type { Concept, VocabularyIndex } from "./vocabulary.js";

/** A profile entry whose wording the vocabulary does not know; a warning, an error under --strict. */
export interface UnmappedEntry {
  field: string;
  message: string;
}

function namesOf(concept: Concept, extra: string[] = []): Set<string> {
  return new Set(
    [...LANGUAGES.map((lang) => concept.labels[lang]), ...concept.aliases, ...extra].map(foldWords),
  );
}

/**
 * The skills and tools whose wording (label, name) is not a name of the concept the profile maps
 * them to: the mapping then rests on the profile alone, unchecked by the vocabulary, and is often
 * wrong. When the wording names another concept, the message says which.
 */
export function findUnmappedEntries(
  profile: { skills: Pick<SkillEntry, "skill" | "label">[]; tools: Pick<ToolEntry, "tool" | "name">[] },
  vocabulary: VocabularyIndex,
): UnmappedEntry[] {
  const found: UnmappedEntry[] = [];
  const { skills, tools } = vocabulary.vocabulary;
  const skillNames = new Map(skills.map((concept) => [concept.id, namesOf(concept)]));
  const toolNames = new Map(tools.map((tool) => [tool.id, namesOf(tool, [tool.name])]));
  const check = (
    field: string,
    wording: string,
    id: string,
    names: Map<string, Set<string>>,
    what: "skill" | "tool",
    file: string,
  ) => {
    const folded = foldWords(wording);
    if (folded === "" || names.get(id)?.has(folded) !== false) return; // an unknown id is an error elsewhere
    const other = [...names].find(([, set]) => set.has(folded))?.[0];
    const message = other
      ? `'${wording}' is a name of ${what} '${other}', not '${id}'; map it to '${other}'`
      : `'${wording}' is not a name of ${what} '${id}' in the vocabulary; check the mapping, or add the wording to the ${what}'s aliases in data/vocabulary/${file}`;
    found.push({ field, message });
  };
  for (const [i, entry] of profile.skills.entries())
    check(`skills[${i}].label`, entry.label, entry.skill, skillNames, "skill", "skills.yaml");
  for (const [i, entry] of profile.tools.entries())
    check(`tools[${i}].name`, entry.name, entry.tool, toolNames, "tool", "tools.yaml");
  return found;
}
