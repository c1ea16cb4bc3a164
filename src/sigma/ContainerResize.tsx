/** sigma listens only to window resizes; the side panel and the phone layout resize the container too. */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";

export function ContainerResize() {
  const sigma = useSigma();
  useEffect(() => {
    // The observer reports the size it starts with; only a change needs a redraw. Positions are normalised
    // independently of the size (autoRescale) and the labels are ours, so a render is enough: a refresh would
    // re-index every item and leave their display data unnormalised until the next frame.
    const { width, height } = sigma.getDimensions();
    let last = `${width}x${height}`;
    const observer = new ResizeObserver(([entry]) => {
      const size = `${Math.round(entry!.contentRect.width)}x${Math.round(entry!.contentRect.height)}`;
      if (size === last) return;
      last = size;
      sigma.scheduleRender();
    });
    observer.observe(sigma.getContainer());
    // The renderer can be killed (a new graph was opened) before this effect is cleaned up.
    const stop = () => observer.disconnect();
    sigma.once("kill", stop);
    return () => {
      stop();
      sigma.off("kill", stop);
    };
  }, [sigma]);
  return null;
}
