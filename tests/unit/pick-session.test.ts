import { describe, expect, it } from "vitest";
import type { CommandContext } from "../../src/commands/context.js";
import { runPick } from "../../src/commands/pick.js";
import type { LoadedRole } from "../../src/core/profile.js";
import { ExitCode, InterruptedError, NoMatchError, UsageError } from "../../src/errors.js";
import type { PickerAction } from "../../src/picker/choices.js";
import type { PromptContext } from "../../src/picker/screens.js";
import { isLeaving, type PickerIo, pageSizeFor, runPicker } from "../../src/picker/session.js";
import { AGENT, EXECUTIVE, PICK_ROLES, pickVocabulary, TEAM_LEAD } from "./pick-fixtures.js";

type Answer = LoadedRole | PickerAction | LoadedRole[] | string | Error;

function promptError(name: string): Error {
  const error = new Error("left the prompt");
  error.name = name;
  return error;
}

/** A picker whose prompts give scripted answers in order, and whose actions record their calls. */
function scripted(answers: Answer[], roles: LoadedRole[] = PICK_ROLES) {
  const written: string[] = [];
  const asked: { screen: string; props: Record<string, unknown> }[] = [];
  const calls: string[] = [];
  const next = (screen: string) => async (props: object, _context?: PromptContext) => {
    asked.push({ screen, props: props as Record<string, unknown> });
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`no scripted answer for ${screen}`);
    if (answer instanceof Error) throw answer;
    return answer as never;
  };
  const io: PickerIo = {
    roles,
    vocabulary: pickVocabulary(),
    labelLang: "en",
    output: () => ({ width: 80, color: false }),
    rows: () => 30,
    write: (text) => written.push(text),
    maxCompared: 6,
    screens: {
      chooseRole: next("role"),
      chooseAction: next("action"),
      chooseOthers: next("others"),
      askQuery: next("query"),
    },
    actions: {
      show: (role) => {
        calls.push(`show ${role.profile.id}`);
        return `PROFILE OF ${role.profile.id}\n`;
      },
      compare: (compared) => {
        calls.push(`compare ${compared.map((r) => r.profile.id).join(" ")}`);
        return "COMPARISON\n";
      },
      gap: (from, to) => {
        calls.push(`gap ${from.profile.id} ${to.profile.id}`);
        return "BRIEF\n";
      },
      search: (query) => {
        calls.push(`search ${query}`);
        if (query === "nothing")
          throw new NoMatchError('no skill or tool matches "nothing"', "try another spelling");
        return `RESULTS FOR ${query}\n`;
      },
    },
  };
  return { io, written, asked, calls, output: () => written.join("") };
}

