/** The edit dialog's fields, and their conversion to and from a saved mapping. */
import type { AttributeMapping, MappingType } from '../../../shared/mapping';

export interface MappingForm {
  type: MappingType;
  target: string;
  source: string;
  value: string;
  expression: string;
  defaultValue: string;
  apply: 'Always' | 'OnlyDuringCreation';
  matching: boolean;
  precedence: string;
}

export function toForm(mapping: AttributeMapping | null): MappingForm {
  return {
    type: mapping?.type ?? 'Direct',
    target: mapping?.target ?? '',
    source: mapping?.type === 'Direct' ? mapping.source : '',
    value: mapping?.type === 'Constant' ? mapping.value : '',
    expression: mapping?.type === 'Expression' ? mapping.expression : '',
    defaultValue: mapping?.defaultValue ?? '',
    apply: mapping?.apply ?? 'Always',
    matching: mapping?.matchingPrecedence !== undefined,
    precedence: String(mapping?.matchingPrecedence ?? 1),
  };
}

/** What keeps the form from becoming a mapping at all (as opposed to a validation problem). */
export function missingPart(form: MappingForm): string | null {
  if (!form.target) return 'Choose a target attribute.';
  if (form.type === 'Direct' && !form.source.trim()) return 'Choose a source attribute.';
  if (form.type === 'Expression' && !form.expression.trim()) return 'Write the expression.';
  if (form.matching && !/^[1-9]\d*$/.test(form.precedence.trim()))
    return 'The matching precedence is a whole number from 1.';
  return null;
}

export function fromForm(form: MappingForm): AttributeMapping {
  const common = {
    target: form.target,
    apply: form.apply,
    ...(form.defaultValue !== '' ? { defaultValue: form.defaultValue } : {}),
    ...(form.matching ? { matchingPrecedence: Number(form.precedence.trim()) } : {}),
  };
  switch (form.type) {
    case 'Direct':
      return { type: 'Direct', source: form.source.trim(), ...common };
    case 'Constant':
      return { type: 'Constant', value: form.value, ...common };
    case 'Expression':
      return { type: 'Expression', expression: form.expression, ...common };
    case 'None':
      return { type: 'None', ...common };
  }
}
