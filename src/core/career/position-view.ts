import type { Language } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";
import { type Ladder, rungsOf } from "./ladders.js";

/** What a position without a profile leaves unknown. */
export const UNKNOWN_WITHOUT_PROFILE = ["skills", "tools", "responsibilities", "growth"] as const;

/**
 * A career position that has no profile of its own, known by what the ladders say of it. This is
 * also the JSON output of `csroles show <position> --json` (docs/json-output.md).
 */
export interface PositionView {
  kind: "position";
  position: string;
  label_lang: Language;
  /** The position's label in `label_lang`. */
  label: string;
  labels: Record<Language, string>;
  aliases: string[];
  /** Each ladder that lists the position: at which stage, as what, and what is below and above it. */
  ladders: PositionPlacement[];
  /** What is not known for lack of a profile. */
  unknown: string[];
}

export interface NeighbourPosition {
  position: string;
  label: string;
}

export interface PositionPlacement {
  role: string;
  stage: string;
  stage_label: string;
  /** The position's name as that profile writes it. */
  written: string;
  /** Positions at the ladder's stage below, and above (empty at either end). */
  before: NeighbourPosition[];
  after: NeighbourPosition[];
}

/** Each ladder that lists `position`: at which stage, in which words, and its neighbours there. */
export function placementsOf(
  position: string,
  ladders: Ladder[],
  vocabulary: VocabularyIndex,
  lang: Language,
): PositionPlacement[] {
  const neighbours = (rung: { positions: { position: string }[] } | undefined): NeighbourPosition[] =>
    (rung?.positions ?? []).map((p) => ({
      position: p.position,
      label: vocabulary.label("positions", p.position, lang),
    }));
  return ladders.flatMap((ladder) => {
    const rungs = rungsOf(ladder, vocabulary);
    return rungs.flatMap((rung, index) => {
      const entry = rung.positions.find((p) => p.position === position);
      if (!entry) return [];
      return [
        {
          role: ladder.id,
          stage: rung.stage,
          stage_label: vocabulary.label("stages", rung.stage, lang),
          written: entry.label,
          before: neighbours(rungs[index - 1]),
          after: neighbours(rungs[index + 1]),
        },
      ];
    });
  });
}

/** The position view of `position` over the ladders; pure. */
export function describePosition(
  position: string,
  ladders: Ladder[],
  vocabulary: VocabularyIndex,
  lang: Language,
): PositionView {
  const concept = vocabulary.get("positions", position);
  return {
    kind: "position",
    position,
    label_lang: lang,
    label: vocabulary.label("positions", position, lang),
    labels: concept?.labels ?? { en: position, da: position, sv: position, nb: position, fi: position },
    aliases: concept?.aliases ?? [],
    ladders: placementsOf(position, ladders, vocabulary, lang),
    unknown: [...UNKNOWN_WITHOUT_PROFILE],
  };
}
