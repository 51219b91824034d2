import { compareRoles } from "../compare/compare-roles.js";
import type {
  BestPractice,
  Language,
  LoadedProfile,
  Located,
  ProfileSource,
  ResponsibilityArea,
  SkillEntry,
  ToolEntry,
} from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";
import { allSteps, stepsBetween } from "./career-graph.js";
import type { Ladder } from "./ladders.js";
import { type PositionPlacement, placementsOf, UNKNOWN_WITHOUT_PROFILE } from "./position-view.js";

/**
 * The transition brief from one role or position to another. This is also the JSON output of
 * `csroles gap --json` (docs/json-output.md): field names are snake_case and changes are changes
 * to a contract.
 */
export interface TransitionBrief {
  label_lang: Language;
  from: BriefEndpoint;
  to: BriefEndpoint;
  /** The stages between from and to, lowest first; empty when no ladder leads from one to the other. */
  path: PathStage[];
  skills: { gain: BriefSkill[]; shared: SharedSkill[] };
  tools: { gain: BriefTool[]; shared: SharedTool[] };
  responsibilities: { gain: ResponsibilityArea[] };
  growth: { text: string | null; best_practices: BestPractice[] };
  sources: BriefSource[];
}

export interface BriefEndpoint {
  /** The profile's id, or null for a position that has no profile of its own. */
  id: string | null;
  position: string;
  /** The position's label in `label_lang`. */
  label: string;
  /** The profile's title as written, or null. */
  title: string | null;
  /** Where the ladders of the library list the position, in which words, and its neighbours there. */
  listed_on: PositionPlacement[];
  /** What is not known for lack of a profile (empty for a role). */
  unknown: string[];
}

export interface PathStage {
  stage: string;
  label: string;
  positions: { position: string; label: string; roles: string[] }[];
}

/** A skill entry of the `to` profile (as in `show --json`) with its concept's label. */
export type BriefSkill = SkillEntry & { concept_label: string };
export type SharedSkill = BriefSkill & { from_labels: string[] };
/** A tool entry of the `to` profile (as in `show --json`) with its concept's and category's labels. */
export type BriefTool = ToolEntry & { concept_label: string; category_label: string };
export type SharedTool = BriefTool & { from_names: string[] };

export type BriefPart = "path" | "position" | "skills" | "tools" | "responsibilities" | "growth";

export interface BriefSource {
  role: string;
  /** The profile file. */
  file: string;
  /** The source document the profile was written from, as the profile gives it. */
  source: ProfileSource;
  /** Which parts of the brief come from this profile. */
  parts: BriefPart[];
}

/** A ladder with the file and source it comes from, which the brief cites (a role's head has them). */
export type CitedLadder = Located<Ladder & { source: ProfileSource }>;

/**
 * One end of a transition: a profile (in full for the brief; a head is enough to find and compare
 * ends), or a position known only from ladders.
 */
export interface TransitionEnd<P extends Located<{ id: string }> = LoadedProfile> {
  profile: P | null;
  position: string;
}

function endpoint(
  end: TransitionEnd,
  ladders: CitedLadder[],
  vocabulary: VocabularyIndex,
  lang: Language,
): BriefEndpoint {
  return {
    id: end.profile?.profile.id ?? null,
    position: end.position,
    label: vocabulary.label("positions", end.position, lang),
    title: end.profile?.profile.title ?? null,
    listed_on: placementsOf(
      end.position,
      ladders.map((loaded) => loaded.profile),
      vocabulary,
      lang,
    ),
    unknown: end.profile ? [] : [...UNKNOWN_WITHOUT_PROFILE],
  };
}

function pathBetween(
  ladders: CitedLadder[],
  from: string,
  to: string,
  vocabulary: VocabularyIndex,
  lang: Language,
): PathStage[] {
  const steps = stepsBetween(
    allSteps(
      ladders.map((l) => l.profile),
      vocabulary,
    ),
    from,
    to,
  );
  const stages = new Map<string, Map<string, Set<string>>>();
  for (const step of steps)
    for (const { position, stage } of [step.from, step.to]) {
      const positions = stages.get(stage) ?? new Map<string, Set<string>>();
      stages.set(stage, positions.set(position, (positions.get(position) ?? new Set()).add(step.role)));
    }
  const positionRank = new Map(vocabulary.vocabulary.positions.map((p, index) => [p.id, index]));
  return [...stages.entries()]
    .sort(([a], [b]) => vocabulary.stageRank(a) - vocabulary.stageRank(b))
    .map(([stage, positions]) => ({
      stage,
      label: vocabulary.label("stages", stage, lang),
      positions: [...positions.entries()]
        .sort(([a], [b]) => (positionRank.get(a) ?? 0) - (positionRank.get(b) ?? 0))
        .map(([position, roles]) => ({
          position,
          label: vocabulary.label("positions", position, lang),
          roles: [...roles],
        })),
    }));
}

