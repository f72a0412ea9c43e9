// Pages show the hall; they do not run its rules. Everything a page imports at load
// (static imports, followed through every module) must stay clear of the rules and
// the lunar calendar (tyme4ts, ~70 kB gzipped), or every villager's phone downloads
// them. Lazily loaded tabs (dynamic import()) may carry more; they are not followed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const PAGES = ['kiosk', 'display', 'clerk', 'supervisor', 'status', 'pad'];
/** Modules a page must never load up front. */
const FORBIDDEN = [/^shared\/core\/(commands|facts|hours|estimate|settings|ratings|appeals|dispatch|cancel)\.ts$/, /^node_modules\/tyme4ts\//];

/** Static value imports of a module (type-only imports and dynamic import() left out). */
function staticImports(file: string): string[] {
  const code = readFileSync(path.join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of code.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  return out;
}

function resolve(from: string, spec: string): string | null {
  if (spec.startsWith('.')) return path.relative(ROOT, path.resolve(ROOT, path.dirname(from), spec));
  if (spec === 'tyme4ts') return 'node_modules/tyme4ts/';
  return null; // other packages: preact, socket.io-client … are the pages' own
}

/** Every module a page loads up front, with the chain that brought each in. */
function reach(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[entry, [entry]]]);
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (!/\.(ts|tsx)$/.test(f)) continue;
    for (const spec of staticImports(f)) {
      const to = resolve(f, spec);
      if (!to || seen.has(to)) continue;
      seen.set(to, [...seen.get(f)!, to]);
      if (!to.endsWith('.css')) todo.push(to);
    }
  }
  return seen;
}

describe('pages load no rules', () => {
  for (const page of PAGES) {
    it(page, () => {
      const bad = [...reach(`${page}/main.tsx`)].filter(([f]) => FORBIDDEN.some((r) => r.test(f))).map(([, chain]) => chain.join(' → '));
      expect(bad).toEqual([]);
    });
  }
});
