import type { Comparison, OverlapSummary } from "../core/compare/types.js";
import { say } from "../messages/translate.js";
import { HAS_MARK, headerRows, positionTexts, roleHead, summaryLines } from "./compare-text.js";
import { markdownCell } from "./markdown.js";
import type { PositionNames } from "./position-names.js";

/** A table row of cells that are already escaped (so that a cell may hold several <br>-joined entries). */
function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function table(head: string[], rows: string[][]): string[] {
  return [row(head.map(markdownCell)), row(head.map(() => "---")), ...rows.map(row)];
}

/** Entries of one cell: escaped one by one, joined with line breaks. */
const entries = (texts: string[]) => texts.map(markdownCell).join("<br>");
const marked = (texts: string[]) => (texts.length > 0 ? `${HAS_MARK} ${entries(texts)}` : "");

function summary(s: OverlapSummary, c: Comparison, labels: Map<string, string>): string[] {
  return [
    "",
    ...summaryLines(s, c.roles, (id) => labels.get(id) ?? id, c.label_lang).map(
      (line) => `- ${markdownCell(line)}`,
    ),
  ];
}

/** The comparison as Markdown for reports: a heading and a table per section, summaries as lists. */
export function renderCompareMarkdown(c: Comparison, names: PositionNames): string {
  const lang = c.label_lang;
  const heads = c.roles.map(roleHead);
  const out: string[] = [
    `## ${say(lang, "heading.roles")}`,
    "",
    ...table(
      ["", ...c.roles.map((r) => String(r.column))],
      headerRows(c.roles, lang).map((cells) => cells.map(markdownCell)),
    ),
  ];
  if (c.career) {
    out.push("", `## ${say(lang, "heading.career")}`, "", markdownCell(say(lang, "compare.legend")), "");
    out.push(
      ...table(
        [say(lang, "field.stage"), ...heads],
        c.career.stages.map((stage) => [
          markdownCell(stage.label),
          ...stage.cells.map((cell) => entries(positionTexts(cell, c.roles, names))),
        ]),
      ),
    );
  }
  if (c.skills) {
    out.push("", `## ${say(lang, "heading.skills")}`, "");
    out.push(
      ...table(
        [say(lang, "field.skill"), ...heads],
        c.skills.rows.map((skill) => [
          markdownCell(skill.label),
          ...skill.cells.map((cell) => marked(cell.labels)),
        ]),
      ),
    );
    out.push(...summary(c.skills.summary, c, new Map(c.skills.rows.map((r) => [r.skill, r.label]))));
  }
  if (c.tools) {
    out.push("", `## ${say(lang, "heading.toolsByCategory")}`, "");
    out.push(
      ...table(
        [say(lang, "field.category"), say(lang, "field.tool"), ...heads],
        c.tools.categories.flatMap((group) =>
          group.rows.map((tool, index) => [
            index === 0 ? markdownCell(group.label) : "",
            markdownCell(tool.label),
            ...tool.cells.map((cell) => marked(cell.names)),
          ]),
        ),
      ),
    );
    const labels = new Map(c.tools.categories.flatMap((g) => g.rows.map((r) => [r.tool, r.label])));
    out.push(...summary(c.tools.summary, c, labels));
  }
  if (c.skills || c.tools) out.push("", markdownCell(say(lang, "compare.jaccardNote")));
  return `${out.join("\n")}\n`;
}
