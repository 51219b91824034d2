import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { detachText, TextPool } from "../../src/core/detach-text.js";
import { NAUGHTY_STRINGS } from "../helpers/naughty-strings.js";

const naughty: string[] = [...NAUGHTY_STRINGS];

/** A full garbage collection (the flag is set for this process; a new context then exposes gc). */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

describe("detachText", () => {
  it("gives back an equal string, for every naughty string and every length around V8's limit", () => {
    for (const text of [...naughty, "", "a".repeat(12), "b".repeat(13), "ø".repeat(40)])
      expect(detachText(text)).toBe(text);
  });

  it("keeps no large text alive: pieces of 200 texts of 1 MB each, detached, hold a few KB", () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const kept: string[] = [];
    for (let i = 0; i < 200; i++) {
      const text = `${String(i).padStart(4, "0")} ${"x".repeat(1 << 20)}`;
      kept.push(detachText(text.slice(0, 40)));
    }
    collectGarbage();
    const grown = process.memoryUsage().heapUsed - before;
    // 200 MB of texts were made; what is kept must be far below that (slices would keep them all).
    expect(grown).toBeLessThan(20 * (1 << 20));
    expect(kept[7]).toBe(`0007 ${"x".repeat(35)}`);
  });
});

describe("TextPool", () => {
  it("gives back an equal string, for every naughty string", () => {
    const pool = new TextPool();
    for (const text of naughty) expect(pool.keep(text)).toBe(text);
    for (const text of naughty) expect(pool.keep(`${text}`)).toBe(text);
  });

  it("keeps one copy per distinct value: 2,000 equal texts of 50 KB, each made anew, hold one", () => {
    const pool = new TextPool();
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const kept: string[] = [];
    for (let i = 0; i < 2000; i++) kept.push(pool.keep(["Kundfokus", "y".repeat(50_000)].join(" ")));
    collectGarbage();
    // Without sharing, the kept strings would take 100 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * (1 << 20));
    expect(kept[1999]).toBe(`Kundfokus ${"y".repeat(50_000)}`);
  });
});
