import { listRoles } from "../core/list-roles.js";
import { renderCsv } from "../render/csv.js";
import { renderJson } from "../render/json.js";
import { renderMarkdownTable } from "../render/markdown.js";
import type { CommandContext, CommandResult } from "./context.js";
import { COMMAND_FORMATS, type FormatFlags, isForReading, resolveFormat } from "./output-format.js";

export interface ListFlags extends FormatFlags {
  lang?: string;
  level?: string;
  sort?: string;
}

const HEAD = ["ID", "Title", "English title", "Lang", "Level", "Skills", "Tools"];

export async function runList(flags: ListFlags, context: CommandContext): Promise<CommandResult> {
  const format = resolveFormat(flags, COMMAND_FORMATS.list);
  const library = context.library();
  const roles = listRoles(library.roles, library.vocabulary, {
    labelLang: context.labelLang,
    ...(flags.lang === undefined ? {} : { lang: flags.lang }),
    ...(flags.level === undefined ? {} : { level: flags.level }),
    ...(flags.sort === undefined ? {} : { sort: flags.sort }),
  });
  if (format === "json") return { stdout: renderJson({ label_lang: context.labelLang, roles }) };
  const rows = roles.map((r) => [r.id, r.title, r.title_en, r.lang, r.level_label, r.skills, r.tools]);
  if (format === "csv") {
    return {
      stdout: renderCsv(
        ["id", "title", "title_en", "lang", "level", "skills", "tools"],
        roles.map((r) => [r.id, r.title, r.title_en, r.lang, r.level, r.skills, r.tools]),
      ),
    };
  }
  const cells = rows.map((row) => row.map(String));
  if (format === "markdown") return { stdout: `${renderMarkdownTable(HEAD, cells)}\n` };
  if (roles.length === 0) return { stdout: "No roles match.\n" };
  // The table renderer is loaded only for the table.
  const { renderTable } = await import("../render/table.js");
  return {
    stdout: `${renderTable({ head: HEAD, rows: cells }, context.output)}\n`,
    forReading: isForReading(format),
  };
}
