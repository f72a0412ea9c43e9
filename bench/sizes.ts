// Gzipped JavaScript each page loads up front: the scripts and modulepreloads named in
// dist/<page>/index.html, plus every chunk those import statically (followed through
// the chunks' own `import … from "./x.js"` statements). Dynamic `import()` chunks load
// later and are listed separately, not counted.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const PAGES = ['kiosk', 'display', 'clerk', 'supervisor', 'status'] as const;

export interface PageSize {
  page: string;
  missing?: string;
  files: { file: string; bytes: number; gzip: number }[];
  jsBytes: number;
  jsGzip: number;
  cssGzip: number;
  lazy: string[];
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** Static import / re-export specifiers of a built chunk (relative ones only). */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  const patterns = [
    /\bimport\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g, // import x from "./a.js", import "./a.js"
    /\bexport\s*(?:\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*["'](\.{1,2}\/[^"']+)["']/g, // export … from "./a.js"
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.add(m[1]!);
  return [...out];
}

export function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => m[1]!);
}

/** Turns an HTML src/href into a file under distDir. */
function resolveAsset(distDir: string, htmlDir: string, ref: string): string {
  const clean = ref.split(/[?#]/)[0]!;
  return clean.startsWith('/') ? path.join(distDir, clean) : path.resolve(htmlDir, clean);
}

export function pageSize(distDir: string, page: string): PageSize {
  const html = path.join(distDir, page, 'index.html');
  const result: PageSize = { page, files: [], jsBytes: 0, jsGzip: 0, cssGzip: 0, lazy: [] };
  if (!existsSync(html)) return { ...result, missing: `${path.relative(process.cwd(), html)} not found (page not built yet?)` };
  const text = readFileSync(html, 'utf8');
  const entries: string[] = [];
  for (const m of text.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/g)) entries.push(m[1]!);
  for (const m of text.matchAll(/<link\b[^>]*\brel=["']modulepreload["'][^>]*>/g)) {
    const href = /\bhref=["']([^"']+)["']/.exec(m[0]);
    if (href) entries.push(href[1]!);
  }
  for (const m of text.matchAll(/<link\b[^>]*\brel=["']stylesheet["'][^>]*>/g)) {
    const href = /\bhref=["']([^"']+)["']/.exec(m[0]);
    const file = href && resolveAsset(distDir, path.dirname(html), href[1]!);
    if (file && existsSync(file)) result.cssGzip += gz(readFileSync(file));
  }
  // Inline module scripts count too.
  for (const m of text.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[1]!.trim()) {
      const buf = Buffer.from(m[1]!);
      result.files.push({ file: `${page}/index.html (inline script)`, bytes: buf.length, gzip: gz(buf) });
    }
  }

  const seen = new Set<string>();
  const lazy = new Set<string>();
  const queue = entries.filter((e) => !/^(https?:)?\/\//.test(e)).map((e) => resolveAsset(distDir, path.dirname(html), e));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) {
      result.files.push({ file: `${path.relative(distDir, file)} (MISSING)`, bytes: 0, gzip: 0 });
      continue;
    }
    const buf = readFileSync(file);
    result.files.push({ file: path.relative(distDir, file), bytes: buf.length, gzip: gz(buf) });
    const code = buf.toString('utf8');
    for (const spec of staticImports(code)) queue.push(path.resolve(path.dirname(file), spec));
    for (const spec of dynamicImports(code)) lazy.add(path.relative(distDir, path.resolve(path.dirname(file), spec)));
  }
  result.lazy = [...lazy].filter((f) => !seen.has(path.join(distDir, f)));
  result.jsBytes = result.files.reduce((a, f) => a + f.bytes, 0);
  result.jsGzip = result.files.reduce((a, f) => a + f.gzip, 0);
  return result;
}

export function pageSizes(distDir: string): PageSize[] {
  return PAGES.map((p) => pageSize(distDir, p));
}
