import type { AppContext } from '../app/context';
import type { HandlerTable } from './handler-table';

/** Cancel by kind: the job's signal aborts, and its `finished` event says `cancelled`. */
export function jobHandlers(context: AppContext): Pick<HandlerTable, 'cancelJob'> {
  return {
    cancelJob: async ({ channel }) => ({ cancelled: context.jobs.cancel(channel) }),
  };
}
