/** The structured facts of one role profile, as validated from its front-matter. */

export const LANGUAGES = ["en", "da", "sv", "nb", "fi"] as const;
export type Language = (typeof LANGUAGES)[number];
/** Languages a profile's own prose may be written in. */
export type ProfileLanguage = Language;

export interface ResponsibilityItem {
  /** Lead-in label of the item as the seed writes it ("Problemløsning"), when it has one. */
  label?: string;
  /** The item itself, condensed, in the profile's language. */
  text: string;
}

export interface ResponsibilityArea {
  /** Area heading as written. */
  area: string;
  /** Skill concept ids (data/vocabulary/skills.yaml) the area calls for, when the heading names some. */
  skills?: string[];
  /** Condensed description of the area when the seed gives prose rather than items. */
  text?: string;
  items: ResponsibilityItem[];
}

export interface SkillEntry {
  /** Skill concept id from data/vocabulary/skills.yaml. */
  skill: string;
  /** The skill's label exactly as the seed writes it. */
  label: string;
  /** The heading the seed lists the skill under, as written. */
  group?: string;
  /** What the seed says about the skill, condensed, in the profile's language. */
  note?: string;
}

export interface ToolEntry {
  /** Tool id from data/vocabulary/tools.yaml. */
  tool: string;
  /** Tool name exactly as the seed spells it. */
  name: string;
  /** Tool-category concept id from data/vocabulary/tool-categories.yaml. */
  category: string;
  /** The heading the seed lists the tool under, as written. */
  heading: string;
  /** What the seed says about the tool, condensed, in the profile's language. */
  note?: string;
}

export interface CareerPosition {
  /** Position concept id from data/vocabulary/positions.yaml. */
  position: string;
  /** The role's name in its base form (nominative), as the seed spells it otherwise. */
  label: string;
  /** The seed's own wording, when it differs from `label` (an inflected form in a sentence). */
  as_written?: string;
  /** True when the seed does not name this role on its ladder (or names an area, not a role): ours. */
  inferred?: boolean;
  note?: string;
}

export interface CareerStage {
  /** Career-stage concept id from data/vocabulary/stages.yaml. */
  stage: string;
  /** The stage heading as written; absent when the stage is inferred. */
  label?: string;
  /** True when the seed has no heading for this stage and the grouping is ours. */
  inferred?: boolean;
  note?: string;
  positions: CareerPosition[];
}

export interface BestPractice {
  title: string;
  text?: string;
  items?: string[];
}

export interface ProfileSource {
  /** File name of the seed document the profile was written from. */
  file?: string;
  publisher?: string;
  /** Page date as ISO yyyy-mm-dd, when the seed shows one. */
  date?: string;
  url?: string;
}

export interface Profile {
  id: string;
  /** Title as the source writes it, in the profile's language. */
  title: string;
  title_en: string;
  lang: ProfileLanguage;
  /** Level concept id from data/vocabulary/levels.yaml. */
  level: string;
  /** Position concept this role itself occupies on career paths. */
  position: string;
  aliases: string[];
  summary: string;
  summary_en: string;
  responsibilities: ResponsibilityArea[];
  skills: SkillEntry[];
  tools: ToolEntry[];
  career_path: CareerStage[];
  /** Free prose about growth beyond the ladder (certifications, networking…). */
  growth?: string;
  best_practices: BestPractice[];
  source: ProfileSource;
  /** The Markdown body under the front-matter: the readable profile prose. */
  body: string;
}

/** A full profile together with where it was loaded from. */
export type LoadedProfile = Located<Profile>;

/**
 * What listing, finding and searching roles, and the career commands' ladders, need of a profile:
 * small enough to cache for all.
 */
export interface ProfileHead {
  id: string;
  title: string;
  title_en: string;
  lang: ProfileLanguage;
  level: string;
  position: string;
  aliases: string[];
  skill_count: number;
  tool_count: number;
  /** Read lazily from the cache when a command needs them (search), not when it lists roles. */
  skills: Pick<SkillEntry, "skill" | "label" | "note">[];
  tools: Pick<ToolEntry, "tool" | "name" | "category">[];
  /** The positions on the role's career ladder, in ladder order (search finds roles by them). */
  positions: HeadPosition[];
  /** The role's responsibility areas, for search: heading, mapped concepts and running text. */
  responsibilities: HeadResponsibility[];
  /** Where the profile comes from, which `gap` cites for each ladder its path runs along. */
  source: ProfileSource;
}

/** A ladder position as a head keeps it: its stage, position concept and the label as written. */
export interface HeadPosition {
  stage: string;
  position: string;
  label: string;
}

/** A responsibility area as a head keeps it: the heading, its skill concepts, and its text and items as one text. */
export interface HeadResponsibility {
  area: string;
  skills: string[];
  text: string;
}

/** What finding a role by name needs; both a head and a full profile have it. */
export type RoleIdentity = Pick<
  ProfileHead,
  "id" | "title" | "title_en" | "lang" | "level" | "position" | "aliases"
>;

/** A profile (full, or its head) with where it was loaded from. */
export interface Located<P> {
  profile: P;
  file: string;
  origin: string;
  /** Paths of earlier files with the same id that this one overrides. */
  overrides: string[];
}

/** What searching a role's titles, ladder, responsibilities, skills and tools needs of it. */
export type SearchableRole = Located<
  Pick<
    ProfileHead,
    "id" | "title" | "title_en" | "lang" | "aliases" | "skills" | "tools" | "positions" | "responsibilities"
  >
>;

/** A role known by its head. */
export type LoadedRole = Located<ProfileHead>;

export function headOf(profile: Profile): ProfileHead {
  return {
    id: profile.id,
    title: profile.title,
    title_en: profile.title_en,
    lang: profile.lang,
    level: profile.level,
    position: profile.position,
    aliases: profile.aliases,
    skill_count: profile.skills.length,
    tool_count: profile.tools.length,
    skills: profile.skills.map(({ skill, label, note }) =>
      note ? { skill, label, note } : { skill, label },
    ),
    tools: profile.tools.map(({ tool, name, category }) => ({ tool, name, category })),
    positions: profile.career_path.flatMap(({ stage, positions }) =>
      positions.map(({ position, label }) => ({ stage, position, label })),
    ),
    responsibilities: profile.responsibilities.map((area) => ({
      area: area.area,
      skills: area.skills ?? [],
      text: [
        area.text ?? "",
        ...area.items.map((item) => (item.label ? `${item.label}: ${item.text}` : item.text)),
      ]
        .filter((part) => part !== "")
        .join(" "),
    })),
    source: profile.source,
  };
}
