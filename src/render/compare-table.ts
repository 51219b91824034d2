import type { ComparedRole, Comparison, OverlapSummary } from "../core/compare/types.js";
import { say } from "../messages/translate.js";
import { HAS_MARK, headerRows, languageText, positionTexts, roleHead, summaryLines } from "./compare-text.js";
import { neutralize, neutralizeInline } from "./neutralize.js";
import type { OutputContext } from "./output-context.js";
import type { PositionNames } from "./position-names.js";
import { renderTable } from "./table.js";
import { createTheme, type Theme } from "./theme.js";
import { displayWidth, wordPieces, wrapIndented } from "./wrap-text.js";

/**
 * Side by side only when (almost) no word has to be broken: position, skill and tool names are
 * mostly single compound words of 10 to 25 letters, and a column that cuts them at every line
 * reads worse than one block per row. Words longer than this may still be broken in a table.
 */
const LONGEST_UNBROKEN_WORD = 24;
/** Border and padding per table column, as renderTable draws them. */
const COLUMN_OVERHEAD = 3;

/**
 * One section as rows of cells: an optional group (tool category), the row label, and one cell
 * per role, each cell a list of entries (positions at a stage, or one "✓ label").
 */
interface Grid {
  groupHead?: string;
  labelHead: string;
  roleHeads: string[];
  rows: { group?: string; label: string; cells: string[][] }[];
}

function labelColumns(g: Grid): { head: string; cells: string[] }[] {
  const label = { head: g.labelHead, cells: g.rows.map((row) => row.label) };
  return g.groupHead === undefined
    ? [label]
    : [{ head: g.groupHead, cells: g.rows.map((r) => r.group ?? "") }, label];
}

function widest(texts: string[]): number {
  return Math.max(1, ...texts.map(displayWidth));
}

/** The narrowest a column can be without breaking a word (up to LONGEST_UNBROKEN_WORD). */
function wordFloor(texts: string[]): number {
  const words = texts.flatMap((text) => text.split(/\s+/)).flatMap(wordPieces);
  return Math.min(LONGEST_UNBROKEN_WORD, widest(words));
}

/** True when the section fits side by side at this width without breaking words. */
function fitsSideBySide(g: Grid, width: number): boolean {
  const columns = [
    ...labelColumns(g).map((column) => [column.head, ...column.cells]),
    ...g.roleHeads.map((head, i) => [head, ...g.rows.flatMap((row) => row.cells[i] ?? [])]),
  ];
  const overhead = columns.length * COLUMN_OVERHEAD + 1;
  return columns.reduce((sum, texts) => sum + wordFloor(texts), 0) + overhead <= width;
}

function gridTable(g: Grid, output: OutputContext): string[] {
  const columns = labelColumns(g);
  return renderTable(
    {
      head: [...columns.map((c) => c.head), ...g.roleHeads],
      rows: g.rows.map((row, r) => [
        ...columns.map((c) => c.cells[r] ?? ""),
        ...row.cells.map((cell) => cell.join("\n")),
      ]),
    },
    output,
  ).split("\n");
}

/**
 * One block per row: the group as a heading when it starts, the row label, then one line per
 * role led by its column number ("2 ✓ Empati"); a dash for an empty cell, so nothing shifts.
 */
function gridBlocks(g: Grid, roles: ComparedRole[], width: number, theme: Theme): string[] {
  const lines: string[] = [];
  const indent = g.groupHead === undefined ? "" : "  ";
  for (const row of g.rows) {
    if (row.group) lines.push(...wrapIndented(neutralizeInline(row.group), width, "").map(theme.subheading));
    lines.push(...wrapIndented(neutralizeInline(row.label), width, indent).map(theme.subheading));
    roles.forEach((role, i) => {
      const entries = row.cells[i] ?? [];
      const lead = `${indent}  `;
      const first = `${lead}${role.column} `;
      const rest = " ".repeat(first.length);
      (entries.length === 0 ? ["–"] : entries).forEach((entry, k) => {
        const wrapped = wrapIndented(neutralizeInline(entry), width, k === 0 ? first : rest, rest);
        if (k === 0 && wrapped[0]) {
          wrapped[0] = `${lead}${theme.label(String(role.column))} ${wrapped[0].slice(first.length)}`;
        }
        lines.push(...wrapped);
      });
    });
  }
  return lines;
}

function section(g: Grid, roles: ComparedRole[], output: OutputContext, theme: Theme): string[] {
  return fitsSideBySide(g, output.width) ? gridTable(g, output) : gridBlocks(g, roles, output.width, theme);
}

