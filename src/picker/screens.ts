// The picker's prompts. This module (and so @inquirer/prompts) is imported only when `pick` runs
// on a terminal; the text of each screen comes from the pure functions in choices.ts.
import { input, search, select } from "@inquirer/prompts";
import type { Language, LoadedRole } from "../core/profile.js";
import { type RankableRole, rankRoles } from "../core/rank-roles.js";
import { say } from "../messages/translate.js";
import { displayWidth } from "../render/wrap-text.js";
import {
  actionName,
  fitText,
  PICKER_ACTIONS,
  type PickerAction,
  type RoleFacts,
  roleChoiceText,
} from "./choices.js";
import { filterCheckbox } from "./filter-checkbox.js";
import { promptTheme } from "./prompt-theme.js";

/** Where a prompt reads and draws (inquirer's context); the terminal when absent. */
export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
  clearPromptOnDone?: boolean;
}

/** A prompt's answer, cancellable as inquirer's are. */
export type PromptAnswer<T> = Promise<T> & { cancel: () => void };

/** How every screen is drawn. */
export interface ScreenLook {
  width: number;
  color: boolean;
  /** Lines of choices shown at once. */
  pageSize: number;
  /** The interface language. */
  lang: Language;
}

/** Columns a choice's cursor takes in a list ("❯ "), and in a checkbox list ("❯◯ "). */
const LIST_PREFIX = 2;
const CHECKBOX_PREFIX = 3;
/** Keep the last column free: a line that fills the terminal exactly would wrap on some terminals. */
const usable = (look: ScreenLook) => Math.max(10, look.width - 1);

/**
 * Runs a prompt that Esc ends as Ctrl-C does: the keypress aborts it (AbortPromptError). The
 * prompt is cleared when done, so neither an answer nor an interrupted prompt is left half drawn.
 */
function leavingOnEscape<T>(context: PromptContext, start: (context: PromptContext) => PromptAnswer<T>) {
  const keys = context.input ?? process.stdin;
  const escaped = new AbortController();
  const onKeypress = (_text: unknown, key: { name?: string } | undefined) => {
    if (key?.name === "escape") escaped.abort();
  };
  keys.on("keypress", onKeypress);
  const signal = context.signal ? AbortSignal.any([context.signal, escaped.signal]) : escaped.signal;
  const answer = start({ clearPromptOnDone: true, ...context, signal });
  const settled = answer.finally(() => keys.removeListener("keypress", onKeypress));
  return Object.assign(settled, { cancel: answer.cancel });
}

export interface RoleScreenProps extends ScreenLook {
  roles: readonly RankableRole[];
  facts: ReadonlyMap<LoadedRole, RoleFacts>;
  /** The question; "Find a role:" when absent. */
  message?: string;
}

function roleChoice(role: LoadedRole, facts: RoleScreenProps["facts"], width: number, prefix: number) {
  const known = facts.get(role);
  if (!known) throw new Error(`no facts for role ${role.profile.id}`);
  return { value: role, ...roleChoiceText(known, width, prefix) };
}

/** Search-as-you-type list of every role, ranked by `rankRoles`. */
export function chooseRole(props: RoleScreenProps, context: PromptContext = {}): PromptAnswer<LoadedRole> {
  const width = usable(props);
  return leavingOnEscape(context, (ctx) =>
    search<LoadedRole>(
      {
        message: props.message ?? say(props.lang, "pick.findRole"),
        source: (term) =>
          rankRoles(term ?? "", props.roles).map(({ role }) =>
            roleChoice(role, props.facts, width, LIST_PREFIX),
          ),
        pageSize: props.pageSize,
        theme: promptTheme(props.color, width, [
          [say(props.lang, "pick.keyType"), say(props.lang, "pick.doFilter")],
          ["↑↓", say(props.lang, "pick.doMove")],
          ["⏎", say(props.lang, "pick.doChoose")],
          ["esc", say(props.lang, "pick.doQuit")],
        ]),
      },
      ctx,
    ),
  );
}

