/**
 * B2B guests (HOW, "B2B (external) users" note): a guest's userPrincipalName looks like
 * `alias_theirdomain#EXT#@yourdomain`. When a mapping reads [userPrincipalName], Entra strips `#EXT#` and
 * your domain and uses `alias@theirdomain` for matching and provisioning; [originalUserPrincipalName]
 * keeps the full value.
 */

/** The attribute that keeps the guest's full UPN, `#EXT#` and all. */
export const ORIGINAL_UPN = 'originalUserPrincipalName';

const GUEST_UPN = /^(.+)#EXT#@[^@]+$/i;

/**
 * `alias@theirdomain` for a guest UPN, or null for a member UPN. The alias and the domain are split at the
 * last "_": a domain has no underscores, an alias may (john_smith_partner.com → john_smith@partner.com).
 */
export function guestExternalAddress(userPrincipalName: string): string | null {
  const guest = GUEST_UPN.exec(userPrincipalName);
  if (!guest) return null;
  const mangled = guest[1] as string;
  const split = mangled.lastIndexOf('_');
  if (split <= 0 || split === mangled.length - 1) return null;
  return `${mangled.slice(0, split)}@${mangled.slice(split + 1)}`;
}
