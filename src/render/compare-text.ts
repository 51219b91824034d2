import type { CareerCell, ComparedRole, OverlapSummary, Similarity } from "../core/compare/types.js";
import { LANGUAGE_NAMES } from "./profile-text.js";

/**
 * The words of a comparison shared by its terminal, Markdown and CSV renderings: role column
 * heads, career marks, the role header rows and the overlap summary sentences.
 */

/** How career cells name positions: as each profile writes them, or by the shared concept label. */
export type PositionNames = "written" | "concept";

export const HAS_MARK = "✓";

export function roleHead(role: ComparedRole): string {
  return `${role.column} ${role.title}`;
}

/** "←1" or "←1,3": the columns of the roles whose own position this is. */
export function markText(marks: string[], roles: ComparedRole[]): string {
  const columns = roles.filter((role) => marks.includes(role.id)).map((role) => role.column);
  return columns.length === 0 ? "" : `←${columns.join(",")}`;
}

export const CAREER_LEGEND = "←n marks role n's own position, on every ladder where it appears.";

/** One entry per position in the cell, each with its marks. */
export function positionTexts(cell: CareerCell, roles: ComparedRole[], names: PositionNames): string[] {
  return cell.positions.map((p) => {
    const mark = markText(p.marks, roles);
    const name = names === "concept" ? p.concept_label : p.label;
    return mark === "" ? name : `${name} ${mark}`;
  });
}

export function languageText(role: ComparedRole): string {
  return `${LANGUAGE_NAMES[role.lang] ?? role.lang} (${role.lang})`;
}

/** The header rows: field name and one value per role. */
export function headerRows(roles: ComparedRole[]): [string, ...string[]][] {
  return [
    ["Title", ...roles.map((r) => r.title)],
    ["English title", ...roles.map((r) => r.title_en)],
    ["Language", ...roles.map(languageText)],
    ["Level", ...roles.map((r) => r.level_label)],
    ["ID", ...roles.map((r) => r.id)],
  ];
}

export function scoreText(similarity: Similarity): string {
  if (similarity.score === null) return "–";
  return `${similarity.score.toFixed(2)} (${similarity.intersection} of ${similarity.union})`;
}

/**
 * The summary as sentences: shared count, what only each role has (named), and the Jaccard
 * similarity overall and, for three roles or more, per pair.
 */
export function summaryLines(
  summary: OverlapSummary,
  roles: ComparedRole[],
  labelOf: (id: string) => string,
): string[] {
  const { overall, pairs } = summary.similarity;
  const lines = [`In every role: ${summary.shared.length} of ${overall.union}`];
  summary.per_role.forEach((entry, index) => {
    const role = roles[index];
    const names = entry.distinct.map(labelOf).join(", ");
    const who = role ? roleHead(role) : entry.role;
    lines.push(`Only in ${who} (${entry.distinct.length} of its ${entry.total}): ${names || "none"}`);
  });
  const columnOf = (id: string) => roles.find((role) => role.id === id)?.column ?? id;
  if (roles.length === 2) {
    lines.push(`Jaccard similarity: ${scoreText(overall)}`);
  } else {
    lines.push(`Jaccard similarity, all roles: ${scoreText(overall)}`);
    for (const pair of pairs) {
      lines.push(
        `Jaccard similarity ${columnOf(pair.roles[0])}–${columnOf(pair.roles[1])}: ${scoreText(pair)}`,
      );
    }
  }
  return lines;
}

export const JACCARD_NOTE =
  "Jaccard similarity = concepts in every role ÷ concepts in any role (0 none shared, 1 identical).";
