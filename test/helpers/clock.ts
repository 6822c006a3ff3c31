// A controlled clock for a jsdom page: Date.now stands still and timers of a second or more wait
// until the test moves the clock on with advance(ms). Shorter timers (jQuery's, the plugin's
// zero-delay ones) run as usual, so requests still complete.
import type { TestPage } from './page.ts';

interface Held {
  at: number;
  every: number;
  run: () => void;
}

export interface PageClock {
  /** Moves the page's clock on, running each held timer that falls due, in time order. */
  advance(ms: number): void;
  now(): number;
}

export function pageClock(page: TestPage): PageClock {
  const window = page.window;
  let now = window.Date.now();
  window.Date.now = () => now;
  const held = new Map<number, Held>();
  let nextId = 1e6;
  const realSetTimeout = window.setTimeout;
  const realSetInterval = window.setInterval;
  const realClearTimeout = window.clearTimeout;
  const realClearInterval = window.clearInterval;
  const hold = (real: (...args: any[]) => number, repeat: boolean) =>
    function (fn: (...args: unknown[]) => void, delay?: number, ...args: unknown[]): number {
      const ms = Number(delay) || 0;
      if (ms < 1000) return real.call(window, fn, delay, ...args);
      nextId += 1;
      held.set(nextId, { at: now + ms, every: repeat ? ms : 0, run: () => fn(...args) });
      return nextId;
    };
  const release = (real: (id: number) => void) =>
    function (id: number): void {
      if (held.has(id)) held.delete(id);
      else real.call(window, id);
    };
  window.setTimeout = hold(realSetTimeout, false);
  window.setInterval = hold(realSetInterval, true);
  window.clearTimeout = release(realClearTimeout);
  window.clearInterval = release(realClearInterval);
  return {
    now: () => now,
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let due: [number, Held] | undefined;
        for (const entry of held) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        const [id, timer] = due;
        now = timer.at;
        if (timer.every) timer.at += timer.every;
        else held.delete(id);
        timer.run();
      }
      now = end;
    },
  };
}
