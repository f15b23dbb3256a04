import type { Page } from 'playwright-core';

/**
 * Accessibility checks run in the page: text contrast (WCAG AA: 4.5:1, 3:1 for large text),
 * buttons without an accessible name, and touch targets smaller than a minimum height.
 */
export async function accessibilityProblems(page: Page, minTarget: number | null): Promise<string[]> {
  return page.evaluate((min) => {
    const problems: string[] = [];
    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p.length > 3 ? p[3]! : 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0.5) return bg;
      }
      return [255, 255, 255, 1];
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0.1;
    };
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      if (!visible(el) || el.closest('button:disabled') || el.closest('.visually-hidden')) continue;
      const text = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
      if (!text) continue;
      const s = getComputedStyle(el);
      const fg = parse(s.color);
      const bg = background(el);
      const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(s.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)} for "${text.slice(0, 40)}" (${s.color} on rgb(${bg.slice(0, 3).join(',')}))`);
    }
    for (const b of Array.from(document.querySelectorAll('button, [role=button], a[href]'))) {
      if (!visible(b)) continue;
      const name = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();
      if (!name) problems.push(`unnamed control: ${b.outerHTML.slice(0, 80)}`);
      if (min !== null && b.getBoundingClientRect().height < min) problems.push(`touch target ${Math.round(b.getBoundingClientRect().height)} px < ${min} px: "${name.slice(0, 40)}"`);
    }
    return problems;
  }, minTarget);
}
