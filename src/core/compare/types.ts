import type { Language } from "../profile.js";

/**
 * The comparison of two to six roles. This is also the JSON output of `csroles compare --json`
 * (docs/compare.md), so field names are snake_case and changes are changes to a contract.
 */
export interface Comparison {
  /** Language of the concept labels (`label` fields). */
  label_lang: Language;
  /** The sections present, in output order. */
  sections: CompareSection[];
  roles: ComparedRole[];
  career?: CareerComparison;
  skills?: SkillComparison;
  tools?: ToolComparison;
}

export const COMPARE_SECTIONS = ["career", "skills", "tools"] as const;
export type CompareSection = (typeof COMPARE_SECTIONS)[number];

/** The header of one compared role. */
export interface ComparedRole {
  /** 1-based column number: the role's place on the command line. */
  column: number;
  id: string;
  /** Title as the profile writes it. */
  title: string;
  title_en: string;
  /** Language the profile is written in. */
  lang: Language;
  level: string;
  level_label: string;
  /** Position concept the role itself occupies on career paths. */
  position: string;
  position_label: string;
}

export interface CareerPositionCell {
  position: string;
  /** The position's name as the profile writes it. */
  label: string;
  /** The position concept's label in `label_lang`. */
  concept_label: string;
  /** Ids of the compared roles whose own position this is (in role order). */
  marks: string[];
}

export interface CareerCell {
  role: string;
  /** The profile's own heading for the stage; null when the stage is inferred or absent. */
  stage_label: string | null;
  /** True when the profile's seed gives no heading and the grouping is the profile author's. */
  inferred: boolean;
  /** Positions at this stage, in the profile's order; empty when the path lacks the stage. */
  positions: CareerPositionCell[];
}

export interface CareerRow {
  stage: string;
  label: string;
  /** One cell per compared role, in role order. */
  cells: CareerCell[];
}

export interface Placement {
  role: string;
  /** Every place the role's own position appears, ladders in role order. */
  found_on: { ladder: string; stage: string }[];
}

export interface CareerComparison {
  /** Stages used by at least one compared path, lowest first. */
  stages: CareerRow[];
  placements: Placement[];
}

/** Jaccard similarity of two or more sets of concept ids: |intersection| / |union|. */
export interface Similarity {
  intersection: number;
  union: number;
  /** intersection / union rounded to 4 decimals; null when the union is empty. */
  score: number | null;
}

export interface PairSimilarity extends Similarity {
  roles: [string, string];
}

export interface OverlapSummary {
  /** Ids every compared role has, in row order. */
  shared: string[];
  /** Per role, in role order: how many ids it has, and the ids only it has. */
  per_role: { role: string; total: number; distinct: string[] }[];
  similarity: {
    measure: "jaccard";
    /** All roles at once: ids in every role / ids in any role. */
    overall: Similarity;
    /** Every pair of roles, in command-line order (1–2, 1–3, …, 2–3, …). */
    pairs: PairSimilarity[];
  };
}

export interface SkillRow {
  skill: string;
  label: string;
  /** One cell per role; `labels` are the profile's own words, empty when the role lacks the skill. */
  cells: { role: string; labels: string[] }[];
}

export interface SkillComparison {
  rows: SkillRow[];
  summary: OverlapSummary;
}

export interface ToolRow {
  tool: string;
  label: string;
  /** One cell per role; `names` as the profile spells them, empty when the role lacks the tool here. */
  cells: { role: string; names: string[] }[];
}

export interface ToolCategoryGroup {
  category: string;
  label: string;
  rows: ToolRow[];
}

export interface ToolComparison {
  categories: ToolCategoryGroup[];
  /** Counted on tool ids, whatever category the profiles list a tool under. */
  summary: OverlapSummary;
}
