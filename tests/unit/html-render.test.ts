import { join } from "node:path";
import { type DefaultTreeAdapterMap, parse } from "parse5";
import { describe, expect, it } from "vitest";
import { transitionBrief } from "../../src/core/career/transition-brief.js";
import { compareRoles } from "../../src/core/compare/compare-roles.js";
import type { Profile } from "../../src/core/profile.js";
import { loadLibrary } from "../../src/io/load-library.js";
import { renderCompareHtml } from "../../src/render/compare-html.js";
import { renderGapHtml } from "../../src/render/gap-html.js";
import { escapeHtml } from "../../src/render/html-page.js";
import { neutralize } from "../../src/render/neutralize.js";
import { renderProfileHtml } from "../../src/render/profile-html.js";
import { PROFILE_SECTIONS } from "../../src/render/profile-text.js";
import { ROOT } from "../helpers/run-cli.js";
import { everyProfile, testProfile } from "../helpers/test-data.js";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const isElement = (node: Node): node is Element => "tagName" in node;

function* walk(node: Node): Generator<Node> {
  yield node;
  const children = "childNodes" in node ? node.childNodes : [];
  for (const child of children) yield* walk(child);
}

const elements = (root: Node) => [...walk(root)].filter(isElement);
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const textOf = (node: Node): string =>
  [...walk(node)].map((n) => ("value" in n && n.nodeName === "#text" ? n.value : "")).join("");

/** The document, parsed as a browser would; parse errors (bad nesting, stray tags) fail the test. */
function parsePage(html: string) {
  const errors: string[] = [];
  const document = parse(html, {
    onParseError: (error) => errors.push(`${error.code} at ${error.startLine}`),
  });
  expect(errors).toEqual([]);
  return document;
}

