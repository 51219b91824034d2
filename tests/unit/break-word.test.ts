import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { breakGraphemes, breakWord, displayWidth, NARROW_ONLY } from "../../src/render/wrap-text.js";

const ALL_UNITS = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code));
/** Every code unit that displayWidth measures without string-width. */
const NARROW_UNITS = ALL_UNITS.filter((unit) => NARROW_ONLY.test(unit));

describe("displayWidth's one-column fast path", () => {
  it("measures every code unit as string-width does, alone and between letters", () => {
    const wrong: string[] = [];
    for (const unit of ALL_UNITS) {
      for (const text of [unit, `ab${unit}cd`]) {
        const expected = stringWidth(text);
        if (displayWidth(text) !== expected) wrong.push(JSON.stringify(text));
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("breakWord", () => {
  it("cuts narrow text by code units into the same pieces as the grapheme path", () => {
    const narrowWord = fc.string({ unit: fc.constantFrom(...NARROW_UNITS), maxLength: 60 });
    fc.assert(
      fc.property(narrowWord, fc.integer({ min: 1, max: 30 }), (word, width) => {
        expect(breakWord(word, width)).toEqual(breakGraphemes(word, width));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with the grapheme path for every narrow code unit after a letter", () => {
    for (const unit of NARROW_UNITS) {
      const word = `customer-${unit}service`;
      expect([unit, breakWord(word, 4)]).toEqual([unit, breakGraphemes(word, 4)]);
    }
  });

  it.each([
    ["customer-support-manager", 8, ["customer", "-support", "-manager"]],
    ["kundtjänstteamledare", 7, ["kundtjä", "nstteam", "ledare"]],
    ["abc", 5, ["abc"]],
    ["", 3, []],
  ])("breaks %j at %i columns", (word, width, pieces) => {
    expect(breakWord(word, width)).toEqual(pieces);
  });

  it("keeps graphemes whole outside the narrow scripts", () => {
    // Cyrillic with a combining titlo (U+0483), decomposed ä, wide CJK and a family emoji.
    for (const word of ["аа\u0483аа\u0483аа", "kundtja\u0308nst", "顧客サポート担当", "ab👨‍👩‍👧cd"]) {
      const pieces = breakWord(word, 3);
      expect(pieces.join("")).toBe(word);
      expect(pieces).toEqual(breakGraphemes(word, 3));
      for (const piece of pieces) expect(displayWidth(piece)).toBeLessThanOrEqual(3);
    }
  });
});
