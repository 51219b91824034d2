import { render } from "@inquirer/testing";
import { describe, expect, it } from "vitest";
import type { LoadedRole } from "../../src/core/profile.js";
import { rankableRoles } from "../../src/core/rank-roles.js";
import { type RoleFacts, roleFacts } from "../../src/picker/choices.js";
import { askQuery, chooseAction, chooseOthers, chooseRole } from "../../src/picker/screens.js";
import { displayWidth } from "../../src/render/wrap-text.js";
import { AGENT, EXECUTIVE, PICK_ROLES, pickVocabulary, TEAM_LEAD } from "./pick-fixtures.js";

const vocabulary = pickVocabulary();
const roles = rankableRoles(PICK_ROLES, vocabulary);
const facts = new Map<LoadedRole, RoleFacts>(
  PICK_ROLES.map((role) => [
    role,
    roleFacts(role.profile, vocabulary.label("levels", role.profile.level, "en"), "en"),
  ]),
);
const look = { width: 80, color: false, pageSize: 10, lang: "en" } as const;

/** Any SGR (colour, bold, dim) escape; cursor movement and visibility are not styling. */
const STYLING = /\u001b\[[0-9;]*m/;

function widest(screen: string): number {
  return Math.max(...screen.split("\n").map(displayWidth));
}

describe("chooseRole", () => {
  it("lists every role by title, with English title, language and level", async () => {
    const { answer, getScreen } = await render(chooseRole, { ...look, roles, facts });
    expect(getScreen()).toBe(
      [
        "? Find a role:",
        "❯ Kundeserviceansvarlig — Customer Service Executive · nb · Entry level",
        "  Kundtjänstteamledare — Customer Service Team Lead · sv · Mid-level",
        "  Support Agent · en · Entry level",
        "",
        "id customer-service-executive · Norwegian Bokmål",
        "type to filter • ↑↓ move • ⏎ choose • esc quit",
      ].join("\n"),
    );
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it("narrows the list as letters are typed, ignoring diacritics, and answers the role chosen", async () => {
    const { answer, events, getScreen } = await render(chooseRole, { ...look, roles, facts });
    events.type("kundtjanstteam");
    await Promise.resolve();
    expect(getScreen()).toBe(
      [
        "? Find a role: kundtjanstteam",
        "❯ Kundtjänstteamledare — Customer Service Team Lead · sv · Mid-level",
        "",
        "id customer-service-team-lead · Swedish",
        "type to filter • ↑↓ move • ⏎ choose • esc quit",
      ].join("\n"),
    );
    events.keypress("enter");
    await expect(answer).resolves.toBe(TEAM_LEAD);
  });

  it("moves with the arrow keys", async () => {
    const { answer, events } = await render(chooseRole, { ...look, roles, facts });
    events.keypress("down");
    events.keypress("down");
    events.keypress("enter");
    await expect(answer).resolves.toBe(AGENT);
  });

  it("fits 40 columns, two lines per role", async () => {
    const { answer, getScreen } = await render(chooseRole, { ...look, width: 40, roles, facts });
    const screen = getScreen();
    expect(screen.split("\n").slice(1, 5)).toEqual([
      "❯ Kundeserviceansvarlig",
      "  Customer Service… · nb · Entry level",
      "  Kundtjänstteamledare",
      "  Customer Service Te… · sv · Mid-level",
    ]);
    expect(widest(screen)).toBeLessThan(40);
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it("draws no colour or styling without colour", async () => {
    const { answer, events, getScreen, getFullOutput } = await render(chooseRole, { ...look, roles, facts });
    events.type("kund");
    expect(getScreen({ raw: true })).toContain("Kundeserviceansvarlig");
    events.keypress("enter");
    await answer;
    expect(getFullOutput()).not.toMatch(STYLING);
  });

  it("is left with Esc, as an aborted prompt", async () => {
    const { answer, events } = await render(chooseRole, { ...look, roles, facts });
    events.keypress("escape");
    await expect(answer).rejects.toMatchObject({ name: "AbortPromptError" });
  });

  it("is left with Ctrl-C, as an exited prompt", async () => {
    const { answer, events } = await render(chooseRole, { ...look, roles, facts });
    events.keypress({ name: "c", ctrl: true });
    await expect(answer).rejects.toMatchObject({ name: "ExitPromptError" });
  });

  it("clears itself when done, leaving no prompt behind", async () => {
    const { answer, events, getFullOutput } = await render(chooseRole, { ...look, roles, facts });
    events.keypress("escape");
    await expect(answer).rejects.toThrow();
    // The last thing drawn erases the prompt's lines and shows the cursor.
    expect(getFullOutput()).toMatch(/(\u001b\[2K\u001b\[1A)+\u001b\[2K\u001b\[G\u001b\[\?25h$/);
  });
});

describe("chooseAction", () => {
  it("offers show, compare, search, back and quit for the role", async () => {
    const { answer, events, getScreen } = await render(chooseAction, {
      ...look,
      title: "Kundtjänstteamledare",
      canCompare: true,
    });
    expect(getScreen()).toBe(
      [
        "? Kundtjänstteamledare — what next?",
        "❯ Show the profile",
        "  Compare with other roles",
        "  Search skills and tools",
        "  Transition brief to another role",
        "  Back to the role list",
        "  Quit",
        "",
        "↑↓ move • ⏎ choose • esc quit",
      ].join("\n"),
    );
    events.keypress("down");
    events.keypress("enter");
    await expect(answer).resolves.toBe("compare");
  });

  it("speaks the interface language (Norwegian here)", async () => {
    const { answer, events, getScreen } = await render(chooseAction, {
      ...look,
      lang: "nb",
      title: "Kundtjänstteamledare",
      canCompare: false,
    });
    expect(getScreen()).toBe(
      [
        "? Kundtjänstteamledare – hva vil du gjøre?",
        "❯ Vis profilen",
        "- Sammenlign med andre roller (ingen annen rolle)",
        "  Søk i ferdigheter og verktøy",
        "- Overgangsplan til en annen rolle (ingen annen rolle)",
        "  Tilbake til rollelisten",
        "  Avslutt",
        "",
        "↑↓ flytt • ⏎ velg • esc avslutt",
      ].join("\n"),
    );
    events.keypress("enter");
    await expect(answer).resolves.toBe("show");
  });

  it.each([
    [0, "show"],
    [2, "search"],
    [3, "gap"],
    [4, "back"],
    [5, "quit"],
  ])("%i down answers %s", async (downs, action) => {
    const { answer, events } = await render(chooseAction, { ...look, title: "X", canCompare: true });
    for (let i = 0; i < downs; i++) events.keypress("down");
    events.keypress("enter");
    await expect(answer).resolves.toBe(action);
  });

  it("disables compare when there is no other role, and skips it", async () => {
    const { answer, events, getScreen } = await render(chooseAction, {
      ...look,
      title: "X",
      canCompare: false,
    });
    expect(getScreen()).toContain("- Compare with other roles (no other role)");
    events.keypress("down");
    events.keypress("enter");
    await expect(answer).resolves.toBe("search");
  });

  it("cuts a long title to fit 40 columns", async () => {
    const { answer, getScreen } = await render(chooseAction, {
      ...look,
      width: 40,
      title: "Asiakastukitiimin johtaja",
      canCompare: true,
    });
    expect(getScreen().split("\n")[0]).toBe("? Asiakastukitiimin johta… — what next?");
    expect(widest(getScreen())).toBeLessThan(40);
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it("is left with Esc", async () => {
    const { answer, events } = await render(chooseAction, { ...look, title: "X", canCompare: true });
    events.keypress("escape");
    await expect(answer).rejects.toMatchObject({ name: "AbortPromptError" });
  });
});

describe("chooseOthers", () => {
  const props = { ...look, title: "Support Agent", others: [EXECUTIVE, TEAM_LEAD], roles, facts, max: 5 };

  it("lists the other roles to tick and answers the ticked ones", async () => {
    const { answer, events, getScreen } = await render(chooseOthers, props);
    expect(getScreen()).toBe(
      [
        "? Compare Support Agent with:",
        "❯◯ Kundeserviceansvarlig — Customer Service Executive · nb · Entry level",
        " ◯ Kundtjänstteamledare — Customer Service Team Lead · sv · Mid-level",
        "",
        "id customer-service-executive · Norwegian Bokmål",
        "type to filter • ↑↓ move • space tick • ctrl-a all • ctrl-r invert",
        "⏎ compare (none: back) • esc quit",
      ].join("\n"),
    );
    events.keypress("space");
    events.keypress("down");
    events.keypress("space");
    expect(getScreen()).toContain(" ◉ Kundeserviceansvarlig");
    events.keypress("enter");
    await expect(answer).resolves.toEqual([EXECUTIVE, TEAM_LEAD]);
  });

  it("narrows the list as letters are typed, and keeps the ticks of roles filtered out", async () => {
    const { answer, events, getScreen } = await render(chooseOthers, props);
    events.keypress("space");
    events.type("kundtjanstteam");
    expect(getScreen().split("\n")).toEqual([
      "? Compare Support Agent with: kundtjanstteam",
      "❯◯ Kundtjänstteamledare — Customer Service Team Lead · sv · Mid-level",
      "",
      "id customer-service-team-lead · Swedish",
      "ticked: Kundeserviceansvarlig",
      "type to filter • ↑↓ move • space tick • ctrl-a all • ctrl-r invert",
      "⏎ compare (none: back) • esc quit",
    ]);
    events.keypress("space");
    // Space ticks: it is not typed into the filter.
    expect(getScreen().split("\n")[0]).toBe("? Compare Support Agent with: kundtjanstteam");
    events.keypress("enter");
    await expect(answer).resolves.toEqual([EXECUTIVE, TEAM_LEAD]);
  });

  it("says so when no role matches", async () => {
    const { answer, events, getScreen } = await render(chooseOthers, props);
    events.type("zzzz");
    expect(getScreen()).toContain("No roles match");
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it("ticks every role shown with ctrl-a, and inverts the ticks with ctrl-r", async () => {
    const { answer, events, getScreen } = await render(chooseOthers, props);
    events.keypress({ name: "a", ctrl: true });
    expect(getScreen()).toContain("ticked: Kundeserviceansvarlig, Kundtjänstteamledare");
    events.keypress({ name: "a", ctrl: true });
    expect(getScreen()).not.toContain("ticked:");
    events.keypress("space");
    events.keypress({ name: "r", ctrl: true });
    events.keypress("enter");
    await expect(answer).resolves.toEqual([TEAM_LEAD]);
  });

  it("answers none when nothing is ticked", async () => {
    const { answer, events } = await render(chooseOthers, props);
    events.keypress("enter");
    await expect(answer).resolves.toEqual([]);
  });

  it("refuses more roles than one comparison takes", async () => {
    const { answer, events, getScreen } = await render(chooseOthers, { ...props, max: 1 });
    events.keypress("space");
    events.keypress("down");
    events.keypress("space");
    events.keypress("enter");
    await Promise.resolve();
    expect(getScreen()).toContain("> tick at most 1 role");
    events.keypress("space");
    events.keypress("enter");
    await expect(answer).resolves.toEqual([EXECUTIVE]);
  });

  it("is left with Esc", async () => {
    const { answer, events } = await render(chooseOthers, props);
    events.keypress("escape");
    await expect(answer).rejects.toMatchObject({ name: "AbortPromptError" });
  });
});

describe("askQuery", () => {
  it("answers what was typed", async () => {
    const { answer, events, getScreen } = await render(askQuery, look);
    expect(getScreen()).toBe("? Search skills and tools (empty: back):");
    events.type("zendesk");
    events.keypress("enter");
    await expect(answer).resolves.toBe("zendesk");
  });

  it("asks more briefly at 40 columns", async () => {
    const { answer, events, getScreen } = await render(askQuery, { ...look, width: 40 });
    expect(getScreen()).toBe("? Skill or tool (empty: back):");
    events.keypress("enter");
    await expect(answer).resolves.toBe("");
  });

  it("is left with Esc", async () => {
    const { answer, events } = await render(askQuery, look);
    events.keypress("escape");
    await expect(answer).rejects.toMatchObject({ name: "AbortPromptError" });
  });
});
