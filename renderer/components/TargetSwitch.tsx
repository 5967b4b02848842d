import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { isLoopbackUrl, writeConfirmed } from '../../shared/connection/validation';
import { useAssistant } from '../state/assistant-state';
import { hostOf } from '../text';

export type Target = 'mock' | 'live';

/**
 * The saved tenant, when a key is saved for it: its host, and whether writes to it need the admin to type
 * that host first (the same rule main applies; loopback targets need no confirmation).
 */
export function useLiveTenant(): { host: string; confirmed(typed: string): boolean } | null {
  const { connection } = useAssistant();
  const baseUrl = connection?.key.saved ? connection.baseUrl : null;
  const host = hostOf(baseUrl);
  if (!baseUrl || !host) return null;
  return { host, confirmed: (typed) => writeConfirmed(baseUrl, typed) };
}

/**
 * Which Jostle a run talks to. The mock is the default; the live tenant is always an explicit, visible choice.
 */
export function TargetSwitch(props: {
  value: Target;
  liveHost: string | null;
  onChange(target: Target): void;
}) {
  // A saved Base URL on this computer is Mock Jostle (or another local server), never the tenant.
  const { connection } = useAssistant();
  const savedIsLocal = isLoopbackUrl(connection?.key.saved ? connection.baseUrl : null);
  return (
    <Field label="Run against">
      <RadioGroup
        layout="horizontal"
        value={props.value}
        onChange={(_event, data) => props.onChange(data.value as Target)}
        data-testid="target-switch"
      >
        <Radio value="mock" label="Mock Jostle (on this computer)" />
        <Radio
          value="live"
          disabled={props.liveHost === null}
          label={
            props.liveHost
              ? savedIsLocal
                ? `The saved Base URL (${props.liveHost}, on this computer: not a Jostle tenant)`
                : `Your Jostle tenant (${props.liveHost})`
              : 'Your Jostle tenant (save the Base URL and key first)'
          }
        />
      </RadioGroup>
    </Field>
  );
}
