import { useEffect, useRef } from 'react';
import type { ApiEvent, ApiEventChannel } from '../../shared/api/events';
import { subscribe } from './events';

/**
 * Subscribes a component to one event channel while it is mounted; the latest `listener` and `onConnected`
 * are used without re-subscribing.
 */
export function useJobEvents<C extends ApiEventChannel>(
  channel: C,
  listener: (event: ApiEvent<C>) => void,
  onConnected?: () => void,
): void {
  const latest = useRef({ listener, onConnected });
  useEffect(() => {
    latest.current = { listener, onConnected };
  });
  useEffect(() => {
    const controller = new AbortController();
    subscribe(channel, (event) => latest.current.listener(event), {
      signal: controller.signal,
      onConnected: () => latest.current.onConnected?.(),
    });
    return () => controller.abort();
  }, [channel]);
}
