import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { StepId } from '../../shared/wizard/steps';
import { StepLayout } from '../components/StepLayout';

/** Steps whose tools are not in this version yet say exactly what they will do, and stay "Not started". */
const plans: Partial<Record<StepId, { tutorialStep: string; what: string[] }>> = {
  scope: {
    tutorialStep: 'Step 4',
    what: [
      'Import your user list from Entra (Users > All users > Download users) and who is assigned to the Jostle app.',
      'Apply “Sync only assigned users and groups” and any scoping filters, exactly as Entra evaluates them.',
      'Show who will get a Jostle account and which rule decided it for each person.',
    ],
  },
  mappings: {
    tutorialStep: 'Step 5, Attribute mapping',
    what: [
      'Start from the Jostle gallery app’s default mappings and let you change them.',
      'Check every mapping against Jostle’s schema, including expressions such as Switch([IsSoftDeleted], …).',
      'Show the exact SCIM request Entra would send to Jostle for any user.',
    ],
  },
  'dry-run': {
    tutorialStep: 'Step 5, before Provisioning Status On',
    what: [
      'Run Entra’s provisioning cycles against a local mock Jostle (or, if you confirm, your real tenant).',
      'Show a provisioning log with Create, Update, Disable and Skip, and every error Entra would report.',
      'Estimate how long Entra’s first cycle will take for your scope.',
    ],
  },
  'configure-entra': {
    tutorialStep: 'Step 5',
    what: [
      'List the values to enter on the Entra Provisioning page, in the order the portal asks for them.',
      'Copy the Tenant URL and the secret token for you, clearing the clipboard after a minute.',
      'Give you a checklist to tick as you go, ending with Provisioning Status On and Save.',
    ],
  },
  monitor: {
    tutorialStep: 'Step 6',
    what: [
      'Explain what to watch in Entra: provisioning logs, the progress bar and quarantine.',
      'Summarise the provisioning logs you download from Entra, with the likely cause and fix for each error.',
    ],
  },
  export: {
    tutorialStep: 'Support',
    what: [
      'Save a summary for support as Markdown, JSON, HTML or PDF: versions, mappings, scope, probe and dry-run results.',
      'Leave out the API key and anything that looks like a token; leave out user data unless you include it.',
    ],
  },
};

export function UpcomingStep({ stepId }: { stepId: StepId }) {
  const plan = plans[stepId];
  if (!plan) return null;
  return (
    <StepLayout stepId={stepId} tutorialStep={plan.tutorialStep}>
      <MessageBar intent="info" data-testid="upcoming-step">
        <MessageBarBody>
          <MessageBarTitle>Not in this version yet</MessageBarTitle>
          This step’s tools are still being built. You can follow the tutorial for it by hand meanwhile.
        </MessageBarBody>
      </MessageBar>
      <p>When it is ready, this step will:</p>
      <ul>
        {plan.what.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </StepLayout>
  );
}
