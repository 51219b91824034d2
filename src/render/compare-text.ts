import type { CareerCell, ComparedRole, OverlapSummary, Similarity } from "../core/compare/types.js";
import type { Language } from "../core/profile.js";
import { decimal, languageName, say } from "../messages/translate.js";
import { type PositionNames, positionName } from "./position-names.js";

/**
 * The words of a comparison shared by its terminal, Markdown and CSV renderings: role column
 * heads, career marks, the role header rows and the overlap summary sentences, in the
 * comparison's label language.
 */

export const HAS_MARK = "✓";

export function roleHead(role: ComparedRole): string {
  return `${role.column} ${role.title}`;
}

/** "←1" or "←1,3": the columns of the roles whose own position this is. */
export function markText(marks: string[], roles: ComparedRole[]): string {
  const columns = roles.filter((role) => marks.includes(role.id)).map((role) => role.column);
  return columns.length === 0 ? "" : `←${columns.join(",")}`;
}

/** One entry per position in the cell, each with its marks. */
export function positionTexts(cell: CareerCell, roles: ComparedRole[], names: PositionNames): string[] {
  return cell.positions.map((p) => {
    const mark = markText(p.marks, roles);
    const name = positionName(p, names);
    return mark === "" ? name : `${name} ${mark}`;
  });
}

/** "Swedish (sv)", in `lang`. */
export function languageText(lang: Language, of: Language): string {
  return `${languageName(lang, of)} (${of})`;
}

/** The header rows: field name and one value per role. */
export function headerRows(roles: ComparedRole[], lang: Language): [string, ...string[]][] {
  return [
    [say(lang, "field.title"), ...roles.map((r) => r.title)],
    [say(lang, "field.titleEn"), ...roles.map((r) => r.title_en)],
    [say(lang, "field.language"), ...roles.map((r) => languageText(lang, r.lang))],
    [say(lang, "field.level"), ...roles.map((r) => r.level_label)],
    [say(lang, "field.id"), ...roles.map((r) => r.id)],
  ];
}

export function scoreText(similarity: Similarity, lang: Language): string {
  if (similarity.score === null) return "–";
  return say(lang, "compare.score", {
    score: decimal(lang, similarity.score, 2),
    intersection: similarity.intersection,
    union: similarity.union,
  });
}

/**
 * The summary as sentences: shared count, what only each role has (named), and the Jaccard
 * similarity overall and, for three roles or more, per pair.
 */
export function summaryLines(
  summary: OverlapSummary,
  roles: ComparedRole[],
  labelOf: (id: string) => string,
  lang: Language,
): string[] {
  const { overall, pairs } = summary.similarity;
  const lines = [say(lang, "compare.inEveryRole", { shared: summary.shared.length, union: overall.union })];
  summary.per_role.forEach((entry, index) => {
    const role = roles[index];
    const names = entry.distinct.map(labelOf).join(", ");
    lines.push(
      say(lang, "compare.onlyIn", {
        role: role ? roleHead(role) : entry.role,
        distinct: entry.distinct.length,
        total: entry.total,
        names: names || say(lang, "word.none"),
      }),
    );
  });
  const columnOf = (id: string) => roles.find((role) => role.id === id)?.column ?? id;
  if (roles.length === 2) {
    lines.push(say(lang, "compare.similarity", { score: scoreText(overall, lang) }));
  } else {
    lines.push(say(lang, "compare.similarityAll", { score: scoreText(overall, lang) }));
    for (const pair of pairs) {
      lines.push(
        say(lang, "compare.similarityPair", {
          pair: `${columnOf(pair.roles[0])}–${columnOf(pair.roles[1])}`,
          score: scoreText(pair, lang),
        }),
      );
    }
  }
  return lines;
}
