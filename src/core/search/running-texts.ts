import { textForm } from "./search-forms.js";

/**
 * The distinct running texts of the roles (responsibility texts, skill notes), found by words and
 * ranked after every name, as columns: text i, text(i), has the textForm() in the UTF-8 bytes
 * forms[formStarts[i] .. formStarts[i + 1]) (each followed by a line break), of the concept
 * concepts[i] (a ConceptEntry index), in the field TEXT_FIELDS[fields[i]]. Bytes, not strings: a
 * search scans the forms for a term's bytes and reads only the texts it reports.
 */
export interface RunningTexts {
  count: number;
  concepts: Int32Array;
  fields: Int32Array;
  text(i: number): string;
  forms: Buffer;
  formStarts: Int32Array;
}

export const TEXT_FIELDS = ["responsibility_text", "skill_note"] as const;

/** The columns of the distinct texts, each [concept index, field, text], in order. */
export function runningTexts(texts: [number, number, string][]): RunningTexts {
  const forms = lineBytes(texts.map(([, , text]) => textForm(text)));
  return {
    count: texts.length,
    concepts: Int32Array.from(texts, ([concept]) => concept),
    fields: Int32Array.from(texts, ([, field]) => field),
    text: (i) => texts[i]?.[2] ?? "",
    forms: forms.bytes,
    formStarts: forms.starts,
  };
}

/** Each item as UTF-8 with a line break after it, all in one buffer, and where each one starts. */
export function lineBytes(items: string[]): { bytes: Buffer; starts: Int32Array } {
  const parts = items.map((item) => Buffer.from(`${item}\n`));
  const starts = new Int32Array(parts.length + 1);
  parts.forEach((part, i) => {
    starts[i + 1] = (starts[i] as number) + part.length;
  });
  return { bytes: Buffer.concat(parts), starts };
}