/** Wraps with a hanging indent; both leads are padded to the wider so that no line overflows. */
function hanging(text: string, width: number, first: string, rest: string): string[] {
  const lead = Math.max(displayWidth(first), displayWidth(rest));
  return wrapIndented(text, width, first.padEnd(lead), rest.padEnd(lead)).map((line, i) =>
    i === 0 ? first + line.slice(lead) : line,
  );
}

function prose(text: string, width: number): string[] {
  return hanging(neutralize(text), width, "", "  ");
}

/** Title as written, English title, language and level of each role: columns, or one block per role. */
function header(c: Comparison, output: OutputContext, theme: Theme): string[] {
  const lang = c.label_lang;
  const rows = headerRows(c.roles, lang);
  const g: Grid = {
    labelHead: "",
    roleHeads: c.roles.map((role) => String(role.column)),
    rows: rows.map(([field, ...values]) => ({ label: field, cells: values.map((value) => [value]) })),
  };
  if (fitsSideBySide(g, output.width)) return gridTable(g, output);
  return c.roles.flatMap((role) => {
    const first = `${role.column} `;
    const title = wrapIndented(neutralizeInline(role.title), output.width, first, "  ");
    if (title[0])
      title[0] = `${theme.label(String(role.column))} ${theme.subheading(title[0].slice(first.length))}`;
    const facts = [
      `${say(lang, "field.titleEn")}: ${role.title_en}`,
      `${say(lang, "field.language")}: ${languageText(lang, role.lang)}`,
      `${say(lang, "field.level")}: ${role.level_label}`,
      `${say(lang, "field.id")}: ${role.id}`,
    ];
    return [
      ...title,
      ...facts.flatMap((fact) => hanging(neutralizeInline(fact), output.width, "  ", "    ")),
    ];
  });
}

function summary(s: OverlapSummary, c: Comparison, labels: Map<string, string>, width: number): string[] {
  return summaryLines(s, c.roles, (id) => labels.get(id) ?? id, c.label_lang).flatMap((line) =>
    prose(line, width),
  );
}

const marked = (entries: string[]) => (entries.length > 0 ? [`${HAS_MARK} ${entries.join("; ")}`] : []);

/** The comparison for a terminal: a table per section, or blocks when the roles do not fit side by side. */
export function renderCompareTable(c: Comparison, output: OutputContext, names: PositionNames): string {
  const theme = createTheme(output.color);
  const roleHeads = c.roles.map(roleHead);
  const lang = c.label_lang;
  const out: string[] = [theme.heading(say(lang, "heading.roles")), ...header(c, output, theme)];
  const heading = (title: string) => out.push("", theme.heading(title));

  if (c.career) {
    heading(say(lang, "heading.career"));
    out.push(...prose(say(lang, "compare.legend"), output.width));
    const g: Grid = {
      labelHead: say(lang, "field.stage"),
      roleHeads,
      rows: c.career.stages.map((row) => ({
        label: row.label,
        cells: row.cells.map((cell) => positionTexts(cell, c.roles, names)),
      })),
    };
    out.push(...section(g, c.roles, output, theme));
  }
  if (c.skills) {
    heading(say(lang, "heading.skills"));
    const g: Grid = {
      labelHead: say(lang, "field.skill"),
      roleHeads,
      rows: c.skills.rows.map((row) => ({
        label: row.label,
        cells: row.cells.map((cell) => marked(cell.labels)),
      })),
    };
    out.push(...section(g, c.roles, output, theme), "");
    const labels = new Map(c.skills.rows.map((row) => [row.skill, row.label]));
    out.push(...summary(c.skills.summary, c, labels, output.width));
  }
  if (c.tools) {
    heading(say(lang, "heading.toolsByCategory"));
    const g: Grid = {
      groupHead: say(lang, "field.category"),
      labelHead: say(lang, "field.tool"),
      roleHeads,
      rows: c.tools.categories.flatMap((group) =>
        group.rows.map((row, index) => ({
          ...(index === 0 ? { group: group.label } : {}),
          label: row.label,
          cells: row.cells.map((cell) => marked(cell.names)),
        })),
      ),
    };
    out.push(...section(g, c.roles, output, theme), "");
    const labels = new Map(
      c.tools.categories.flatMap((group) => group.rows.map((row) => [row.tool, row.label])),
    );
    out.push(...summary(c.tools.summary, c, labels, output.width));
  }
  if (c.skills || c.tools) out.push("", ...prose(say(lang, "compare.jaccardNote"), output.width));
  return `${out.join("\n")}\n`;
}
