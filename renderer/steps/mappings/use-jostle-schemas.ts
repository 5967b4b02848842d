/** Jostle's schema for the verdicts: the live `/Schemas` a probe read, else our model (main decides). */
import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { when } from '../../text';

export type JostleSchemas = ApiResponse<'getJostleSchemas'>;

export function useJostleSchemas(): JostleSchemas | null {
  const [schemas, setSchemas] = useState<JostleSchemas | null>(null);
  useEffect(() => {
    let current = true;
    void api
      .getJostleSchemas({})
      .then((answer) => current && setSchemas(answer))
      .catch(() => undefined); // Without an answer the shared model is used, and labelled as such.
    return () => {
      current = false;
    };
  }, []);
  return schemas;
}

/** How the UI names the schema the verdicts were checked against. */
export function schemaLabel(schemas: JostleSchemas | null): string {
  return schemas?.source === 'live'
    ? `Jostle’s live /Schemas, read by the probes${schemas.readAt ? ` at ${when(schemas.readAt)}` : ''}`
    : 'our model of Jostle’s schema (no live /Schemas read yet; run the probes against your tenant)';
}
