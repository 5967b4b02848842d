export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** RFC 7644 §3.4.2: `Resources` is always present (empty for no matches), as Entra's samples show. */
export function listResponse(
  resources: unknown[],
  totalResults: number,
  startIndex: number,
  itemsPerPage: number,
): Record<string, unknown> {
  return { schemas: [LIST_RESPONSE_SCHEMA], totalResults, Resources: resources, startIndex, itemsPerPage };
}

const LIST_RESPONSE_SCHEMAS_JSON = JSON.stringify([LIST_RESPONSE_SCHEMA]);

/** JSON.stringify(listResponse(...)) for resources already serialised (resource.ts resourceJson). */
export function listResponseJson(resourceJsons: string[], totalResults: number, startIndex: number): string {
  return (
    `{"schemas":${LIST_RESPONSE_SCHEMAS_JSON},"totalResults":${JSON.stringify(totalResults)},` +
    `"Resources":[${resourceJsons.join(',')}],"startIndex":${JSON.stringify(startIndex)},` +
    `"itemsPerPage":${JSON.stringify(resourceJsons.length)}}`
  );
}
