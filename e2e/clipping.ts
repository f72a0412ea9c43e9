// Finds text a person cannot read whole on the current screen: cut off by its own box
// (overflow, ellipsis, line clamp), spilling out of the tile, card or button it sits in,
// hidden by a clipping or scrolling ancestor, or off the viewport. Used by the kiosk's
// and the wall screen's layout tests; self-contained (only @playwright/test).
//
//   await expectNothingClipped(page);                 // the whole page
//   await expectNothingClipped(page, '.tiles');       // every element matching, and inside
//   await expectNothingClipped(page, page.getByRole('main'), { ignore: '.marquee' });
//   const problems = await findClipped(page);         // the list, without asserting
//
// What is measured, for every visible element that directly holds text:
// - its scrollWidth/scrollHeight against its clientWidth/clientHeight (text that does not
//   fit its own box, whether the box hides it, ellipsises it or lets it spill; vertically
//   from half a line, since a font's ascent and descent overhang tight line heights);
// - the middle of each line of its text: what is drawn there must be the element (not a
//   footer or a banner laid over it; a modal dialog is over the page on purpose);
// - the boxes of its text (a Range over each text node) against the viewport, against
//   every ancestor that clips (overflow other than visible: hidden, clip, auto, scroll —
//   text scrolled out of a list counts as hidden), against its own block box, and against
//   every ancestor that looks like a container (a background, a border or a button).
// Text boxes are measured horizontally as laid out, vertically as the em box around the
// line's middle (a font's ascent and descent reach past tight line heights without the
// glyphs being cut).
import { expect, type Locator, type Page } from '@playwright/test';

export interface ClipOptions {
  /** Pixels a box may exceed another by before it counts (sub-pixel rounding). Default 1. */
  tolerance?: number;
  /** A CSS selector: text inside matching elements is not checked (e.g. a marquee). */
  ignore?: string;
}

interface Args {
  tolerance: number;
  ignore: string | null;
}

/** Every clipped or off-screen text under the root(s), one line each; [] when all is readable. */
export async function findClipped(page: Page, root?: string | Locator, options: ClipOptions = {}): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const roots = root === undefined ? page.locator('body') : typeof root === 'string' ? page.locator(root) : root;
  const args: Args = { tolerance: options.tolerance ?? 1, ignore: options.ignore ?? null };
  return roots.evaluateAll(inBrowser, args);
}

/** Asserts that nothing is clipped (the message lists what is); returns the (empty) list. */
export async function expectNothingClipped(page: Page, root?: string | Locator, options: ClipOptions = {}): Promise<string[]> {
  const problems = await findClipped(page, root, options);
  expect(problems, `clipped or off-screen text on ${page.url()}:\n${problems.join('\n')}`).toEqual([]);
  return problems;
}

