import type { ComparedRole, Comparison, OverlapSummary } from "../core/compare/types.js";
import type { Language } from "../core/profile.js";
import {
  CAREER_LEGEND,
  HAS_MARK,
  headerRows,
  JACCARD_NOTE,
  markText,
  type PositionNames,
  summaryLines,
} from "./compare-text.js";
import { type Content, el, type Html, htmlPage, htmlTable, inLang, lines } from "./html-page.js";

const PAGE_LANG: Language = "en";

/** A role's column head: its number and its title, in the profile's language. */
function roleHead(role: ComparedRole): Html {
  return el("span", {}, `${role.column} `, inLang(role.title, role.lang, PAGE_LANG));
}

/** Cells of one row, each in the language of its role's profile. */
function roleCells(c: Comparison, cells: Content[][]): Content[] {
  return cells.map((entries, index) => {
    const role = c.roles[index];
    return role ? inLang(lines(entries), role.lang, PAGE_LANG) : lines(entries);
  });
}

/** "✓ Zendesk": the mark says "has it" in black and white too; an empty cell says it lacks it. */
function marked(entries: string[]): Content[] {
  return entries.length > 0 ? [`${HAS_MARK} ${entries[0]}`, ...entries.slice(1)] : [];
}

function summary(s: OverlapSummary, c: Comparison, labels: Map<string, string>): Html {
  return el(
    "ul",
    { class: "summary" },
    ...summaryLines(s, c.roles, (id) => labels.get(id) ?? id).map((line) => el("li", {}, line)),
  );
}

function rolesTable(c: Comparison): Html {
  const rows = headerRows(c.roles).map(([field, ...values]) => [
    field,
    ...(field === "Title" ? c.roles.map((role) => inLang(role.title, role.lang, PAGE_LANG)) : values),
  ]);
  return htmlTable({ head: ["", ...c.roles.map((r) => String(r.column))], rows, className: "grid" });
}

/** The comparison as a printable page: on A4 landscape, so that six roles fit side by side. */
export function renderCompareHtml(c: Comparison, names: PositionNames): string {
  const heads = c.roles.map(roleHead);
  const labelLang = c.label_lang;
  const concept = (label: string) => inLang(label, labelLang, PAGE_LANG);
  const body: Content[] = [
    el("h1", {}, "Comparison of ", String(c.roles.length), " roles"),
    el("h2", {}, "Roles"),
    rolesTable(c),
  ];
  if (c.career) {
    const positionNames = (position: { label: string; concept_label: string }) =>
      names === "concept" ? concept(position.concept_label) : position.label;
    body.push(
      el("section", {}, [
        el("h2", {}, "Career path"),
        el("p", { class: "muted" }, CAREER_LEGEND),
        htmlTable({
          head: ["Stage", ...heads],
          className: "grid",
          rows: c.career.stages.map((stage) => [
            concept(stage.label),
            ...stage.cells.map((cell) => {
              const role = c.roles.find((r) => r.id === cell.role);
              const entries = cell.positions.map((position) => {
                const mark = markText(position.marks, c.roles);
                const name = positionNames(position);
                return mark === "" ? name : el("strong", {}, name, ` ${mark}`);
              });
              return role && names === "written"
                ? inLang(lines(entries), role.lang, PAGE_LANG)
                : lines(entries);
            }),
          ]),
        }),
      ]),
    );
  }
  if (c.skills) {
    body.push(
      el("section", {}, [
        el("h2", {}, "Skills"),
        htmlTable({
          head: ["Skill", ...heads],
          className: "grid",
          rows: c.skills.rows.map((skill) => [
            concept(skill.label),
            ...roleCells(
              c,
              skill.cells.map((cell) => marked(cell.labels)),
            ),
          ]),
        }),
        summary(c.skills.summary, c, new Map(c.skills.rows.map((r) => [r.skill, r.label]))),
      ]),
    );
  }
  if (c.tools) {
    body.push(
      el("section", {}, [
        el("h2", {}, "Tools by category"),
        htmlTable({
          head: ["Tool", ...heads],
          className: "grid",
          rows: c.tools.categories.flatMap((group) => [
            { group: concept(group.label) },
            ...group.rows.map((tool) => [
              tool.label,
              ...roleCells(
                c,
                tool.cells.map((cell) => marked(cell.names)),
              ),
            ]),
          ]),
        }),
        summary(
          c.tools.summary,
          c,
          new Map(c.tools.categories.flatMap((g) => g.rows.map((r) => [r.tool, r.label]))),
        ),
      ]),
    );
  }
  if (c.skills || c.tools) body.push(el("p", { class: "muted" }, JACCARD_NOTE));
  body.push(
    el("footer", { class: "muted" }, `Made with csroles: compare ${c.roles.map((r) => r.id).join(" ")}`),
  );
  return htmlPage({
    title: `Comparison: ${c.roles.map((r) => r.title_en).join(", ")} — csroles`,
    lang: PAGE_LANG,
    landscape: true,
    body,
  });
}
