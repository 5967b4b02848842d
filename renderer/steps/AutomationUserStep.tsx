import { Checklist } from '../components/Checklist';
import { StepLayout } from '../components/StepLayout';
import { ExternalLink } from '../components/ExternalLink';

export function AutomationUserStep() {
  return (
    <StepLayout stepId="automation-user" tutorialStep="Step 2, Automation account">
      <p>
        Jostle ties every provisioning API key to an <b>Automation user</b>: a special account that acts on
        behalf of Entra. Create one before you make the key.
      </p>
      <ol>
        <li>
          In Jostle, open <b>Admin Settings &gt; User accounts and data &gt; Manage Automation users</b>.
        </li>
        <li>
          Add an Automation user. A clear name such as “Entra provisioning” helps later when you read Jostle’s
          logs.
        </li>
        <li>
          Sign in to Jostle once <b>as that Automation user</b>. Until it has signed in, it is not activated
          and a key made for it is refused (you would see “401 Unauthorized” when testing).
        </li>
      </ol>
      <p>
        Jostle’s help centre explains Automation users in detail:{' '}
        <ExternalLink href="https://forum.jostle.us/hc/en-us/articles/360057364073">
          About Automation users
        </ExternalLink>
        .
      </p>
      <Checklist
        stepId="automation-user"
        entries={[
          { id: 'created', label: 'I created an Automation user in Jostle' },
          { id: 'signed-in-once', label: 'I signed in to Jostle once as that Automation user' },
        ]}
      />
    </StepLayout>
  );
}
