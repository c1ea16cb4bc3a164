/** sigma listens only to window resizes; the side panel and the phone layout resize the container too. */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";

export function ContainerResize() {
  const sigma = useSigma();
  useEffect(() => {
    // The observer reports the size it starts with; only a change needs a redraw, scheduled as sigma's own resize handler does.
    const { width, height } = sigma.getDimensions();
    let last = `${width}x${height}`;
    const observer = new ResizeObserver(([entry]) => {
      const size = `${Math.round(entry!.contentRect.width)}x${Math.round(entry!.contentRect.height)}`;
      if (size === last) return;
      last = size;
      sigma.scheduleRefresh();
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