/**
 * Skills and tools of `to`, split by whether `from` has them, through the compare model's concept
 * alignment (the same rows and overlap as `csroles compare from to`). Without a `to` profile
 * nothing is known; without a `from` profile every skill and tool of `to` is to gain.
 */
function skillsAndTools(
  from: LoadedProfile | null,
  to: LoadedProfile | null,
  vocabulary: VocabularyIndex,
  lang: Language,
): Pick<TransitionBrief, "skills" | "tools"> {
  if (!to) return { skills: { gain: [], shared: [] }, tools: { gain: [], shared: [] } };
  const target = to.profile;
  const compared = compareRoles(from ? [from.profile, target] : [target], vocabulary, {
    labelLang: lang,
    sections: ["skills", "tools"],
  });
  const skills: TransitionBrief["skills"] = { gain: [], shared: [] };
  const sharedSkills = new Set(from ? compared.skills?.summary.shared : []);
  for (const row of compared.skills?.rows ?? []) {
    const fromLabels = from ? (row.cells[0]?.labels ?? []) : [];
    for (const entry of target.skills.filter((s) => s.skill === row.skill)) {
      const item = { ...entry, concept_label: row.label };
      if (sharedSkills.has(row.skill)) skills.shared.push({ ...item, from_labels: fromLabels });
      else skills.gain.push(item);
    }
  }
  const tools: TransitionBrief["tools"] = { gain: [], shared: [] };
  const sharedTools = new Set(from ? compared.tools?.summary.shared : []);
  const fromNames = (tool: string) =>
    from ? from.profile.tools.filter((t) => t.tool === tool).map((t) => t.name) : [];
  for (const group of compared.tools?.categories ?? [])
    for (const row of group.rows)
      for (const entry of target.tools.filter((t) => t.tool === row.tool && t.category === group.category)) {
        const item = { ...entry, concept_label: row.label, category_label: group.label };
        if (sharedTools.has(row.tool)) tools.shared.push({ ...item, from_names: fromNames(row.tool) });
        else tools.gain.push(item);
      }
  return { skills, tools };
}

/**
 * The transition brief from `from` to `to`: the path between them on the library's ladders, the
 * skills and tools to gain and those to build on, the responsibilities and growth advice of `to`,
 * and the profiles behind every part. Only the two ends are full profiles; the ladders need no
 * more than the roles' heads. Pure: data in, data out.
 */
export function transitionBrief(
  from: TransitionEnd,
  to: TransitionEnd,
  ladders: CitedLadder[],
  vocabulary: VocabularyIndex,
  lang: Language,
): TransitionBrief {
  const path = pathBetween(ladders, from.position, to.position, vocabulary, lang);
  const brief: TransitionBrief = {
    label_lang: lang,
    from: endpoint(from, ladders, vocabulary, lang),
    to: endpoint(to, ladders, vocabulary, lang),
    path,
    ...skillsAndTools(from.profile, to.profile, vocabulary, lang),
    responsibilities: { gain: to.profile?.profile.responsibilities ?? [] },
    growth: {
      text: to.profile?.profile.growth ?? null,
      best_practices: to.profile?.profile.best_practices ?? [],
    },
    sources: [],
  };
  const parts = new Map<string, Set<BriefPart>>();
  const add = (role: string, ...more: BriefPart[]) => {
    const set = parts.get(role) ?? new Set<BriefPart>();
    for (const part of more) set.add(part);
    parts.set(role, set);
  };
  for (const stage of path)
    for (const position of stage.positions) for (const role of position.roles) add(role, "path");
  for (const [end, loaded] of [
    [brief.from, from.profile],
    [brief.to, to.profile],
  ] as const)
    if (!loaded) for (const { role } of end.listed_on) add(role, "position");
  if (to.profile) {
    if (from.profile) add(from.profile.profile.id, "skills", "tools");
    add(to.profile.profile.id, "skills", "tools", "responsibilities", "growth");
  }
  const order: BriefPart[] = ["path", "position", "skills", "tools", "responsibilities", "growth"];
  brief.sources = ladders
    .filter(({ profile }) => parts.has(profile.id))
    .map(({ profile, file }) => ({
      role: profile.id,
      file,
      source: profile.source,
      parts: order.filter((part) => parts.get(profile.id)?.has(part)),
    }));
  return brief;
}

/** Refuses a transition from a place to itself (the same profile, or the same position without one). */
export function isSameEnd<P extends Located<{ id: string }>>(
  from: TransitionEnd<P>,
  to: TransitionEnd<P>,
): boolean {
  if (from.profile && to.profile) return from.profile.profile.id === to.profile.profile.id;
  return from.position === to.position;
}
