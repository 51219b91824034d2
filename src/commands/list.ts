import { listRoles } from "../core/list-roles.js";
import { type MessageKey, say } from "../messages/translate.js";
import { renderCsv } from "../render/csv.js";
import { renderJson } from "../render/json.js";
import { renderMarkdownTable } from "../render/markdown.js";
import type { CommandContext, CommandResult } from "./context.js";
import { COMMAND_FORMATS, type FormatFlags, isForReading, resolveFormat } from "./output-format.js";
import { withUsageErrors } from "./usage-errors.js";

export interface ListFlags extends FormatFlags {
  writtenIn?: string;
  level?: string;
  sort?: string;
}

const HEAD: MessageKey[] = [
  "field.id",
  "field.title",
  "field.titleEn",
  "field.lang",
  "field.level",
  "field.skills",
  "field.tools",
];

export async function runList(flags: ListFlags, context: CommandContext): Promise<CommandResult> {
  const format = resolveFormat(flags, COMMAND_FORMATS.list);
  const library = context.library();
  const roles = withUsageErrors(() =>
    listRoles(library.roles, library.vocabulary, {
      labelLang: context.labelLang,
      ...(flags.writtenIn === undefined ? {} : { writtenIn: flags.writtenIn }),
      ...(flags.level === undefined ? {} : { level: flags.level }),
      ...(flags.sort === undefined ? {} : { sort: flags.sort }),
    }),
  );
  if (format === "json") return { stdout: renderJson({ label_lang: context.labelLang, roles }) };
  if (format === "csv") {
    return {
      stdout: renderCsv(
        ["id", "title", "title_en", "lang", "level", "skills", "tools"],
        roles.map((r) => [r.id, r.title, r.title_en, r.lang, r.level, r.skills, r.tools]),
      ),
    };
  }
  const field = (key: MessageKey) => say(context.labelLang, key);
  if (format === "markdown") {
    const cells = roles.map((r) =>
      [r.id, r.title, r.title_en, r.lang, r.level_label, r.skills, r.tools].map(String),
    );
    return { stdout: `${renderMarkdownTable(HEAD.map(field), cells)}\n` };
  }
  if (roles.length === 0) return { stdout: `${field("list.noMatch")}\n` };
  // Four columns, so that at 80 columns every title and label fits whole in every language: the
  // title as written with its language (as in `search`), the English title under it, the counts
  // in one column.
  const head = [
    field("field.id"),
    `${field("field.titleLanguage")} / ${field("field.titleEn")}`,
    field("field.level"),
    `${field("field.skills")} / ${field("field.tools")}`,
  ];
  const cells = roles.map((r) => [
    r.id,
    r.title === r.title_en ? `${r.title} (${r.lang})` : `${r.title} (${r.lang})\n${r.title_en}`,
    r.level_label,
    `${r.skills} / ${r.tools}`,
  ]);
  // The table renderer is loaded only for the table.
  const { renderTable } = await import("../render/table.js");
  return {
    stdout: `${renderTable({ head, rows: cells }, context.output)}\n`,
    forReading: isForReading(format),
  };
}
