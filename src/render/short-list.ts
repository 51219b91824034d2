import type { Language } from "../core/profile.js";
import { say } from "../messages/translate.js";

/**
 * A list of names for a terminal line: all of them when few, else the first ones and how many
 * more ("a, b, c and 997 more"), in `lang`. A library may hold thousands of ladders; JSON keeps
 * every id.
 */
export function shortList(lang: Language, names: string[], max = 3): string {
  if (names.length <= max + 1) return names.join(", ");
  return say(lang, "word.andMore", { names: names.slice(0, max).join(", "), count: names.length - max });
}
