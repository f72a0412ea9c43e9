// axe-core's `label-content-name-mismatch`, for pages tested without axe-core (not a
// dependency yet): a control named from its content (button, link, tab, …) that is
// given another name by aria-label or aria-labelledby must keep its visible words in
// that name, so a person using speech input can say what they see to press it.
import type { Page } from '@playwright/test';

/** Controls whose accessible name leaves out their visible text, one line each; [] when none. */
export function labelContentMismatches(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const fromContent = ['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'treeitem', 'cell', 'gridcell', 'columnheader', 'rowheader', 'heading', 'tooltip'];
    const implicit: Record<string, string> = { BUTTON: 'button', A: 'link', SUMMARY: 'button', H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading', TD: 'cell', TH: 'columnheader', OPTION: 'option' };
    const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
    const problems: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[aria-label], [aria-labelledby]')) {
      const role = el.getAttribute('role')?.split(/\s+/)[0] ?? implicit[el.tagName] ?? '';
      if (!fromContent.includes(role)) continue;
      const byIds = el.getAttribute('aria-labelledby');
      const name = byIds
        ? byIds
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : (el.getAttribute('aria-label') ?? '');
      const visible = norm(el.innerText);
      if (visible && !norm(name).includes(visible)) problems.push(`<${el.tagName.toLowerCase()} role=${role}> named "${name}" but shows "${el.innerText.replace(/\s+/g, ' ').trim()}"`);
    }
    return problems;
  });
}
