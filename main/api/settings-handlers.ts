import { ApiError } from '../../shared/api/errors';
import { checklistItems, isChecklistStep } from '../../shared/wizard/steps';
import type { AppContext } from '../app/context';
import type { HandlerTable } from './handler-table';
import { settingsView } from '../app/settings-view';

export function settingsHandlers(
  context: AppContext,
): Pick<HandlerTable, 'getSettings' | 'setCurrentStep' | 'setChecklistItem' | 'dismissNotice'> {
  return {
    getSettings: () => settingsView(context),

    setCurrentStep: async ({ stepId }) => {
      context.settings.update('wizard', (wizard) => ({ ...wizard, currentStep: stepId }));
      return settingsView(context);
    },

    setChecklistItem: async ({ stepId, itemId, checked }) => {
      if (!isChecklistStep(stepId))
        throw new ApiError('invalid-request', `The step “${stepId}” has no checklist.`);
      const known: readonly string[] = checklistItems[stepId];
      if (!known.includes(itemId)) {
        throw new ApiError('invalid-request', `“${itemId}” is not on the checklist of the step “${stepId}”.`);
      }
      context.settings.update('wizard', (wizard) => ({
        ...wizard,
        checklists: { ...wizard.checklists, [stepId]: { ...wizard.checklists[stepId], [itemId]: checked } },
      }));
      return settingsView(context);
    },

    dismissNotice: async ({ id }) => {
      context.settings.update('notices', (notices) => notices.filter((notice) => notice.id !== id));
      return settingsView(context);
    },
  };
}
