/**
 * Reads Microsoft Graph `GET /users` responses (`{"value": [...], "@odata.nextLink": ...}`), one or
 * several pages, and renames Graph properties to the provisioning service's source attribute names.
 */
import { hashKey, SlotIndex } from './slot-index';
import { UserTableBuilder, type UserTable } from './user-table';
import {
  failure,
  SourceDataError,
  type ImportFailure,
  type ImportResult,
  type ImportSuccess,
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

/**
 * Reads Graph pages one at a time straight into a compact user table, so a 500,000-user tenant is never held
 * as page texts or user objects (~2 KB a user): what is kept is the table, each page's name and first row, and
 * a typed-array index of the lower-cased ids for the duplicate check. After a failure, push nothing more.
 */
export class GraphUsersImporter {
  private readonly builder = new UserTableBuilder();
  private readonly ids = new SlotIndex((row) => this.builder.objectIdAt(row).toLowerCase());
  private readonly pageNames: string[] = [];
  private readonly pageStarts: number[] = [];
  private readonly warnings: string[] = [];
  private lastPage: { name: string; hasNextLink: boolean } | null = null;

  get length(): number {
    return this.builder.length;
  }

  /** Adds one page's users; a failure (naming the page) when it cannot, and then nothing of it should count. */
  push(page: GraphPage): ImportFailure | null {
    try {
      const document = parseJson(page.text);
      if (
        typeof document !== 'object' ||
        document === null ||
        !Array.isArray((document as { value?: unknown }).value)
      ) {
        throw new SourceDataError('Expected a Graph response: an object with a "value" array of users');
      }
      this.pageNames.push(page.name);
      this.pageStarts.push(this.builder.length);
      const value = (document as { value: unknown[] }).value;
      for (let index = 0; index < value.length; index += 1) {
        const user = convertUser(value[index], `value[${index}]`);
        const key = user.objectId.toLowerCase();
        const earlier = this.ids.find(key);
        if (earlier >= 0)
          throw new SourceDataError(
            `value[${index}] (id ${user.objectId}) is already in ${this.whereIs(earlier)}`,
          );
        this.ids.insert(
          hashKey(key),
          this.builder.add(user.objectId, user.userPrincipalName, user.attributes),
        );
      }
      this.lastPage = {
        name: page.name,
        hasNextLink: Boolean((document as Record<string, unknown>)['@odata.nextLink']),
      };
      return null;
    } catch (error) {
      return failure(error, page.name);
    }
  }

  finish(): ImportSuccess<UserTable> {
    const warnings = [...this.warnings];
    if (this.lastPage?.hasNextLink)
      warnings.push(`${this.lastPage.name} has an @odata.nextLink: more pages exist than were imported`);
    return { ok: true, value: this.builder.finish(), warnings };
  }

  /** "page value[i]" for a row: pages are added in order, so the page is the last one starting at or before it. */
  private whereIs(row: number): string {
    let page = this.pageStarts.length - 1;
    while (page > 0 && this.pageStarts[page]! > row) page -= 1;
    return `${this.pageNames[page]} value[${row - this.pageStarts[page]!}]`;
  }
}

/** Parses every page or none; duplicates across pages are an error (pages exported twice). */
export function parseGraphUsersPages(pages: readonly GraphPage[]): ImportResult<UserTable> {
  const importer = new GraphUsersImporter();
  for (const page of pages) {
    const failed = importer.push(page);
    if (failed) return failed;
  }
  return importer.finish();
}
