// One typed client for the contract, over whichever transport the page has: the preload's bridge
// in Electron, or HTTP with the session token in the browser mode. The UI never knows which.
import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import type { AtlasErrorShape, CallResult } from '../../../shared/errors';
import type { MenuCommand } from '../../../shared/menu';
import { decodeSlice, isSliceWire } from '../../../shared/slice-wire';
import { startWork } from './busy';

type Transport = (name: string, input: unknown) => Promise<CallResult<unknown>>;

interface Bridge {
  invoke(name: string, input: unknown): Promise<CallResult<unknown>>;
  /** Electron only: the app menu's commands (shared/menu.ts). */
  onMenu?(listener: (command: MenuCommand) => void): void;
}
declare global {
  interface Window {
    atlas?: Bridge;
  }
}

export class ApiError extends Error implements AtlasErrorShape {
  readonly code: AtlasErrorShape['code'];
  readonly field?: string;
  constructor(shape: AtlasErrorShape) {
    super(shape.message);
    this.code = shape.code;
    if (shape.field) this.field = shape.field;
  }
}

/** What a failed call says to the analyst, whatever was thrown. */
export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

const TOKEN_KEY = 'atlas-token';

/** The browser mode's token arrives in the URL fragment (never sent to a server) and is then kept for the tab. */
function browserToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (!match) return sessionStorage.getItem(TOKEN_KEY);
  // Kept for a reload, and taken out of the address, after the open's first task: the tab's first
  // use of its storage and the address's change each wait on the browser process (10–20 ms
  // measured; issue 17).
  setTimeout(() => {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  });
  return match[1]!;
}

function httpTransport(token: string | null): Transport {
  return async (name, input) => {
    try {
      const res = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as CallResult<unknown>;
    } catch (err) {
      return { ok: false, error: { code: 'internal', message: `The engine cannot be reached: ${(err as Error).message}` } };
    }
  };
}

const transport: Transport = window.atlas ? (name, input) => window.atlas!.invoke(name, input) : httpTransport(browserToken());

const WORK_LABELS: Partial<Record<CallName, string>> = {
  'graph.slice': 'Drawing the network',
  'graph.ego': 'Finding the ego network',
  'graph.metrics': 'Computing metrics',
  'graph.path': 'Finding the shortest path',
  'graph.timeline': 'Counting by year',
  'import.preview': 'Reading the file',
  'import.run': 'Importing',
  'export.staged': 'Exporting',
};

export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const done = startWork(WORK_LABELS[name] ?? 'Working');
  let result: CallResult<unknown>;
  try {
    result = await transport(name, input);
  } finally {
    done();
  }
  if (!result.ok) throw new ApiError(result.error);
  // Slices arrive by columns (shared/slice-wire.ts); everything in the window reads the plain shape.
  return (isSliceWire(result.value) ? decodeSlice(result.value) : result.value) as CallOutput<K>;
}
