/**
 * The 53-bit hash that every cache data file and record is checked against (profile-cache.ts).
 *
 * It is cyrb53's mixing, four bytes a step. Written in JavaScript it is fast once V8 has optimised
 * it, but a command hashes a file once, in a process that lives 50 ms: the loop then runs mostly in
 * the interpreter, and hashing the 240 KB search file of 1,000 profiles took 2.5-3 ms, most of a
 * warm search's budget. The same loop as a WebAssembly function (compiled by V8's baseline
 * compiler on first call, built into Node, no module to load) takes 0.3-0.6 ms for it, set-up
 * included. Both give the same number for every input (tests/unit/hash-bytes.test.ts): which one
 * ran never shows in a cache file.
 */

/** Below this size the JavaScript loop is cheaper than setting up and copying into WebAssembly. */
export const WASM_HASH_FROM = 16 * 1024;

/** Bytes copied into WebAssembly memory at a time (a multiple of 4): its memory stays this small. */
export const WASM_CHUNK = 1 << 20;

/** The hash, in JavaScript: the reference, and the hasher for small inputs. */
export function hashBytesJs(bytes: Uint8Array): number {
  let h1 = 0xdeadbeef ^ bytes.length;
  let h2 = 0x41c6ce57;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = bytes.length >>> 2;
  for (let i = 0; i < words; i++) {
    const word = view.getUint32(4 * i, true);
    h1 = Math.imul(h1 ^ word, 2654435761);
    h2 = Math.imul(h2 ^ word, 1597334677);
  }
  for (let i = 4 * words; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    h1 = Math.imul(h1 ^ byte, 2654435761);
    h2 = Math.imul(h2 ^ byte, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// --- The WebAssembly module, assembled here from its instructions (no binary blob in the source).

function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    out.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return out;
}

function signedLeb(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    if ((rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function section(id: number, body: number[]): number[] {
  return [id, ...unsignedLeb(body.length), ...body];
}

function vector(items: number[][]): number[] {
  return [...unsignedLeb(items.length), ...items.flat()];
}

function name(text: string): number[] {
  return [...unsignedLeb(text.length), ...[...text].map((c) => c.charCodeAt(0))];
}

const I32 = 0x7f;
const F64 = 0x7c;
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, depth],
  brIf: (depth: number) => [0x0d, depth],
  localGet: (i: number) => [0x20, i],
  localSet: (i: number) => [0x21, i],
  globalGet: (i: number) => [0x23, i],
  globalSet: (i: number) => [0x24, i],
  i32Load: [0x28, 0x02, 0x00], // align 4, offset 0
  i32Load8U: [0x2d, 0x00, 0x00],
  i32Const: (value: number) => [0x41, ...signedLeb(value)],
  f64Const: (value: number) => {
    const bytes = new Uint8Array(new Float64Array([value]).buffer);
    return [0x44, ...bytes];
  },
  i32Eqz: [0x45],
  i32LtU: [0x49],
  i32Add: [0x6a],
  i32Mul: [0x6c],
  i32And: [0x71],
  i32Xor: [0x73],
  i32ShrU: [0x76],
  f64Add: [0xa0],
  f64Mul: [0xa2],
  f64FromU32: [0xb8], // f64.convert_i32_u
};

/** Globals of the module: the hash state, kept between chunks. */
const H1 = 0;
const H2 = 1;

/** Mixes the i32 on the stack into both halves of the state (`local` is a scratch local). */
function mix(local: number): number[] {
  return [
    ...op.localSet(local),
    ...op.globalGet(H1),
    ...op.localGet(local),
    ...op.i32Xor,
    ...op.i32Const(2654435761 | 0),
    ...op.i32Mul,
    ...op.globalSet(H1),
    ...op.globalGet(H2),
    ...op.localGet(local),
    ...op.i32Xor,
    ...op.i32Const(1597334677 | 0),
    ...op.i32Mul,
    ...op.globalSet(H2),
  ];
}

/** `while (i < limit) { mix(load(i)); i += width }`, with locals `i` and a scratch local. */
function loopOver(i: number, limit: number[], load: number[], width: number, scratch: number): number[] {
  return [
    ...op.block,
    ...op.loop,
    ...op.localGet(i),
    ...limit,
    ...op.i32LtU,
    ...op.i32Eqz,
    ...op.brIf(1),
    ...op.localGet(i),
    ...load,
    ...mix(scratch),
    ...op.localGet(i),
    ...op.i32Const(width),
    ...op.i32Add,
    ...op.localSet(i),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
}

/** `a ^ (a >>> shift)` times `factor`, for the finishing rounds. */
function avalanche(global: number, shift: number, factor: number): number[] {
  return [
    ...op.globalGet(global),
    ...op.globalGet(global),
    ...op.i32Const(shift),
    ...op.i32ShrU,
    ...op.i32Xor,
    ...op.i32Const(factor | 0),
    ...op.i32Mul,
  ];
}

function moduleBytes(): Uint8Array {
  // start(length): the state for a text of `length` bytes.
  const start = [
    0,
    ...op.i32Const(0xdeadbeef | 0),
    ...op.localGet(0),
    ...op.i32Xor,
    ...op.globalSet(H1),
    ...op.i32Const(0x41c6ce57),
    ...op.globalSet(H2),
    ...op.end,
  ];
  // update(n): mixes memory[0, n) in, four bytes a step, then any last one to three bytes one by
  // one (only the last chunk has such bytes: the others are multiples of 4).
  // Locals: 0 = n (parameter), 1 = i, 2 = scratch.
  const update = [
    1,
    2,
    I32,
    ...loopOver(1, [...op.localGet(0), ...op.i32Const(~3), ...op.i32And], op.i32Load, 4, 2),
    ...loopOver(1, op.localGet(0), op.i32Load8U, 1, 2),
    ...op.end,
  ];
  // finish(): the 53-bit result, as hashBytesJs computes it.
  const finish = [
    0,
    ...avalanche(H1, 16, 2246822507),
    ...avalanche(H2, 13, 3266489909),
    ...op.i32Xor,
    ...op.globalSet(H1),
    ...avalanche(H2, 16, 2246822507),
    ...avalanche(H1, 13, 3266489909),
    ...op.i32Xor,
    ...op.globalSet(H2),
    ...op.globalGet(H2),
    ...op.i32Const(2097151),
    ...op.i32And,
    ...op.f64FromU32,
    ...op.f64Const(4294967296),
    ...op.f64Mul,
    ...op.globalGet(H1),
    ...op.f64FromU32,
    ...op.f64Add,
    ...op.end,
  ];
  const types = [
    [0x60, 1, I32, 0], // (i32) -> ()
    [0x60, 0, 1, F64], // () -> f64
  ];
  const memoryImport = [...name("m"), ...name("memory"), 0x02, 0x00, 0x00]; // memory, min 0 pages
  const globals = [
    [I32, 1, ...op.i32Const(0), ...op.end],
    [I32, 1, ...op.i32Const(0), ...op.end],
  ];
  const exports = [
    [...name("start"), 0x00, 0],
    [...name("update"), 0x00, 1],
    [...name("finish"), 0x00, 2],
  ];
  const bodies = [start, update, finish].map((body) => [...unsignedLeb(body.length), ...body]);
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector([[0], [0], [1]])),
    ...section(6, vector(globals)),
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}

/** The part of WebAssembly's JavaScript API used here (the project's TypeScript libs omit it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

interface WasmHasher {
  memory: WasmMemory;
  start(length: number): void;
  update(count: number): void;
  finish(): number;
}

/** Made on first use; null when WebAssembly is not available (node --jitless, for one). */
let wasm: WasmHasher | null | undefined;

function wasmHasher(): WasmHasher | null {
  if (wasm !== undefined) return wasm;
  // Absent under node --jitless; then the JavaScript hash does all the work.
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined) {
    wasm = null;
    return wasm;
  }
  try {
    const memory = new api.Memory({ initial: 1 });
    const instance = new api.Instance(new api.Module(moduleBytes()), { m: { memory } });
    const { start, update, finish } = instance.exports as unknown as Omit<WasmHasher, "memory">;
    wasm = { memory, start, update, finish };
  } catch {
    wasm = null;
  }
  return wasm;
}

/** The hash in WebAssembly, or undefined when it is not available. */
export function hashBytesWasm(bytes: Uint8Array): number | undefined {
  const hasher = wasmHasher();
  if (!hasher) return undefined;
  const chunk = Math.min(bytes.length, WASM_CHUNK);
  const pages = Math.ceil(chunk / 65536) - hasher.memory.buffer.byteLength / 65536;
  if (pages > 0) hasher.memory.grow(pages);
  const memory = new Uint8Array(hasher.memory.buffer);
  hasher.start(bytes.length);
  for (let at = 0; at < bytes.length; at += WASM_CHUNK) {
    const part = bytes.subarray(at, at + WASM_CHUNK);
    memory.set(part);
    hasher.update(part.length);
  }
  return hasher.finish();
}

/** The hash of `bytes`: the same number whichever way it is computed. */
export function hashBytes(bytes: Uint8Array): number {
  if (bytes.length < WASM_HASH_FROM) return hashBytesJs(bytes);
  return hashBytesWasm(bytes) ?? hashBytesJs(bytes);
}
