import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { NAUGHTY_STRINGS } from "../helpers/naughty-strings.js";
import { displayWidth, isPlainText, ROOT, runCli } from "../helpers/run-cli.js";

const NB = "customer-service-executive";
const SV_OPS = "customer-service-operations-manager";
const SV_LEAD = "customer-service-team-lead";
const DA = "customer-support-manager";
const FI = "customer-support-team-manager";

function widest(text: string): number {
  return Math.max(0, ...text.split("\n").map((line) => displayWidth(line)));
}

describe("csroles search: table output", () => {
  it("prints one block per concept found: a heading line and a table of the roles", () => {
    const result = runCli(["search", "empaty"], { env: { COLUMNS: "120" } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      [
        '1. Empathy · skill · match 0.83 · found by "empaty" as Empati',
        "┌───────────────────────────────┬────────────────────────────────┬───────────────────────────────┬───────────────────┐",
        "│ Role                          │ Title (language)               │ English title                 │ Written as        │",
        "├───────────────────────────────┼────────────────────────────────┼───────────────────────────────┼───────────────────┤",
        "│ customer-service-executive    │ Kundeserviceansvarlig (nb)     │ Customer Service Executive    │ Empati            │",
        "│ customer-service-team-lead    │ Kundtjänstteamledare (sv)      │ Customer Service Team Lead    │ Empati            │",
        "│ customer-support-team-manager │ Asiakastukitiimin johtaja (fi) │ Customer Support Team Manager │ Kyky myötätuntoon │",
        "└───────────────────────────────┴────────────────────────────────┴───────────────────────────────┴───────────────────┘",
        "",
      ].join("\n"),
    );
  });

  it("fits 80 columns when piped, with no escape sequences", () => {
    const result = runCli(["search", "crm", "zendesk"]);
    expect(result.code).toBe(0);
    expect(widest(result.stdout)).toBeLessThanOrEqual(80);
    expect(isPlainText(result.stdout)).toBe(true);
    const headings = result.stdout.split("\n").filter((line) => /^\d+\. /.test(line));
    expect(headings).toEqual([
      "1. Zendesk · tool · Customer relationship management (CRM) · match 1.00 · found",
      "2. Salesforce · tool · Customer relationship management (CRM) · match 1.00 ·",
      "3. HubSpot · tool · Customer relationship management (CRM) · match 1.00 · found",
      // Running text comes after every name: "CRM" in a skill note and a responsibility's text.
      '4. Technical proficiency · skill · match 0.50 · found by "crm" in a skill note',
      "5. Documentation and record keeping · responsibility · match 0.50 · found by",
    ]);
  });

  it("fits a narrow terminal too", () => {
    const result = runCli(["search", "talamod"], { env: { COLUMNS: "40" } });
    expect(result.code).toBe(0);
    expect(widest(result.stdout)).toBeLessThanOrEqual(40);
    expect(result.stdout).toContain("Tålamod");
  });

  it("--lang names concepts, categories and the interface in that language; the profiles' own labels stay", () => {
    const result = runCli(["search", "salesforce", "--lang", "sv"], { env: { COLUMNS: "200" } });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(
      '1. Salesforce · verktyg · Kundrelationshantering (CRM) · träff 1,00 · hittad med "salesforce" som Salesforce',
    );
    const fi = runCli(["--lang", "fi", "search", "empati"], { env: { COLUMNS: "200" } });
    expect(fi.stdout.split("\n")[0]).toBe(
      '1. Empatia · taito · osuvuus 1,00 · haulla "empati" löytyi Empati',
    );
  });

  it("says which words found nothing and how many results --limit left out", () => {
    const result = runCli(["search", "crm", "zendesk", "xyzzy", "--limit", "1"], { env: { COLUMNS: "200" } });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter((line) => /^\d+\. /.test(line))).toHaveLength(1);
    expect(result.stdout.trimEnd().split("\n").slice(-2)).toEqual([
      'Nothing found for "xyzzy".',
      "Showing 1 of 5 results; --limit 5 shows all.",
    ]);
  });
});

