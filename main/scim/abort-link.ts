/**
 * Links per-request AbortControllers to the caller's signal through ONE listener per signal. A dry run passes
 * the same cycle signal to every request with 64 in flight, and Node's EventTarget checks each new listener
 * against all present ones (a linear scan per add and remove), which showed up in the dry-run profile.
 */
const linked = new WeakMap<AbortSignal, Set<AbortController>>();

const nothing = (): void => undefined;

/** Aborts `controller` when `signal` aborts; returns the unlink to call once the request is over. */
export function linkAbort(signal: AbortSignal | undefined, controller: AbortController): () => void {
  if (!signal) return nothing;
  if (signal.aborted) {
    controller.abort();
    return nothing;
  }
  let group = linked.get(signal);
  if (!group) {
    const members = new Set<AbortController>();
    group = members;
    linked.set(signal, members);
    signal.addEventListener(
      'abort',
      () => {
        linked.delete(signal);
        for (const member of members) member.abort();
        members.clear();
      },
      { once: true },
    );
  }
  const members = group;
  members.add(controller);
  return () => {
    members.delete(controller);
  };
}
