import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { languageFromLocale, resolveLanguage } from "../../src/messages/resolve-language.js";

describe("resolveLanguage", () => {
  it("takes --lang first, then CSROLES_LANG, then LC_ALL, LC_MESSAGES and LANG", () => {
    const env = { CSROLES_LANG: "sv", LC_ALL: "fi_FI.UTF-8", LANG: "da_DK.UTF-8" };
    expect(resolveLanguage("nb", env)).toEqual({ lang: "nb", chosen: true });
    expect(resolveLanguage(undefined, env)).toEqual({ lang: "sv", chosen: true });
    expect(resolveLanguage(undefined, { LC_ALL: "fi_FI.UTF-8", LANG: "da_DK.UTF-8" })).toEqual({
      lang: "fi",
      chosen: false,
    });
    expect(resolveLanguage(undefined, { LC_MESSAGES: "sv_SE", LANG: "da_DK.UTF-8" }).lang).toBe("sv");
    expect(resolveLanguage(undefined, { LANG: "da_DK.UTF-8" })).toEqual({ lang: "da", chosen: false });
  });

  it("maps locales to languages: no and nn are Bokmål, an unknown one or C is English", () => {
    expect(languageFromLocale("da_DK.UTF-8")).toBe("da");
    expect(languageFromLocale("no_NO")).toBe("nb");
    expect(languageFromLocale("nn_NO.UTF-8")).toBe("nb");
    expect(languageFromLocale("sv_FI@euro")).toBe("sv");
    expect(languageFromLocale("de_DE.UTF-8")).toBe("en");
    expect(languageFromLocale("C")).toBe("en");
    expect(languageFromLocale(undefined)).toBe("en");
  });

  it("falls back quietly from an unsupported locale", () => {
    expect(resolveLanguage(undefined, { LANG: "de_DE.UTF-8" })).toEqual({ lang: "en", chosen: false });
  });

  it("ignores an unsupported CSROLES_LANG with a warning, falling back to the locale", () => {
    const choice = resolveLanguage(undefined, { CSROLES_LANG: "klingon", LANG: "sv_SE.UTF-8" });
    expect(choice.lang).toBe("sv");
    expect(choice.chosen).toBe(false);
    expect(choice.warning?.key).toBe("error.ignoredLanguage");
    expect(resolveLanguage(undefined, { CSROLES_LANG: "da_DK.UTF-8" }).lang).toBe("da");
  });

  it("makes an unsupported --lang a usage error that names the supported codes", () => {
    let error: unknown;
    try {
      resolveLanguage("de", {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe("unknown language 'de' in --lang");
    expect((error as UsageError).hint).toBe("use one of en, da, sv, nb, fi");
  });
});
