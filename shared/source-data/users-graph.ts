/**
 * Reads Microsoft Graph `GET /users` responses (`{"value": [...], "@odata.nextLink": ...}`), one or
 * several pages, and renames Graph properties to the provisioning service's source attribute names.
 */
import {
  failure,
  SourceDataError,
  type ImportFailure,
  type ImportResult,
  type SourceUser,
  type SourceValue,
} from './source-user';

/** Graph property → provisioning source attribute, where they differ. */
const RENAMED: Readonly<Record<string, string>> = {
  id: 'objectId',
  officeLocation: 'physicalDeliveryOfficeName',
  mobilePhone: 'mobile',
  faxNumber: 'facsimileTelephoneNumber',
};

/** Graph metadata that is not user data. */
const IGNORED = /^@odata\./;

export interface GraphPage {
  /** Shown in error messages, e.g. "users-page2.json". */
  name: string;
  text: string;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    // V8 reports "… in JSON at position 123" (and sometimes "(line 4 column 7)").
    const position = /position (\d+)/.exec(message);
    const where = position ? lineAndColumn(text, Number(position[1])) : undefined;
    throw new SourceDataError(
      `This is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '')}`,
      where?.line,
      where?.column,
    );
  }
}

function convertValue(key: string, value: unknown, where: string): SourceValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  throw new SourceDataError(
    `${where}: "${key}" has a value this importer cannot read (${JSON.stringify(value)})`,
  );
}

function convertUser(raw: unknown, where: string): SourceUser {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SourceDataError(`${where} is not a user object`);
  }
  const attributes: Record<string, SourceValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (IGNORED.test(key)) continue;
    if (key === 'businessPhones') {
      // The provisioning service's telephoneNumber is the first business phone.
      attributes.telephoneNumber = Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
    } else if (key === 'onPremisesExtensionAttributes' && value && typeof value === 'object') {
      for (const [name, extension] of Object.entries(value))
        attributes[name] = convertValue(name, extension, where);
    } else if (key === 'employeeOrgData' && value && typeof value === 'object') {
      for (const [name, part] of Object.entries(value))
        attributes[`employeeOrgData.${name}`] = convertValue(name, part, where);
    } else if (key === 'manager' && value && typeof value === 'object') {
      attributes.manager = convertValue('manager.id', (value as { id?: unknown }).id, where);
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      continue; // Other complex properties (assignedLicenses, identities, …) are not provisioning sources.
    } else {
      attributes[RENAMED[key] ?? key] = convertValue(key, value, where);
    }
  }
  const { objectId, userPrincipalName } = attributes;
  if (typeof objectId !== 'string' || objectId === '') throw new SourceDataError(`${where} has no "id"`);
  if (typeof userPrincipalName !== 'string' || !userPrincipalName.includes('@')) {
    throw new SourceDataError(`${where} (id ${objectId}) has no userPrincipalName of the form name@domain`);
  }
  return { objectId, userPrincipalName, attributes };
}

/** Parses every page or none; duplicates across pages are an error (pages exported twice). */
export function parseGraphUsersPages(pages: readonly GraphPage[]): ImportResult<SourceUser[]> {
  const users: SourceUser[] = [];
  const seen = new Map<string, string>();
  const warnings: string[] = [];
  for (const page of pages) {
    try {
      const document = parseJson(page.text);
      if (
        typeof document !== 'object' ||
        document === null ||
        !Array.isArray((document as { value?: unknown }).value)
      ) {
        throw new SourceDataError('Expected a Graph response: an object with a "value" array of users');
      }
      const value = (document as { value: unknown[] }).value;
      value.forEach((raw, index) => {
        const user = convertUser(raw, `value[${index}]`);
        const earlier = seen.get(user.objectId.toLowerCase());
        if (earlier)
          throw new SourceDataError(`value[${index}] (id ${user.objectId}) is already in ${earlier}`);
        seen.set(user.objectId.toLowerCase(), `${page.name} value[${index}]`);
        users.push(user);
      });
      if ((document as Record<string, unknown>)['@odata.nextLink'] && page === pages[pages.length - 1]) {
        warnings.push(`${page.name} has an @odata.nextLink: more pages exist than were imported`);
      }
    } catch (error) {
      return failure(error, page.name) satisfies ImportFailure;
    }
  }
  return { ok: true, value: users, warnings };
}
