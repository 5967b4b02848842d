import { readAppPath } from '../app/app-path';
import type { AppContext } from '../app/context';
import { jostleSchemaSource } from '../app/live-schemas';
import type { HandlerTable } from './handler-table';

export function appPathHandlers(
  context: AppContext,
): Pick<HandlerTable, 'getAppPath' | 'setAppPath' | 'getJostleSchemas'> {
  return {
    getAppPath: async () => ({ appPath: readAppPath(context) }),
    getJostleSchemas: () => jostleSchemaSource(context),
    setAppPath: async ({ appPath }) => {
      context.settings.update('appPath', () => appPath);
      // An unsaved mapping is the path's defaults, so what the preview shows changes with the path.
      context.preview.invalidate();
      return { appPath: readAppPath(context) };
    },
  };
}
