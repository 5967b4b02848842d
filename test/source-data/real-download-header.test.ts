/**
 * E2 (3P-YSEC): the header of a real "Download users" CSV differs from BULK's documented list (`id`,
 * `officeLocation`, `mobilePhone`, companyName … createdDateTime). The importer reads it, and a guest row
 * then provisions as Entra does (HOW's B2B note).
 */
import { describe, expect, it } from 'vitest';
import { compileMapping, GALLERY_DEFAULT_CONFIG } from '../../shared/mapping';
import { parseDownloadUsersCsv } from '../../shared/source-data';

const HEADER =
  'userPrincipalName,displayName,surname,mail,givenName,id,userType,jobTitle,department,accountEnabled,usageLocation,streetAddress,state,country,officeLocation,city,postalCode,telephoneNumber,mobilePhone,alternateEmailAddress,ageGroup,consentProvidedForMinor,legalAgeGroupClassification,companyName,creationType,directorySynced,invitationState,identityIssuer,createdDateTime';
const row = (cells: Record<string, string>) =>
  HEADER.split(',')
    .map((name) => cells[name] ?? '')
    .join(',');

describe('3P-YSEC: a real Download users header', () => {
  const text = [
    HEADER,
    row({
      userPrincipalName: 'ada@contoso.example',
      displayName: 'Ada',
      surname: 'Lovelace',
      givenName: 'Ada',
      id: '11111111-1111-4111-8111-111111111111',
      userType: 'Member',
      accountEnabled: 'True',
      officeLocation: 'London',
      mobilePhone: '+44 1',
    }),
    row({
      userPrincipalName: 'bob_partner.example#EXT#@contoso.onmicrosoft.com',
      displayName: 'Bob',
      surname: 'Partner',
      givenName: 'Bob',
      mail: 'bob@partner.example',
      id: '22222222-2222-4222-8222-222222222222',
      userType: 'Guest',
      accountEnabled: 'True',
      alternateEmailAddress: 'bob@partner.example',
      invitationState: 'Accepted',
    }),
  ].join('\r\n');

  it('3P-YSEC: id, officeLocation and mobilePhone map to objectId, physicalDeliveryOfficeName and mobile', () => {
    const result = parseDownloadUsersCsv(text, 'users.csv');
    if (!result.ok) throw new Error(result.error.message);
    const [ada] = result.value;
    expect(ada!.objectId).toBe('11111111-1111-4111-8111-111111111111');
    expect(ada!.attributes).toMatchObject({
      accountEnabled: true,
      physicalDeliveryOfficeName: 'London',
      mobile: '+44 1',
    });
  });
  it('HOW: the guest row keeps its #EXT# UPN in the import and is provisioned as bob@partner.example', () => {
    const result = parseDownloadUsersCsv(text, 'users.csv');
    if (!result.ok) throw new Error(result.error.message);
    const bob = result.value[1]!;
    expect(bob.userPrincipalName).toBe('bob_partner.example#EXT#@contoso.onmicrosoft.com');
    const built = compileMapping(GALLERY_DEFAULT_CONFIG).build(bob, {
      operation: 'create',
      isSoftDeleted: false,
    });
    expect(built.resource.userName).toBe('bob@partner.example');
  });
});
