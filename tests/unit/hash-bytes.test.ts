// The cache's hash in WebAssembly must give exactly what the JavaScript reference gives, for every
// input: a cache file written by one must be accepted by the other (src/io/hash-bytes.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hashBytes,
  hashBytesJs,
  hashBytesWasm,
  WASM_CHUNK,
  WASM_HASH_FROM,
} from "../../src/io/hash-bytes.js";
import { NAUGHTY_STRINGS } from "../helpers/naughty-strings.js";
import { ROOT } from "../helpers/run-cli.js";

/** Deterministic bytes (xorshift), so a failure names a reproducible input. */
function bytesOf(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = seed | 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

describe("hashBytesWasm", () => {
  it("is available here (Node 20 has WebAssembly), or the rest of this file would prove nothing", () => {
    expect(hashBytesWasm(new Uint8Array(8))).toBeTypeOf("number");
  });

  it("equals the JavaScript hash at every size from 0 to 70 bytes and around each limit", () => {
    const sizes = [...Array(71).keys()];
    for (const limit of [WASM_HASH_FROM, WASM_CHUNK, 2 * WASM_CHUNK, 65536])
      for (let d = -5; d <= 5; d++) sizes.push(limit + d);
    for (const size of sizes) {
      const bytes = bytesOf(size, size + 7);
      expect(hashBytesWasm(bytes), `size ${size}`).toBe(hashBytesJs(bytes));
    }
  });

  it("equals the JavaScript hash for any bytes, at any offset into a larger buffer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.nat(7), (bytes, offset) => {
        const padded = new Uint8Array(bytes.length + offset);
        padded.set(bytes, offset);
        const view = padded.subarray(offset);
        expect(hashBytesWasm(view)).toBe(hashBytesJs(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it("equals the JavaScript hash on real text: the naughty strings and a profile", () => {
    const texts = [
      Buffer.from(JSON.stringify(NAUGHTY_STRINGS)),
      readFileSync(join(ROOT, "data", "roles", "customer-support-manager.md")),
    ];
    for (const text of texts) expect(hashBytesWasm(text)).toBe(hashBytesJs(text));
  });

  it("gives a 53-bit integer, and a different one when one byte changes, in every chunk", () => {
    const bytes = bytesOf(2 * WASM_CHUNK + 11, 3);
    const before = hashBytes(bytes);
    expect(Number.isSafeInteger(before)).toBe(true);
    for (const at of [0, WASM_CHUNK - 1, WASM_CHUNK, 2 * WASM_CHUNK + 10]) {
      bytes[at] = (bytes[at] as number) ^ 0x40;
      expect(hashBytes(bytes), `byte ${at}`).not.toBe(before);
      bytes[at] = (bytes[at] as number) ^ 0x40;
    }
    expect(hashBytes(bytes)).toBe(before);
  });
});

describe("hashBytes", () => {
  it("gives the JavaScript hash when WebAssembly is not there (node --jitless)", () => {
    const dir = mkdtempSync(join(tmpdir(), "csroles-hash-"));
    const module = join(dir, "hash-bytes.cjs");
    buildSync({
      entryPoints: [join(ROOT, "src", "io", "hash-bytes.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      outfile: module,
      logLevel: "silent",
    });
    const script = `
      const { hashBytes, hashBytesJs, hashBytesWasm } = require(${JSON.stringify(module)});
      const bytes = Buffer.alloc(100000, "Kundtjänst ");
      process.stdout.write(JSON.stringify([typeof WebAssembly, hashBytesWasm(bytes) ?? null, hashBytes(bytes), hashBytesJs(bytes)]));
    `;
    const result = spawnSync(process.execPath, ["--jitless", "-e", script], { encoding: "utf8" });
    rmSync(dir, { recursive: true, force: true });
    // V8 says on stderr that --jitless turns WebAssembly off; nothing else may be there.
    expect(result.stderr.replace(/^Warning: disabling flag --expose_wasm.*\n/m, "")).toBe("");
    const [type, wasm, used, reference] = JSON.parse(result.stdout) as [
      string,
      number | null,
      number,
      number,
    ];
    expect(type).toBe("undefined");
    expect(wasm).toBeNull();
    expect(used).toBe(reference);
  });
});
