import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { INITIAL_CYCLE_RULE } from '../../../shared/provisioning/cycle-estimate';
import { Checklist } from '../../components/Checklist';
import { StepLayout } from '../../components/StepLayout';
import { LogImport } from './LogImport';

const useStyles = makeStyles({
  section: { display: 'block', marginTop: tokens.spacingVerticalXL, marginBottom: tokens.spacingVerticalXS },
  list: { marginTop: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalXL },
});

export function MonitorStep() {
  const styles = useStyles();
  return (
    <StepLayout stepId="monitor" tutorialStep="Step 6, Monitor your deployment">
      <Subtitle2 as="h2" className={styles.section}>
        When to look
      </Subtitle2>
      <ul className={styles.list}>
        <li>
          The <b>first cycle</b> starts when you save with Provisioning Status On. {INITIAL_CYCLE_RULE} The{' '}
          <b>Dry run</b> step gives Microsoft’s estimate for yours.
        </li>
        <li>
          After that, Entra runs a cycle <b>about every 40 minutes</b>. You cannot change the interval; for
          one user right away, use <b>Provision on demand</b>.
        </li>
      </ul>

      <Subtitle2 as="h2" className={styles.section}>
        Where to look
      </Subtitle2>
      <ul className={styles.list}>
        <li>
          <b>Entra ID &gt; Enterprise apps &gt; Jostle &gt; Provisioning</b> (older builds: Identity &gt;
          Applications &gt; Enterprise applications): the progress bar shows the current cycle and how many
          users were provisioned. A quarantine warning appears here too.
        </li>
        <li>
          <b>Entra ID &gt; Enterprise apps &gt; Jostle &gt; Provisioning logs</b>: one entry per user and
          change. Filter on <b>Status: Failure</b>; each entry’s <b>Troubleshooting &amp; Recommendations</b>{' '}
          tab says why.
        </li>
        <li>
          <b>Quarantine</b>: when most calls fail (a revoked key, a wrong Tenant URL), Entra slows the job to
          one cycle a day and emails you once from azure-noreply@microsoft.com. Fix the cause, then select{' '}
          <b>Restart provisioning</b>. After four weeks in quarantine the job is turned off.
        </li>
      </ul>

      <Subtitle2 as="h2" className={styles.section}>
        Check a log download
      </Subtitle2>
      <p>
        In <b>Provisioning logs</b>, set the filters (date range, status), then select <b>Download</b>. The
        assistant keeps the summary below (not the file) on this computer and adds it to the support export;
        nothing is sent anywhere. A dry-run log saved with <code>npm run cli -- dry-run --log-out</code>{' '}
        imports the same way.
      </p>
      <LogImport />

      <Subtitle2 as="h2" className={styles.section}>
        Checklist
      </Subtitle2>
      <Checklist
        stepId="monitor"
        entries={[
          { id: 'first-cycle', label: 'The first cycle finished (progress bar complete)' },
          {
            id: 'logs-checked',
            label: 'I checked the provisioning logs and fixed or understood each failure',
          },
          { id: 'no-quarantine', label: 'The job is not in quarantine' },
          { id: 'users-in-jostle', label: 'A few test users look right in Jostle' },
        ]}
      />
    </StepLayout>
  );
}
