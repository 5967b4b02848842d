import { readAppPath } from '../app/app-path';
import type { AppContext } from '../app/context';
import type { HandlerTable } from './handler-table';

export function appPathHandlers(context: AppContext): Pick<HandlerTable, 'getAppPath' | 'setAppPath'> {
  return {
    getAppPath: async () => ({ appPath: readAppPath(context) }),
    setAppPath: async ({ appPath }) => {
      context.settings.update('appPath', () => appPath);
      // An unsaved mapping is the path's defaults, so what the preview shows changes with the path.
      context.preview.invalidate();
      return { appPath: readAppPath(context) };
    },
  };
}
