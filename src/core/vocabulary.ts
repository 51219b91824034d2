import { closestMatches } from "./edit-distance.js";
import { foldText } from "./fold-text.js";
import { LANGUAGES, type Language } from "./profile.js";
import type { Concept, ConceptKind, ToolConcept, Vocabulary } from "./vocabulary-types.js";

export type { Concept, ConceptKind, ToolConcept, Vocabulary };

/** The vocabulary with lookups by id. */
export class VocabularyIndex {
  private readonly byKind: Record<ConceptKind, Map<string, Concept>>;

  constructor(readonly vocabulary: Vocabulary) {
    const index = (concepts: Concept[]) => new Map(concepts.map((c) => [c.id, c]));
    this.byKind = {
      skills: index(vocabulary.skills),
      toolCategories: index(vocabulary.toolCategories),
      stages: index(vocabulary.stages),
      positions: index(vocabulary.positions),
      levels: index(vocabulary.levels),
      tools: index(vocabulary.tools),
    };
  }

  get(kind: ConceptKind, id: string): Concept | undefined {
    return this.byKind[kind].get(id);
  }

  has(kind: ConceptKind, id: string): boolean {
    return this.byKind[kind].has(id);
  }

  tool(id: string): ToolConcept | undefined {
    return this.byKind.tools.get(id) as ToolConcept | undefined;
  }

  /** The concept's label in `lang`, or the id itself for an unknown concept. */
  label(kind: ConceptKind, id: string, lang: Language): string {
    return this.byKind[kind].get(id)?.labels[lang] ?? id;
  }

  /** Ladder position of a stage (0 = lowest), or -1. */
  stageRank(id: string): number {
    return this.vocabulary.stages.findIndex((stage) => stage.id === id);
  }

  /** Known ids of a kind that look like `id`, for "did you mean" hints. */
  suggest(kind: ConceptKind, id: string): string[] {
    return closestMatches(foldText(id), this.byKind[kind].keys());
  }
}

const KIND_FILES: Record<ConceptKind, string> = {
  skills: "skills.yaml",
  toolCategories: "tool-categories.yaml",
  stages: "stages.yaml",
  positions: "positions.yaml",
  levels: "levels.yaml",
  tools: "tools.yaml",
};

export const VOCABULARY_FILES = KIND_FILES;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Checks parsed vocabulary files (one list of concepts per kind) and builds the index.
 * Returns the problems instead when any file is malformed: the vocabulary is ours, so any
 * problem is a bug in data/, reported with file and entry.
 */
export function buildVocabulary(
  raw: Record<ConceptKind, unknown>,
): { vocabulary: VocabularyIndex } | { problems: string[] } {
  const problems: string[] = [];
  const read = (kind: ConceptKind): Concept[] => {
    const list = raw[kind];
    const file = KIND_FILES[kind];
    if (!Array.isArray(list)) {
      problems.push(`${file}: expected a list of concepts`);
      return [];
    }
    const seen = new Set<string>();
    const concepts: Concept[] = [];
    list.forEach((entry, index) => {
      const where = `${file}: [${index}]`;
      if (!isRecord(entry) || typeof entry.id !== "string") {
        problems.push(`${where}: expected a concept with a string id`);
        return;
      }
      if (seen.has(entry.id)) problems.push(`${where}: duplicate id '${entry.id}'`);
      seen.add(entry.id);
      const labels = isRecord(entry.labels) ? entry.labels : {};
      for (const lang of LANGUAGES) {
        if (typeof labels[lang] !== "string") problems.push(`${where} ${entry.id}: missing label '${lang}'`);
      }
      const aliases = Array.isArray(entry.aliases) ? entry.aliases.filter((a) => typeof a === "string") : [];
      const concept: Concept = { id: entry.id, labels: labels as Record<Language, string>, aliases };
      if (kind === "tools") {
        const tool = concept as ToolConcept;
        tool.name = typeof entry.name === "string" ? entry.name : entry.id;
        tool.category = typeof entry.category === "string" ? entry.category : "";
        if (typeof entry.vendor === "string") tool.vendor = entry.vendor;
      }
      concepts.push(concept);
    });
    return concepts;
  };
  const vocabulary: Vocabulary = {
    skills: read("skills"),
    toolCategories: read("toolCategories"),
    stages: read("stages"),
    positions: read("positions"),
    levels: read("levels"),
    tools: read("tools") as ToolConcept[],
  };
  const categories = new Set(vocabulary.toolCategories.map((c) => c.id));
  for (const tool of vocabulary.tools) {
    if (!categories.has(tool.category)) {
      problems.push(`${KIND_FILES.tools}: ${tool.id}: unknown category '${tool.category}'`);
    }
  }
  return problems.length > 0 ? { problems } : { vocabulary: new VocabularyIndex(vocabulary) };
}
