import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { mappingBaseline, type MappingBaseline } from '../../../shared/mapping';
import { api } from '../../api/client';

export type EntraSchemaState = ApiResponse<'getEntraSchema'>;

/** The imported Entra schema and its comparison with the saved configuration; reloads when `version` changes. */
export function useEntraSchema(version = 0): {
  state: EntraSchemaState | null;
  baseline: MappingBaseline;
  setState(state: EntraSchemaState): void;
} {
  const [state, setState] = useState<EntraSchemaState | null>(null);
  useEffect(() => {
    let current = true;
    void api.getEntraSchema({}).then((value) => current && setState(value));
    return () => {
      current = false;
    };
  }, [version]);
  return { state, baseline: mappingBaseline(state?.entraMappings), setState };
}
