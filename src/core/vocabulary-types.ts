import type { Language } from "./profile.js";

/** A shared concept (skill, tool category, stage, position, level, tool) with labels in every language. */
export interface Concept {
  id: string;
  labels: Record<Language, string>;
  /** Other names in any language: spellings, inflections, abbreviations. */
  aliases: string[];
}

export interface ToolConcept extends Concept {
  /** The tool's name as its vendor spells it. */
  name: string;
  /** Default tool-category id. */
  category: string;
  vendor?: string;
}

export type ConceptKind = "skills" | "toolCategories" | "stages" | "positions" | "levels" | "tools";

export interface Vocabulary {
  skills: Concept[];
  toolCategories: Concept[];
  /** In ladder order, lowest first. */
  stages: Concept[];
  positions: Concept[];
  levels: Concept[];
  tools: ToolConcept[];
}
