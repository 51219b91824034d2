import type { CareerPosition, Profile } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";

/** What the career commands need of a profile: its id, its own position and its ladder. */
export type Ladder = Pick<Profile, "id" | "position" | "career_path">;

/** One stage of a ladder, with every position the ladder lists there (a stage listed twice is one rung). */
export interface Rung {
  stage: string;
  positions: CareerPosition[];
}

/** One step a ladder describes: from a position at one stage to a position at the ladder's next stage. */
export interface LadderStep {
  role: string;
  from: { position: string; stage: string };
  to: { position: string; stage: string };
}

/**
 * A ladder's rungs, lowest stage first (in the vocabulary's order, whatever order the profile
 * lists them in); a position listed twice at one stage is kept once.
 */
export function rungsOf(ladder: Ladder, vocabulary: VocabularyIndex): Rung[] {
  const byStage = new Map<string, CareerPosition[]>();
  for (const entry of ladder.career_path) {
    const positions = byStage.get(entry.stage) ?? [];
    for (const position of entry.positions)
      if (!positions.some((p) => p.position === position.position)) positions.push(position);
    byStage.set(entry.stage, positions);
  }
  return [...byStage.entries()]
    .map(([stage, positions]) => ({ stage, positions }))
    .sort((a, b) => vocabulary.stageRank(a.stage) - vocabulary.stageRank(b.stage));
}

/**
 * The steps a ladder describes: every position of a rung leads to every position of the next rung
 * (the profiles list the positions of one stage as peers, not as steps).
 */
export function ladderSteps(ladder: Ladder, vocabulary: VocabularyIndex): LadderStep[] {
  const rungs = rungsOf(ladder, vocabulary);
  const steps: LadderStep[] = [];
  rungs.slice(1).forEach((upper, index) => {
    const lower = rungs[index] as Rung;
    for (const from of lower.positions)
      for (const to of upper.positions) {
        if (from.position === to.position) continue;
        steps.push({
          role: ladder.id,
          from: { position: from.position, stage: lower.stage },
          to: { position: to.position, stage: upper.stage },
        });
      }
  });
  return steps;
}