describe("runPicker", () => {
  it("shows a chosen role, then returns to its actions until Quit", async () => {
    const run = scripted([TEAM_LEAD, "show", "quit"]);
    await runPicker(run.io);
    expect(run.calls).toEqual(["show customer-service-team-lead"]);
    expect(run.output()).toBe(
      "✔ Role: Kundtjänstteamledare — Customer Service Team Lead\n" +
        "  (customer-service-team-lead)\n" +
        "✔ Show the profile\n" +
        "PROFILE OF customer-service-team-lead\n\n",
    );
    expect(run.asked.map((a) => a.screen)).toEqual(["role", "action", "action"]);
  });

  it.each([
    ["paged", true, ""],
    ["not paged (short, or no pager)", false, "PROFILE OF customer-service-team-lead\n\n"],
  ])("hands the profile shown to the pager: %s", async (_name, paged, printed) => {
    const run = scripted([TEAM_LEAD, "show", "quit"]);
    const pagedTexts: string[] = [];
    await runPicker({
      ...run.io,
      page: async (text) => {
        pagedTexts.push(text);
        return paged;
      },
    });
    expect(pagedTexts).toEqual(["PROFILE OF customer-service-team-lead\n"]);
    expect(run.output().endsWith(`✔ Show the profile\n${printed}`)).toBe(true);
  });

  it("briefs the transition from the chosen role to another one chosen from the others", async () => {
    const run = scripted([TEAM_LEAD, "gap", EXECUTIVE, "quit"]);
    await runPicker(run.io);
    expect(run.calls).toEqual(["gap customer-service-team-lead customer-service-executive"]);
    const goalScreen = run.asked[2];
    if (!goalScreen) throw new Error("the goal was not asked for");
    expect(goalScreen.screen).toBe("role");
    expect(goalScreen.props.message).toBe("Brief from Kundtjänstteamledare to:");
    const offered = (goalScreen.props.roles as { role: LoadedRole }[]).map((r) => r.role);
    expect(offered).not.toContain(TEAM_LEAD);
    expect(offered).toContain(EXECUTIVE);
    expect(run.output()).toContain("✔ Brief to: Kundeserviceansvarlig — Customer Service Executive");
    expect(run.output()).toContain("BRIEF\n");
  });

  it("asks the role screen with every role and the terminal's look", async () => {
    const run = scripted([EXECUTIVE, "quit"]);
    await runPicker(run.io);
    const [role, action] = run.asked;
    expect(role?.props).toMatchObject({ width: 80, color: false, pageSize: 14 });
    expect((role?.props.roles as { role: LoadedRole }[] | undefined)?.map((r) => r.role)).toEqual(PICK_ROLES);
    expect(action?.props).toMatchObject({ title: "Kundeserviceansvarlig", canCompare: true });
  });

  it("goes back to the role list", async () => {
    const run = scripted([TEAM_LEAD, "back", AGENT, "show", "quit"]);
    await runPicker(run.io);
    expect(run.asked.map((a) => a.screen)).toEqual(["role", "action", "role", "action", "action"]);
    expect(run.calls).toEqual(["show support-agent"]);
  });

  it("compares the role with the roles ticked, offering the others by title", async () => {
    const run = scripted([AGENT, "compare", [EXECUTIVE, TEAM_LEAD], "quit"]);
    await runPicker(run.io);
    expect(run.calls).toEqual([
      "compare support-agent customer-service-executive customer-service-team-lead",
    ]);
    const others = run.asked.find((a) => a.screen === "others");
    expect(others?.props).toMatchObject({ title: "Support Agent", others: [EXECUTIVE, TEAM_LEAD], max: 5 });
    expect(run.output()).toContain(
      "✔ Compare with: Kundeserviceansvarlig, Kundtjänstteamledare\nCOMPARISON\n\n",
    );
  });

  it("compares nothing when nothing is ticked", async () => {
    const run = scripted([AGENT, "compare", [], "quit"]);
    await runPicker(run.io);
    expect(run.calls).toEqual([]);
    expect(run.output()).toContain("Nothing ticked; nothing compared.\n\n");
  });

  it("cannot compare the only role", async () => {
    const run = scripted([AGENT, "quit"], [AGENT]);
    await runPicker(run.io);
    expect(run.asked[1]?.props).toMatchObject({ canCompare: false });
  });

  it("searches skills and tools, and shows a search that finds nothing as a message", async () => {
    const run = scripted([AGENT, "search", "  zendesk ", "search", "nothing", "search", "   ", "quit"]);
    await runPicker(run.io);
    expect(run.calls).toEqual(["search zendesk", "search nothing"]);
    expect(run.output()).toBe(
      "✔ Role: Support Agent (support-agent)\n" +
        "✔ Search: zendesk\n" +
        "RESULTS FOR zendesk\n\n" +
        "✔ Search: nothing\n" +
        'no skill or tool matches "nothing"\n' +
        "hint: try another spelling\n\n",
    );
  });

  it.each(["ExitPromptError", "AbortPromptError"])(
    "turns %s at any prompt into an interruption (exit 130) and shows the cursor",
    async (name) => {
      for (const answers of [
        [promptError(name)],
        [AGENT, promptError(name)],
        [AGENT, "compare", promptError(name)],
      ]) {
        const run = scripted(answers as Answer[]);
        const error = await runPicker(run.io).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InterruptedError);
        expect((error as InterruptedError).exitCode).toBe(ExitCode.interrupted);
        expect(run.written.at(-1)).toBe("\u001b[?25h");
      }
    },
  );

  it("lets other errors through unchanged", async () => {
    const bug = new TypeError("a bug");
    const run = scripted([bug]);
    await expect(runPicker(run.io)).rejects.toBe(bug);
  });
});

describe("isLeaving and pageSizeFor", () => {
  it.each([
    ["ExitPromptError", true],
    ["AbortPromptError", true],
    ["CancelPromptError", false],
    ["Error", false],
  ])("%s means the user left: %s", (name, leaving) => {
    expect(isLeaving(promptError(name))).toBe(leaving);
  });

  it.each([
    [undefined, 14],
    [10, 4],
    [20, 12],
    [60, 14],
  ])("%j rows give %i lines of choices", (rows, size) => {
    expect(pageSizeFor(rows)).toBe(size);
  });
});

describe("runPick", () => {
  const context = (loaded: string[]): CommandContext => ({
    env: {},
    output: { width: 80, color: false },
    labelLang: "en",
    labelLangChosen: false,
    library: () => {
      loaded.push("library");
      throw new Error("must not load");
    },
    searchIndex: () => {
      throw new Error("must not load");
    },
    rolesById: () => {
      throw new Error("must not load");
    },
    inspectLibrary: () => {
      throw new Error("must not load");
    },
    onExit: () => () => {},
  });
  const stream = (isTTY: boolean) => ({ isTTY }) as NodeJS.ReadStream & NodeJS.WriteStream;

  it.each([
    [false, true],
    [true, false],
    [false, false],
  ])(
    "refuses without a terminal (stdin TTY %s, stdout TTY %s), before loading anything",
    async (stdin, stdout) => {
      const loaded: string[] = [];
      const error = await runPick(context(loaded), {
        stdin: stream(stdin),
        stdout: stream(stdout),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(ExitCode.usage);
      expect((error as UsageError).message).toBe(
        "pick is interactive and needs a terminal; use list, show, search or compare instead",
      );
      expect(loaded).toEqual([]);
    },
  );
});
