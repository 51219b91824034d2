// The picker's loop: choose a role, act on it, until Quit. The prompts come in as `screens`, so the
// loop is tested with scripted answers; Esc and Ctrl-C at any prompt end it with InterruptedError.
import type { Language, LoadedRole } from "../core/profile.js";
import { rankableRoles, rankRoles } from "../core/rank-roles.js";
import type { VocabularyIndex } from "../core/vocabulary.js";
import { CsrolesError, InterruptedError } from "../errors.js";
import { say, sayMessage } from "../messages/translate.js";
import { neutralizeInline } from "../render/neutralize.js";
import type { OutputContext } from "../render/output-context.js";
import { createTheme } from "../render/theme.js";
import { wrapIndented, wrapText } from "../render/wrap-text.js";
import { actionName, type PickerAction, type RoleFacts, roleFacts, roleHeadline } from "./choices.js";
import type {
  ActionScreenProps,
  CompareScreenProps,
  PromptContext,
  RoleScreenProps,
  ScreenLook,
} from "./screens.js";

/** The prompts the loop asks; src/picker/screens.ts in real use. */
export interface PickerScreens {
  chooseRole(props: RoleScreenProps, context?: PromptContext): Promise<LoadedRole>;
  chooseAction(props: ActionScreenProps, context?: PromptContext): Promise<PickerAction>;
  chooseOthers(props: CompareScreenProps, context?: PromptContext): Promise<LoadedRole[]>;
  askQuery(props: ScreenLook, context?: PromptContext): Promise<string>;
}

/** What the actions print; each returns the text, or throws a CsrolesError shown as a message. */
export interface PickerActions {
  show(role: LoadedRole, output: OutputContext): string;
  compare(roles: LoadedRole[], output: OutputContext): string;
  /** The transition brief from one role to another, as `csroles gap` prints it. */
  gap(from: LoadedRole, to: LoadedRole, output: OutputContext): string;
  search(query: string, output: OutputContext): string;
}

export interface PickerIo {
  roles: LoadedRole[];
  vocabulary: VocabularyIndex;
  labelLang: Language;
  /** Width and colour now (the terminal may be resized between prompts). */
  output(): OutputContext;
  /** Terminal height now, when known. */
  rows(): number | undefined;
  /** Writes text to the terminal between prompts. */
  write(text: string): void;
  screens: PickerScreens;
  actions: PickerActions;
  /** Most roles one comparison takes. */
  maxCompared: number;
  /** Streams for the prompts; the terminal when absent. */
  prompt?: PromptContext;
  /** Pages a long text as `csroles show` does; false when it was not paged (then it is written). */
  page?: (text: string) => Promise<boolean>;
}

const SHOW_CURSOR = "\u001b[?25h";

/** Inquirer's ways of saying the user left: Ctrl-C (ExitPromptError), Esc (AbortPromptError). */
export function isLeaving(error: unknown): boolean {
  return error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError");
}

/** Lines of the list, from the terminal height: the rest holds the question, description and help. */
export function pageSizeFor(rows: number | undefined): number {
  return Math.max(4, Math.min(14, (rows ?? 24) - 8));
}

/** Runs the picker until the user quits; leaving with Esc or Ctrl-C throws InterruptedError. */
export async function runPicker(io: PickerIo): Promise<void> {
  const roles = rankableRoles(io.roles, io.vocabulary);
  const describe = (role: LoadedRole) =>
    roleFacts(role.profile, io.vocabulary.label("levels", role.profile.level, io.labelLang), io.labelLang);
  const facts = new Map<LoadedRole, RoleFacts>(io.roles.map((role) => [role, describe(role)]));
  const factsOf = (role: LoadedRole) => facts.get(role) ?? describe(role);
  const look = (): ScreenLook => {
    const { width, color } = io.output();
    return { width, color, pageSize: pageSizeFor(io.rows()), lang: io.labelLang };
  };
  /** Echoes an answer, since prompts are cleared when done. */
  const answered = (question: string, answer: string) => {
    const { width, color } = io.output();
    const theme = createTheme(color);
    const lines = wrapIndented(answer, width, question === "" ? "✔ " : `✔ ${question} `, "  ");
    io.write(`${lines.map((line, i) => (i === 0 ? theme.mark("✔") + line.slice(1) : line)).join("\n")}\n`);
  };
  const titleOf = (role: LoadedRole) => factsOf(role).title;

  const act = async (role: LoadedRole, action: PickerAction): Promise<string> => {
    if (action === "show") {
      answered("", actionName("show", io.labelLang));
      const text = io.actions.show(role, io.output());
      return (await io.page?.(text)) ? "" : text;
    }
    if (action === "compare") {
      const others = await io.screens.chooseOthers(
        {
          ...look(),
          title: titleOf(role),
          others: rankRoles("", roles)
            .map((ranked) => ranked.role)
            .filter((other) => other !== role),
          roles,
          facts,
          max: io.maxCompared - 1,
        },
        io.prompt,
      );
      if (others.length === 0) return `${say(io.labelLang, "pick.nothingTicked")}\n`;
      answered(say(io.labelLang, "pick.echoCompareWith"), others.map(titleOf).join(", "));
      return io.actions.compare([role, ...others], io.output());
    }
    if (action === "gap") {
      const others = roles.filter((ranked) => ranked.role !== role);
      const goal = await io.screens.chooseRole(
        {
          ...look(),
          roles: others,
          facts,
          message: say(io.labelLang, "pick.briefFrom", { title: titleOf(role) }),
        },
        io.prompt,
      );
      answered(say(io.labelLang, "pick.echoBriefTo"), roleHeadline(factsOf(goal)));
      const text = io.actions.gap(role, goal, io.output());
      return (await io.page?.(text)) ? "" : text;
    }
    const query = (await io.screens.askQuery(look(), io.prompt)).trim();
    if (query === "") return "";
    answered(say(io.labelLang, "pick.echoSearch"), neutralizeInline(query));
    return io.actions.search(query, io.output());
  };

  try {
    let role: LoadedRole | undefined;
    for (;;) {
      if (!role) {
        role = await io.screens.chooseRole({ ...look(), roles, facts }, io.prompt);
        answered(say(io.labelLang, "pick.echoRole"), roleHeadline(factsOf(role)));
      }
      const action = await io.screens.chooseAction(
        { ...look(), title: titleOf(role), canCompare: io.roles.length > 1 },
        io.prompt,
      );
      if (action === "quit") return;
      if (action === "back") {
        role = undefined;
        continue;
      }
      const chosen = role;
      io.write(await report(() => act(chosen, action), io.output(), io.labelLang));
    }
  } catch (error) {
    if (!isLeaving(error)) throw error;
    io.write(SHOW_CURSOR);
    throw new InterruptedError();
  }
}

/** An action's text followed by a blank line, or its error as a message; the picker goes on. */
async function report(action: () => Promise<string>, output: OutputContext, lang: Language): Promise<string> {
  try {
    const text = await action();
    return text === "" ? "" : `${text}\n`;
  } catch (error) {
    if (!(error instanceof CsrolesError)) throw error;
    const theme = createTheme(output.color);
    const lines = wrapText(neutralizeInline(sayMessage(lang, error.text)), output.width).map(theme.warning);
    if (error.hintText !== undefined) {
      const hint = `${say(lang, "error.hintPrefix")}: ${sayMessage(lang, error.hintText)}`;
      lines.push(...wrapText(neutralizeInline(hint), output.width).map(theme.muted));
    }
    return `${lines.join("\n")}\n\n`;
  }
}
