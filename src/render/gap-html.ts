import type { BriefTool, TransitionBrief } from "../core/career/transition-brief.js";
import type { Language } from "../core/profile.js";
import { say } from "../messages/translate.js";
import {
  alreadyText,
  GAP_HEADING_KEYS,
  noPathText,
  nothingListed,
  sourceText,
  titleText,
  unknownNotes,
} from "./gap-words.js";
import { type Content, el, type Html, htmlPage, inLang, langAttribute } from "./html-page.js";
import { shortList } from "./short-list.js";

/** The languages the ends' profiles are written in (none for a position without a profile). */
export interface BriefLanguages {
  from?: Language;
  to?: Language;
}

/** A list item: its lead in bold, then the text. */
function item(lead: Content, text: Content | undefined): Html {
  return el("li", {}, el("strong", {}, lead), text ? [": ", text] : "");
}

function list(items: Html[], lang: Language): Html {
  return items.length > 0 ? el("ul", {}, ...items) : el("p", { class: "muted" }, nothingListed(lang));
}

function heading(lang: Language, part: keyof typeof GAP_HEADING_KEYS, count?: number): Html {
  const title = say(lang, GAP_HEADING_KEYS[part]);
  return el("h2", {}, count === undefined ? title : `${title} (${count})`);
}

/** The transition brief as a printable page: the words of the goal's profile carry its language. */
export function renderGapHtml(brief: TransitionBrief, langs: BriefLanguages): string {
  // The page is in the reader's language; the profiles' own words carry theirs.
  const PAGE_LANG = brief.label_lang;
  const lang = brief.label_lang;
  const toText = (text: Content) => (langs.to ? inLang(text, langs.to, PAGE_LANG) : text);
  const fromText = (text: Content) => (langs.from ? inLang(text, langs.from, PAGE_LANG) : text);
  const concept = (label: string) => inLang(label, brief.label_lang, PAGE_LANG);
  // "already as …" in the reader's language, the start profile's names marked with its own.
  const [alreadyBefore = "", alreadyAfter = ""] = alreadyText(["\u0000"], lang).split("\u0000");
  const already = (names: string[]): Content[] => [alreadyBefore, fromText(names.join(", ")), alreadyAfter];
  const tools = (entries: (BriefTool & { from_names?: string[] })[]): Html[] => {
    const groups = new Map<string, typeof entries>();
    for (const tool of entries)
      groups.set(tool.category_label, [...(groups.get(tool.category_label) ?? []), tool]);
    // One line a category, so that a typical brief fits two printed pages.
    return [
      list(
        [...groups].map(([category, group]) =>
          item(
            concept(category),
            group.flatMap((tool, index) => {
              const other = (tool.from_names ?? []).filter((name) => name !== tool.name);
              const notes: Content[] = [];
              if (other.length > 0) notes.push(...already(other));
              if (tool.note) notes.push(other.length > 0 ? "; " : "", toText(tool.note));
              return [index > 0 ? "; " : "", tool.name, notes.length > 0 ? [" (", ...notes, ")"] : ""];
            }),
          ),
        ),
        lang,
      ),
    ];
  };
  const ends = new Set([brief.from.position, brief.to.position]);
  const body: Content[] = [
    el("h1", {}, titleText(brief)),
    ...unknownNotes(brief).map((note) => el("p", { class: "note" }, `${say(lang, "heading.notes")}: `, note)),
    heading(lang, "path"),
  ];
  if (brief.path.length === 0) body.push(el("p", {}, noPathText(brief)));
  else
    body.push(
      el(
        "ul",
        { class: "ladder" },
        ...brief.path.map((stage) =>
          el(
            "li",
            {},
            el("strong", {}, concept(stage.label)),
            ": ",
            ...stage.positions.flatMap((p, index) => [
              index > 0 ? "; " : "",
              // The two ends are marked in words, not by colour.
              ends.has(p.position) ? el("strong", {}, "▶ ", p.label) : p.label,
              ` (${shortList(lang, p.roles)})`,
            ]),
          ),
        ),
      ),
    );
  if (brief.to.id !== null) {
    const { skills, responsibilities, growth } = brief;
    body.push(
      el("section", {}, [
        heading(lang, "skillsGain", skills.gain.length),
        list(
          skills.gain.map((s) =>
            item([toText(s.label), " [", concept(s.concept_label), "]"], s.note && toText(s.note)),
          ),
          lang,
        ),
      ]),
    );
    if (brief.from.id !== null)
      body.push(
        el("section", {}, [
          heading(lang, "skillsShared", skills.shared.length),
          list(
            skills.shared.map((s) =>
              item([toText(s.label), " [", concept(s.concept_label), "]"], already(s.from_labels)),
            ),
            lang,
          ),
        ]),
      );
    body.push(
      el("section", {}, [heading(lang, "toolsGain", brief.tools.gain.length), ...tools(brief.tools.gain)]),
    );
    if (brief.from.id !== null)
      body.push(
        el("section", {}, [
          heading(lang, "toolsShared", brief.tools.shared.length),
          ...tools(brief.tools.shared),
        ]),
      );
    body.push(
      el("section", {}, [
        heading(lang, "responsibilities", responsibilities.gain.length),
        ...responsibilities.gain.flatMap((area) => [
          el("h3", {}, toText(area.area)),
          area.text ? el("p", { lang: langs.to && langAttribute(langs.to, PAGE_LANG) }, area.text) : "",
          area.items.length > 0
            ? el(
                "ul",
                {},
                ...area.items.map((entry) =>
                  entry.label
                    ? item(toText(entry.label), toText(entry.text))
                    : el("li", {}, toText(entry.text)),
                ),
              )
            : "",
        ]),
      ]),
      el("section", {}, [
        heading(lang, "growth"),
        growth.text ? el("p", { lang: langs.to && langAttribute(langs.to, PAGE_LANG) }, growth.text) : "",
        el("h3", {}, say(lang, GAP_HEADING_KEYS.practices)),
        list(
          growth.best_practices.map((p) =>
            el(
              "li",
              {},
              el("strong", {}, toText(p.title)),
              p.text ? [": ", toText(p.text)] : "",
              p.items?.length ? el("ul", {}, ...p.items.map((entry) => el("li", {}, toText(entry)))) : "",
            ),
          ),
          lang,
        ),
      ]),
    );
  }
  body.push(
    el("section", {}, [
      heading(lang, "sources", brief.sources.length),
      el("ul", { class: "muted" }, ...brief.sources.map((source) => el("li", {}, sourceText(source, lang)))),
    ]),
    el(
      "footer",
      { class: "muted" },
      say(lang, "html.madeWith", {
        command: `gap ${brief.from.id ?? brief.from.position} ${brief.to.id ?? brief.to.position}`,
      }),
    ),
  );
  return htmlPage({ title: `${titleText(brief)} — csroles`, lang: PAGE_LANG, dense: true, body });
}
