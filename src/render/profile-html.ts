import type { CareerStage, Language, Profile } from "../core/profile.js";
import type { VocabularyIndex } from "../core/vocabulary.js";
import { languageName, type MessageKey, type MessageParams, say } from "../messages/translate.js";
import { type Content, el, type Html, htmlPage, htmlTable, inLang, langAttribute } from "./html-page.js";
import type { ProfileSection } from "./profile-text.js";

interface Page {
  profile: Profile;
  vocabulary: VocabularyIndex;
  /** The reader's language: of the page's own words (headings, field names) and concept labels. */
  labelLang: Language;
}

/** One of the page's own words, in the reader's language. */
function word(page: Page, key: MessageKey, params?: MessageParams): string {
  return say(page.labelLang, key, params);
}

/** Text of the profile, in the profile's language. */
function prose(page: Page, text: Content): Html {
  return inLang(text, page.profile.lang, page.labelLang);
}

/** A shared concept's label, in the reader's language (the page's own). */
function concept(page: Page, kind: Parameters<VocabularyIndex["label"]>[0], id: string): string {
  return page.vocabulary.label(kind, id, page.labelLang);
}

/** Paragraphs of a text (blank lines between them). */
function paragraphs(page: Page, text: string, lang = page.profile.lang): Html[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => el("p", { lang: langAttribute(lang, page.labelLang) }, paragraph));
}

function overview(page: Page): Html[] {
  const p = page.profile;
  const source = [
    p.source.publisher,
    p.source.date,
    p.source.file && word(page, "source.fromFile", { file: p.source.file }),
  ].filter((part): part is string => Boolean(part));
  const facts: [string, Content][] = [
    [word(page, "field.id"), el("code", {}, p.id)],
    [word(page, "field.language"), `${languageName(page.labelLang, p.lang)} (${p.lang})`],
    [word(page, "field.level"), concept(page, "levels", p.level)],
  ];
  if (p.aliases.length > 0) facts.push([word(page, "field.aliases"), prose(page, p.aliases.join(", "))]);
  if (source.length > 0) facts.push([word(page, "field.source"), source.join(", ")]);
  if (p.source.url)
    facts.push([word(page, "html.sourceAddress"), el("span", { class: "url" }, p.source.url)]);
  return [
    el(
      "dl",
      { class: "facts" },
      ...facts.flatMap(([term, value]) => [el("dt", {}, term), el("dd", {}, value)]),
    ),
    el("h2", {}, word(page, "heading.summary")),
    ...paragraphs(page, p.summary),
    ...(p.summary_en !== p.summary
      ? [el("h3", {}, word(page, "html.inEnglish")), ...paragraphs(page, p.summary_en, "en")]
      : []),
  ];
}

/** A list item: its lead-in in bold, then the text. */
function item(page: Page, lead: string | undefined, text: string | undefined): Html {
  const parts: Content[] = [];
  if (lead) parts.push(el("strong", {}, lead), text ? ": " : "");
  if (text) parts.push(text);
  return el("li", {}, prose(page, parts));
}

function responsibilities(page: Page): Html[] {
  return [
    el("h2", {}, word(page, "heading.responsibilities")),
    ...page.profile.responsibilities.flatMap((area) => [
      el("h3", {}, prose(page, area.area)),
      ...(area.text ? paragraphs(page, area.text) : []),
      ...(area.items.length > 0
        ? [el("ul", {}, ...area.items.map((entry) => item(page, entry.label, entry.text)))]
        : []),
    ]),
  ];
}

/** Entries grouped by a key, groups in order of first appearance. */
function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const entry of items) groups.set(key(entry), [...(groups.get(key(entry)) ?? []), entry]);
  return [...groups.entries()];
}

function skills(page: Page): Html[] {
  return [
    el("h2", {}, word(page, "heading.skills")),
    ...groupBy(page.profile.skills, (s) => s.group ?? "").flatMap(([group, entries]) => [
      ...(group ? [el("h3", {}, prose(page, group))] : []),
      el(
        "ul",
        {},
        ...entries.map((entry) =>
          el(
            "li",
            {},
            el("strong", {}, prose(page, entry.label)),
            " ",
            el("span", { class: "concept" }, "[", concept(page, "skills", entry.skill), "]"),
            entry.note ? [": ", prose(page, entry.note)] : "",
          ),
        ),
      ),
    ]),
  ];
}

