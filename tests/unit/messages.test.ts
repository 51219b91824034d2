import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/core/profile.js";
import { en } from "../../src/messages/en.js";
import { CATALOGUES, decimal, say } from "../../src/messages/translate.js";

const KEYS = Object.keys(en).sort();
const placesOf = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe("the message catalogue", () => {
  it.each(LANGUAGES)("has every key, and no other, in %s", (lang) => {
    expect(Object.keys(CATALOGUES[lang]).sort()).toEqual(KEYS);
  });

  it.each(LANGUAGES)("has a non-empty text with the English text's places and forms in %s", (lang) => {
    for (const key of KEYS) {
      const english = en[key as keyof typeof en];
      const text = CATALOGUES[lang][key as keyof typeof en];
      expect(text.trim(), `${lang} ${key}`).not.toBe("");
      expect(placesOf(text), `${lang} ${key}`).toEqual(placesOf(english));
      // A one|other text stays one in every language, so that the count chooses the form.
      expect(text.split("|").length, `${lang} ${key}`).toBe(english.split("|").length);
    }
  });

  it("translates every text, apart from the few that are the same word in the language", () => {
    for (const lang of LANGUAGES.filter((l) => l !== "en")) {
      const same = KEYS.filter(
        (key) => CATALOGUES[lang][key as keyof typeof en] === en[key as keyof typeof en],
      );
      // ID, and the picker's "id … · language" line, are written alike; anything more is a miss.
      expect(same.length, `${lang}: ${same.join(", ")}`).toBeLessThanOrEqual(4);
    }
  });

  it("fills places and chooses the form by count", () => {
    expect(say("en", "validate.files", { count: 1 })).toBe("1 profile file");
    expect(say("en", "validate.files", { count: 5 })).toBe("5 profile files");
    expect(say("fi", "validate.files", { count: 5 })).toBe("5 profiilitiedostoa");
    expect(say("nb", "error.roleUnknown", { name: '"x"' })).toBe('ukjent rolle "x"');
  });

  it("writes decimals with a comma in the Nordic languages and a point in English", () => {
    expect(decimal("en", 0.7666, 2)).toBe("0.77");
    for (const lang of ["da", "sv", "nb", "fi"] as const) expect(decimal(lang, 0.7666, 2)).toBe("0,77");
  });
});
