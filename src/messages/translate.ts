import type { Language } from "../core/profile.js";
import { da } from "./da.js";
import { type Catalogue, en, type MessageKey } from "./en.js";
import { fi } from "./fi.js";
import { nb } from "./nb.js";
import { sv } from "./sv.js";

export type { MessageKey } from "./en.js";

/** The message catalogue: every interface text in each of the five languages. */
export const CATALOGUES: Record<Language, Catalogue> = { en, da, sv, nb, fi };

/** A list is said as "a, b and c" in the message's language. */
export type MessageParams = Record<string, string | number | readonly string[]>;

/** A message not yet put into words: said in the reader's language when it is printed. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export function message(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

/**
 * The text of `key` in `lang`, its `{name}` places filled from `params`. A text of the form
 * `one|other` is chosen by `params.count`: the first when it is 1, else the second.
 */
export function say(lang: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = CATALOGUES[lang][key];
  const forms = template.split("|");
  const chosen = forms.length === 2 && params.count === 1 ? forms[0] : (forms.at(-1) ?? template);
  return (chosen ?? template).replace(/\{(\w+)\}/g, (place, name: string) => {
    const value = params[name];
    if (value === undefined) return place;
    return typeof value === "object" ? listText(lang, value) : String(value);
  });
}

/** "a", "a and b", "a, b and c", in `lang`. */
export function listText(lang: Language, items: readonly string[]): string {
  const last = items.at(-1) ?? "";
  if (items.length < 2) return last;
  return `${items.slice(0, -1).join(", ")} ${CATALOGUES[lang]["word.and"]} ${last}`;
}

/** A message, or text already in words (a file's problem, commander's own messages), in `lang`. */
export function sayMessage(lang: Language, text: Message | string): string {
  return typeof text === "string" ? text : say(lang, text.key, text.params);
}

/** A decimal number as the language writes it: 0.77 in English, 0,77 in the Nordic languages. */
export function decimal(lang: Language, value: number, digits: number): string {
  const text = value.toFixed(digits);
  return lang === "en" ? text : text.replace(".", ",");
}

/** A language's name in `lang`: "Swedish", "svensk", "ruotsi". */
export function languageName(lang: Language, of: Language): string {
  return say(lang, `language.${of}`);
}
