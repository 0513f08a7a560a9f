// Preferences: for now the theme (the system's, light or dark), in a small panel under the top bar's
// button; it closes on Escape or a click elsewhere.
import { useEffect, useRef, useState } from 'react';
import { setThemeChoice, themeChoice, type ThemeChoice } from './theme-choice';

const THEMES: [ThemeChoice, string][] = [
  ['system', 'Same as the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

export function Preferences() {
  const [open, setOpen] = useState(false);
  const [theme, setTheme] = useState(themeChoice);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="prefs" ref={box}>
      <button className="tool" aria-expanded={open} onClick={() => setOpen(!open)} title="Preferences">
        Preferences
      </button>
      {open && (
        <fieldset className="prefs-body" data-testid="preferences">
          <legend>Theme</legend>
          {THEMES.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name="theme"
                checked={theme === value}
                onChange={() => {
                  setTheme(value);
                  setThemeChoice(value);
                }}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