describe("csroles search: JSON, CSV and Markdown", () => {
  it("--json has the documented shape", () => {
    const result = runCli(["search", "zendsk", "--json"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const parsed = JSON.parse(result.stdout);
    expect(Object.keys(parsed)).toEqual([
      "query",
      "scope",
      "label_lang",
      "terms",
      "total",
      "limit",
      "results",
    ]);
    expect(parsed).toMatchObject({
      query: "zendsk",
      scope: "all",
      label_lang: "en",
      terms: [{ term: "zendsk", hits: 1 }],
      total: 1,
      limit: 10,
    });
    expect(parsed.results).toHaveLength(1);
    const [hit] = parsed.results;
    expect(Object.keys(hit)).toEqual([
      "kind",
      "id",
      "label",
      "category",
      "quality",
      "terms",
      "matched",
      "matched_via",
      "matched_field",
      "roles",
    ]);
    expect(hit).toMatchObject({
      kind: "tool",
      id: "zendesk",
      label: "Zendesk",
      // Every profile lists Zendesk under CRM (the vocabulary's default, help desk, is not used).
      category: { id: "crm", label: "Customer relationship management (CRM)" },
      quality: 0.77,
      terms: ["zendsk"],
      matched: "Zendesk",
      matched_via: "name",
      matched_field: "tool_name",
    });
    expect(hit.roles.map((r: { id: string }) => r.id)).toEqual([NB, SV_OPS, SV_LEAD, DA, FI]);
    expect(hit.roles[1]).toEqual({
      id: SV_OPS,
      title: "Kundtjänstoperationschef",
      title_en: "Customer Service Operations Manager",
      lang: "sv",
      labels: ["Zendesk"],
      category: "crm",
    });
  });

  it("--json: a skill has no category, and each role shows its own label", () => {
    const parsed = JSON.parse(runCli(["search", "tålamod", "--json", "--in", "skills"]).stdout);
    expect(parsed.scope).toBe("skills");
    expect(parsed.results.map((h: { id: string }) => h.id)).toEqual(["patience"]);
    expect(parsed.results[0].category).toBeNull();
    expect(parsed.results[0].roles.map((r: { id: string; labels: string[] }) => [r.id, r.labels])).toEqual([
      [NB, ["Tålmodighet"]],
      [SV_LEAD, ["Tålamod"]],
    ]);
  });

  it("--csv has one row per (concept × role), with a header", () => {
    const result = runCli(["search", "empathy", "patience", "--csv"]);
    expect(result.code).toBe(0);
    const rows: string[][] = parse(result.stdout);
    expect(rows[0]).toEqual([
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
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[10], r[14]])).toEqual([
      ["1", "empathy", NB, "Empati"],
      ["1", "empathy", SV_LEAD, "Empati"],
      ["1", "empathy", FI, "Kyky myötätuntoon"],
      ["2", "patience", NB, "Tålmodighet"],
      ["2", "patience", SV_LEAD, "Tålamod"],
    ]);
  });

  it("--markdown is a table with one row per (concept × role)", () => {
    const result = runCli(["search", "patience", "--markdown"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "| \\# | Found | Kind | Matched in | Category | Match | Role | Lang | Written as |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        "| 1 | Patience | skill | skill\\_label |  | 1.00 | customer-service-executive | nb | Tålmodighet |",
        "| 1 | Patience | skill | skill\\_label |  | 1.00 | customer-service-team-lead | sv | Tålamod |",
        "",
      ].join("\n"),
    );
  });
});

describe("csroles search: exit codes and messages", () => {
  it("exits 1 with a message and the nearest terms when nothing matches", () => {
    const result = runCli(["search", "hbspt"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('csroles: nothing matches "hbspt"\nhint: nearest terms: HubSpot\n');
  });

  it("exits 1 with a plain hint when nothing is near either", () => {
    const result = runCli(["search", "xyzzy", "--json"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('csroles: nothing matches "xyzzy"\nhint: try another spelling or language\n');
  });

  it("exits 1 when the kind asked for has no match, and says --in all may help", () => {
    const result = runCli(["search", "empati", "--in", "tools"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'csroles: no tool matches "empati"\nhint: try another spelling or language, or --in all\n',
    );
  });

  it.each([
    [["search", ""], "csroles: the search query is empty"],
    [["search", "   "], "csroles: the search query is empty"],
    [["search"], "csroles: missing required argument 'query'"],
    [["search", "x".repeat(501)], "csroles: the search query is longer than 500 characters"],
    [["search", "zendesk", "--limit", "0"], "csroles: --limit must be a positive whole number, not '0'"],
    [["search", "zendesk", "--limit", "2.5"], "csroles: --limit must be a positive whole number, not '2.5'"],
    [["search", "zendesk", "--in", "people"], "csroles: option '--in <kind>' argument 'people' is invalid"],
    [["search", "zendesk", "--json", "--csv"], "csroles: choose one output format, not json and csv"],
  ])("exits 2 on a usage error: %j", (args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toContain(message);
  });

  it("takes ^ $ ! ' = | literally", () => {
    const bang = JSON.parse(runCli(["search", "!zendesk", "--json"]).stdout);
    expect(bang.results.map((h: { id: string }) => h.id)).toEqual(["zendesk"]);
    const pipe = runCli(["search", "slack|teams"]);
    expect(pipe.code).toBe(1);
    const caret = runCli(["search", "--", "^"]);
    expect(caret.code).toBe(1);
    expect(caret.stderr).toBe('csroles: nothing matches "^"\nhint: try another spelling or language\n');
  });

  it("searches profiles added with --data", () => {
    const parsed = JSON.parse(
      runCli(["search", "empati", "--json", "--data", join(ROOT, "tests/fixtures/profiles/valid")]).stdout,
    );
    expect(parsed.results[0].roles.map((r: { id: string }) => r.id)).toEqual([
      NB,
      SV_LEAD,
      FI,
      "support-agent",
    ]);
  });

  it("shows --help with examples", () => {
    const result = runCli(["search", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: csroles search [options] <query...>");
    expect(result.stdout).toContain("$ csroles search crm zendesk");
    expect(result.stdout).toContain("--in <kind>");
    expect(result.stdout).toContain("--limit <n>");
  });
});

describe("csroles search: untrusted text", () => {
  const dir = mkdtempSync(join(tmpdir(), "csroles-search-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("neutralises control characters from a profile label in the table", () => {
    const valid = readFileSync(join(ROOT, "tests/fixtures/profiles/valid/support-agent.md"), "utf8");
    writeFileSync(
      join(dir, "support-agent.md"),
      valid.replace("label: Empati", 'label: "Empati\\e[31m\\e]0;owned\\a"'),
    );
    const result = runCli(["search", "empati", "--data", dir], { env: { COLUMNS: "200" } });
    expect(result.code).toBe(0);
    expect(isPlainText(result.stdout)).toBe(true);
    expect(result.stdout).toContain("Empati␛[31m␛]0;owned␇");
  });
});

describe("csroles search: a sample of blns.json through the binary", () => {
  const naughty: string[] = [...NAUGHTY_STRINGS];
  // Every 15th string: about 30, spread over the whole list. The full list runs in-process
  // (tests/unit/search-blns.test.ts); this checks the real entry point, argument parsing included.
  const sample = naughty.filter((_, i) => i % 15 === 0);

  it("samples about 30 strings", () => {
    expect(sample.length).toBeGreaterThanOrEqual(30);
  });

  it.each(sample.map((query) => [query]))("%j: no crash, exit 0 or 1, printable stdout", (query) => {
    const result = runCli(["search", "--", query]);
    expect(result.signal).toBeNull();
    expect(query.trim() === "" ? [2] : [0, 1]).toContain(result.code);
    expect(isPlainText(result.stdout)).toBe(true);
    expect(widest(result.stdout)).toBeLessThanOrEqual(80);
    expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
  });
});
