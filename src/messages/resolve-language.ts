import { LANGUAGES, type Language } from "../core/profile.js";
import { UsageError } from "../errors.js";
import { type Message, message } from "./translate.js";

/** The interface language of a run, and how it was found. */
export interface LanguageChoice {
  lang: Language;
  /**
   * True when it was asked for (--lang or CSROLES_LANG), not taken from the locale: then ladder
   * positions are named by their shared concept in that language (see README "Language").
   */
  chosen: boolean;
  /** Why CSROLES_LANG was ignored, to print once as a warning. */
  warning?: Message;
}

const SUPPORTED = LANGUAGES.join(", ");

/** The language code of a locale or code (sv_SE.UTF-8, nb_NO, no, da), if it is one of the five. */
function supportedLanguage(value: string): Language | undefined {
  const code =
    value
      .trim()
      .toLowerCase()
      .split(/[_.@-]/)[0] ?? "";
  if (code === "no" || code === "nn") return "nb";
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : undefined;
}

/** Maps a POSIX locale (sv_SE.UTF-8, nb_NO, no, C) to a language; unknown ones give English. */
export function languageFromLocale(locale: string | undefined): Language {
  return supportedLanguage(locale ?? "") ?? "en";
}

/**
 * The interface language: --lang (an unsupported one is a usage error), else CSROLES_LANG (an
 * unsupported one is ignored, with a warning), else the first set of LC_ALL, LC_MESSAGES and LANG
 * as POSIX orders them (an unsupported locale, C included, gives English without a word).
 */
export function resolveLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): LanguageChoice {
  if (flag !== undefined) {
    const lang = flag.trim().toLowerCase();
    if (!(LANGUAGES as readonly string[]).includes(lang)) {
      throw new UsageError(
        message("error.unknownLanguage", { value: flag, option: "--lang" }),
        message("error.useOneOf", { values: SUPPORTED }),
      );
    }
    return { lang: lang as Language, chosen: true };
  }
  const locale = languageFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  const wanted = env.CSROLES_LANG?.trim();
  if (!wanted) return { lang: locale, chosen: false };
  const lang = supportedLanguage(wanted);
  if (lang) return { lang, chosen: true };
  return {
    lang: locale,
    chosen: false,
    warning: message("error.ignoredLanguage", { value: wanted, values: SUPPORTED }),
  };
}
