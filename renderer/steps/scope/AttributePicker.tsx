import { Combobox, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { ENTRA_USER_ATTRIBUTES } from '../../../shared/source-data';

const useStyles = makeStyles({
  root: { minWidth: 0 },
  reason: { display: 'block', fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
});

/**
 * Picks an Entra source attribute, or takes a typed name (directory extensions). With `scoping`, the
 * attributes Entra cannot filter on are listed but refused, each with the reason.
 */
export function AttributePicker({
  value,
  onChange,
  scoping = false,
  testId,
  label,
}: {
  value: string;
  onChange(value: string): void;
  scoping?: boolean;
  testId?: string;
  label: string;
}) {
  const styles = useStyles();
  const options = useMemo(() => {
    const needle = value.trim().toLowerCase();
    const all = ENTRA_USER_ATTRIBUTES.filter((attribute) => !(scoping && attribute.name === 'IsSoftDeleted'));
    const matching = all.filter((attribute) => attribute.name.toLowerCase().includes(needle));
    return matching.length > 0 && !all.some((attribute) => attribute.name === value) ? matching : all;
  }, [value, scoping]);
  return (
    <Combobox
      freeform
      className={styles.root}
      aria-label={label}
      placeholder="Attribute"
      value={value}
      selectedOptions={[value]}
      data-testid={testId}
      onChange={(event) => onChange(event.target.value)}
      onOptionSelect={(_event, data) => data.optionValue && onChange(data.optionValue)}
      listbox={{ style: { maxHeight: '280px' } }}
    >
      {options.map((attribute) => {
        const refused = scoping ? attribute.notScopable : attribute.notMappable;
        return (
          <Option key={attribute.name} value={attribute.name} text={attribute.name} disabled={!!refused}>
            <span>
              {attribute.name}
              {refused && <span className={styles.reason}>{refused}</span>}
            </span>
          </Option>
        );
      })}
    </Combobox>
  );
}
