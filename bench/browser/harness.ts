/**
 * The benchmark's in-page instruments, installed before any page script
 * (Playwright `addInitScript`) in the app and in the floor alike, so both are
 * measured by the same code. `pageHarness` runs in the page: it must not
 * close over anything in this module (it is sent as source text).
 *
 * What it records, on `window.__bench`:
 *
 * - **Frames that drew.** WebGL draw calls (`drawArrays`, `drawElements` and
 *   their instanced forms) are wrapped. The first draw call of a task opens a
 *   frame record; the record closes when the animation frame that presents
 *   that drawing has been committed: a MessageChannel message is posted from
 *   a `requestAnimationFrame` callback (registered at the draw, or, when the
 *   draw itself runs inside an animation-frame callback, posted at once), and
 *   the record's `end` is `performance.now()` in that message's task — the
 *   first task after the frame's rendering steps (style, layout, paint,
 *   commit). Every figure that ends "at the next drawn frame" ends at `end`.
 * - **Input events** (`mousemove`, `keydown`) seen in the capture phase on
 *   `window` while armed: their `timeStamp` (when the browser received the
 *   input) and when the page began handling them.
 * - **Long tasks** (PerformanceObserver `longtask`, tasks of 50 ms or more)
 *   and long animation frames (`long-animation-frame`).
 * - **Worker messages**: every Worker the page creates is wrapped so that each
 *   message it posts to the page is timestamped. The ForceAtlas2 supervisor
 *   posts one message per iteration.
 * - **Event-loop lag**: on demand, a 4 ms timer chain whose lateness bounds
 *   the longest task below the 50 ms that `longtask` reports.
 */

export interface FrameRecord {
  /** performance.now() of the first and last WebGL draw call presented by this frame. */
  firstDraw: number;
  lastDraw: number;
  draws: number;
  /** Draw calls made while the camera was animating. */
  animatedDraws: number;
  lastDrawAnimated: boolean;
  /** The camera at the last draw call. */
  camera: { x: number; y: number; ratio: number } | null;
  /** performance.now() in the first task after the presenting frame was committed. */
  end: number;
}

export interface InputRecord {
  type: string;
  /** Event.timeStamp: when the browser received the input. */
  timeStamp: number;
  /** performance.now() when the page's capture listener ran. */
  handled: number;
  key?: string;
}

export interface BenchHandle {
  frames: FrameRecord[];
  inputs: InputRecord[];
  armed: boolean;
  longTasks: { start: number; duration: number }[];
  longFrames: { start: number; duration: number; blocking: number }[];
  workerMessages: number[];
  lastDraw: number;
  /** The page's sigma camera, once known; read at each draw. */
  camera: (() => CameraLike | undefined) | null;
  /** Max lateness of a 4 ms timer chain since startLagProbe(). */
  maxLag: number;
  startLagProbe(): void;
  stopLagProbe(): number;
  /** The page under test, app or floor, behind one interface. */
  api(): PageApi;
  /** Resolves true once pred() holds (checked at each frame end and every 20 ms), false at the timeout. */
  until(pred: () => boolean, timeoutMs: number): Promise<boolean>;
  /** Resolves true once no frame has drawn for `ms`, false at the timeout. */
  quiet(ms: number, timeoutMs: number): Promise<boolean>;
  /** performance.now() at the main thread's next idle period (requestIdleCallback). */
  idle(timeoutMs: number): Promise<number>;
  /** quiet(ms), then idle: nothing drawing and nothing queued, e.g. no deferred render still running. */
  settle(ms: number, timeoutMs: number): Promise<boolean>;
  /** The first frame whose drawing started at or after `t`, once it has been committed. */
  frameAfter(t: number, timeoutMs: number): Promise<FrameRecord | null>;
  /** Applies a change through the page's own handler (synchronously) and times it; see ChangeTiming. */
  change(what: ChangeKind, arg: unknown, mark?: string): Promise<ChangeTiming | null>;
}

/** The same operations on the app (`window.__kg`) and on the floor (`window.__floor`). */
export interface PageApi {
  kind: "app" | "floor";
  ready(): boolean;
  sigma(): SigmaLike;
  hovered(): string | null;
  selected(): string | null;
  /** What the page does when the pointer enters (node) or leaves (null) an actor. */
  hover(node: string | null): void;
  select(node: string | null): void;
  setFamilies(families: string[] | null): void;
  setTime(from: string | null, to: string | null): void;
  nodeViewport(node: string): { x: number; y: number } | null;
  layoutRunning(): boolean;
}

export interface CameraLike {
  isAnimated(): boolean;
  getState(): { x: number; y: number; ratio: number; angle: number };
  setState(s: object): void;
}

export interface SigmaLike {
  getCamera(): CameraLike;
  getContainer(): HTMLElement;
  getNodeAtPosition?(p: { x: number; y: number }): string | null;
}