function tools(page: Page): Html[] {
  const rows = groupBy(page.profile.tools, (t) => t.category).flatMap(([category, entries]) => [
    {
      group: [
        concept(page, "toolCategories", category),
        el(
          "span",
          { class: "written" },
          " — ",
          prose(page, [...new Set(entries.map((t) => t.heading))].join("; ")),
        ),
      ],
    },
    ...entries.map((entry) => [entry.name, entry.note ? prose(page, entry.note) : ""]),
  ]);
  return [
    el("h2", {}, word(page, "heading.tools")),
    htmlTable({ head: [word(page, "field.tool"), word(page, "html.whatFor")], rows }),
  ];
}

/** The ladder, highest stage first; the role's own position is marked in words, not colour. */
function career(page: Page): Html[] {
  const p = page.profile;
  const stages: CareerStage[] = [...p.career_path].sort(
    (a, b) => page.vocabulary.stageRank(b.stage) - page.vocabulary.stageRank(a.stage),
  );
  return [
    el("h2", {}, word(page, "heading.career")),
    el("p", { class: "muted" }, word(page, "html.ladderLegend")),
    el(
      "ul",
      { class: "ladder" },
      ...stages.map((stage) =>
        el(
          "li",
          {},
          el(
            "strong",
            {},
            concept(page, "stages", stage.stage),
            stage.label
              ? [" — ", prose(page, stage.label)]
              : stage.inferred
                ? ` ${word(page, "career.stageInferred")}`
                : "",
          ),
          el(
            "ul",
            {},
            ...[...stage.positions]
              .reverse()
              .map((position) =>
                position.position === p.position
                  ? el(
                      "li",
                      { class: "own" },
                      "▶ ",
                      prose(page, position.label),
                      ` ${word(page, "html.thisRole")}`,
                    )
                  : el("li", {}, prose(page, position.label)),
              ),
          ),
        ),
      ),
    ),
    ...(p.growth ? paragraphs(page, p.growth) : []),
  ];
}

function practices(page: Page): Html[] {
  return [
    el("h2", {}, word(page, "heading.practices")),
    el(
      "ul",
      {},
      ...page.profile.best_practices.map((practice) =>
        el(
          "li",
          {},
          prose(page, [el("strong", {}, practice.title), practice.text ? `: ${practice.text}` : ""]),
          practice.items?.length
            ? el("ul", {}, ...practice.items.map((entry) => item(page, undefined, entry)))
            : "",
        ),
      ),
    ),
  ];
}

/** The Markdown body as headings, paragraphs and lists (no markup from the file is kept). */
function notes(page: Page): Html[] {
  if (page.profile.body === "") return [];
  const out: Html[] = [el("h2", {}, word(page, "heading.notes"))];
  for (const block of page.profile.body.split(/\n\s*\n/)) {
    const text = block.trim();
    if (text === "") continue;
    if (text.startsWith("#")) {
      out.push(el("h3", {}, prose(page, text.replace(/^#+\s*/, "").replace(/\n/g, " "))));
      continue;
    }
    const listed = text.split("\n").map((line) => /^[-*]\s+(.*)$/.exec(line.trim())?.[1]);
    if (listed.every((entry) => entry !== undefined))
      out.push(el("ul", {}, ...listed.map((entry) => item(page, undefined, entry))));
    else out.push(...paragraphs(page, text));
  }
  return out;
}

/** The profile as a printable page, sections in the order of the terminal rendering. */
export function renderProfileHtml(
  profile: Profile,
  vocabulary: VocabularyIndex,
  options: { sections: readonly ProfileSection[]; lang: Language },
): string {
  const page: Page = { profile, vocabulary, labelLang: options.lang };
  const renderers: Record<ProfileSection, () => Html[]> = {
    overview: () => overview(page),
    responsibilities: () => responsibilities(page),
    skills: () => skills(page),
    tools: () => tools(page),
    career: () => career(page),
    practices: () => practices(page),
    notes: () => notes(page),
  };
  const title = el(
    "h1",
    {},
    prose(page, profile.title),
    profile.title_en !== profile.title
      ? el("span", { class: "sub" }, inLang(profile.title_en, "en", options.lang))
      : "",
  );
  const sections = (Object.keys(renderers) as ProfileSection[]).filter((s) => options.sections.includes(s));
  return htmlPage({
    title: `${profile.title} — csroles`,
    lang: options.lang,
    body: [
      el("header", {}, title),
      el(
        "main",
        {},
        ...sections.flatMap((section) => el("section", { class: section }, renderers[section]())),
      ),
      el("footer", { class: "muted" }, word(page, "html.madeFromProfile", { id: profile.id })),
    ],
  });
}
