import type { HeadPosition, ProfileHead } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";

/**
 * What the career commands need of a profile: its id, its own position and its ladder's positions,
 * which its cached head keeps (so `gap`, `graph` and `show <position>` read no profile file for it).
 */
export type Ladder = Pick<ProfileHead, "id" | "position" | "positions">;

/** One stage of a ladder, with every position the ladder lists there (a stage listed twice is one rung). */
export interface Rung {
  stage: string;
  positions: HeadPosition[];
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
  const byStage = new Map<string, HeadPosition[]>();
  for (const entry of ladder.positions) {
    const positions = byStage.get(entry.stage) ?? [];
    if (!positions.some((p) => p.position === entry.position)) positions.push(entry);
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
