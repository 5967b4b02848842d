import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { jostleTargetAttributes } from '../../../shared/jostle/schema';
import {
  ENTRA_GENERIC_TARGETS,
  SUGGESTED_SOURCES,
  type AttributeMapping,
  type MappingType,
} from '../../../shared/mapping';
import { AttributePicker } from '../scope/AttributePicker';
import { ProblemList, type ShownProblem } from '../scope/ProblemList';
import { ExpressionField } from './ExpressionField';
import { fromForm, missingPart, toForm, type MappingForm } from './mapping-form';
import { shortTarget } from './mapping-text';

const useStyles = makeStyles({
  surface: { maxWidth: '640px' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  matching: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  hint: { color: tokens.colorNeutralForeground3 },
  select: { minWidth: 0, width: '100%', overflow: 'hidden' },
});

const TYPES: Array<{ value: MappingType; label: string }> = [
  { value: 'Direct', label: 'Direct: copy an Entra attribute' },
  { value: 'Constant', label: 'Constant: always the same text' },
  { value: 'Expression', label: 'Expression: computed' },
  { value: 'None', label: 'None: only the default value' },
];

/** Entra's "Edit Attribute" dialog, for one mapping; problems show live, with the same checks as main. */
export function MappingDialog({
  mapping,
  takenTargets,
  problemsFor,
  onApply,
  onClose,
  genericTargets = false,
}: {
  mapping: AttributeMapping | null;
  /** Custom app: Entra's generic SCIM attributes can be targets too (Jostle's verdict flags them). */
  genericTargets?: boolean;
  takenTargets: readonly string[];
  problemsFor(mapping: AttributeMapping): ShownProblem[];
  onApply(mapping: AttributeMapping): void;
  onClose(): void;
}) {
  const styles = useStyles();
  const [form, setForm] = useState<MappingForm>(() => toForm(mapping));
  const set = (patch: Partial<MappingForm>) => setForm((current) => ({ ...current, ...patch }));
  const missing = missingPart(form);
  const allProblems = missing ? [] : problemsFor(fromForm(form));
  const problems = allProblems.filter((p) => !('position' in p && p.position !== undefined));
  // A mapping with an error can be kept, so work is never lost, but only as a visible draft: the button
  // says so, and the row keeps a "Not valid" badge until it is fixed.
  const invalid = allProblems.some((problem) => problem.severity === 'error');
  const targets = jostleTargetAttributes.filter(
    (target) => target.path === mapping?.target || !takenTargets.includes(target.path.toLowerCase()),
  );
  const generic = genericTargets
    ? ENTRA_GENERIC_TARGETS.filter(
        (t) => t.path === mapping?.target || !takenTargets.includes(t.path.toLowerCase()),
      )
    : [];
  const target = [...jostleTargetAttributes, ...generic].find((candidate) => candidate.path === form.target);
  const suggestion = SUGGESTED_SOURCES[form.target];

  const pickTarget = (path: string) =>
    set({
      target: path,
      ...(form.type === 'Direct' && !form.source && SUGGESTED_SOURCES[path]
        ? { source: SUGGESTED_SOURCES[path] }
        : {}),
    });

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} data-testid="mapping-dialog">
        <DialogBody>
          <DialogTitle>{mapping ? `Edit ${shortTarget(mapping.target)}` : 'Add a mapping'}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field
              label="Target attribute (Jostle)"
              hint={target ? `${target.type}. ${target.description}` : undefined}
            >
              <Select
                className={styles.select}
                data-testid="mapping-target"
                value={form.target}
                onChange={(_event, data) => pickTarget(data.value)}
              >
                <option value="">Choose…</option>
                <optgroup label="Jostle gallery app">
                  {targets
                    .filter((t) => t.galleryDefault)
                    .map((t) => (
                      <option key={t.path} value={t.path}>
                        {t.path}
                      </option>
                    ))}
                </optgroup>
                <optgroup label="Newer Jostle attributes">
                  {targets
                    .filter((t) => !t.galleryDefault)
                    .map((t) => (
                      <option key={t.path} value={t.path}>
                        {t.path}
                      </option>
                    ))}
                </optgroup>
                {generic.length > 0 && (
                  <optgroup label="Entra’s generic SCIM attributes (Jostle does not list them)">
                    {generic.map((t) => (
                      <option key={t.path} value={t.path}>
                        {t.path}
                      </option>
                    ))}
                  </optgroup>
                )}
              </Select>
            </Field>
            <Field label="Mapping type">
              <Select
                data-testid="mapping-type"
                value={form.type}
                onChange={(_event, data) => set({ type: data.value as MappingType })}
              >
                {TYPES.map((type) => (
                  <option key={type.value} value={type.value}>
                    {type.label}
                  </option>
                ))}
              </Select>
            </Field>
            {form.type === 'Direct' && (
              <Field
                label="Source attribute (Entra)"
                hint={suggestion ? `Suggested: ${suggestion}` : undefined}
              >
                <AttributePicker
                  label="Source attribute"
                  testId="mapping-source"
                  value={form.source}
                  onChange={(source) => set({ source })}
                />
              </Field>
            )}
            {form.type === 'Constant' && (
              <Field label="Constant value" hint={target?.type === 'Boolean' ? 'True or False' : undefined}>
                <Input
                  data-testid="mapping-constant"
                  value={form.value}
                  onChange={(_event, data) => set({ value: data.value })}
                />
              </Field>
            )}
            {form.type === 'Expression' && (
              <ExpressionField value={form.expression} onChange={(expression) => set({ expression })} />
            )}
            <div className={styles.pair}>
              <Field label="Default value if null" hint="Used only when the user is created.">
                <Input
                  data-testid="mapping-default"
                  value={form.defaultValue}
                  onChange={(_event, data) => set({ defaultValue: data.value })}
                />
              </Field>
              <Field label="Apply this mapping" hint="Only during creation: later changes are not sent.">
                <Select
                  data-testid="mapping-apply"
                  value={form.apply}
                  onChange={(_event, data) => set({ apply: data.value as MappingForm['apply'] })}
                >
                  <option value="Always">Always</option>
                  <option value="OnlyDuringCreation">Only during object creation</option>
                </Select>
              </Field>
            </div>
            <div className={styles.matching}>
              <Checkbox
                data-testid="mapping-matching"
                checked={form.matching}
                label="Match objects using this attribute"
                onChange={(_event, data) => set({ matching: data.checked === true })}
              />
              {form.matching && (
                <Field label="Precedence" orientation="horizontal">
                  <Input
                    type="number"
                    min={1}
                    style={{ width: '72px' }}
                    value={form.precedence}
                    onChange={(_event, data) => set({ precedence: data.value })}
                  />
                </Field>
              )}
            </div>
            <Text size={200} className={styles.hint}>
              Jostle can find users by userName only, so only userName can be a matching attribute.
            </Text>
            <ProblemList problems={problems} testId="mapping-dialog-problems" />
            {missing && <Text size={200}>{missing}</Text>}
            {invalid && (
              <Text size={200} data-testid="mapping-draft-note">
                Not valid yet. You can keep it as a draft: the row is marked <b>Not valid</b>, and the dry run
                will not run until it is fixed.
              </Text>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              appearance={invalid ? 'secondary' : 'primary'}
              disabled={missing !== null}
              data-testid="mapping-apply-edit"
              onClick={() => onApply(fromForm(form))}
            >
              {invalid ? 'Keep as draft (not valid)' : mapping ? 'Apply' : 'Add'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
