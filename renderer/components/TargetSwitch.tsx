import { Field, Radio, RadioGroup } from '@fluentui/react-components';

export type Target = 'mock' | 'live';

/**
 * Which Jostle a run talks to. The mock is the default; the live tenant is always an explicit, visible choice.
 */
export function TargetSwitch(props: {
  value: Target;
  liveHost: string | null;
  onChange(target: Target): void;
}) {
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
              ? `Your Jostle tenant (${props.liveHost})`
              : 'Your Jostle tenant (save the Base URL and key first)'
          }
        />
      </RadioGroup>
    </Field>
  );
}
