import { describe, expect, it } from "vitest";
import { fitText, keysHelp, type RoleFacts, roleChoiceText, roleFacts } from "../../src/picker/choices.js";
import { promptTheme } from "../../src/picker/prompt-theme.js";
import { displayWidth } from "../../src/render/wrap-text.js";
import { EXECUTIVE, TEAM_LEAD } from "./pick-fixtures.js";

// The prompt theme is tested with colour on: import chalk as pick does before it starts.

const teamLead: RoleFacts = roleFacts(TEAM_LEAD.profile, "Mid-level", "en");
const english: RoleFacts = {
  id: "support-agent",
  title: "Support Agent",
  titleEn: "Support Agent",
  lang: "en",
  levelLabel: "Entry level",
  details: "id support-agent · English",
};

describe("fitText", () => {
  it.each([
    ["Kundtjänst", 10, "Kundtjänst"],
    ["Kundtjänst", 9, "Kundtjän…"],
    ["Customer Service Team Lead", 18, "Customer Service…"],
    ["漢字漢字", 5, "漢字…"],
    ["abc", 1, "…"],
    ["abc", 0, ""],
  ])("%j in %i columns is %j", (text, width, fitted) => {
    expect(fitText(text, width)).toBe(fitted);
    expect(displayWidth(fitText(text, width))).toBeLessThanOrEqual(width);
  });
});

describe("roleChoiceText", () => {
  it("shows title as written, English title, language and level on one line when it fits", () => {
    expect(roleChoiceText(teamLead, 79, 2)).toEqual({
      name: "Kundtjänstteamledare — Customer Service Team Lead · sv · Mid-level",
      description: "id customer-service-team-lead · Swedish",
      short: "Kundtjänstteamledare",
    });
  });

  it("shows an English-only role's title once", () => {
    expect(roleChoiceText(english, 79, 2).name).toBe("Support Agent · en · Entry level");
  });

  it("puts the English title, language and level on a second line when the line is too wide", () => {
    expect(roleChoiceText(teamLead, 59, 2)).toEqual({
      name: "Kundtjänstteamledare\n  Customer Service Team Lead · sv · Mid-level",
      description: "id customer-service-team-lead · Swedish",
      short: "Kundtjänstteamledare",
    });
  });

  it("cuts the English title at 40 columns and gives the full titles in the description", () => {
    expect(roleChoiceText(teamLead, 39, 2)).toEqual({
      name: "Kundtjänstteamledare\n  Customer Service Te… · sv · Mid-level",
      description:
        "Kundtjänstteamledare — Customer Service\nTeam Lead · Mid-level\nid customer-service-team-lead · Swedish",
      short: "Kundtjänstteamledare",
    });
  });

  it.each([20, 30, 39, 50, 79, 120])("fits %i columns after the cursor and checkbox", (width) => {
    for (const facts of [teamLead, english, roleFacts(EXECUTIVE.profile, "Entry level", "en")]) {
      const { name, description } = roleChoiceText(facts, width, 3);
      const [first, ...rest] = name.split("\n");
      expect(displayWidth(`❯◯ ${first}`)).toBeLessThanOrEqual(width);
      for (const line of rest) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      for (const line of description.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it("neutralises control characters in untrusted titles", () => {
    const hostile = roleFacts(
      { ...TEAM_LEAD.profile, title: "Evil\u001b[2J\u001b]0;pwned\u0007", title_en: "Bad\nLead" },
      "Mid\u009blevel",
      "en",
    );
    const { name, description } = roleChoiceText(hostile, 200, 2);
    expect(name).toBe("Evil␛[2J␛]0;pwned␇ — Bad Lead · sv · Mid<U+009B>level");
    expect(`${name}${description}`).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe("keysHelp", () => {
  const keys: [string, string][] = [
    ["type", "to filter"],
    ["↑↓", "move"],
    ["⏎", "choose"],
    ["esc", "quit"],
  ];

  it.each([
    [80, "type to filter • ↑↓ move • ⏎ choose • esc quit"],
    [39, "type to filter • ↑↓ move • ⏎ choose\nesc quit"],
    [15, "type to filter\n↑↓ move\n⏎ choose\nesc quit"],
    [5, "type…\n↑↓ m…\n⏎ ch…\nesc…"],
  ])("in %i columns: %j", (width, text) => {
    expect(keysHelp(keys, width)).toBe(text);
  });
});

describe("promptTheme", () => {
  it("styles nothing without colour", () => {
    const theme = promptTheme(false, 80, [["esc", "quit"]]);
    for (const style of Object.values(theme.style)) {
      expect(style("text" as never)).not.toContain("\u001b");
    }
    expect(theme.prefix).toEqual({ idle: "?", done: "✔" });
    expect(theme.style.keysHelpTip()).toBe("esc quit");
  });

  it("keeps inquirer's colours, and dims the key help, with colour", () => {
    const theme = promptTheme(true, 80, [["esc", "quit"]]);
    expect(Object.keys(theme.style)).toEqual(["keysHelpTip"]);
    expect(theme.style.keysHelpTip()).toBe("\u001b[2mesc quit\u001b[22m");
  });
});
