// Ids for new businesses and windows: they end up in URLs (/api/settings/services/:id)
// and in every ticket, so they are short latin slugs the API accepts. Pure.

/** What the API accepts as an id. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** "Tax Office" → "tax-office"; Chinese alone gives "" (the caller then offers nextId). */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/** `base-n` with the smallest n ≥ 1 not taken: biz-1, biz-2, … */
export function nextId(taken: readonly string[], base: string): string {
  for (let n = 1; ; n++) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** Windows are numbered (1, 2, …, named 1号窗口…): the number after the highest. */
export function nextCounterId(taken: readonly string[]): string {
  const numbers = taken.filter((id) => /^\d+$/.test(id)).map(Number);
  let n = numbers.length ? Math.max(...numbers) + 1 : 1;
  while (taken.includes(String(n))) n++;
  return String(n);
}

/** Why `id` cannot be used for a new record, or null. */
export function idProblem(id: string, taken: readonly string[]): string | null {
  if (!ID_PATTERN.test(id)) return '编号只能用字母、数字、_ 和 -，不超过 40 位';
  if (taken.includes(id)) return `编号 ${id} 已被使用`;
  return null;
}
