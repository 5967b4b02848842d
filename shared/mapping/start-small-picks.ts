/**
 * "Start small" (Microsoft's Jostle tutorial: assign one or two users first, check them in Jostle, then the
 * rest). The two picked should be ordinary members (our choice, not Entra's rule): a guest (an `#EXT#` user
 * principal name, or Entra's userType Guest) arrives in Jostle as alias@theirdomain rather than the name the
 * admin sees in Entra (HOW, docs/entra-fidelity.md B14), which makes a confusing first test. Guests are
 * picked only when there are not two members to choose from.
 */
export const START_SMALL_COUNT = 2;

export function isGuest(userPrincipalName: string, userType: unknown): boolean {
  return (
    userPrincipalName.toUpperCase().includes('#EXT#') ||
    (typeof userType === 'string' && userType.toLowerCase() === 'guest')
  );
}

/** Collects candidates in import order (in scope, enabled, mapping cleanly) and picks the first members. */
export class StartSmallPicker {
  private readonly members: string[] = [];
  private readonly guests: string[] = [];

  offer(userPrincipalName: string, userType: unknown): void {
    if (isGuest(userPrincipalName, userType)) {
      if (this.guests.length < START_SMALL_COUNT) this.guests.push(userPrincipalName);
    } else if (this.members.length < START_SMALL_COUNT) this.members.push(userPrincipalName);
  }

  picked(): string[] {
    return [...this.members, ...this.guests].slice(0, START_SMALL_COUNT);
  }
}
