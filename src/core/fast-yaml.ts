/**
 * A fast reader for the plain, regular YAML that profiles are written in.
 *
 * js-yaml is general and careful, and costs most of the time of a first load. Profiles use a small,
 * regular part of YAML: block mappings with simple keys, block sequences, one-line scalars, folded
 * and literal block scalars, and empty `[]`/`{}`. This reader handles only that part and returns
 * exactly what `yaml.load(text, { schema: yaml.CORE_SCHEMA })` (js-yaml 4) returns for it. For
 * anything else, however slightly unusual, it returns `undefined` ("not sure") and the caller uses
 * js-yaml, which also reports every error. It never reports a problem itself.
 *
 * The rules mirror js-yaml's loader (node_modules/js-yaml/lib/loader.js). Where a rule would need a
 * subtle part of it (tabs, multi-line plain or quoted scalars, more-indented lines in folded
 * scalars, indentless sequences, numbers, explicit keys, ...), the reader bails out instead.
 *
 * Supported, line by line (indentation is spaces only):
 * - `key: value` and `key:` with a more indented block under it (or nothing: null); a key is ASCII
 *   letters, digits, `_` and `-`, starting with a letter or `_`;
 * - `- value` and `- key: value` (a compact mapping) in a sequence more indented than its key;
 * - values: a one-line plain scalar (string, `true`/`false` in js-yaml's spellings, null as `~` or
 *   `null`), a one-line single- or double-quoted scalar, `[]`, `{}`, or a block scalar `|`, `|-`,
 *   `>`, `>-` whose lines are all at one indentation (a literal one may indent further);
 * - empty lines and whole-line comments.
 */

export type FastYamlResult = { value: unknown } | undefined;

declare global {
  interface String {
    /** ES2024, in Node since 20: false when the string holds a lone surrogate. */
    isWellFormed(): boolean;
  }
}

/** Thrown inside the reader to give up; never escapes parseYamlSubset. */
class NotSure {}
const NOT_SURE = new NotSure();

function bail(): never {
  throw NOT_SURE;
}

/**
 * Characters the reader refuses anywhere: tabs (js-yaml's rules for them in indentation and
 * around scalars), CR (line breaks), other C0 and C1 controls, DEL, BOM and the non-characters
 * U+FFFE/U+FFFF (js-yaml rejects most as non-printable, in some places only), and lone surrogates
 * (isWellFormed). One native scan of the text, before anything else.
 */
const REFUSED_CHAR = /[\x00-\x09\x0B-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF]/;

/**
 * Block nesting deeper than this is left to js-yaml (and to its maxDepth and assertBoundedSize):
 * values read here are at most MAX_DEPTH + 2 levels deep.
 */
export const FAST_YAML_MAX_DEPTH = 20;

/**
 * Longer texts are left to js-yaml. Every value but the top mapping is the value of a key (`k:`)
 * or an entry (`- `), two characters at least, so a text read here holds at most
 * FAST_YAML_MAX_NODES values: then assertBoundedSize has nothing to find in it.
 */
export const FAST_YAML_MAX_LENGTH = 48_000;
export const FAST_YAML_MAX_NODES = 1 + FAST_YAML_MAX_LENGTH / 2;

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * First characters of a value that the subset does not read as a plain scalar: indicators that
 * start other YAML syntax (`&`, `*`, `!`, `%`, `@`, backtick, flow `,]}`, `#`), and `-`, `?`, `:`,
 * which YAML gives a meaning to when a space follows. `[`, `{`, quotes, `|` and `>` are handled
 * before this table is consulted.
 */
const NOT_PLAIN_START = new Uint8Array(128);
for (const char of "-?:,[]{}#&*!|>'\"%@`") NOT_PLAIN_START[char.charCodeAt(0)] = 1;

/**
 * Keys are simple: a letter or `_`, then letters, digits, `_` and `-` (ASCII only). By character
 * code: 2 for a key's first character, 1 for the others.
 */
const KEY_CHARS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (/[A-Za-z_]/.test(char)) KEY_CHARS[code] = 2;
  else if (/[0-9-]/.test(char)) KEY_CHARS[code] = 1;
}

/** Plain scalars that CORE_SCHEMA resolves to null or to a boolean (node_modules/js-yaml/lib/type). */
const NULLS = new Set(["~", "null", "Null", "NULL"]);
const BOOLEANS = new Map([
  ["true", true],
  ["True", true],
  ["TRUE", true],
  ["false", false],
  ["False", false],
  ["FALSE", false],
]);

/**
 * Supersets of the plain scalars that CORE_SCHEMA resolves to an int (decimal, `0b`, `0o`, `0x`)
 * or a float (js-yaml's YAML_FLOAT_PATTERN, verbatim). Such scalars are left to js-yaml.
 */
