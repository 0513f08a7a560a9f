// The CPU time of the page's main-thread tasks, step by step, from Chromium's trace: for the
// end-to-end test and the benchmark of issue 17 (test/harness/long-tasks.ts gives the steps).
import type { Page } from '@playwright/test';
import type { StepWatch } from './long-tasks';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Per step, the page's main-thread tasks over 50 ms with their wall and thread (CPU) time. */
export interface StepCpu {
  step: string;
  /** [wall, cpu] in ms of each task over 50 ms of wall time. */
  long: [number, number][];
  /** The most CPU time any one task of the step took (ms): what its longest task would be on an idle machine. */
  maxCpu: number;
}

/**
 * A StepWatch that traces each step (Chromium's `toplevel` trace category: every task the
 * renderer's main thread runs, with its wall and thread time). On a loaded machine a task's wall
 * time counts the time other processes had the core; its thread time does not.
 */
export function tracingWatch(page: Page, out: StepCpu[]): StepWatch {
  const browser = page.context().browser()!;
  return {
    async begin() {
      await browser.startTracing(page, { categories: ['toplevel'] });
    },
    async end(step) {
      const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
      const main = new Set(
        traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
      );
      const tasks = traceEvents.filter(
        (e) => e.ph === 'X' && e.name.endsWith('RunTask') && main.has(`${e.pid}:${e.tid}`) && e.dur !== undefined,
      );
      const ms = (us: number | undefined) => Math.round((us ?? 0) / 1000);
      out.push({
        step,
        long: tasks.filter((e) => e.dur! > 50_000).map((e) => [ms(e.dur), ms(e.tdur)]),
        maxCpu: Math.max(0, ...tasks.map((e) => ms(e.tdur))),
      });
    },
  };
}
