// The commands the app's menu (electron/main/menu.ts) sends to the window, on one channel that is
// not a contract call: main sends, the window only listens, and anything else on it is ignored.
export const MENU_CHANNEL = 'atlas:menu';
const MENU_COMMANDS = ['undo', 'redo'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