const INT_LIKE = /^[-+]?(?:0[box][0-9a-fA-F]*|[0-9]+)$/;
const FLOAT_LIKE =
  /^(?:[-+]?(?:[0-9]+)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Keys that js-yaml turns into another string: `Null` → "null", `True` → "true" (String(value)). */
const RESOLVING_KEYS = new Set([...NULLS, ...BOOLEANS.keys()]);

/**
 * By character code, 1 for the first characters of NULLS and BOOLEANS, 2 for `_` (`__proto__`):
 * a cheap test before the set lookups, which most scalars and keys never need.
 */
const SPECIAL_START = new Uint8Array(128);
for (const char of "~nNtTfF") SPECIAL_START[char.charCodeAt(0)] = 1;
SPECIAL_START[0x5f] = 2;

const HEX_DIGITS = /^[0-9A-Fa-f]+$/;

/** js-yaml's one-character escapes in double-quoted scalars (simpleEscapeSequence). */
const ESCAPES = new Map([
  ["0", "\x00"],
  ["a", "\x07"],
  ["b", "\x08"],
  ["t", "\x09"],
  ["n", "\x0A"],
  ["v", "\x0B"],
  ["f", "\x0C"],
  ["r", "\x0D"],
  ["e", "\x1B"],
  [" ", " "],
  ['"', '"'],
  ["/", "/"],
  ["\\", "\\"],
  ["N", "\x85"],
  ["_", "\xA0"],
  ["L", "\u2028"],
  ["P", "\u2029"],
]);

/**
 * Reads the text front to back, one line at a time. The current line is the first one not yet
 * consumed; constructs end where a line is indented less than they are.
 */
class SubsetReader {
  /** Start of the current line, its end (the index of its '\n', or the text's length) and indent. */
  private start = 0;
  private end = 0;
  private indent = 0;
  /** True once past the last line. */
  private done = false;
  /**
   * The next `:` and `#` at or after the last place looked at (text.length when none). Plain
   * scalars come front to back, so each search resumes where the last one stopped: one pass.
   */
  private nextColon = -1;
  private nextHash = -1;

  constructor(private readonly text: string) {
    this.load(0);
  }

  /** Makes the line at `start` current. Trailing spaces and lines of only spaces are refused. */
  private load(start: number): void {
    const text = this.text;
    if (start > text.length) {
      this.done = true;
      return;
    }
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    let first = start;
    while (first < end && text.charCodeAt(first) === SPACE) first++;
    // They would matter in block scalars and quoted scalars; profiles have none.
    if (end > start && text.charCodeAt(end - 1) === SPACE) bail();
    this.start = start;
    this.end = end;
    this.indent = first - start;
  }

  private nextLine(): void {
    this.load(this.end + 1);
  }

  /** Skips empty lines and comment lines (outside block scalars, js-yaml skips them too). */
  private skipBlankLines(): void {
    while (
      !this.done &&
      (this.start === this.end || this.text.charCodeAt(this.start + this.indent) === HASH)
    ) {
      this.nextLine();
    }
  }

  read(): unknown {
    this.skipBlankLines();
    // An empty document, or one that is not a mapping at column 0, is left to js-yaml.
    if (this.done || this.indent !== 0) bail();
    const value = this.mapping(this.start, this.colonOfKey(this.start), 0);
    this.skipBlankLines();
    if (!this.done) bail();
    return value;
  }

  /** The index of the colon of a simple `key:` (then a space or the line end) at `at`, or -1. */
  private colonOfKey(at: number): number {
    const text = this.text;
    const end = this.end;
    if (KEY_CHARS[text.charCodeAt(at)] !== 2) return -1;
    let i = at + 1;
    while (i < end && (KEY_CHARS[text.charCodeAt(i)] as number) > 0) i++;
    if (i === end || text.charCodeAt(i) !== COLON) return -1;
    if (i + 1 < end && text.charCodeAt(i + 1) !== SPACE) return -1;
    return i;
  }

  private isSequenceEntry(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && at + 1 < this.end && this.text.charCodeAt(at + 1) === SPACE;
  }

  /**
   * A block mapping whose first key is at `at` on the current line (at its indentation, or after
   * `- `), its colon at `colon`. Its keys are all in that column; it ends at a line indented less.
   */
  private mapping(at: number, colon: number, depth: number): Record<string, unknown> {
    if (depth > FAST_YAML_MAX_DEPTH) bail();
    const column = at - this.start;
    const result: Record<string, unknown> = {};
    let entries = 0;
    let keyStart = at;
    let keyEnd = colon;
    for (;;) {
      if (keyEnd === -1) bail(); // not a key where one must be
      const key = this.text.slice(keyStart, keyEnd);
      // `__proto__` would set the prototype (js-yaml defines an own property); `Null`, `true`, ...
      // become other strings in js-yaml.
      if (
        key.length <= 9 &&
        SPECIAL_START[key.charCodeAt(0)] &&
        (key === "__proto__" || RESOLVING_KEYS.has(key))
      ) {
        bail();
      }
      result[key] = this.valueAfter(keyEnd + 1, column, depth);
      entries++;
      this.skipBlankLines();
      if (this.done || this.indent < column) break;
      if (this.indent > column) bail(); // a continuation line, or bad indentation
      keyStart = this.start + column;
      keyEnd = this.colonOfKey(keyStart);
    }
    // A repeated key (an error in js-yaml) overwrote an entry, leaving fewer keys than entries:
    // cheaper than a lookup per key.
    if (Object.keys(result).length !== entries) bail();
    return result;
  }

  /**
   * A block sequence of `- ` entries in the column of the current line's indentation; it ends at
   * a line indented less. An entry is a compact mapping (`- key: value`) or a one-line value.
   */
  private sequence(depth: number): unknown[] {
    if (depth > FAST_YAML_MAX_DEPTH) bail();
    const column = this.indent;
    const result: unknown[] = [];
    for (;;) {
      const dash = this.start + column;
      if (!this.isSequenceEntry(dash)) bail(); // `-` alone, or not an entry in the column
      let at = dash + 2;
      while (this.text.charCodeAt(at) === SPACE) at++; // no trailing spaces: `at` is on content
      const colon = this.colonOfKey(at);
      result.push(
        colon === -1 ? this.inlineValue(at, column, depth + 1) : this.mapping(at, colon, depth + 1),
      );
      this.skipBlankLines();
      if (this.done || this.indent < column) return result;
      if (this.indent > column) bail();
    }
  }

  /** The value after a mapping key whose colon ends just before `after`; `column` is the key's. */
  private valueAfter(after: number, column: number, depth: number): unknown {
    if (after === this.end) {
      this.nextLine();
      return this.nestedBlock(column, depth + 1);
    }
    let at = after;
    while (this.text.charCodeAt(at) === SPACE) at++;
    return this.inlineValue(at, column, depth + 1);
  }

  /** After `key:` and a line break: a more indented mapping or sequence, or else null. */
  private nestedBlock(parentColumn: number, depth: number): unknown {
    this.skipBlankLines();
    if (this.done || this.indent <= parentColumn) return null;
    const at = this.start + this.indent;
    if (this.isSequenceEntry(at)) return this.sequence(depth);
    return this.mapping(at, this.colonOfKey(at), depth);
  }

  /**
   * A value that starts at `at` on the current line and, except block scalars, ends there: `[]`,
   * `{}`, a quoted or plain scalar, or the header of a block scalar. `parentColumn` is the column
   * of the key or `-` it belongs to. Leaves the next line current.
   */
  private inlineValue(at: number, parentColumn: number, depth: number): unknown {
    if (depth > FAST_YAML_MAX_DEPTH) bail();
    const text = this.text;
    const end = this.end;
    const first = text.charCodeAt(at);
    let value: unknown;
    switch (first) {
      case 0x5b: // [
        if (end - at !== 2 || text.charCodeAt(at + 1) !== 0x5d) bail();
        value = [];
        break;
      case 0x7b: // {
        if (end - at !== 2 || text.charCodeAt(at + 1) !== 0x7d) bail();
        value = {};
        break;
      case SINGLE_QUOTE:
        value = this.singleQuoted(at);
        break;
      case DOUBLE_QUOTE:
        value = this.doubleQuoted(at);
        break;
      case 0x7c: // |
      case 0x3e: // >
        return this.blockScalar(at, parentColumn); // reads its own lines
      default:
        if (first < 128 && NOT_PLAIN_START[first] === 1) bail();
        value = this.plainScalar(at);
    }
    this.nextLine();
    return value;
  }

  /**
   * A one-line plain scalar, resolved as CORE_SCHEMA does. Scalars that a comment, a `: ` or a
   * trailing `:` would cut, and numbers, are left to js-yaml.
   */
  private plainScalar(at: number): unknown {
    const text = this.text;
    const end = this.end;
    // `: ` or a final `:` ends the scalar (an error here in js-yaml); ` #` starts a comment.
    let colon = this.nextColon < at ? this.find(":", at) : this.nextColon;
    while (colon < end) {
      if (colon + 1 === end || text.charCodeAt(colon + 1) === SPACE) bail();
      colon = this.find(":", colon + 1);
    }
    this.nextColon = colon;
    let hash = this.nextHash < at ? this.find("#", at) : this.nextHash;
    while (hash < end) {
      if (text.charCodeAt(hash - 1) === SPACE) bail();
      hash = this.find("#", hash + 1);
    }
    this.nextHash = hash;
    const value = text.slice(at, end);
    const first = text.charCodeAt(at);
    if (value.length <= 5 && SPECIAL_START[first] === 1) {
      if (NULLS.has(value)) return null;
      const boolean = BOOLEANS.get(value);
      if (boolean !== undefined) return boolean;
    }
    const mayBeNumber = (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2e; // digit + .
    if (mayBeNumber && (INT_LIKE.test(value) || FLOAT_LIKE.test(value))) bail();
    return value;
  }

  /** The index of the next `char` from `from`, or the text's length when there is none. */
  private find(char: string, from: number): number {
    const found = this.text.indexOf(char, from);
    return found === -1 ? this.text.length : found;
  }

  /** `'...'` on one line, with `''` for a quote, and nothing after it. */
  private singleQuoted(at: number): string {
    const text = this.text;
    const end = this.end;
    let value = "";
    let from = at + 1;
    for (;;) {
      const quote = text.indexOf("'", from);
      if (quote === -1 || quote >= end) bail(); // runs onto the next line: folding rules
      if (quote + 1 < end && text.charCodeAt(quote + 1) === SINGLE_QUOTE) {
        value += text.slice(from, quote + 1);
        from = quote + 2;
        continue;
      }
      if (quote + 1 !== end) bail(); // something after the closing quote
      return value + text.slice(from, quote);
    }
  }

  /** `"..."` on one line, with js-yaml's escapes (but `\U`), and nothing after it. */
  private doubleQuoted(at: number): string {
    const text = this.text;
    const end = this.end;
    let value = "";
    let from = at + 1;
    for (let i = from; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === DOUBLE_QUOTE) {
        if (i + 1 !== end) bail(); // something after the closing quote
        return value + text.slice(from, i);
      }
      if (code !== BACKSLASH) continue;
      value += text.slice(from, i);
      const escaped = text.charAt(i + 1);
      const simple = ESCAPES.get(escaped);
      if (simple !== undefined) {
        value += simple;
        i += 1;
      } else if (escaped === "x" || escaped === "u") {
        // js-yaml reads exactly 2 or 4 hex digits; \u gives one UTF-16 unit, as fromCharCode.
        const digits = escaped === "x" ? 2 : 4;
        const hex = text.slice(i + 2, i + 2 + digits);
        if (i + 2 + digits > end || !HEX_DIGITS.test(hex)) bail();
        value += String.fromCharCode(Number.parseInt(hex, 16));
        i += 1 + digits;
      } else {
        bail(); // \U, an escaped line break, or an unknown escape (a js-yaml error)
      }
      from = i + 1;
    }
    return bail(); // no closing quote on this line
  }

  /**
   * `>`, `>-`, `|` or `|-` at `at`, and the lines under it, indented more than `parentColumn`.
   * The first content line sets the indentation; a less indented non-empty line (a comment line
   * too) ends the scalar. More-indented lines of a folded scalar, keep chomping (`+`),
   * indentation indicators and comments after the header bail.
   */
  private blockScalar(at: number, parentColumn: number): string {
    const text = this.text;
    const folded = text.charCodeAt(at) === 0x3e;
    let strip = false;
    if (at + 2 === this.end && text.charCodeAt(at + 1) === DASH) strip = true;
    else if (at + 1 !== this.end) bail();

    let value = "";
    let textIndent = -1;
    let emptyLines = 0;
    let hasContent = false;
    for (this.nextLine(); !this.done; this.nextLine()) {
      if (this.start === this.end) {
        emptyLines++;
        continue;
      }
      if (textIndent === -1) {
        if (this.indent <= parentColumn) break;
        textIndent = this.indent;
      } else if (this.indent < textIndent) {
        break;
      } else if (folded && this.indent > textIndent) {
        bail(); // a more-indented line keeps its line breaks in a folded scalar
      }
      // As js-yaml's readBlockScalar: line breaks before the first line are kept; a folded
      // scalar joins lines with a space, or keeps the breaks of empty lines between them.
      if (!hasContent) value += "\n".repeat(emptyLines);
      else if (!folded) value += "\n".repeat(emptyLines + 1);
      else value += emptyLines === 0 ? " " : "\n".repeat(emptyLines);
      value += text.slice(this.start + textIndent, this.end);
      hasContent = true;
      emptyLines = 0;
    }
    return hasContent && !strip ? `${value}\n` : value;
  }
}

/**
 * Parses `text` if it is in the plain subset of YAML that profiles use, giving exactly what
 * js-yaml 4 gives with CORE_SCHEMA; returns undefined for anything else (then use js-yaml).
 */
export function parseYamlSubset(text: string): FastYamlResult {
  if (text.length > FAST_YAML_MAX_LENGTH || REFUSED_CHAR.test(text) || !text.isWellFormed()) return undefined;
  try {
    return { value: new SubsetReader(text).read() };
  } catch (error) {
    if (error === NOT_SURE) return undefined;
    throw error;
  }
}
