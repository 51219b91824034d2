/**
 * How ladder positions are named, the same way in `show`, `compare` and the picker: as each
 * profile writes them, or by their shared concept's label in the interface language when that
 * language was asked for (--lang, CSROLES_LANG). A language taken from the locale names them as
 * written, as the profile's prose stays as written.
 */
export type PositionNames = "written" | "concept";

export function positionNames(context: { labelLangChosen: boolean }): PositionNames {
  return context.labelLangChosen ? "concept" : "written";
}

/** A position's name: as written, or its concept's label. */
export function positionName(
  position: { label: string; concept_label: string },
  names: PositionNames,
): string {
  return names === "concept" ? position.concept_label : position.label;
}
