/**
 * Profile text comes from anyone. Before it reaches a terminal, every control character
 * (C0, DEL, C1 — which is what ESC/CSI/OSC/BEL/backspace/CR sequences are made of) becomes a
 * visible Unicode control picture, and bidirectional overrides become a visible <U+XXXX> tag,
 * so text can never move the cursor, recolour, retitle or reorder the terminal.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}

function bidiTag(char: string): string {
  return `<U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`;
}

/** Neutralises control and bidi characters; keeps newlines and tabs. */
export function neutralize(text: string): string {
  return text.replace(CONTROL_CHARACTERS, picture).replace(BIDI_CONTROLS, bidiTag);
}

/** Neutralised text on one line: newlines and tabs become spaces. */
export function neutralizeInline(text: string): string {
  return neutralize(text).replace(/[\n\t]+/g, " ");
}