export type ChangeKind = "hover" | "select" | "families" | "time";

export interface ChangeTiming {
  /** Milliseconds the synchronous call took: the page's handler, its store listeners and sigma's render. */
  sync: number;
  /** Milliseconds from the call to the end of the frame that presents it (FrameRecord.end). */
  frame: number;
  /** Milliseconds from the call to the first idle period after that frame (requestIdleCallback). */
  idle: number;
}

export function pageHarness(): void {
  const w = window as unknown as Window & { __bench: BenchHandle };
  if (w.__bench) return;
  const B = {
    frames: [],
    inputs: [],
    armed: false,
    longTasks: [],
    longFrames: [],
    workerMessages: [],
    lastDraw: -1,
    camera: null,
    maxLag: 0,
    startLagProbe() {},
    stopLagProbe() {
      return 0;
    },
  } as Partial<BenchHandle> as BenchHandle;
  w.__bench = B;
  console.timeStamp("kg-bench:document");

  // --- Animation frames: know whether code runs inside a rAF callback.
  const origRAF = window.requestAnimationFrame.bind(window);
  let rafDepth = 0;
  window.requestAnimationFrame = (cb: FrameRequestCallback) =>
    origRAF((ts) => {
      rafDepth++;
      try {
        cb(ts);
      } finally {
        rafDepth--;
      }
    });

  // --- Frames that drew.
  let open: FrameRecord | null = null;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (!open) return;
    open.end = performance.now();
    B.frames.push(open);
    open = null;
    // For traces: where the first frame ends (see bench/browser/profile.ts).
    if (B.frames.length === 1) console.timeStamp("kg-bench:first-frame");
  };
  const onDraw = () => {
    const now = performance.now();
    let animated: boolean;
    let state: FrameRecord["camera"] = null;
    try {
      const camera = B.camera?.();
      animated = camera?.isAnimated() ?? false;
      if (camera) {
        const { x, y, ratio } = camera.getState();
        state = { x, y, ratio };
      }
    } catch {
      animated = false;
    }
    if (!open) {
      open = { firstDraw: now, lastDraw: now, draws: 0, animatedDraws: 0, lastDrawAnimated: false, camera: null, end: NaN };
      if (rafDepth > 0) channel.port2.postMessage(0);
      else origRAF(() => channel.port2.postMessage(0));
    }
    open.draws++;
    open.lastDraw = now;
    if (animated) open.animatedDraws++;
    open.lastDrawAnimated = animated;
    open.camera = state;
    B.lastDraw = now;
  };
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype] as unknown as Record<string, unknown>[]) {
    for (const name of ["drawArrays", "drawElements", "drawArraysInstanced", "drawElementsInstanced"]) {
      const orig = proto[name] as ((...args: unknown[]) => unknown) | undefined;
      if (typeof orig !== "function") continue;
      proto[name] = function (this: unknown, ...args: unknown[]) {
        onDraw();
        return orig.apply(this, args);
      };
    }
  }

  // --- Input events.
  for (const type of ["mousemove", "keydown"]) {
    window.addEventListener(
      type,
      (e) => {
        if (!B.armed) return;
        B.inputs.push({ type, timeStamp: e.timeStamp, handled: performance.now(), key: (e as KeyboardEvent).key });
      },
      { capture: true },
    );
  }

  // --- Long tasks and long animation frames.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // not supported
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.longFrames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: (e as unknown as { blockingDuration: number }).blockingDuration,
        });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch {
    // not supported
  }

  // --- Workers.
  const OrigWorker = window.Worker;
  window.Worker = new Proxy(OrigWorker, {
    construct(target, args, newTarget) {
      const worker = Reflect.construct(target, args, newTarget) as Worker;
      worker.addEventListener("message", () => B.workerMessages.push(performance.now()));
      return worker;
    },
  });

  // --- Event-loop lag probe.
  let probe: ReturnType<typeof setTimeout> | null = null;
  B.startLagProbe = () => {
    B.maxLag = 0;
    const schedule = () => {
      const due = performance.now() + 4;
      probe = setTimeout(() => {
        B.maxLag = Math.max(B.maxLag, performance.now() - due);
        schedule();
      }, 4);
    };
    schedule();
  };
  B.stopLagProbe = () => {
    if (probe !== null) clearTimeout(probe);
    probe = null;
    return B.maxLag;
  };

  // --- One interface over the app and the floor.
  type Kg = {
    ready: boolean;
    sigma: SigmaLike;
    getState(): { ui: { hovered: string | null; layoutRunning: boolean }; view: { selected: string | null } };
    dispatch(a: object): void;
    nodeViewport(n: string): { x: number; y: number } | null;
  };
  type Floor = Omit<PageApi, "kind" | "ready" | "sigma" | "hovered" | "selected"> & {
    ready: boolean;
    sigma: SigmaLike;
    hovered: string | null;
    selected: string | null;
  };
  let cachedApi: PageApi | null = null;
  let cachedFor: unknown = null;
  B.api = () => {
    const page = window as unknown as { __kg?: Kg; __floor?: Floor };
    // The app makes a new handle (and sigma) when it opens another graph: follow it.
    if (cachedApi && cachedFor === (page.__kg ?? page.__floor)) return cachedApi;
    cachedFor = page.__kg ?? page.__floor;
    if (page.__kg) {
      const kg = page.__kg;
      cachedApi = {
        kind: "app",
        ready: () => kg.ready,
        sigma: () => kg.sigma,
        hovered: () => kg.getState().ui.hovered,
        selected: () => kg.getState().view.selected,
        hover: (node) => kg.dispatch({ type: "hover", node }),
        select: (node) => kg.dispatch({ type: "select", node }),
        setFamilies: (families) => kg.dispatch({ type: "setFilters", filters: { families } }),
        setTime: (from, to) => kg.dispatch({ type: "setTime", time: { from, to } }),
        nodeViewport: (node) => kg.nodeViewport(node),
        layoutRunning: () => kg.getState().ui.layoutRunning,
      };
    } else if (page.__floor) {
      const fl = page.__floor;
      cachedApi = {
        kind: "floor",
        ready: () => fl.ready,
        sigma: () => fl.sigma,
        hovered: () => fl.hovered,
        selected: () => fl.selected,
        hover: (node) => fl.hover(node),
        select: (node) => fl.select(node),
        setFamilies: (families) => fl.setFamilies(families),
        setTime: (from, to) => fl.setTime(from, to),
        nodeViewport: (node) => fl.nodeViewport(node),
        layoutRunning: () => fl.layoutRunning(),
      };
    } else {
      throw new Error("neither window.__kg nor window.__floor is there yet");
    }
    const api = cachedApi;
    B.camera = () => api.sigma().getCamera();
    return api;
  };

  // --- Waiting.
  const frameWaiters = new Set<() => void>();
  const closeFrame = channel.port1.onmessage;
  channel.port1.onmessage = (e) => {
    closeFrame.call(channel.port1, e);
    for (const wake of [...frameWaiters]) wake();
  };
  B.until = (pred, timeoutMs) =>
    new Promise((resolvePromise) => {
      const started = performance.now();
      let timer: ReturnType<typeof setTimeout> | null = null;
      const check = () => {
        let ok: boolean;
        try {
          ok = pred();
        } catch {
          ok = false;
        }
        if (ok || performance.now() - started > timeoutMs) {
          frameWaiters.delete(check);
          if (timer !== null) clearTimeout(timer);
          resolvePromise(ok);
          return;
        }
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(check, 20);
      };
      frameWaiters.add(check);
      check();
    });
  B.quiet = (ms, timeoutMs) => B.until(() => open === null && performance.now() - B.lastDraw >= ms, timeoutMs);
  B.idle = (timeoutMs) => new Promise((resolveIdle) => requestIdleCallback(() => resolveIdle(performance.now()), { timeout: timeoutMs }));
  B.settle = async (ms, timeoutMs) => {
    const quiet = await B.quiet(ms, timeoutMs);
    await B.idle(timeoutMs);
    return quiet;
  };
  B.frameAfter = async (t, timeoutMs) => {
    const find = () => B.frames.find((f) => f.firstDraw >= t) ?? null;
    await B.until(() => find() !== null, timeoutMs);
    return find();
  };
  B.change = async (what, arg, mark) => {
    const api = B.api();
    if (mark) console.timeStamp(`${mark}:start`);
    const t0 = performance.now();
    if (what === "hover") api.hover(arg as string | null);
    else if (what === "select") api.select(arg as string | null);
    else if (what === "families") api.setFamilies(arg as string[] | null);
    else {
      const [from, to] = arg as [string | null, string | null];
      api.setTime(from, to);
    }
    const t1 = performance.now();
    const frame = await B.frameAfter(t0, 120_000);
    if (mark) console.timeStamp(`${mark}:end`);
    if (!frame) return null;
    // Work the change left for later (deferred renders, effects) runs before the main thread is next idle.
    const idle = await B.idle(120_000);
    if (mark) console.timeStamp(`${mark}:idle`);
    return { sync: t1 - t0, frame: frame.end - t0, idle: idle - t0 };
  };
}

/** The script to pass to `addInitScript`: the harness, plus the `__name` helper tsx adds to functions sent to the page. */
export function harnessScript(): string {
  return `globalThis.__name = globalThis.__name || ((f) => f);\n(${pageHarness.toString()})();`;
}
