/**
 * JSON output for scripts. JSON.stringify already escapes C0 control characters (ESC becomes
 * \u001b); DEL, C1 controls and bidi overrides are escaped here too, so the text is kept exactly
 * but never acts on a terminal that displays the JSON.
 */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  )}\n`;
}
