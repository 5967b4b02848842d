import {
  CORE_USER_SCHEMA,
  JOSTLE_USER_EXTENSION,
  jostleSchemas,
  type ScimSchemaDefinition,
} from '../../shared/jostle/schema';
import { notFound } from './errors';
import { listResponse } from './list-response';

/** Discovery documents (RFC 7644 §4, RFC 7643 §5–7), built from the shared Jostle schema. */

export const MAX_RESULTS = 200;

export function serviceProviderConfig(baseUrl: string): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUri: 'https://forum.jostle.us/hc/en-us/articles/360047694954-User-Provisioning-API',
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication with the Jostle user-provisioning key as a Bearer token.',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function userResourceType(baseUrl: string): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'Jostle user account',
    schema: CORE_USER_SCHEMA,
    schemaExtensions: [{ schema: JOSTLE_USER_EXTENSION, required: false }],
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
  };
}

/** Jostle: "We only support User and not Group." */
export function resourceTypes(baseUrl: string, id: string | undefined): Record<string, unknown> {
  const user = userResourceType(baseUrl);
  if (id === undefined) return listResponse([user], 1, 1, 1);
  if (id.toLowerCase() === 'user') return user;
  throw notFound(`Resource type '${id}' does not exist; Jostle supports only User.`);
}

function schemaResource(schema: ScimSchemaDefinition, baseUrl: string): Record<string, unknown> {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id: schema.id,
    name: schema.name,
    description: schema.description,
    attributes: schema.attributes,
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${schema.id}` },
  };
}

export function schemas(baseUrl: string, id: string | undefined): Record<string, unknown> {
  const all = jostleSchemas.map((schema) => schemaResource(schema, baseUrl));
  if (id === undefined) return listResponse(all, all.length, 1, all.length);
  const found = all.find((schema) => String(schema.id).toLowerCase() === id.toLowerCase());
  if (!found) throw notFound(`Schema '${id}' does not exist.`);
  return found;
}
