// A controlled clock for a jsdom page's window (or Node's globalThis): timers of a second or more
// (the toast's dismiss timer, a countdown's ticks) and Date.now follow tick(ms) instead of the
// wall clock. Shorter timers (jQuery's, the test harness's, zero-delay ones) run as usual.
// Not node:test's mock.timers: on Node 20 a clearInterval inside the interval's own callback does
// not stop it there, which a countdown that stops itself at zero depends on.

interface Held {
  at: number;
  fn: () => void;
  /** Set for setInterval: the delay it repeats at. */
  every: number | null;
  delay: number;
}

export interface PageClock {
  /** The delays of the long timers now waiting, in the order they were set. */
  pending(): number[];
  /** Moves time on by `ms`, running each long timer that falls due, in time order. */
  tick(ms: number): void;
  /** Puts the real timers and Date.now back. */
  restore(): void;
}

export function controlClock(window: any): PageClock {
  const realSetTimeout = window.setTimeout;
  const realClearTimeout = window.clearTimeout;
  const realSetInterval = window.setInterval;
  const realClearInterval = window.clearInterval;
  const realNow = window.Date.now;
  const base = window.Date.now();
  let offset = 0;
  let nextId = 1e6;
  const held = new Map<number, Held>();
  window.Date.now = () => base + offset;
  const hold = (fn: () => void, delay: number, every: number | null): number => {
    nextId += 1;
    held.set(nextId, { at: base + offset + delay, fn, every, delay });
    return nextId;
  };
  window.setTimeout = function (fn: () => void, delay?: number, ...args: unknown[]) {
    if ((delay ?? 0) < 1000) return realSetTimeout.call(window, fn, delay, ...args);
    return hold(() => fn(...(args as [])), delay ?? 0, null);
  };
  window.setInterval = function (fn: () => void, delay?: number, ...args: unknown[]) {
    if ((delay ?? 0) < 1000) return realSetInterval.call(window, fn, delay, ...args);
    return hold(() => fn(...(args as [])), delay ?? 0, delay ?? 0);
  };
  window.clearTimeout = function (id: number) {
    if (!held.delete(id)) realClearTimeout.call(window, id);
  };
  window.clearInterval = function (id: number) {
    if (!held.delete(id)) realClearInterval.call(window, id);
  };
  return {
    restore() {
      Object.assign(window, { setTimeout: realSetTimeout, clearTimeout: realClearTimeout, setInterval: realSetInterval, clearInterval: realClearInterval });
      window.Date.now = realNow;
      held.clear();
    },
    pending: () => Array.from(held.values()).map((timer) => timer.delay),
    tick(ms) {
      const end = offset + ms;
      for (;;) {
        let dueId: number | null = null;
        let due: Held | null = null;
        for (const [id, timer] of held) {
          if (timer.at <= base + end && (!due || timer.at < due.at)) {
            dueId = id;
            due = timer;
          }
        }
        if (!due || dueId === null) break;
        offset = due.at - base;
        if (due.every) due.at += due.every;
        else held.delete(dueId);
        due.fn();
      }
      offset = end;
    },
  };
}

/** The same clock, on a test page: advance(ms) moves it on, now() reads it. */
export function pageClock(page: { window: any }): { advance(ms: number): void; now(): number } {
  const clock = controlClock(page.window);
  return { advance: (ms) => clock.tick(ms), now: () => page.window.Date.now() };
}