export interface ActionScreenProps extends ScreenLook {
  /** The chosen role's title, as shown in the question. */
  title: string;
  /** Whether there is another role to compare with (or to brief a transition to). */
  canCompare: boolean;
}

/** What to do with the chosen role. */
export function chooseAction(
  props: ActionScreenProps,
  context: PromptContext = {},
): PromptAnswer<PickerAction> {
  const width = usable(props);
  const lang = props.lang;
  const room = width - 2 - displayWidth(say(lang, "pick.whatNext", { title: "" }));
  return leavingOnEscape(context, (ctx) =>
    select<PickerAction>(
      {
        message: say(lang, "pick.whatNext", { title: fitText(props.title, room) }),
        choices: PICKER_ACTIONS.map((action) => ({
          value: action,
          name: actionName(action, lang),
          ...((action === "compare" || action === "gap") && !props.canCompare
            ? { disabled: say(lang, "pick.noOtherRole") }
            : {}),
        })),
        pageSize: PICKER_ACTIONS.length,
        loop: false,
        theme: promptTheme(props.color, width, [
          ["↑↓", say(lang, "pick.doMove")],
          ["⏎", say(lang, "pick.doChoose")],
          ["esc", say(lang, "pick.doQuit")],
        ]),
      },
      ctx,
    ),
  );
}

export interface CompareScreenProps extends ScreenLook {
  /** The role compared, as shown in the question. */
  title: string;
  /** The roles it may be compared with, in list order. */
  others: readonly LoadedRole[];
  /** Every role, as typing ranks them (the list keeps only the others). */
  roles: readonly RankableRole[];
  facts: ReadonlyMap<LoadedRole, RoleFacts>;
  /** Most roles that may be ticked. */
  max: number;
}

/** The roles to compare the chosen one with, typing filters them; none ticked means "go back". */
export function chooseOthers(
  props: CompareScreenProps,
  context: PromptContext = {},
): PromptAnswer<LoadedRole[]> {
  const width = usable(props);
  const lang = props.lang;
  const room = width - 2 - displayWidth(say(lang, "pick.compareWith", { title: "" }));
  return leavingOnEscape(
    context,
    (ctx) =>
      filterCheckbox(
        {
          message: say(lang, "pick.compareWith", { title: fitText(props.title, room) }),
          source: (term) =>
            (term === ""
              ? props.others
              : rankRoles(term, props.roles)
                  .map((ranked) => ranked.role)
                  .filter((role) => props.others.includes(role))
            ).map((role) => roleChoice(role, props.facts, width, CHECKBOX_PREFIX)),
          pageSize: props.pageSize,
          validate: (ticked) =>
            ticked.length <= props.max || say(lang, "pick.tickAtMost", { count: props.max }),
          fitTicked: (text) => fitText(text, width),
          tickedLabel: say(lang, "pick.ticked"),
          noMatch: say(lang, "pick.noRolesMatch"),
          theme: promptTheme(props.color, width, [
            [say(lang, "pick.keyType"), say(lang, "pick.doFilter")],
            ["↑↓", say(lang, "pick.doMove")],
            [say(lang, "pick.keySpace"), say(lang, "pick.doTick")],
            ["ctrl-a", say(lang, "pick.doTickAll")],
            ["ctrl-r", say(lang, "pick.doInvert")],
            ["⏎", say(lang, "pick.doCompare")],
            ["esc", say(lang, "pick.doQuit")],
          ]),
        },
        ctx,
      ) as PromptAnswer<LoadedRole[]>,
  );
}

/** A skill or tool to search for; empty means "go back". */
export function askQuery(props: ScreenLook, context: PromptContext = {}): PromptAnswer<string> {
  return leavingOnEscape(context, (ctx) =>
    input(
      {
        message: say(props.lang, props.width - 1 >= 44 ? "pick.searchPrompt" : "pick.searchPromptShort"),
        theme: promptTheme(props.color, usable(props), []),
      },
      ctx,
    ),
  );
}
