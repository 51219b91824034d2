import { LANGUAGES, type Language, type SearchableRole } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";
import { type RunningTexts, runningTexts, TEXT_FIELDS } from "./running-texts.js";
import { compactForm, searchForm, wordsOf } from "./search-forms.js";

/**
 * What a search finds: a skill concept, a tool, a role itself (by its title or an alias), a ladder
 * position concept, or a responsibility area (its skill concept when the profile maps it, else the
 * heading as written).
 */
export const HIT_KINDS = ["skill", "tool", "role", "position", "responsibility"] as const;
export type HitKind = (typeof HIT_KINDS)[number];

/** Where an indexed name comes from: a vocabulary label, alias or tool name, or a profile's own wording. */
export const NAME_SOURCES = ["label", "alias", "name", "profile"] as const;
export type NameSource = (typeof NAME_SOURCES)[number];

/** Which field of a role the matched name is (docs/search.md): labels and names first, running text last. */
export const MATCH_FIELDS = [
  "title",
  "alias",
  "position",
  "responsibility_area",
  "responsibility_text",
  "skill_label",
  "skill_note",
  "tool_name",
  "category",
] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

/** Quality of a match on a word of a multi-word tool name ("jira" in "Jira Service Desk"). */
export const WORD_QUALITY = 0.9;

export interface ConceptRef {
  kind: HitKind;
  id: string;
}

/** One name of a concept, as written. */
export interface ConceptName {
  concept: ConceptRef;
  text: string;
  source: NameSource;
  field: MatchField;
  /** Set when this entry indexes one word of a multi-word tool name: matches on it reach only WORD_QUALITY. */
  word?: string;
}

/** A distinct folded name and every concept name that folds to it. */
export interface IndexKey {
  key: string;
  names: ConceptName[];
}

/** A role as a search reports it. */
export interface IndexedRole {
  id: string;
  title: string;
  title_en: string;
  lang: Language;
}

/** A role that has a concept, and how its profile writes it. */
export interface RoleUse extends IndexedRole {
  /** The label (skills) or name (tools) as the profile writes it; several when it lists the concept twice. */
  labels: string[];
  /** Tools: the tool-category id this role's profile lists the tool under (other kinds have none). */
  category?: string;
}

/** One concept some role has: its distinct labels as profiles write them, and how many roles have it. */
export interface ConceptEntry {
  concept: ConceptRef;
  /** Position in SearchIndex.concepts. */
  index: number;
  /** The distinct labels (skills) or names (tools) profiles write for the concept, first seen first. */
  labels: string[];
  /** How many roles have the concept. */
  roleCount: number;
  /** Tools: the categories profiles put the tool in, first seen first. */
  categories: string[];
}

/**
 * Every (role × skill or tool entry) use, as three parallel integer columns in profile order, not an
 * object per use; grouped by concept only when a search returns roles.
 */
export interface Uses {
  count: number;
  /** Concepts resolved so far by scanning. */
  scans: number;
  role: Int32Array;
  concept: Int32Array;
  label: Int32Array;
  /** Built on first need: the uses of concept c are byConcept[start[c] .. start[c + 1]). */
  grouped?: { start: Int32Array; byConcept: Int32Array };
}

/** A name of a tool category (label or alias in any language) that finds every tool in it when typed in full. */
export interface CategoryName {
  category: string;
  text: string;
}

