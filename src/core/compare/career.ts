import type { Language, Profile } from "../profile.js";
import type { VocabularyIndex } from "../vocabulary.js";
import type { CareerCell, CareerComparison, CareerRow, Placement } from "./types.js";

/**
 * Career paths aligned by stage: one row per shared stage that at least one path uses, in ladder
 * order, one cell per role. Every position that is a compared role's own position carries that
 * role's mark, on whichever ladder it appears.
 */
export function compareCareers(
  profiles: Profile[],
  vocabulary: VocabularyIndex,
  labelLang: Language,
): CareerComparison {
  const owners = (position: string) => profiles.filter((p) => p.position === position).map((p) => p.id);
  const used = new Set(profiles.flatMap((p) => p.career_path.map((stage) => stage.stage)));
  const stages: CareerRow[] = vocabulary.vocabulary.stages
    .filter((stage) => used.has(stage.id))
    .map((stage) => ({
      stage: stage.id,
      label: vocabulary.label("stages", stage.id, labelLang),
      cells: profiles.map((profile): CareerCell => {
        // A path may list a stage more than once; its positions read as one cell.
        const entries = profile.career_path.filter((entry) => entry.stage === stage.id);
        const first = entries[0];
        return {
          role: profile.id,
          stage_label: first?.label ?? null,
          inferred: first?.inferred === true,
          positions: entries.flatMap((entry) =>
            entry.positions.map((position) => ({
              position: position.position,
              label: position.label,
              concept_label: vocabulary.label("positions", position.position, labelLang),
              marks: owners(position.position),
            })),
          ),
        };
      }),
    }));
  const placements: Placement[] = profiles.map((role) => ({
    role: role.id,
    found_on: profiles.flatMap((ladder) =>
      stages
        .filter((row) =>
          row.cells.some(
            (cell) => cell.role === ladder.id && cell.positions.some((p) => p.position === role.position),
          ),
        )
        .map((row) => ({ ladder: ladder.id, stage: row.stage })),
    ),
  }));
  return { stages, placements };
}
