import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../src/io/load-library.js";
import { bodyBlocks } from "../../src/render/body-blocks.js";
import { renderProfileText } from "../../src/render/profile-text.js";
import { ROOT } from "../helpers/run-cli.js";
import { everyProfile, testProfile } from "../helpers/test-data.js";

describe("bodyBlocks", () => {
  it("joins a paragraph's soft line breaks and keeps each list item apart, with its continuation lines", () => {
    const body = [
      "## Noter",
      "",
      "Første linje af et afsnit,",
      "der fortsætter her.",
      "",
      "- Et punkt, der fylder",
      "  to linjer.",
      "- Et andet punkt.",
      "1. Et nummereret punkt",
      "2) og et til",
    ].join("\n");
    expect(bodyBlocks(body)).toEqual([
      { kind: "heading", text: "Noter" },
      { kind: "paragraph", lines: ["Første linje af et afsnit, der fortsætter her."] },
      { kind: "item", marker: "•", text: "Et punkt, der fylder to linjer." },
      { kind: "item", marker: "•", text: "Et andet punkt." },
      { kind: "item", marker: "1.", text: "Et nummereret punkt" },
      { kind: "item", marker: "2)", text: "og et til" },
    ]);
  });

  it("keeps a hard line break (two trailing spaces or a backslash)", () => {
    expect(bodyBlocks("Adresse:  \nGade 1\\\n1000 By\nDanmark")).toEqual([
      { kind: "paragraph", lines: ["Adresse:", "Gade 1", "1000 By Danmark"] },
    ]);
  });

  it("a paragraph right after a list item's block starts anew after a blank line", () => {
    expect(bodyBlocks("- punkt\n\nafsnit")).toEqual([
      { kind: "item", marker: "•", text: "punkt" },
      { kind: "paragraph", lines: ["afsnit"] },
    ]);
  });
});

describe("the Notes section of show", () => {
  it("wraps paragraphs to the width and starts every list item on a line of its own", () => {
    const { vocabulary } = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
    const body =
      "## Noter\n\n- Første punkt, som er langt nok til at skulle brydes over flere linjer i en smal terminal.\n- Andet punkt.\n";
    const text = renderProfileText(testProfile("x", { body }), vocabulary, {
      sections: ["notes"],
      lang: "en",
      positions: "written",
      output: { width: 40, color: false },
    });
    expect(text).toBe(
      [
        "Notes",
        "  Noter",
        "  • Første punkt, som er langt nok til",
        "    at skulle brydes over flere linjer i",
        "    en smal terminal.",
        "  • Andet punkt.",
        "",
      ].join("\n"),
    );
  });

  it("in every built-in profile, each list item of the body starts a line", () => {
    const library = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
    for (const { profile } of everyProfile(library)) {
      const items = profile.body.split("\n").filter((line) => line.startsWith("- "));
      expect(items.length, profile.id).toBeGreaterThan(0);
      const text = renderProfileText(profile, library.vocabulary, {
        sections: ["notes"],
        lang: "en",
        positions: "written",
        output: { width: 80, color: false },
      });
      const bullets = text.split("\n").filter((line) => line.startsWith("  • "));
      expect(bullets.length, profile.id).toBe(items.length);
      // No line is a fragment of the file's own 100-column wrapping.
      expect(Math.max(...text.split("\n").map((line) => line.length))).toBeLessThanOrEqual(80);
    }
  });
});

describe("the Tools section of show", () => {
  it("prints a note every tool of a group shares once, above the tools; other notes stay with their tool", () => {
    const { vocabulary } = loadLibrary({ dataDir: join(ROOT, "data"), extraDirs: [] });
    const profile = testProfile("x", {
      tools: [
        { tool: "salesforce", name: "Salesforce", category: "crm", heading: "CRM", note: "Kundedata." },
        { tool: "hubspot", name: "HubSpot", category: "crm", heading: "CRM", note: "Kundedata." },
        { tool: "slack", name: "Slack", category: "communication", heading: "Chat", note: "Internt." },
        { tool: "zoom", name: "Zoom", category: "communication", heading: "Chat", note: "Møder." },
      ],
    });
    const text = renderProfileText(profile, vocabulary, {
      sections: ["tools"],
      lang: "en",
      positions: "written",
      output: { width: 80, color: false },
    });
    expect(text.split("\n")).toEqual([
      "Tools",
      "  Customer relationship management (CRM) — CRM",
      "    Kundedata.",
      "    • Salesforce",
      "    • HubSpot",
      "  Communication and collaboration — Chat",
      "    • Slack: Internt.",
      "    • Zoom: Møder.",
      "",
    ]);
  });
});