export interface SearchIndex {
  /** Distinct folded names of the roles, positions, responsibility areas, skills and tools. */
  keys: IndexKey[];
  texts: RunningTexts;
  /** Compact folded tool-category names (vocabulary labels and aliases) → the category. */
  categoryNames: Map<string, CategoryName>;
  /** Tool-category id → ids of the tools some profile lists under it. */
  toolsByCategory: Map<string, Set<string>>;
  /** The roles indexed, in the order given: uses name them by position (an unpacked index reads each when asked). */
  roles: { readonly length: number; at(role: number): IndexedRole | undefined };
  /**
   * For a tool that profiles put in different categories: "role position NUL tool id" → the
   * category that role's profile gives it first (categoryOf).
   */
  ownCategories: Map<string, string>;
  /** By kind: concept id → its entry. */
  entries: Record<HitKind, Map<string, ConceptEntry>>;
  /** All entries, by ConceptEntry.index. */
  concepts: ConceptEntry[];
  uses: Uses;
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

/** The field a profile's own wording of a concept is; a role's title was indexed as its name already. */
const PROFILE_NAME_FIELD: Record<HitKind, MatchField | undefined> = {
  skill: "skill_label",
  tool: "tool_name",
  role: undefined,
  position: "position",
  responsibility: "responsibility_area",
};

/**
 * Builds the search index from the distinct names of the skills and tools the roles have, never
 * from (role × entry) pairs: the fuzzy matcher then works on a few hundred names however many
 * roles there are, and each found concept maps to its roles in one lookup. It needs only each
 * role's head (skills and tools as written), not the full profile.
 */
export function buildSearchIndex(loadedRoles: SearchableRole[], vocabulary: VocabularyIndex): SearchIndex {
  const entries: Record<HitKind, Map<string, ConceptEntry>> = {
    skill: new Map(),
    tool: new Map(),
    role: new Map(),
    position: new Map(),
    responsibility: new Map(),
  };
  const { skill: skills, tool: tools } = entries;
  // Each distinct (concept, text) once: [concept index, field, text].
  const texts = new Map<string, [number, number, string]>();
  const concepts: ConceptEntry[] = [];
  const names = new Map<string, ConceptName>();
  const toolsByCategory = new Map<string, Set<string>>();
  const categoryNames = new Map<string, CategoryName>();
  // The roles' own names, each (concept, label) once, in the order first seen (folding is the costly part).
  const roleNames: [ConceptEntry, number][] = [];
  // Each (category, tool) pair once, in the order first seen.
  const toolCategories: [string, string][] = [];
  // Folded forms of names, each text folded once.
  const forms = new Map<string, string>();
  const formOf = (text: string): string => {
    let form = forms.get(text);
    if (form === undefined) {
      form = searchForm(text);
      forms.set(text, form);
    }
    return form;
  };
  const addName = (concept: ConceptRef, text: string, source: NameSource, field: MatchField) => {
    const id = `${conceptKey(concept)}\u0000${text}`;
    if (names.has(id) || formOf(text) === "") return;
    names.set(id, { concept, text, source, field });
    // A tool name of several words is found by each of them ("jira" → "Jira Service Desk").
    const words = concept.kind === "tool" ? wordsOf(formOf(text)) : [];
    if (words.length < 2) return;
    for (const word of words) {
      const wordId = `${id}\u0000${word}`;
      if (word.length >= 3 && !names.has(wordId)) names.set(wordId, { concept, text, source, field, word });
    }
  };
  const addText = (entry: ConceptEntry, text: string, field: (typeof TEXT_FIELDS)[number]) => {
    const id = `${entry.index}\u0000${text}`;
    if (text !== "" && !texts.has(id)) texts.set(id, [entry.index, TEXT_FIELDS.indexOf(field), text]);
  };

  // Cached heads know their list lengths without reading the lists: size the columns once.
  let capacity = 0;
  for (const role of loadedRoles) {
    const counts = role.profile as { skill_count?: unknown; tool_count?: unknown };
    if (typeof counts.skill_count === "number" && typeof counts.tool_count === "number")
      capacity += counts.skill_count + counts.tool_count;
  }
  const uses: Uses = {
    count: 0,
    scans: 0,
    role: new Int32Array(Math.max(capacity, 64)),
    concept: new Int32Array(Math.max(capacity, 64)),
    label: new Int32Array(Math.max(capacity, 64)),
  };
  // While building, by concept index: each label's index in its labels, the last role (index into
  // loadedRoles) that had the concept, and the last label index used (the common repeat).
  const labelIndexes: Map<string, number>[] = [];
  const lastRoles: number[] = [];
  const lastLabels: number[] = [];
  const entryFor = (map: Map<string, ConceptEntry>, kind: HitKind, id: string): ConceptEntry => {
    let entry = map.get(id);
    if (entry === undefined) {
      entry = { concept: { kind, id }, index: concepts.length, labels: [], roleCount: 0, categories: [] };
      labelIndexes.push(new Map());
      lastRoles.push(-1);
      lastLabels.push(-1);
      concepts.push(entry);
      map.set(id, entry);
    }
    return entry;
  };
  const addUse = (entry: ConceptEntry, role: number, roleId: string, label: string) => {
    const at = entry.index;
    const lastLabel = lastLabels[at] as number;
    let labelIndex = entry.labels[lastLabel] === label ? lastLabel : labelIndexes[at]?.get(label);
    if (labelIndex === undefined) {
      labelIndex = entry.labels.length;
      entry.labels.push(label);
      labelIndexes[at]?.set(label, labelIndex);
      roleNames.push([entry, labelIndex]);
    }
    lastLabels[at] = labelIndex;
    // Roles are read one at a time, so this role's earlier use, if any, is the concept's last one.
    const lastRole = lastRoles[at] as number;
    if (lastRole !== role && loadedRoles[lastRole]?.profile.id !== roleId) entry.roleCount++;
    lastRoles[at] = role;
    if (uses.count === uses.role.length) {
      const grow = (column: Int32Array) => {
        const larger = new Int32Array(column.length * 2);
        larger.set(column);
        return larger;
      };
      uses.role = grow(uses.role);
      uses.concept = grow(uses.concept);
      uses.label = grow(uses.label);
    }
    uses.role[uses.count] = role;
    uses.concept[uses.count] = entry.index;
    uses.label[uses.count] = labelIndex;
    uses.count++;
  };

  for (let r = 0; r < loadedRoles.length; r++) {
    const profile = (loadedRoles[r] as SearchableRole).profile;
    const roleId = profile.id;
    const role = entryFor(entries.role, "role", roleId);
    addUse(role, r, roleId, profile.title);
    addName(role.concept, profile.title, "profile", "title");
    addName(role.concept, profile.title_en, "profile", "title");
    for (const alias of profile.aliases) addName(role.concept, alias, "alias", "alias");
    for (const item of profile.positions) {
      const entry = entryFor(entries.position, "position", item.position);
      addUse(entry, r, roleId, item.label);
    }
    for (const area of profile.responsibilities) {
      // A mapped area is its concepts (one hit across languages); an unmapped one, its heading.
      const ids = area.skills.length > 0 ? area.skills : [searchForm(area.area)];
      for (const id of ids) {
        const entry = entryFor(entries.responsibility, "responsibility", id);
        addUse(entry, r, roleId, area.area);
        addText(entry, area.text, "responsibility_text");
      }
    }
    // Each list is read once: on a cached library they are getters that read the cache.
    const roleSkills = profile.skills;
    const roleTools = profile.tools;
    for (const item of roleSkills) {
      const entry = entryFor(skills, "skill", item.skill);
      addUse(entry, r, roleId, item.label);
      if (item.note) addText(entry, item.note, "skill_note");
    }
    for (const item of roleTools) {
      const entry = entryFor(tools, "tool", item.tool);
      addUse(entry, r, roleId, item.name);
      if (entry.categories[0] !== item.category && !entry.categories.includes(item.category)) {
        entry.categories.push(item.category);
        toolCategories.push([item.category, item.tool]);
      }
    }
  }
  for (const [category, tool] of toolCategories) {
    getOrCreate(toolsByCategory, category, () => new Set<string>()).add(tool);
  }
  // Where profiles differ on a tool's category, each role's own (its first entry for the tool).
  const ownCategories = new Map<string, string>();
  if (toolCategories.length > tools.size) {
    loadedRoles.forEach(({ profile }, r) => {
      for (const item of profile.tools) {
        const key = `${r}\u0000${item.tool}`;
        if ((tools.get(item.tool)?.categories.length ?? 0) > 1 && !ownCategories.has(key))
          ownCategories.set(key, item.category);
      }
    });
  }
  const addCategoryName = (category: string, text: string) => {
    const compact = compactForm(text);
    if (compact !== "" && !categoryNames.has(compact)) categoryNames.set(compact, { category, text });
  };

  // Vocabulary names only for concepts some role has (a hit must lead to roles), and before the
  // roles' own wording, so that a name both use is reported as the vocabulary's.
  for (const skill of vocabulary.vocabulary.skills) {
    const concept = skills.get(skill.id)?.concept;
    if (!concept) continue;
    for (const lang of LANGUAGES) addName(concept, skill.labels[lang], "label", "skill_label");
    for (const alias of skill.aliases) addName(concept, alias, "alias", "skill_label");
  }
  // A mapped responsibility area is found by its skill concept's names too.
  for (const skill of vocabulary.vocabulary.skills) {
    const concept = entries.responsibility.get(skill.id)?.concept;
    if (!concept) continue;
    for (const lang of LANGUAGES) addName(concept, skill.labels[lang], "label", "responsibility_area");
    for (const alias of skill.aliases) addName(concept, alias, "alias", "responsibility_area");
  }
  for (const position of vocabulary.vocabulary.positions) {
    const concept = entries.position.get(position.id)?.concept;
    if (!concept) continue;
    for (const lang of LANGUAGES) addName(concept, position.labels[lang], "label", "position");
    for (const alias of position.aliases) addName(concept, alias, "alias", "position");
  }
  for (const tool of vocabulary.vocabulary.tools) {
    const concept = tools.get(tool.id)?.concept;
    if (!concept) continue;
    addName(concept, tool.name, "name", "tool_name");
    for (const lang of LANGUAGES) addName(concept, tool.labels[lang], "label", "tool_name");
    for (const alias of tool.aliases) addName(concept, alias, "alias", "tool_name");
  }
  for (const category of vocabulary.vocabulary.toolCategories) {
    if (!toolsByCategory.has(category.id)) continue;
    for (const lang of LANGUAGES) addCategoryName(category.id, category.labels[lang]);
    for (const alias of category.aliases) addCategoryName(category.id, alias);
  }
  for (const [entry, label] of roleNames) {
    const field = PROFILE_NAME_FIELD[entry.concept.kind];
    if (field) addName(entry.concept, entry.labels[label] ?? "", "profile", field);
  }

  const byKey = new Map<string, IndexKey>();
  for (const name of names.values()) {
    const key = name.word ?? formOf(name.text);
    getOrCreate(byKey, key, (): IndexKey => ({ key, names: [] })).names.push(name);
  }
  return {
    keys: [...byKey.values()],
    texts: runningTexts([...texts.values()]),
    categoryNames,
    toolsByCategory,
    roles: loadedRoles.map(({ profile: { id, title, title_en, lang } }) => ({ id, title, title_en, lang })),
    ownCategories,
    entries,
    concepts,
    uses,
  };
}
