/**
 * Keeps sigma's camera and `view.camera` in step, so a link reopens the same
 * framing: camera moves are written to the state (debounced), and a camera
 * that arrives in the state (a link, back/forward) is applied to sigma.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";
import { dispatch, store } from "../state";
import { FIT_CAMERA, readCamera, sameCamera } from "./camera";

export function CameraSync() {
  const sigma = useSigma();

  useEffect(() => {
    const camera = sigma.getCamera();
    const initial = store.getState().view.camera;
    if (initial) camera.setState(initial);

    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdated = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const now = readCamera(sigma);
        const stored = store.getState().view.camera;
        const next = sameCamera(now, FIT_CAMERA) ? null : now;
        if (!sameCamera(next, stored)) dispatch({ type: "setCamera", camera: next });
      }, 250);
    };
    camera.on("updated", onUpdated);

    const unsubscribe = store.subscribe((state, prev) => {
      if (state.view.camera === prev.view.camera) return;
      const wanted = state.view.camera ?? FIT_CAMERA;
      if (!sameCamera(wanted, readCamera(sigma))) camera.setState(wanted);
    });
    return () => {
      clearTimeout(timer);
      camera.off("updated", onUpdated);
      unsubscribe();
    };
  }, [sigma]);

  return null;
}
