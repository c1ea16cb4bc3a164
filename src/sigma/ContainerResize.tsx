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
    return () => observer.disconnect();
  }, [sigma]);
  return null;
}
