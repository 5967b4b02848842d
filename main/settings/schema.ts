/**
 * The settings file: non-secret state only. The API key never appears here (it lives in the keychain);
 * the Base URL is kept here too so the UI can show it even when the keychain is locked.
 */
import type { Schema } from 'conf';
import { stepIds, type StepId } from '../../shared/wizard/steps';
import type { Notice } from '../../shared/api/contract';
import { APP_PATHS, type AppPath } from '../../shared/app-path/app-path';

export interface WindowBounds {
  x: number | null;
  y: number | null;
  width: number;
  height: number;
  maximized: boolean;
}

/** How SCIM requests leave this computer; the proxy itself comes from the system or HTTPS_PROXY. */
export interface NetworkSettings {
  /** An extra PEM file of trusted certificates, for corporate TLS inspection. */
  caFile: string | null;
  /** Also trust the operating system's certificate store, where the runtime can read it. */
  useSystemCa: boolean;
}

/** Microsoft Graph sign-in (main/graph); null tenant and client ID mean "not set up yet" / the default client. */
export interface GraphSettings {
  tenant: string | null;
  clientId: string | null;
  cloud: 'global' | 'usGovernment' | 'usGovernmentDod' | 'china';
}

export interface SettingsData {
  schemaVersion: number;
  connection: { baseUrl: string | null };
  network: NetworkSettings;
  wizard: { currentStep: StepId; checklists: Record<string, Record<string, boolean>> };
  notices: Notice[];
  window: WindowBounds;
  /** When the admin last saved a support export; the Export step is done once there is one. */
  exportedAt: string | null;
  graph: GraphSettings;
  /** Which Entra app the admin sets up: the Jostle gallery app or a custom non-gallery one (issue 22). */
  appPath: AppPath;
}

export const SETTINGS_SCHEMA_VERSION = 1;

export const settingsDefaults: SettingsData = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  connection: { baseUrl: null },
  network: { caFile: null, useSystemCa: true },
  wizard: { currentStep: 'plan', checklists: {} },
  notices: [],
  window: { x: null, y: null, width: 1180, height: 820, maximized: false },
  exportedAt: null,
  graph: { tenant: null, clientId: null, cloud: 'global' },
  appPath: 'gallery',
};

const nullableInteger = { type: ['integer', 'null'] } as const;

export const settingsSchema: Schema<SettingsData> = {
  schemaVersion: { type: 'integer', minimum: 1 },
  exportedAt: { type: ['string', 'null'] },
  appPath: { type: 'string', enum: [...APP_PATHS] },
  connection: {
    type: 'object',
    additionalProperties: false,
    properties: { baseUrl: { type: ['string', 'null'], maxLength: 2048 } },
  },
  network: {
    type: 'object',
    additionalProperties: false,
    properties: {
      caFile: { type: ['string', 'null'], maxLength: 4096 },
      useSystemCa: { type: 'boolean' },
    },
  },
  wizard: {
    type: 'object',
    additionalProperties: false,
    properties: {
      currentStep: { type: 'string', enum: [...stepIds] },
      checklists: {
        type: 'object',
        additionalProperties: { type: 'object', additionalProperties: { type: 'boolean' } },
      },
    },
  },
  notices: {
    type: 'array',
    maxItems: 50,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'level', 'message', 'at'],
      properties: {
        id: { type: 'string' },
        level: { type: 'string', enum: ['info', 'warning', 'error'] },
        message: { type: 'string' },
        at: { type: 'string' },
      },
    },
  },
  graph: {
    type: 'object',
    additionalProperties: false,
    properties: {
      tenant: { type: ['string', 'null'], maxLength: 256 },
      clientId: { type: ['string', 'null'], maxLength: 64 },
      cloud: { type: 'string', enum: ['global', 'usGovernment', 'usGovernmentDod', 'china'] },
    },
  },
  window: {
    type: 'object',
    additionalProperties: false,
    properties: {
      x: nullableInteger,
      y: nullableInteger,
      width: { type: 'integer', minimum: 400, maximum: 10000 },
      height: { type: 'integer', minimum: 300, maximum: 10000 },
      maximized: { type: 'boolean' },
    },
  },
};
