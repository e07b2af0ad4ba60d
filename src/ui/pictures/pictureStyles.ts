/**
 * The page's CSS that a picture needs, as text for a standalone SVG: the rules that match its
 * elements, and the colour variables of the chosen scheme set on the picture's root (no media
 * query, no external font: the family falls back to fonts every system has).
 */
export type Scheme = 'light' | 'dark';

export const PICTURE_FONT = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";
const DARK = /prefers-color-scheme:\s*dark/;

function rulesOf(sheet: CSSStyleSheet): CSSRuleList | null {
  try {
    return sheet.cssRules;
  } catch {
    return null;
  }
}

function matchesAny(selector: string, elements: readonly Element[]): boolean {
  try {
    return elements.some((el) => el.matches(selector));
  } catch {
    return false;
  }
}

/** The `<style>` text for a picture of `elements` (and their descendants) in `scheme`. */
export function pictureCss(elements: readonly Element[], scheme: Scheme, root: string): string {
  const all = elements.flatMap((el) => [el, ...Array.from(el.querySelectorAll('*'))]);
  const vars = { light: new Map<string, string>(), dark: new Map<string, string>() };
  const rules: string[] = [];
  const visit = (list: CSSRuleList, dark: boolean) => {
    for (const r of Array.from(list)) {
      if (r instanceof CSSMediaRule) {
        if (DARK.test(r.conditionText)) visit(r.cssRules, true);
        continue;
      }
      if (r instanceof CSSImportRule) {
        const inner = r.styleSheet && rulesOf(r.styleSheet);
        if (inner) visit(inner, dark);
        continue;
      }
      if (!(r instanceof CSSStyleRule)) continue;
      if (r.selectorText === ':root') {
        for (const prop of Array.from(r.style)) {
          if (prop.startsWith('--'))
            vars[dark ? 'dark' : 'light'].set(prop, r.style.getPropertyValue(prop).trim());
        }
        continue;
      }
      if (!dark && matchesAny(r.selectorText, all)) rules.push(r.cssText);
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    const list = rulesOf(sheet);
    if (list) visit(list, false);
  }
  const chosen = new Map(vars.light);
  if (scheme === 'dark') for (const [k, v] of vars.dark) chosen.set(k, v);
  const decls = [...chosen].map(([k, v]) => `${k}: ${v};`).join(' ');
  return `${root} { ${decls} font-family: ${PICTURE_FONT}; color: var(--text); }\n${rules.join('\n')}`;
}
