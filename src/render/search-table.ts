import type { Language } from "../core/profile.js";
import type { SearchHit, SearchOutcome } from "../core/search/search.js";
import { decimal, type MessageKey, say } from "../messages/translate.js";
import { renderCsv } from "./csv.js";
import { renderMarkdownTable } from "./markdown.js";
import { neutralizeInline } from "./neutralize.js";
import type { OutputContext } from "./output-context.js";
import { renderTable } from "./table.js";
import { createTheme } from "./theme.js";
import { wrapIndented } from "./wrap-text.js";

/** Roles listed per hit in the terminal table; --json and --csv list them all. */
export const ROLES_SHOWN_PER_HIT = 25;

function quoted(text: string): string {
  return `"${neutralizeInline(text)}"`;
}

/** Running-text fields, named in a heading instead of quoting the whole text. */
const TEXT_FIELDS: Partial<Record<SearchHit["matched_field"], MessageKey>> = {
  responsibility_text: "search.fieldResponsibilityText",
  skill_note: "search.fieldSkillNote",
};

/** "found by "zendsk" as Zendesk", "found by "crm" (category CRM)", "found by "eskalering" in a skill note". */
function foundBy(hit: SearchHit, lang: Language): string {
  const terms = hit.terms.map(quoted);
  const textField = TEXT_FIELDS[hit.matched_field];
  if (textField) return say(lang, "search.foundInText", { terms, field: say(lang, textField) });
  const matched = neutralizeInline(hit.matched);
  return say(lang, hit.matched_via === "category" ? "search.foundByCategory" : "search.foundAs", {
    terms,
    matched,
  });
}

const KIND_TEXT: Record<SearchHit["kind"], MessageKey> = {
  skill: "search.kindSkill",
  tool: "search.kindTool",
  role: "search.kindRole",
  position: "search.kindPosition",
  responsibility: "search.kindResponsibility",
};

function kindText(hit: SearchHit, lang: Language): string {
  return say(lang, KIND_TEXT[hit.kind]);
}

function hitHeading(hit: SearchHit, rank: number, lang: Language): string {
  const parts = [
    neutralizeInline(hit.label),
    kindText(hit, lang),
    ...(hit.category ? [neutralizeInline(hit.category.label)] : []),
    say(lang, "search.match", { quality: decimal(lang, hit.quality, 2) }),
    foundBy(hit, lang),
  ];
  return `${rank}. ${parts.join(" · ")}`;
}

/**
 * The human view: one block per skill or tool found, best first, each a heading line and a table
 * of the roles that have it with the label each profile uses. Notes at the end say which terms
 * found nothing and how many results --limit left out.
 */
export function renderSearchTable(outcome: SearchOutcome, output: OutputContext, lang: Language): string {
  const theme = createTheme(output.color);
  const head = [
    say(lang, "field.role"),
    say(lang, "field.titleLanguage"),
    say(lang, "field.titleEn"),
    say(lang, "field.writtenAs"),
  ];
  const blocks = outcome.hits.map((hit, index) => {
    const heading = wrapIndented(hitHeading(hit, index + 1, lang), output.width, "", "   ")
      .map((line) => theme.heading(line))
      .join("\n");
    const rows = hit.roles
      .slice(0, ROLES_SHOWN_PER_HIT)
      .map((role) => [role.id, `${role.title} (${role.lang})`, role.title_en, role.labels.join("; ")]);
    const hidden = (outcome.roleCounts[index] ?? hit.roles.length) - rows.length;
    const more =
      hidden > 0
        ? `\n${wrapIndented(say(lang, "search.moreRoles", { count: hidden }), output.width, "")
            .map((line) => theme.muted(line))
            .join("\n")}`
        : "";
    return `${heading}\n${renderTable({ head, rows }, output)}${more}`;
  });
  const notes: string[] = [];
  const empty = outcome.terms.filter((t) => t.hits === 0).map((t) => quoted(t.term));
  if (empty.length > 0) notes.push(say(lang, "search.nothingFor", { terms: empty.join(", ") }));
  if (outcome.total > outcome.hits.length) {
    notes.push(say(lang, "search.showing", { shown: outcome.hits.length, total: outcome.total }));
  }
  const footer = notes
    .flatMap((note) => wrapIndented(note, output.width, ""))
    .map((line) => theme.muted(line));
  return `${[...blocks, ...(footer.length > 0 ? [footer.join("\n")] : [])].join("\n\n")}\n`;
}

const FLAT_HEAD = [
  "rank",
  "kind",
  "id",
  "label",
  "category",
  "quality",
  "terms",
  "matched",
  "matched_via",
  "matched_field",
  "role_id",
  "role_title",
  "role_title_en",
  "role_lang",
  "role_labels",
];

/** One row per (skill or tool found × role that has it). */
function flatRows(hits: SearchHit[]): (string | number)[][] {
  return hits.flatMap((hit, index) =>
    hit.roles.map((role) => [
      index + 1,
      hit.kind,
      hit.id,
      hit.label,
      role.category ?? "",
      hit.quality,
      hit.terms.join("; "),
      hit.matched,
      hit.matched_via,
      hit.matched_field,
      role.id,
      role.title,
      role.title_en,
      role.lang,
      role.labels.join("; "),
    ]),
  );
}

export function renderSearchCsv(hits: SearchHit[]): string {
  return renderCsv(FLAT_HEAD, flatRows(hits));
}

export function renderSearchMarkdown(hits: SearchHit[], lang: Language): string {
  const fields: MessageKey[] = [
    "field.found",
    "field.kind",
    "field.matchedField",
    "field.category",
    "field.match",
    "field.role",
    "field.lang",
    "field.writtenAs",
  ];
  const head = ["#", ...fields.map((key) => say(lang, key))];
  const rows = hits.flatMap((hit, index) =>
    hit.roles.map((role) => [
      String(index + 1),
      hit.label,
      kindText(hit, lang),
      hit.matched_field,
      hit.category?.label ?? "",
      decimal(lang, hit.quality, 2),
      role.id,
      role.lang,
      role.labels.join("; "),
    ]),
  );
  return `${renderMarkdownTable(head, rows)}\n`;
}
