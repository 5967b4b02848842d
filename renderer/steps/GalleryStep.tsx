import { Checklist } from '../components/Checklist';
import { ExternalLink } from '../components/ExternalLink';
import { StepLayout } from '../components/StepLayout';
import { useAppPath } from '../state/app-path';
import { CustomAppStep } from './CustomAppStep';

export function GalleryStep() {
  const { appPath } = useAppPath();
  if (appPath === 'custom') return <CustomAppStep />;
  return (
    <StepLayout stepId="gallery" tutorialStep="Step 3">
      <p>
        Entra needs an enterprise application for Jostle. Take it from the gallery, which comes with Jostle’s
        attribute list.
      </p>
      <ol>
        <li>
          Sign in to the{' '}
          <ExternalLink href="https://entra.microsoft.com">Microsoft Entra admin center</ExternalLink>.
        </li>
        <li>
          Go to <b>Entra ID &gt; Enterprise apps</b> (older builds: Identity &gt; Applications &gt; Enterprise
          applications) and choose <b>New application</b>.
        </li>
        <li>
          Search the gallery for <b>Jostle</b>, give the app a name and select <b>Create</b>.
        </li>
        <li>
          Open the new app and its <b>Provisioning</b> page. Leave it there for now: the assistant tells you
          what to enter once the dry run is clean.
        </li>
      </ol>
      <p>
        <b>Use a separate app while you test.</b> If Jostle single sign-on already runs from an Entra app, you
        could add provisioning to it, but a second app keeps your tests away from the sign-in everyone relies
        on. Microsoft’s guide:{' '}
        <ExternalLink href="https://learn.microsoft.com/entra/identity/enterprise-apps/add-application-portal">
          Add an enterprise application
        </ExternalLink>
        .
      </p>
      <Checklist
        stepId="gallery"
        entries={[
          { id: 'added-app', label: 'I added Jostle from the Entra gallery' },
          {
            id: 'separate-test-app',
            label: 'It is a separate app for testing, not the one used for sign-in',
          },
          { id: 'opened-provisioning', label: 'I found the app’s Provisioning page' },
        ]}
      />
    </StepLayout>
  );
}
