import { createServer, type Server } from 'node:http';
import { answerHttpLayerErrors } from './http-layer-errors';
import type { AddressInfo } from 'node:net';
import { createBearerCheck, randomToken } from './auth';
import { validateFaults } from './faults';
import { createRequestHandler } from './request-handler';
import { RequestLog } from './request-log';
import { loadSnapshot, saveSnapshot } from './snapshot';
import { generateUsers } from './synthetic-users';
import type { StoredUser } from './user-model';
import { UserStore } from './user-store';
import type { FaultSpec, MockJostleOptions, RequestLogEntry } from './types';

export interface MockJostle {
  readonly baseUrl: string;
  readonly token: string;
  setFaults(faults: FaultSpec[]): void;
  faults(): FaultSpec[];
  requestLog(): RequestLogEntry[];
  clearLog(): void;
  /** Removes all users and clears the log. */
  reset(): void;
  userCount(): number;
  generateUsers(n: number): void;
  saveSnapshot(file: string): Promise<void>;
  loadSnapshot(file: string): Promise<void>;
  /**
   * Stops accepting connections and waits (at most `timeoutMs`) for requests in flight to be answered, so a
   * snapshot taken afterwards holds every write the mock acknowledged. Resolves with the number of requests
   * still unanswered at the deadline (0 = fully drained). The server stays stopped; call close() after.
   */
  drain(timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
  /** Direct store reads, for tests and dry-run verification (no HTTP, no log entry). */
  findUserByUserName(userName: string): StoredUser | undefined;
  findUserById(id: string): StoredUser | undefined;
}

function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(trimmed))
    throw new Error(`basePath '${basePath}' must look like /scim2.`);
  return trimmed;
}

/** Starts the mock on 127.0.0.1 (by default) and resolves once it is listening. */
export async function startMockJostle(options: MockJostleOptions = {}): Promise<MockJostle> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomToken();
  if (token.trim() === '' || /\s/.test(token))
    throw new Error('The token must be non-empty and contain no spaces.');
  const basePath = normaliseBasePath(options.basePath ?? '/scim2');
  let faults = validateFaults(options.faults ?? []);
  const store = new UserStore();
  const log = new RequestLog(options.logCapacity);
  const closing = new AbortController();
  if (options.seedUsers) generateUsers(store, options.seedUsers);

  const server: Server = createServer({ keepAlive: true });
  let inFlight = 0;
  let onIdle: (() => void) | null = null;
  server.on('request', (_request, response) => {
    inFlight += 1;
    response.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) onIdle?.();
    });
  });
  answerHttpLayerErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const baseUrl = `http://${urlHost}:${port}${basePath}`;

  server.on(
    'request',
    createRequestHandler({
      basePath,
      baseUrl,
      users: { store, usersUrl: `${baseUrl}/Users` },
      log,
      checkAuth: createBearerCheck(token),
      faults: () => faults,
      onRequest: options.onRequest,
      closing: closing.signal,
    }),
  );

  let closed: Promise<void> | undefined;
  let draining: Promise<number> | undefined;
  return {
    baseUrl,
    token,
    setFaults(next) {
      faults = validateFaults(next);
    },
    faults: () => faults.map((fault) => ({ ...fault })),
    requestLog: () => log.entries(),
    clearLog: () => log.clear(),
    reset() {
      store.clear();
      log.clear();
    },
    userCount: () => store.size,
    generateUsers: (n) => generateUsers(store, n),
    saveSnapshot: (file) => saveSnapshot(store, file),
    loadSnapshot: (file) => loadSnapshot(store, file),
    findUserByUserName: (userName) => store.findByUserName(userName),
    findUserById: (id) => store.get(id),
    drain(timeoutMs = 5000) {
      draining ??= new Promise<number>((resolve) => {
        server.close(() => undefined);
        server.closeIdleConnections();
        if (inFlight === 0) return resolve(0);
        const timer = setTimeout(() => resolve(inFlight), timeoutMs);
        onIdle = () => {
          clearTimeout(timer);
          resolve(0);
        };
      });
      return draining;
    },
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        closing.abort();
        if (draining) {
          server.closeAllConnections();
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        // Drops keep-alive sockets and the requests held open by the noResponse fault.
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
