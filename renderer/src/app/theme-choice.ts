// Light or dark: as the system says (the default), or as chosen in the preferences. The choice is
// kept in the window's storage for every network; the page follows it through `data-theme` on the
// root element (styles.css), the graph through `onDarkChange`.
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'atlas-theme';
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set<(dark: boolean) => void>();

function stored(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

let choice: ThemeChoice = stored();

export const themeChoice = (): ThemeChoice => choice;

export function isDark(): boolean {
  return choice === 'dark' || (choice === 'system' && systemDark.matches);
}

function apply(): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  const dark = isDark();
  for (const fn of listeners) fn(dark);
}

export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, next);
  } catch {
    // Not kept: it holds until the window closes.
  }
  apply();
}

/** Calls `fn` whenever the graph should switch between light and dark; returns what stops it. */
export function onDarkChange(fn: (dark: boolean) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

systemDark.addEventListener('change', () => {
  if (choice === 'system') apply();
});
apply();
