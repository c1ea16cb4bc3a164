/** sigma listens only to window resizes; the side panel and the phone layout resize the container too. */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";

export function ContainerResize() {
  const sigma = useSigma();
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      sigma.resize();
      sigma.refresh();
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
