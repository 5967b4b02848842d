/**
 * The attribute-mapping configuration as the app saves it (JSON), with its zod schema. Mirrors Entra's
 * "Edit Attribute" dialog: mapping type, source, default value if null, matching precedence and
 * "Apply this mapping" (reference §11, MAP).
 */
import { z } from 'zod';

const common = {
  /** Target attribute path as Entra shows it, e.g. `emails[type eq "work"].value`. */
  target: z.string().min(1),
  /** "Apply this mapping": Always, or Only during object creation (Graph flowType ObjectAddOnly). */
  apply: z.enum(['Always', 'OnlyDuringCreation']).default('Always'),
  /** "Default value if null (optional)": used only when the user is created. */
  defaultValue: z.string().optional(),
  /**
   * "Match objects using this attribute" with its "Matching precedence" (1 is tried first). Absent when
   * the attribute is not used for matching.
   */
  matchingPrecedence: z.number().int().positive().optional(),
};

export const attributeMappingSchema = z.discriminatedUnion('type', [
  /** Copies a source attribute as it is. */
  z.object({ type: z.literal('Direct'), source: z.string().min(1), ...common }),
  /** Always the same text (Booleans as "True"/"False"). */
  z.object({ type: z.literal('Constant'), value: z.string(), ...common }),
  /** An Entra expression, e.g. `Switch([IsSoftDeleted], , "False", "True", "True", "False")`. */
  z.object({ type: z.literal('Expression'), expression: z.string().min(1), ...common }),
  /** Leaves the target alone; fills it with the default value when empty. */
  z.object({ type: z.literal('None'), ...common }),
]);

export const mappingConfigSchema = z.object({
  version: z.literal(1),
  mappings: z.array(attributeMappingSchema),
});

export type AttributeMapping = z.infer<typeof attributeMappingSchema>;
export type MappingType = AttributeMapping['type'];
export type MappingConfig = z.infer<typeof mappingConfigSchema>;
