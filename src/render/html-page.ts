// The shell of every printable HTML handout (show, compare): escaping, the page with its inline
// stylesheet, language attributes and tables. A page is one self-contained file: no scripts, no
// fonts, images or styles fetched from anywhere, so it reads offline and is safe to e-mail.
import type { Language } from "../core/profile.js";
import { neutralize } from "./neutralize.js";

/** HTML that is already escaped; anything else is text and gets escaped. */
export interface Html {
  readonly html: string;
}

export type Content = string | Html | readonly Content[];

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text as HTML: markup characters escaped, control and bidi characters made visible as on a terminal. */
export function escapeHtml(text: string): string {
  return neutralize(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

export function raw(html: string): Html {
  return { html };
}

function isHtml(content: Content): content is Html {
  return typeof content === "object" && "html" in content;
}

function contentHtml(content: Content): string {
  if (typeof content === "string") return escapeHtml(content);
  if (isHtml(content)) return content.html;
  return (content as readonly Content[]).map(contentHtml).join("");
}

export type Attributes = Record<string, string | undefined>;

/** An element; attribute values are escaped, undefined ones left out. */
export function el(tag: string, attributes: Attributes, ...children: Content[]): Html {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join("");
  return raw(`<${tag}${attrs}>${children.map(contentHtml).join("")}</${tag}>`);
}

/** The `lang` attribute for text in `lang` inside text in `around`: none when they are the same. */
export function langAttribute(lang: Language, around: Language): string | undefined {
  return lang === around ? undefined : lang;
}

/** Text in a language: in a span with a `lang` attribute when it differs from the language around it. */
export function inLang(text: Content, lang: Language, around: Language): Html {
  return lang === around ? raw(contentHtml(text)) : el("span", { lang }, text);
}

/** A row across the whole table that heads the rows under it (a tool category, say). */
export interface TableGroup {
  group: Content;
}

export interface HtmlTable {
  head: Content[];
  rows: (Content[] | TableGroup)[];
  /** "grid": a comparison, its columns of equal width after the first. */
  className?: "grid";
}

/** A table whose first column heads its rows. The head repeats on every printed page. */
export function htmlTable(table: HtmlTable): Html {
  const headRow = el("tr", {}, ...table.head.map((cell) => el("th", { scope: "col" }, cell)));
  const rows = table.rows.map((row) =>
    "group" in row
      ? el(
          "tr",
          { class: "group" },
          el("th", { scope: "rowgroup", colspan: String(table.head.length) }, row.group),
        )
      : el(
          "tr",
          {},
          ...row.map((cell, index) => (index === 0 ? el("th", { scope: "row" }, cell) : el("td", {}, cell))),
        ),
  );
  const columns = raw(
    `<colgroup><col class="first">${table.head.length > 1 ? `<col span="${table.head.length - 1}">` : ""}</colgroup>`,
  );
  return el(
    "div",
    { class: "table" },
    el("table", { class: table.className }, columns, el("thead", {}, headRow), el("tbody", {}, ...rows)),
  );
}

/** Entries of a table cell, one per line. */
export function lines(entries: readonly Content[]): Html {
  return raw(entries.map(contentHtml).join("<br>"));
}

export interface PageOptions {
  title: string;
  /** Language of the page's own words (headings, field names). */
  lang: Language;
  /** Printed on A4 landscape (wide comparisons) instead of portrait. */
  landscape?: boolean;
  /** Printed a little denser (a transition brief keeps to two pages). */
  dense?: boolean;
  body: Content[];
}

// Black-and-white friendly: marks are characters and words, never colour alone; the accent colour
// only repeats what the text says. System fonts only: nothing is fetched.
const STYLE = `
:root { color-scheme: light; --rule: #888; --soft: #f2f2f2; --ink: #111; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1.5rem 1rem 3rem; max-width: 62rem; color: var(--ink); background: #fff;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
body.wide { max-width: none; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: 0 0 .25rem; color: var(--accent); }
h1 .sub { display: block; font-size: 1.05rem; font-weight: normal; color: #333; margin-top: .2rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; padding-bottom: .15rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
p { margin: .3rem 0 .6rem; }
ul, ol { margin: .2rem 0 .6rem; padding-left: 1.3rem; }
li { margin: .15rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.concept, .written { color: #444; font-size: .9em; font-weight: normal; }
.note { color: #333; }
.own { font-weight: 700; }
.muted { color: #444; font-size: .9em; }
.table { overflow-x: auto; margin: .4rem 0 .8rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid var(--rule); padding: .25rem .4rem; text-align: left; vertical-align: top;
  overflow-wrap: break-word; hyphens: auto; }
thead th { background: var(--soft); border-bottom: 2px solid #444; }
tbody th { font-weight: 600; }
tr.group th { background: var(--soft); border-top: 2px solid #444; }
table.grid { table-layout: fixed; min-width: 46rem; }
table.grid col.first { width: 11rem; }
footer { margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: .4rem; }
@media (max-width: 40rem) {
  body { padding: 1rem .6rem 2rem; font-size: 15px; }
  h1 { font-size: 1.3rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .3rem; }
  /* A comparison scrolls sideways rather than squeezing six roles into a phone's width. */
  table.grid { min-width: 38rem; font-size: .85rem; }
  table.grid col.first { width: 6.5rem; }
}
@page { size: A4 portrait; margin: 16mm 15mm 18mm; }
@page wide { size: A4 landscape; margin: 10mm 10mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  body.wide { page: wide; font-size: 9pt; }
  body.dense { font-size: 9.5pt; line-height: 1.35; }
  body.dense h2 { margin: 1rem 0 .35rem; }
  body.dense h3 { margin: .6rem 0 .2rem; }
  h1 { font-size: 17pt; }
  h2 { font-size: 13pt; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  h2 + *, h3 + * { break-before: avoid; }
  tr, li, dl.facts, figure { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table { overflow: visible; }
  table { font-size: inherit; }
  table.grid { min-width: 0; }
  table.grid col.first { width: 11%; }
  thead th { background: none; }
  p, li { orphans: 3; widows: 3; }
}
`;

/** The whole document: one file, its stylesheet inline. */
export function htmlPage(page: PageOptions): string {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be loaded or run, even if a text slipped through as markup.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="generator" content="csroles">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${STYLE}</style>`,
  ].join("\n");
  const classes = [page.landscape ? "wide" : "", page.dense ? "dense" : ""].filter((c) => c !== "");
  const bodyClass = classes.length > 0 ? ` class="${classes.join(" ")}"` : "";
  return `<!DOCTYPE html>\n<html lang="${page.lang}">\n<head>\n${head}\n</head>\n<body${bodyClass}>\n${page.body
    .map(contentHtml)
    .join("\n")}\n</body>\n</html>\n`;
}