/** What a self-contained page must never have: scripts, anything fetched, event handlers. */
function expectSelfContained(root: Node): void {
  const all = elements(root);
  expect(
    all.filter((e) => ["script", "link", "img", "iframe", "object", "embed"].includes(e.tagName)),
  ).toEqual([]);
  for (const element of all) {
    for (const { name, value } of element.attrs) {
      expect(name.startsWith("on"), `${element.tagName} ${name}`).toBe(false);
      if (["src", "href", "srcset", "action"].includes(name))
        throw new Error(`${element.tagName} ${name}=${value}`);
    }
  }
  const styles = all.filter((e) => e.tagName === "style").map(textOf);
  expect(styles).toHaveLength(1);
  expect(styles[0]).not.toMatch(/@import|url\(/);
}

const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
const builtIn = everyProfile(library).map((p) => p.profile);

describe("show --html", () => {
  it.each(builtIn.map((p) => [p.id, p] as const))("%s is one valid, self-contained page", (_id, profile) => {
    const html = renderProfileHtml(profile, library.vocabulary, { sections: PROFILE_SECTIONS, lang: "en" });
    const document = parsePage(html);
    expectSelfContained(document);
    const root = elements(document).find((e) => e.tagName === "html");
    expect(root && attr(root, "lang")).toBe("en");
    // The title, in the profile's language, is marked as such.
    const h1 = elements(document).find((e) => e.tagName === "h1");
    expect(h1).toBeDefined();
    const titled = elements(h1 as Element).find((e) => attr(e, "lang") === profile.lang);
    expect(titled && textOf(titled)).toBe(profile.title);
    // Every section has its heading; every tool and every position appears.
    const text = textOf(document);
    for (const heading of ["Summary", "Responsibilities", "Skills", "Tools", "Career path", "Best practices"])
      expect(elements(document).some((e) => e.tagName === "h2" && textOf(e) === heading)).toBe(true);
    for (const tool of profile.tools) expect(text).toContain(tool.name);
    const own = elements(document).filter((e) => attr(e, "class") === "own");
    expect(own.map(textOf).every((t) => t.startsWith("▶ ") && t.endsWith("(this role)"))).toBe(true);
    expect(own.length).toBeGreaterThan(0);
  });

  it("prints on A4 with margins, rows and headings kept together", () => {
    const html = renderProfileHtml(builtIn[0] as Profile, library.vocabulary, {
      sections: ["overview"],
      lang: "en",
    });
    expect(html).toMatch(/@page \{ size: A4 portrait; margin: [^}]+\}/);
    expect(html).toMatch(/@media print \{[\s\S]*tr, li[^{]*\{ break-inside: avoid;/);
    expect(html).toMatch(/h1, h2, h3 \{ break-after: avoid;/);
    expect(html).toMatch(/@media \(max-width: 40rem\)/);
  });

  it("shows only the sections asked for", () => {
    const profile = builtIn[0] as Profile;
    const html = renderProfileHtml(profile, library.vocabulary, { sections: ["skills"], lang: "en" });
    const headings = elements(parsePage(html))
      .filter((e) => e.tagName === "h2")
      .map(textOf);
    expect(headings).toEqual(["Skills"]);
  });

  it("is in the reader's language: its lang, headings, field names and words (Swedish here)", () => {
    const profile = builtIn.find((p) => p.lang !== "sv") as Profile;
    const html = renderProfileHtml(profile, library.vocabulary, { sections: PROFILE_SECTIONS, lang: "sv" });
    const document = parsePage(html);
    const root = elements(document).find((e) => e.tagName === "html");
    expect(root && attr(root, "lang")).toBe("sv");
    const headings = elements(document)
      .filter((e) => e.tagName === "h2")
      .map(textOf);
    expect(headings.slice(0, 4)).toEqual(["Sammanfattning", "Ansvarsområden", "Kompetenser", "Verktyg"]);
    expect(headings).not.toContain("Summary");
    const terms = elements(document)
      .filter((e) => e.tagName === "dt")
      .map(textOf);
    expect(terms.slice(0, 3)).toEqual(["ID", "Språk", "Nivå"]);
    const own = elements(document).filter((e) => attr(e, "class") === "own");
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => textOf(e).endsWith("(den här rollen)"))).toBe(true);
    // The profile's own words keep their language.
    const h1 = elements(document).find((e) => e.tagName === "h1") as Element;
    expect(elements(h1).some((e) => attr(e, "lang") === profile.lang)).toBe(true);
  });
});

const HOSTILE_TEXTS = [
  "<script>alert(1)</script>",
  "<b>bold</b>",
  '"><img src=x onerror=alert(1)>',
  "a & b",
  "\u001b[31mred",
];

describe("escaping profile text", () => {
  const hostile = (text: string): Profile =>
    testProfile("hostile", {
      title: text,
      title_en: text,
      aliases: [text],
      summary: text,
      summary_en: text,
      responsibilities: [{ area: text, text, items: [{ label: text, text }] }],
      skills: [{ skill: "communication", label: text, group: text, note: text }],
      tools: [{ tool: "zendesk", name: text, category: "help-desk", heading: text, note: text }],
      career_path: [{ stage: "entry", label: text, positions: [{ position: "agent", label: text }] }],
      best_practices: [{ title: text, text, items: [text] }],
      source: { publisher: text, url: text, file: text },
      growth: text,
      body: `# ${text}\n\n${text}\n\n- ${text}`,
    });

  it.each(HOSTILE_TEXTS)("shows %j as text in every field of show --html", (text) => {
    const html = renderProfileHtml(hostile(text), library.vocabulary, {
      sections: PROFILE_SECTIONS,
      lang: "en",
    });
    const document = parsePage(html);
    expectSelfContained(document);
    expect(elements(document).some((e) => e.tagName === "b")).toBe(false);
    // As on a terminal, an escape character shows as a picture (␛).
    const expected = neutralize(text);
    // Every field: title, aliases, both summaries, responsibilities, skills, tools, career, practices, notes.
    expect(textOf(document).split(expected).length - 1).toBeGreaterThanOrEqual(20);
    expect(html).not.toContain("\u001b");
  });

  it.each(HOSTILE_TEXTS)("shows %j as text in compare --html", (text) => {
    const a = hostile(text);
    const b = { ...hostile(text), id: "other", lang: "fi" as const };
    const comparison = compareRoles([a, b], library.vocabulary, { labelLang: "en", sections: [] });
    const document = parsePage(renderCompareHtml(comparison, "written"));
    expectSelfContained(document);
    expect(elements(document).some((e) => e.tagName === "b")).toBe(false);
    expect(textOf(document)).toContain(neutralize(text));
  });
});

describe("compare --html", () => {
  const comparison = compareRoles(builtIn, library.vocabulary, { labelLang: "en", sections: [] });
  const html = renderCompareHtml(comparison, "written");
  const document = parsePage(html);

  it("is one self-contained page for A4 landscape", () => {
    expectSelfContained(document);
    const body = elements(document).find((e) => e.tagName === "body");
    expect(body && attr(body, "class")).toBe("wide");
    expect(html).toMatch(/@page wide \{ size: A4 landscape;/);
    expect(html).toMatch(/body\.wide \{ page: wide;/);
  });

  it("has a table per section, each with a column per role", () => {
    const tables = elements(document).filter((e) => e.tagName === "table");
    expect(tables).toHaveLength(4);
    for (const table of tables) {
      const head = elements(table).find((e) => e.tagName === "thead") as Element;
      expect(elements(head).filter((e) => e.tagName === "th")).toHaveLength(builtIn.length + 1);
    }
  });

  it("marks titles and profile words with their language", () => {
    for (const profile of builtIn) {
      const marked = elements(document).filter(
        (e) => attr(e, "lang") === profile.lang && textOf(e) === profile.title,
      );
      expect(marked.length, profile.id).toBeGreaterThan(0);
    }
  });

  it("is in the reader's language, as the terminal view is (Danish here)", () => {
    const danish = compareRoles(builtIn, library.vocabulary, { labelLang: "da", sections: [] });
    const page = parsePage(renderCompareHtml(danish, "concept"));
    const root = elements(page).find((e) => e.tagName === "html");
    expect(root && attr(root, "lang")).toBe("da");
    const said = (tag: string) =>
      elements(page)
        .filter((e) => e.tagName === tag)
        .map(textOf);
    expect(said("h1")).toEqual([`Sammenligning af ${builtIn.length} roller`]);
    expect(said("h2")).toEqual(["Roller", "Karrierevej", "Kompetencer", "Værktøjer efter kategori"]);
    expect(said("title")[0]).toMatch(/^Sammenligning: /);
  });

  it("says in characters, not colour, what each role has", () => {
    const skills = comparison.skills;
    if (!skills) throw new Error("no skills section");
    const cells = elements(document)
      .filter((e) => e.tagName === "td")
      .map(textOf)
      .filter((t) => t !== "");
    expect(cells.length).toBeGreaterThan(0);
    const marks = cells.filter((t) => t.startsWith("✓ ")).length;
    const filled = skills.rows.flatMap((r) => r.cells).filter((c) => c.labels.length > 0).length;
    expect(marks).toBeGreaterThanOrEqual(filled);
  });
});

describe("escapeHtml", () => {
  it.each([
    ["<b>", "&lt;b&gt;"],
    ["\"quoted\" & 'single'", "&quot;quoted&quot; &amp; &#39;single&#39;"],
    ["\u001b[2J", "␛[2J"],
    ["plain æøå", "plain æøå"],
  ])("%j becomes %j", (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });
});

describe("gap --html", () => {
  const end = (id: string) => {
    const found = library.roles.find((role) => role.profile.id === id);
    if (!found) throw new Error(`no profile ${id}`);
    return { profile: library.profile(found), position: found.profile.position };
  };
  const from = end("customer-service-executive");
  const to = end("customer-service-operations-manager");
  const brief = transitionBrief(from, to, library.roles, library.vocabulary, "en");
  const html = renderGapHtml(brief, { from: "nb", to: "sv" });
  const document = parsePage(html);

  it("is one self-contained page, printed a little denser to keep to two pages", () => {
    expectSelfContained(document);
    const body = elements(document).find((e) => e.tagName === "body");
    expect(body && attr(body, "class")).toBe("dense");
    expect(html).toMatch(/body\.dense \{ font-size: 9\.5pt;/);
  });

  it("has every section of the brief, and marks both ends in words", () => {
    const headings = elements(document)
      .filter((e) => e.tagName === "h2")
      .map(textOf);
    expect(headings.map((h) => h.replace(/ \(\d+\)$/, ""))).toEqual([
      "Path",
      "Skills to gain",
      "Skills to build on",
      "Tools to learn",
      "Tools already known",
      "Responsibilities to take on",
      "Growth",
      "Sources",
    ]);
    const marked = elements(document).filter((e) => e.tagName === "strong" && textOf(e).startsWith("▶ "));
    expect(marked.map(textOf)).toEqual([
      "▶ Customer Service Executive",
      "▶ Customer Service Operations Manager",
    ]);
  });

  it("marks the goal profile's words as Swedish and the start's as Norwegian", () => {
    const swedish = elements(document)
      .filter((e) => attr(e, "lang") === "sv")
      .map(textOf);
    for (const skill of brief.skills.gain) expect(swedish).toContain(skill.label);
    const norwegian = elements(document)
      .filter((e) => attr(e, "lang") === "nb")
      .map(textOf);
    for (const skill of brief.skills.shared) expect(norwegian).toContain(skill.from_labels.join(", "));
  });

  it.each(HOSTILE_TEXTS)("shows %j as text", (text) => {
    const hostileBrief = {
      ...brief,
      skills: { ...brief.skills, gain: brief.skills.gain.map((s) => ({ ...s, label: text, note: text })) },
    };
    const page = parsePage(renderGapHtml(hostileBrief, { to: "sv" }));
    expectSelfContained(page);
    expect(elements(page).some((e) => e.tagName === "b")).toBe(false);
    expect(textOf(page)).toContain(neutralize(text));
  });
});
