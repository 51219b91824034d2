// The picker's text, as pure functions of the data and the width: no prompts are imported here.
import type { Language, ProfileHead } from "../core/profile.js";
import { languageName, type MessageKey, say } from "../messages/translate.js";
import { neutralizeInline } from "../render/neutralize.js";
import { displayWidth, wrapText } from "../render/wrap-text.js";

/** What can be done with a chosen role, in menu order. */
export const PICKER_ACTIONS = ["show", "compare", "search", "gap", "back", "quit"] as const;
export type PickerAction = (typeof PICKER_ACTIONS)[number];

const ACTION_KEYS: Record<PickerAction, MessageKey> = {
  show: "pick.actionShow",
  compare: "pick.actionCompare",
  search: "pick.actionSearch",
  gap: "pick.actionGap",
  back: "pick.actionBack",
  quit: "pick.actionQuit",
};

/** An action as the menu names it, in `lang`. */
export function actionName(action: PickerAction, lang: Language): string {
  return say(lang, ACTION_KEYS[action]);
}

const ELLIPSIS = "…";
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The text cut to `width` columns, ending in … when it had to be cut. */
export function fitText(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return "";
  let fitted = "";
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    fitted += segment;
    used += w;
  }
  return fitted.trimEnd() + ELLIPSIS;
}

/** What a role choice shows, already neutralised. */
export interface RoleFacts {
  id: string;
  title: string;
  titleEn: string;
  lang: Language;
  levelLabel: string;
  /** "id … · Swedish": the details under the list, in the interface language. */
  details: string;
}

/** A role's facts for the picker; `lang` is the interface language. */
export function roleFacts(profile: ProfileHead, levelLabel: string, lang: Language): RoleFacts {
  const id = neutralizeInline(profile.id);
  return {
    id,
    title: neutralizeInline(profile.title),
    titleEn: neutralizeInline(profile.title_en),
    lang: profile.lang,
    levelLabel: neutralizeInline(levelLabel),
    details: say(lang, "pick.roleDetails", { id, language: languageName(lang, profile.lang) }),
  };
}

export interface RoleChoiceText {
  /** The choice as listed: one line when it fits, else the title and a second, indented line. */
  name: string;
  /** Shown under the list for the highlighted role: its id and language, and its full titles when cut. */
  description: string;
  /** The answer as echoed once chosen. */
  short: string;
}

/**
 * A role as a list entry no wider than `width` columns, of which the prompt takes `prefix`
 * for its cursor (and checkbox). Title as written, English title, language code and level.
 */
export function roleChoiceText(role: RoleFacts, width: number, prefix: number): RoleChoiceText {
  const room = Math.max(1, width - prefix);
  const titles = role.title === role.titleEn ? role.title : `${role.title} — ${role.titleEn}`;
  const tail = ` · ${role.lang} · ${role.levelLabel}`;
  const oneLine = titles + tail;
  const fits = displayWidth(oneLine) <= room;
  let name = oneLine;
  let cut = false;
  if (!fits) {
    // Second line under the title, aligned with it; the English title gives way before the tail.
    const indent = " ".repeat(prefix);
    const second = role.title === role.titleEn ? tail.slice(3) : role.titleEn + tail;
    const titleEnRoom = room - displayWidth(tail);
    const secondLine =
      role.title !== role.titleEn && titleEnRoom >= 8
        ? fitText(role.titleEn, titleEnRoom) + tail
        : fitText(second, room);
    const firstLine = fitText(role.title, room);
    cut = firstLine !== role.title || secondLine !== second;
    name = `${firstLine}\n${indent}${secondLine}`;
  }
  const { details } = role;
  const description = wrapText(cut ? `${titles} · ${role.levelLabel}\n${details}` : details, width).join(
    "\n",
  );
  return { name, description, short: role.title };
}

/** A role named in full, as echoed once chosen: "Title — English title (id)". */
export function roleHeadline(role: RoleFacts): string {
  const titles = role.title === role.titleEn ? role.title : `${role.title} — ${role.titleEn}`;
  return `${titles} (${role.id})`;
}

/** The keys a screen answers to, as "key action • …", on as many lines as the width needs: every key is shown. */
export function keysHelp(keys: [key: string, action: string][], width: number): string {
  const lines: string[] = [];
  for (const [key, action] of keys) {
    const entry = fitText(`${key} ${action}`, width);
    const last = lines.at(-1);
    if (last !== undefined && displayWidth(`${last} • ${entry}`) <= width)
      lines[lines.length - 1] = `${last} • ${entry}`;
    else lines.push(entry);
  }
  return lines.join("\n");
}
