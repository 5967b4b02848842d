import type { SupportExport } from './model';
import type { ExportDocument } from './outline';
import { aboutSection, connectionSection, networkSection } from './outline-environment';
import { dryRunSection, importedDataSection, probesSection } from './outline-results';
import { mappingSection, progressSection, scopingSection } from './outline-setup';
import { setupPathSection } from './setup-path';
import { entraSchemaSection } from './outline-entra-schema';
import { monitorSection } from './outline-monitor';

/** Every section, in the order support reads them: who and where, what was set up, what was found. */
export const SECTION_BUILDERS = [
  aboutSection,
  connectionSection,
  networkSection,
  progressSection,
  setupPathSection,
  mappingSection,
  scopingSection,
  entraSchemaSection,
  probesSection,
  dryRunSection,
  monitorSection,
  importedDataSection,
] as const;

export function exportDocument(model: SupportExport): ExportDocument {
  return {
    title: 'Jostle Provisioning Assistant: support summary',
    intro: [
      `Generated ${model.about.generatedAt} by ${model.about.assistantName} ${model.about.assistantVersion}.`,
      'Never included: the Jostle API key, the Base URL path, and (unless the admin opted in) imported user data. Token-like values in evidence are replaced by [redacted].',
    ],
    sections: SECTION_BUILDERS.map((build) => build(model)),
  };
}
