/**
 * Keeps sigma's camera and `view.camera` in step, and lets the camera follow
 * the question. A view without a camera (`null`) frames what it shows: after
 * a filter, a time window, a focus or a path changes the actors on screen,
 * the camera eases to frame them (the path's actors when there is a path). A
 * camera the user moves is written to the state (debounced), so a link
 * reopens that framing and later changes leave it alone; "Fit to screen"
 * clears it, and the camera follows again.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";
import { dispatch, store, type AppState } from "../state";
import { selectPath, selectVisible } from "../state/derived";
import { CAMERA_DURATION, frameCamera, readCamera, sameCamera } from "./camera";
import { setFramer } from "./renderer";

const sameMembers = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
};

/** Cameras that frame the same picture to the eye: centres within 2% of the view, zooms within 5%. */
function nearlySame(a: { x: number; y: number; ratio: number }, b: { x: number; y: number; ratio: number }): boolean {
  const scale = Math.max(a.ratio, b.ratio);
  return Math.abs(a.x - b.x) < 0.02 * scale && Math.abs(a.y - b.y) < 0.02 * scale && Math.abs(a.ratio / b.ratio - 1) < 0.05;
}

/** What a following camera frames. */
function framed(state: AppState): readonly string[] {
  return selectPath(state)?.nodes ?? [...selectVisible(state).nodes];
}

export function CameraSync() {
  const sigma = useSigma();

  useEffect(() => {
    const camera = sigma.getCamera();
    // Camera updates of our own framing are not the user's moves.
    let framing = false;
    let run = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = (animate: boolean, always = false) => {
      // A renderer that a newly opened graph replaces frames nothing of it.
      if (store.getState().data.loaded?.graph !== sigma.getGraph()) return;
      // A user move still waiting to be written is overtaken by this framing.
      clearTimeout(timer);
      timer = undefined;
      const target = frameCamera(sigma, framed(store.getState()));
      // Already framed (a filter that leaves the same spread of actors): no move, and no frames spent on one.
      if (!always && nearlySame(camera.getState(), target)) return;
      const id = ++run;
      framing = true;
      const done = () => {
        if (id === run) framing = false;
      };
      if (animate) void camera.animate(target, { duration: CAMERA_DURATION }).then(done);
      // A jump during an animation (a resize mid-flight) must end that animation, or its later frames would pass for the user's moves.
      else if (camera.isAnimated()) void camera.animate(target, { duration: 1 }).then(done);
      else {
        camera.setState(target);
        done();
      }
    };

    setFramer(sigma, { frame: () => frame(true, true), pending: () => timer !== undefined });
    const initial = store.getState().view.camera;
    if (initial) camera.setState(initial);
    else frame(false);

    const onUpdated = () => {
      if (framing) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (framing) return;
        const now = readCamera(sigma);
        if (!sameCamera(now, store.getState().view.camera)) dispatch({ type: "setCamera", camera: now });
      }, 250);
    };
    camera.on("updated", onUpdated);

    const unsubscribe = store.subscribe((state, prev) => {
      if (state.data.loaded?.graph !== sigma.getGraph()) return;
      const wanted = state.view.camera;
      if (wanted !== prev.view.camera) {
        if (wanted === null) frame(true);
        else if (!sameCamera(wanted, readCamera(sigma))) {
          const id = ++run;
          const finish = () => {
            if (id === run) framing = false;
          };
          framing = true;
          // A story's next step eases there; a link, Back or a snapshot jumps (ending any move under way).
          const stepped = state.story.playing !== prev.story.playing && state.story.playing !== null;
          if (stepped) void camera.animate(wanted, { duration: CAMERA_DURATION * 2 }).then(finish);
          else if (camera.isAnimated()) void camera.animate(wanted, { duration: 1 }).then(finish);
          else {
            camera.setState(wanted);
            finish();
          }
        }
        return;
      }
      const shownChanged = !sameMembers(selectVisible(state).nodes, selectVisible(prev).nodes) || selectPath(state) !== selectPath(prev);
      if (wanted === null && shownChanged) frame(true);
    });

    // A new size of the graph area (the filter panel, a phone turned) reframes a following camera.
    let size = "";
    const observer = new ResizeObserver(([entry]) => {
      const next = `${Math.round(entry!.contentRect.width)}x${Math.round(entry!.contentRect.height)}`;
      const changed = size !== "" && next !== size;
      size = next;
      if (changed && store.getState().view.camera === null)
        requestAnimationFrame(() => {
          // Sigma learns its container's new size on its next render; framing needs it now.
          sigma.resize();
          frame(false);
        });
    });
    observer.observe(sigma.getContainer());
    return () => {
      clearTimeout(timer);
      camera.off("updated", onUpdated);
      unsubscribe();
      observer.disconnect();
      setFramer(sigma, null);
    };
  }, [sigma]);

  return null;
}