// Runs in the page: no closures over Node values, nothing imported.
function inBrowser(roots: Element[], { tolerance, ignore }: Args): string[] {
  type Box = { left: number; top: number; right: number; bottom: number };
  const problems: string[] = [];
  const seen = new Set<Element>();

  const describe = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      const cls = [...e.classList].slice(0, 2).map((c) => `.${c}`).join('');
      parts.unshift(`${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}`);
    }
    return parts.join(' > ');
  };
  const quote = (t: string) => `"${t.length > 24 ? `${t.slice(0, 23)}…` : t}"`;
  const px = (n: number) => `${Math.round(n)}px`;
  const outside = (inner: Box, outer: Box): string | null => {
    const sides: string[] = [];
    if (inner.left < outer.left - tolerance) sides.push(`left ${px(outer.left - inner.left)}`);
    if (inner.right > outer.right + tolerance) sides.push(`right ${px(inner.right - outer.right)}`);
    if (inner.top < outer.top - tolerance) sides.push(`top ${px(outer.top - inner.top)}`);
    if (inner.bottom > outer.bottom + tolerance) sides.push(`bottom ${px(inner.bottom - outer.bottom)}`);
    return sides.length ? sides.join(', ') : null;
  };
  /** The padding box: what an overflow clip keeps (borders and scrollbars excluded). */
  const paddingBox = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    const left = r.left + el.clientLeft;
    const top = r.top + el.clientTop;
    return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
  };
  const hidden = (el: Element): boolean => {
    if (el.closest('script, style, template, noscript, title, svg, .sr-only')) return true;
    if (ignore && el.closest(ignore)) return true;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
    const cs = getComputedStyle(el);
    return cs.clip !== 'auto' && cs.position === 'absolute' && el.getBoundingClientRect().width <= 1;
  };
  const clips = (cs: CSSStyleDeclaration) => cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
  const looksLikeContainer = (el: Element, cs: CSSStyleDeclaration): boolean => {
    if (el.tagName === 'BUTTON') return true;
    const bg = cs.backgroundColor.match(/[\d.]+/g)?.map(Number) ?? [];
    const opaque = bg.length >= 3 && (bg.length < 4 || (bg[3] ?? 0) > 0);
    const bordered = ['Top', 'Right', 'Bottom', 'Left'].some(
      (s) => parseFloat(cs.getPropertyValue(`border-${s.toLowerCase()}-width`)) > 0 && cs.getPropertyValue(`border-${s.toLowerCase()}-style`) !== 'none',
    );
    return opaque || bordered || cs.backgroundImage !== 'none';
  };

  const check = (el: Element) => {
    if (seen.has(el)) return;
    seen.add(el);
    const texts = [...el.childNodes].filter((n): n is Text => n.nodeType === Node.TEXT_NODE && !!n.textContent?.trim());
    if (!texts.length || hidden(el)) return;
    const label = `${quote(texts.map((t) => t.textContent!.trim()).join(' '))} (${describe(el)})`;
    const cs = getComputedStyle(el);

    // Its own box: text that does not fit (an inline box has no client size to compare).
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + tolerance) problems.push(`${label}: ${px(el.scrollWidth - el.clientWidth)} wider than its box`);
    // Vertically a font's ascent and descent reach past a tight line height and count in
    // scrollHeight without any glyph being cut: only half a line or more is a cut line
    // (smaller cuts are found below, from where the text is drawn).
    const size = parseFloat(cs.fontSize);
    if (el.clientHeight > 0 && el.scrollHeight > el.clientHeight + Math.max(tolerance, size / 2)) problems.push(`${label}: ${px(el.scrollHeight - el.clientHeight)} taller than its box`);

    // Where its text is drawn, line by line.
    const lines: Box[] = [];
    for (const t of texts) {
      const range = document.createRange();
      range.selectNodeContents(t);
      for (const r of range.getClientRects()) {
        if (!r.width) continue;
        const mid = (r.top + r.bottom) / 2;
        const half = Math.min(r.height, size) / 2;
        lines.push({ left: r.left, right: r.right, top: mid - half, bottom: mid + half });
      }
    }
    if (!lines.length) return;
    const text: Box = {
      left: Math.min(...lines.map((l) => l.left)),
      top: Math.min(...lines.map((l) => l.top)),
      right: Math.max(...lines.map((l) => l.right)),
      bottom: Math.max(...lines.map((l) => l.bottom)),
    };
    const viewport: Box = { left: 0, top: 0, right: document.documentElement.clientWidth, bottom: document.documentElement.clientHeight };
    const off = outside(text, viewport);
    if (off) problems.push(`${label}: off the screen (${off})`);

    // Drawn over by something else (a footer over the last row of tiles): the middle of
    // each line must show this element or what is inside it. A modal dialog covering
    // the page on purpose does not count.
    for (const l of lines) {
      const x = (l.left + l.right) / 2;
      const y = (l.top + l.bottom) / 2;
      if (x < 0 || y < 0 || x >= viewport.right || y >= viewport.bottom) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || el.contains(hit) || hit.contains(el) || hit.closest('[aria-modal="true"], dialog[open]')) continue;
      // Hit through a neighbour's glyphs reaching past its tight line height, not its box.
      const hb = hit.getBoundingClientRect();
      if (x < hb.left || x > hb.right || y < hb.top || y > hb.bottom) continue;
      problems.push(`${label}: covered by ${describe(hit)}`);
      break;
    }

    const inline = cs.display.startsWith('inline') && cs.display !== 'inline-block' && cs.display !== 'inline-flex' && cs.display !== 'inline-grid';
    if (!inline && el.clientWidth > 0) {
      // A box that clips cuts at its padding; one that does not only spills past its border.
      const r = el.getBoundingClientRect();
      const own = outside(text, clips(cs) ? paddingBox(el) : { left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      if (own) problems.push(`${label}: spills out of its own box (${own})`);
    }
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      const acs = getComputedStyle(a);
      if (acs.display === 'contents') continue;
      if (clips(acs)) {
        const cut = outside(text, paddingBox(a));
        if (cut) problems.push(`${label}: cut off by ${describe(a)} (${cut})`);
      } else if (looksLikeContainer(a, acs)) {
        const r = a.getBoundingClientRect();
        const out = outside(text, { left: r.left, top: r.top, right: r.right, bottom: r.bottom });
        if (out) problems.push(`${label}: sticks out of ${describe(a)} (${out})`);
      }
      if (acs.position === 'fixed') break; // a fixed layer is placed against the viewport, checked above
    }
  };

  for (const root of roots) {
    if (!(root instanceof Element)) continue;
    check(root);
    for (const el of root.querySelectorAll('*')) check(el);
  }
  return problems;
}
