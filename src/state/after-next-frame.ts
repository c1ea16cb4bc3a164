/**
 * Work that should not delay the picture: it runs in the first task after the
 * next frame has been drawn (an animation frame callback runs just before that
 * frame, a timeout set from it just after). A hidden page draws no frames, so
 * there the work runs in the next task. Returns a function that cancels it.
 */
export function afterNextFrame(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  if (document.hidden) timer = setTimeout(work, 0);
  else frame = requestAnimationFrame(() => (timer = setTimeout(work, 0)));
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
