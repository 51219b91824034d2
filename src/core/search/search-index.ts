import { foldText, foldWords } from "../fold-text.js";
import { LANGUAGES, type Language, type SearchableRole } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";

/** What a search finds: a skill concept or a tool. */
export type HitKind = "skill" | "tool";

/** Where an indexed name comes from: a vocabulary label, alias or tool name, or a profile's own wording. */
export type NameSource = "label" | "alias" | "name" | "profile";

export interface ConceptRef {
  kind: HitKind;
  id: string;
}

/** One name of a concept, as written. */
export interface ConceptName {
  concept: ConceptRef;
  text: string;
  source: NameSource;
}

/** A distinct folded name and every concept name that folds to it. */
export interface IndexKey {
  key: string;
  names: ConceptName[];
}

/** A role that has a concept, and how its profile writes it. */
export interface RoleUse {
  id: string;
  title: string;
  title_en: string;
  lang: Language;
  /** The label (skills) or name (tools) as the profile writes it; several when it lists the concept twice. */
  labels: string[];
}

/** A name of a tool category (label or alias in any language) that finds every tool in it when typed in full. */
export interface CategoryName {
  category: string;
  text: string;
}

export interface SearchIndex {
  /** Distinct folded names of the skills and tools that loaded roles have. */
  keys: IndexKey[];
  /** Compact folded tool-category names (vocabulary labels and aliases) → the category. */
  categoryNames: Map<string, CategoryName>;
  /** Tool-category id → ids of the tools found in it (by vocabulary default or by a profile). */
  toolsByCategory: Map<string, Set<string>>;
  /** conceptKey(kind, id) → the roles that have it, in profile order. */
  roles: Map<string, RoleUse[]>;
}

/** The map's value for `key`, created first when missing. */
export function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

export function conceptKey(concept: ConceptRef): string {
  return `${concept.kind}:${concept.id}`;
}

/**
 * The form both index keys and queries are matched in: folded, invisible format characters
 * (soft hyphen, zero-width space, BOM…) removed, control characters and whitespace runs as one space.
 */
export function searchForm(text: string): string {
  return foldText(text.replace(/\p{Cf}/gu, ""))
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim();
}

/** The letter-and-digit words of text in search form ("problem-solving" → problem, solving). */
export function wordsOf(form: string): string[] {
  return form.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
}

/** Folded with spaces and punctuation removed: "Help desk" = "helpdesk" = "Help-Desk". */
export function compactForm(text: string): string {
  return foldWords(text).replace(/ /g, "");
}

/**
 * Builds the search index from the distinct names of the skills and tools the roles have, never
 * from (role × entry) pairs: the fuzzy matcher then works on a few hundred names however many
 * roles there are, and each found concept maps to its roles in one lookup. It needs only each
 * role's head (skills and tools as written), not the full profile.
 */
export function buildSearchIndex(loadedRoles: SearchableRole[], vocabulary: VocabularyIndex): SearchIndex {
  const roles = new Map<string, RoleUse[]>();
  const names = new Map<string, ConceptName>();
  const toolsByCategory = new Map<string, Set<string>>();
  const categoryNames = new Map<string, CategoryName>();
  // The roles' own names, deduplicated before any folding (folding is the costly part).
  const roleNames = new Map<string, ConceptName>();

  const addName = (concept: ConceptRef, text: string, source: NameSource) => {
    const id = `${conceptKey(concept)}\u0000${text}`;
    if (!names.has(id) && searchForm(text) !== "") names.set(id, { concept, text, source });
  };
  const addUse = (concept: ConceptRef, role: SearchableRole, label: string) => {
    const key = conceptKey(concept);
    roleNames.set(`${key}\u0000${label}`, { concept, text: label, source: "profile" });
    const uses = getOrCreate(roles, key, (): RoleUse[] => []);
    const { profile } = role;
    // Roles are read one at a time, so this role's use, if any, is the last one.
    let use = uses.at(-1);
    if (use?.id !== profile.id) {
      use = {
        id: profile.id,
        title: profile.title,
        title_en: profile.title_en,
        lang: profile.lang,
        labels: [],
      };
      uses.push(use);
    }
    if (!use.labels.includes(label)) use.labels.push(label);
  };
  const addTool = (category: string, tool: string) => {
    getOrCreate(toolsByCategory, category, () => new Set<string>()).add(tool);
  };
  const addCategoryName = (category: string, text: string) => {
    const compact = compactForm(text);
    if (compact !== "" && !categoryNames.has(compact)) categoryNames.set(compact, { category, text });
  };

  for (const role of loadedRoles) {
    for (const entry of role.profile.skills) addUse({ kind: "skill", id: entry.skill }, role, entry.label);
    for (const entry of role.profile.tools) {
      addUse({ kind: "tool", id: entry.tool }, role, entry.name);
      addTool(entry.category, entry.tool);
    }
  }

  // Vocabulary names only for concepts some role has (a hit must lead to roles), and before the
  // roles' own wording, so that a name both use is reported as the vocabulary's.
  for (const skill of vocabulary.vocabulary.skills) {
    const concept: ConceptRef = { kind: "skill", id: skill.id };
    if (!roles.has(conceptKey(concept))) continue;
    for (const lang of LANGUAGES) addName(concept, skill.labels[lang], "label");
    for (const alias of skill.aliases) addName(concept, alias, "alias");
  }
  for (const tool of vocabulary.vocabulary.tools) {
    const concept: ConceptRef = { kind: "tool", id: tool.id };
    if (!roles.has(conceptKey(concept))) continue;
    addName(concept, tool.name, "name");
    for (const lang of LANGUAGES) addName(concept, tool.labels[lang], "label");
    for (const alias of tool.aliases) addName(concept, alias, "alias");
    addTool(tool.category, tool.id);
  }
  for (const category of vocabulary.vocabulary.toolCategories) {
    if (!toolsByCategory.has(category.id)) continue;
    for (const lang of LANGUAGES) addCategoryName(category.id, category.labels[lang]);
    for (const alias of category.aliases) addCategoryName(category.id, alias);
  }
  for (const name of roleNames.values()) addName(name.concept, name.text, name.source);

  const byKey = new Map<string, IndexKey>();
  for (const name of names.values()) {
    const key = searchForm(name.text);
    getOrCreate(byKey, key, (): IndexKey => ({ key, names: [] })).names.push(name);
  }
  return { keys: [...byKey.values()], categoryNames, toolsByCategory, roles };
}
