// What makes a long task, for `npm run bench -- --only responsive --profile`: a CPU profile of the
// page's main thread per step (Chrome DevTools Protocol's sampling profiler, through Playwright);
// each long task the Long Tasks API saw is printed with the functions that took its time, by self
// time and inclusive time. Build with
// `minify: false` in electron.vite.config.ts for readable names.
import type { CDPSession, Page } from '@playwright/test';
import type { StepWatch } from '../harness/long-tasks';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const frameName = (f: CallFrame) => `${f.functionName || '(anonymous)'}${f.url ? ` ${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`;

/**
 * The functions that took the time of each long task of a profile. `pageStart` is the page's
 * clock (performance.now) when the profiler started, which maps the profile's clock onto the
 * tasks' start times to within a millisecond or two.
 */
function explainTasks(profile: Profile, pageStart: number, tasks: [number, number][]): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Each sample's time on the page's clock (ms).
  const at: number[] = [];
  let t = 0;
  profile.timeDeltas.forEach((d) => {
    t += d;
    at.push(pageStart + t / 1000);
  });
  return tasks.map(([start, duration]) => {
    const self = new Map<string, number>();
    const incl = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      if (at[i]! < start || at[i]! > start + duration) return;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const seen = new Set<string>();
      for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
        const f = byId.get(node)!.callFrame;
        if (f.functionName === '(root)') break;
        const name = frameName(f);
        if (node === id) self.set(name, (self.get(name) ?? 0) + dt);
        if (seen.has(name)) continue;
        seen.add(name);
        incl.set(name, (incl.get(name) ?? 0) + dt);
      }
    });
    const top = (m: Map<string, number>, k: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([n, ms]) => `      ${ms.toFixed(0).padStart(5)} ms  ${n}`)
        .join('\n');
    return `    task of ${Math.round(duration)} ms at ${Math.round(start)}\n    self:\n${top(self, 10)}\n    inclusive:\n${top(incl, 30)}`;
  });
}

/** A StepWatch that profiles each step and prints its long stretches as it ends. */
export async function profilingWatch(page: Page): Promise<StepWatch> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  let pageStart = 0;
  return {
    async begin() {
      await cdp.send('Profiler.start');
      // Before the first navigation the page's clock is about:blank's; the opening step counts from 0.
      pageStart = page.url() === 'about:blank' ? 0 : await page.evaluate(() => performance.now());
    },
    async end(step) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      const tasks = await page.evaluate(
        (t0) => ((window as { __longTasks?: [number, number][] }).__longTasks ?? []).filter(([start]) => start >= t0),
        pageStart,
      );
      const explained = explainTasks(profile, pageStart, tasks);
      console.log(`\n  [profile] ${step}: ${tasks.length} long tasks\n${explained.join('\n')}`);
    },
  };
}
