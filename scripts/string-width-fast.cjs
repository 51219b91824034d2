// Bundled in place of `string-width` for cli-table3 (see build.mjs): cli-table3 measures every
// cell line, and string-width runs a very large emoji pattern on each. Text of printable Latin,
// Greek and Cyrillic letters without combining marks or escapes is one column per character;
// anything else goes to the real string-width, loaded on first need.
let stringWidth;

const NARROW_ONLY = /^[\u0020-\u007e\u00a0-\u02ff\u0370-\u03ff\u0400-\u04ff\u2010-\u2027\u2030-\u205e]*$/;

const NARROW_LINES = /^[\n\u0020-\u007e\u00a0-\u02ff\u0370-\u03ff\u0400-\u04ff\u2010-\u2027\u2030-\u205e]*$/;

module.exports = (text) => {
  if (typeof text === "string" && NARROW_ONLY.test(text)) return text.length;
  // string-width gives control characters no width: newlines count for nothing.
  if (typeof text === "string" && NARROW_LINES.test(text)) return text.length - text.split("\n").length + 1;
  stringWidth ??= require("string-width");
  return stringWidth(text);
};
