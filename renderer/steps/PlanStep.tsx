import { Text } from '@fluentui/react-components';
import { Checklist } from '../components/Checklist';
import { StepLayout } from '../components/StepLayout';
import { ExternalLink } from '../components/ExternalLink';
import { SetupPathChoice } from './plan/SetupPathChoice';

export function PlanStep() {
  return (
    <StepLayout stepId="plan" tutorialStep="Prerequisites and Step 1">
      <p>
        Entra will create, update and deactivate Jostle accounts on its own, about every 40 minutes. Before
        you start, make sure you have everything below. Tick each item; your answers are saved.
      </p>
      <Checklist
        stepId="plan"
        entries={[
          {
            id: 'entra-tenant',
            label: 'A Microsoft Entra tenant where you can manage enterprise applications',
          },
          {
            id: 'entra-role',
            label:
              'One of these Entra roles: Application Administrator, Cloud Application Administrator, or owner of the Jostle app',
          },
          { id: 'jostle-tenant', label: 'A Jostle intranet (tenant)' },
          { id: 'jostle-admin', label: 'A Jostle account with Admin permissions' },
          {
            id: 'jostle-subscription',
            label: 'A Jostle subscription that includes SSO/user provisioning',
            hint: (
              <>
                Not sure? Your Jostle Customer Success Manager can check and add it (
                <ExternalLink href="https://www.jostle.me/">jostle.me</ExternalLink>).
              </>
            ),
          },
          {
            id: 'start-small',
            label: 'I will start small: one or two test users first, everyone else later',
            hint: 'In Entra, assign just one or two users (or one small group) to the Jostle app for the first cycle. Check the result in Jostle, then assign the rest.',
          },
        ]}
      />
      <Text as="p">
        Decide now who should get a Jostle account (the <b>Scope</b> step) and which Entra attributes fill
        which Jostle fields (the <b>Attribute mappings</b> step). The assistant lets you try both before Entra
        touches Jostle.
      </Text>
      <SetupPathChoice />
    </StepLayout>
  );
}
