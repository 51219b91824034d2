import type { ComparedRole, Comparison, OverlapSummary } from "../core/compare/types.js";
import type { Language } from "../core/profile.js";
import { say } from "../messages/translate.js";
import { HAS_MARK, headerRows, markText, summaryLines } from "./compare-text.js";
import { type Content, el, type Html, htmlPage, htmlTable, inLang, lines } from "./html-page.js";
import { type PositionNames, positionName } from "./position-names.js";

/** A role's column head: its number and its title, in the profile's language. */
function roleHead(role: ComparedRole, pageLang: Language): Html {
  return el("span", {}, `${role.column} `, inLang(role.title, role.lang, pageLang));
}

/** Cells of one row, each in the language of its role's profile. */
function roleCells(c: Comparison, cells: Content[][]): Content[] {
  return cells.map((entries, index) => {
    const role = c.roles[index];
    return role ? inLang(lines(entries), role.lang, c.label_lang) : lines(entries);
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
    ...summaryLines(s, c.roles, (id) => labels.get(id) ?? id, c.label_lang).map((line) => el("li", {}, line)),
  );
}

function rolesTable(c: Comparison): Html {
  const titleField = say(c.label_lang, "field.title");
  const rows = headerRows(c.roles, c.label_lang).map(([field, ...values]) => [
    field,
    ...(field === titleField ? c.roles.map((role) => inLang(role.title, role.lang, c.label_lang)) : values),
  ]);
  return htmlTable({ head: ["", ...c.roles.map((r) => String(r.column))], rows, className: "grid" });
}

/** The comparison as a printable page: on A4 landscape, so that six roles fit side by side. */
export function renderCompareHtml(c: Comparison, names: PositionNames): string {
  // The page is in the interface language, as the terminal view is (the concept labels are in it).
  const lang = c.label_lang;
  const heads = c.roles.map((role) => roleHead(role, lang));
  const body: Content[] = [
    el("h1", {}, say(lang, "compare.htmlHeading", { count: c.roles.length })),
    el("h2", {}, say(lang, "heading.roles")),
    rolesTable(c),
  ];
  if (c.career) {
    body.push(
      el("section", {}, [
        el("h2", {}, say(lang, "heading.career")),
        el("p", { class: "muted" }, say(lang, "compare.legend")),
        htmlTable({
          head: [say(lang, "field.stage"), ...heads],
          className: "grid",
          rows: c.career.stages.map((stage) => [
            stage.label,
            ...stage.cells.map((cell) => {
              const role = c.roles.find((r) => r.id === cell.role);
              const entries = cell.positions.map((position) => {
                const mark = markText(position.marks, c.roles);
                const name = positionName(position, names);
                return mark === "" ? name : el("strong", {}, name, ` ${mark}`);
              });
              return role && names === "written" ? inLang(lines(entries), role.lang, lang) : lines(entries);
            }),
          ]),
        }),
      ]),
    );
  }
  if (c.skills) {
    body.push(
      el("section", {}, [
        el("h2", {}, say(lang, "heading.skills")),
        htmlTable({
          head: [say(lang, "field.skill"), ...heads],
          className: "grid",
          rows: c.skills.rows.map((skill) => [
            skill.label,
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
        el("h2", {}, say(lang, "heading.toolsByCategory")),
        htmlTable({
          head: [say(lang, "field.tool"), ...heads],
          className: "grid",
          rows: c.tools.categories.flatMap((group) => [
            { group: group.label },
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
  if (c.skills || c.tools) body.push(el("p", { class: "muted" }, say(lang, "compare.jaccardNote")));
  body.push(
    el(
      "footer",
      { class: "muted" },
      say(lang, "html.madeWith", { command: `compare ${c.roles.map((r) => r.id).join(" ")}` }),
    ),
  );
  return htmlPage({
    title: say(lang, "compare.htmlTitle", { titles: c.roles.map((r) => r.title_en).join(", ") }),
    lang,
    landscape: true,
    body,
  });
}
