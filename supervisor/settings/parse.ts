// Turning what was typed into values the API accepts. The server has the last word on
// the rules (duplicate prefixes, windows without businesses…); these only catch what
// could not even be sent, and name the field in words, where the API's own range
// errors would name a JSON path. Pure.

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** A whole number typed into a field, within the API's range for it. */
export function intField(text: string, label: string, min: number, max: number): Parsed<number> {
  const t = text.trim();
  const n = Number(t);
  if (!/^\d+$/.test(t) || n < min || n > max) return fail(`${label}要填 ${min} 到 ${max} 之间的整数`);
  return ok(n);
}

/** A number with decimals allowed (average minutes), within the API's range. */
export function numberField(text: string, label: string, min: number, max: number): Parsed<number> {
  const t = text.trim();
  const n = Number(t);
  if (!/^\d+(\.\d+)?$/.test(t) || n < min || n > max) return fail(`${label}要填 ${min} 到 ${max} 之间的数`);
  return ok(n);
}

/** Trimmed, without blanks or repeats, in the order given: for tag lists and materials. */
export function cleanList(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of items) {
    const s = raw.trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

type Values<T> = { [K in keyof T]: T[K] extends Parsed<infer V> ? V : never };

/** Every field's value, or the first field's error (in the order written). */
export function allOk<T extends Record<string, Parsed<unknown>>>(fields: T): Parsed<Values<T>> {
  const out: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(fields)) {
    if (!p.ok) return p;
    out[k] = p.value;
  }
  return ok(out as Values<T>);
}
