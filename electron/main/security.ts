// Electron's security checklist, applied in one place: no permissions, no navigation, no new
// windows, no webviews, and no request to anything but the app's own protocol. The app is offline
// by design, so a request elsewhere is a bug or an attack either way.
import type { App, Session, WebContents } from 'electron';

export const APP_SCHEME = 'atlas';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export function isAppUrl(url: string | undefined | null): boolean {
  return typeof url === 'string' && (url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`));
}

export function secureSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isAppUrl(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
}

function secureContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function secureApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => secureContents(contents));
}

/** The BrowserWindow preferences: the checklist's items that live on the window. */
export function securePreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}
