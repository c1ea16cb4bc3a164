/**
 * The one long task that can be cancelled (the layout of a file being opened):
 * the task takes a signal here, and the Cancel beside its progress aborts it.
 * Kept apart from the task itself, so the progress note does not load it.
 */
let current: AbortController | null = null;

/** A signal for a new task; a task still under way is cancelled. */
export function startCancellable(): AbortController {
  current?.abort();
  current = new AbortController();
  return current;
}

export function endCancellable(controller: AbortController): void {
  if (current === controller) current = null;
}

export function cancelBusy(): void {
  current?.abort();
}
