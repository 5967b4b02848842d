import {
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Text,
  Textarea,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { GRAPH_APPLY_ACTIONS } from '../../../shared/api/contracts/graph';
import { api } from '../../api/client';
import { messageOf } from '../../text';

type Action = (typeof GRAPH_APPLY_ACTIONS)[number];
type Plan = ApiResponse<'graphPlanApply'>;
type Outcome = ApiResponse<'graphApply'>;

const LABELS: Record<Action, string> = {
  credentials: 'Save Admin Credentials',
  'test-connection': 'Test Connection',
  schema: 'Write the verified mappings (schema)',
  start: 'Start provisioning',
  restart: 'Restart provisioning',
  'provision-user': 'Provision one user on demand',
};

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '820px' },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    whiteSpace: 'pre-wrap',
    fontSize: tokens.fontSizeBase200,
    background: tokens.colorNeutralBackground3,
    padding: tokens.spacingVerticalS,
  },
  columns: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalL },
});

/** Each action: show the exact requests first, then send them only after the typed confirmation. */
export function EntraApply({ permission }: { permission: string }) {
  const styles = useStyles();
  const [action, setAction] = useState<Action>('credentials');
  const [user, setUser] = useState('');
  const [schemaText, setSchemaText] = useState('');
  const [plan, setPlan] = useState<Plan | null>(null);
  const [typed, setTyped] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = {
    action,
    ...(action === 'provision-user' && user ? { user } : {}),
    ...(action === 'schema' && schemaText ? { schemaText } : {}),
  };

  async function run(work: () => Promise<void>) {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(messageOf(failure));
    }
  }

  return (
    <div className={styles.section}>
      <Title3 as="h2">Apply what you verified</Title3>
      <Text>Each action needs {permission} and is sent only after you type the tenant and app name.</Text>
      <Field label="Action">
        <Dropdown
          value={LABELS[action]}
          selectedOptions={[action]}
          onOptionSelect={(_e, data) => {
            setAction(data.optionValue as Action);
            setPlan(null);
            setOutcome(null);
            setTyped('');
          }}
        >
          {GRAPH_APPLY_ACTIONS.map((id) => (
            <Option key={id} value={id}>
              {LABELS[id]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {action === 'provision-user' && (
        <Field label="User (user principal name or object ID)">
          <Input value={user} onChange={(_e, data) => setUser(data.value.trim())} />
        </Field>
      )}
      {action === 'schema' && (
        <Field label="Verified schema (JSON)">
          <Textarea value={schemaText} resize="vertical" onChange={(_e, data) => setSchemaText(data.value)} />
        </Field>
      )}
      <Button
        onClick={() => void run(async () => setPlan(await api.graphPlanApply(request)))}
        data-testid="entra-plan"
      >
        Show the requests
      </Button>
      {error && <Text data-testid="entra-apply-error">{error}</Text>}
      {plan && (
        <>
          {plan.requests.map((item, index) => (
            <div key={index} className={styles.code} data-testid="entra-planned-request">
              {`${item.method} ${item.url}\n${item.body}`}
            </div>
          ))}
          {plan.notes.map((note) => (
            <Text key={note}>{note}</Text>
          ))}
          <Field label={`To send, type ${plan.confirmation}`}>
            <Input value={typed} onChange={(_e, data) => setTyped(data.value)} data-testid="entra-confirm" />
          </Field>
          <Button
            appearance="primary"
            disabled={typed !== plan.confirmation || plan.requests.length === 0}
            onClick={() =>
              void run(async () => setOutcome(await api.graphApply({ ...request, confirm: typed })))
            }
          >
            Send to Entra
          </Button>
        </>
      )}
      {outcome && (
        <div data-testid="entra-outcome">
          <Text>
            {outcome.title}: done (HTTP {outcome.statuses.join(', ')}).
          </Text>
          {outcome.steps.length > 0 && (
            <div className={styles.columns}>
              <div>
                <Text weight="semibold">Dry run predicted</Text>
                <div className={styles.code}>
                  {outcome.prediction
                    ? `${outcome.prediction.inScope ? 'In scope' : 'Out of scope'} (${outcome.prediction.decidedBy})\n${outcome.prediction.payload ?? ''}`
                    : 'The user is not in the pulled data.'}
                </div>
              </div>
              <div>
                <Text weight="semibold">Entra answered</Text>
                <div className={styles.code}>
                  {outcome.steps
                    .map((item) => `${item.name}: ${item.status} — ${item.description}`)
                    .join('\n')}
                </div>
              </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
