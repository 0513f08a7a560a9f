// The Chromium every test and benchmark drives: Debian's (Playwright cannot download its own here),
// with the flags of a quiet, offline browser. Every new window of headless Chromium otherwise
// starts its own renderer for the omnibox popup (browser UI the app never has: Electron has no
// address bar), and on two cores that renderer took about as much CPU as the page while it opened.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
