import type { Comparison, OverlapSummary, Similarity } from "../core/compare/types.js";
import { type MessageKey, say } from "../messages/translate.js";
import { positionTexts } from "./compare-text.js";
import { renderCsv } from "./csv.js";
import type { PositionNames } from "./position-names.js";

/**
 * The comparison as one CSV table (docs/compare.md): a leading `section` column says what each
 * row is; then `category` (tools only), `id` and `label` name the row; then one column per role,
 * headed by the role id. Several entries in one cell are joined with "; ".
 */
export const CSV_FIXED_HEAD = ["section", "category", "id", "label"];

type Row = (string | number)[];

const score = (s: Similarity): string | number => s.score ?? "";

/** Counts per role, then the similarity matrix (one row per role, 1 on the diagonal), then all roles. */
function summaryRows(name: string, s: OverlapSummary, c: Comparison): Row[] {
  const lang = c.label_lang;
  const ids = c.roles.map((r) => r.id);
  const pair = (a: string, b: string) =>
    s.similarity.pairs.find(
      (p) => (p.roles[0] === a && p.roles[1] === b) || (p.roles[0] === b && p.roles[1] === a),
    );
  return [
    [`${name}-summary`, "", "total", say(lang, "compare.csvInThisRole"), ...s.per_role.map((r) => r.total)],
    [`${name}-summary`, "", "shared", say(lang, "compare.csvInEveryRole"), ...ids.map(() => s.shared.length)],
    [
      `${name}-summary`,
      "",
      "distinct",
      say(lang, "compare.csvOnlyInThisRole"),
      ...s.per_role.map((r) => r.distinct.length),
    ],
    ...c.roles.map(
      (other): Row => [
        `${name}-similarity`,
        "",
        other.id,
        say(lang, "compare.csvSimilarityWith", { title: other.title }),
        ...ids.map((id) => {
          const found = pair(id, other.id);
          return found ? score(found) : 1;
        }),
      ],
    ),
    [
      `${name}-similarity`,
      "",
      "all",
      say(lang, "compare.csvSimilarityAll"),
      ...ids.map(() => score(s.similarity.overall)),
    ],
  ];
}

export function renderCompareCsv(c: Comparison, names: PositionNames): string {
  const field = (key: MessageKey) => say(c.label_lang, key);
  const rows: Row[] = [
    ["role", "", "title", field("field.title"), ...c.roles.map((r) => r.title)],
    ["role", "", "title_en", field("field.titleEn"), ...c.roles.map((r) => r.title_en)],
    ["role", "", "lang", field("field.language"), ...c.roles.map((r) => r.lang)],
    ["role", "", "level", field("field.level"), ...c.roles.map((r) => r.level)],
    ["role", "", "position", field("field.position"), ...c.roles.map((r) => r.position)],
  ];
  if (c.career) {
    for (const stage of c.career.stages) {
      rows.push([
        "career",
        "",
        stage.stage,
        stage.label,
        ...stage.cells.map((cell) => positionTexts(cell, c.roles, names).join("; ")),
      ]);
    }
  }
  if (c.skills) {
    for (const skill of c.skills.rows) {
      rows.push([
        "skills",
        "",
        skill.skill,
        skill.label,
        ...skill.cells.map((cell) => cell.labels.join("; ")),
      ]);
    }
    rows.push(...summaryRows("skills", c.skills.summary, c));
  }
  if (c.tools) {
    for (const group of c.tools.categories) {
      for (const tool of group.rows) {
        rows.push([
          "tools",
          group.category,
          tool.tool,
          tool.label,
          ...tool.cells.map((cell) => cell.names.join("; ")),
        ]);
      }
    }
    rows.push(...summaryRows("tools", c.tools.summary, c));
  }
  return renderCsv([...CSV_FIXED_HEAD, ...c.roles.map((r) => r.id)], rows);
}
