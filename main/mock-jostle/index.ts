/**
 * Mock Jostle SCIM 2.0 server: a local stand-in for Jostle's user-provisioning API that behaves toward
 * Microsoft Entra as Jostle does, with switchable faults. See docs/mock-jostle.md.
 */
export type { FaultKind, FaultSpec, MockEndpoint, MockJostleOptions, RequestLogEntry } from './types';
export type { MockJostle } from './mock-server';
export type { StoredUser, UserData } from './user-model';
export { startMockJostle } from './mock-server';
export { parseFaultSpec, FAULT_KINDS, MOCK_ENDPOINTS } from './faults';
