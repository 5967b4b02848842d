/**
 * A response deadline that stops while the window asks for a proxy sign-in (a person typing is not a slow
 * server) and starts again, in full, when the prompt closes. The Graph client, MSAL's network module and
 * the route check give `hold` to the transport as TransportRequest.holdDeadline (transport.ts); the SCIM
 * client keeps its own per-phase timers, which hold the same way.
 */
export interface PausableDeadline {
  /** Aborts when the deadline passes or `parent` aborts. */
  signal: AbortSignal;
  /** Stops the clock; the function it returns starts it again. */
  hold: () => () => void;
  /** Whether the deadline (not the parent) ended the request. */
  expired(): boolean;
  /** Stops the clock for good (the answer is in). */
  clear(): void;
}

export function pausableDeadline(ms: number, parent?: AbortSignal): PausableDeadline {
  const controller = new AbortController();
  let expired = false;
  let holds = 0;
  const start = () =>
    setTimeout(() => {
      expired = true;
      controller.abort(new Error(`No answer within ${Math.round(ms / 1000)} s`));
    }, ms);
  let timer: NodeJS.Timeout | undefined = start();
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  const clear = () => {
    clearTimeout(timer);
    timer = undefined;
    parent?.removeEventListener('abort', onParentAbort);
  };
  return {
    signal: controller.signal,
    expired: () => expired,
    clear,
    hold() {
      holds += 1;
      clearTimeout(timer);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        // Two prompts can overlap (two proxies); the clock runs again when the last one closed.
        if (holds === 0 && !controller.signal.aborted) timer = start();
      };
    },
  };
}
