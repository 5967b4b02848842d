/** `copyText`: ordinary text from a Copy button onto the clipboard, through main's clipboard. */
import type { AppContext } from '../app/context';
import type { HandlerTable } from './handler-table';

export function clipboardHandlers(
  context: Pick<AppContext, 'clipboard' | 'logger' | 'redactor'>,
): Pick<HandlerTable, 'copyText'> {
  const { clipboard, logger, redactor } = context;
  return {
    copyText: async ({ text }) => {
      if (!(await clipboard.available())) {
        return { copied: false, problem: (await clipboard.problem?.()) ?? 'No clipboard is available here.' };
      }
      try {
        await (clipboard.writePlain ?? clipboard.write).call(clipboard, text);
        return { copied: true, problem: null };
      } catch (error) {
        const problem = redactor.text(error instanceof Error ? error.message : String(error));
        logger.log('warn', 'could not copy to the clipboard', { error: problem });
        return { copied: false, problem };
      }
    },
  };
}
