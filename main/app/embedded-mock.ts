import { isLoopbackHost } from '../../shared/connection/validation';
import { startMockJostle, type MockJostle } from '../mock-jostle';
import type { MockStatus } from '../../shared/api/contract';

/** Where the last Mock Jostle ran, so a saved Base URL keeps working after a restart of the mock or the app. */
export interface MockAddressMemory {
  /** The Base URL and key saved in the wizard, if any (main only: the key never leaves main). */
  saved(): Promise<{ baseUrl: string; apiKey: string } | null>;
}

interface Preferred {
  port: number;
  /** The key saved for that URL: the mock accepts it, so the saved URL and key work together again. */
  token?: string;
  why: 'saved' | 'last';
}

/** The port of a saved Base URL that looks like Mock Jostle's (http on a loopback address, path /scim2). */
function mockPortOf(baseUrl: string): number | null {
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' || !isLoopbackHost(url.hostname) || url.pathname !== '/scim2') return null;
    if (url.hostname !== '127.0.0.1') return null;
    const port = Number(url.port);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

const isUsableToken = (token: string) => token.trim() !== '' && !/\s/.test(token);

/**
 * The mock Jostle that runs inside the app, started on demand for the diagnostics and the dry run.
 * It starts on the port of the Base URL saved in the wizard when that URL is a Mock Jostle address (and
 * accepts the key saved with it), otherwise on the port it last used in this run; when that port is taken
 * it takes a free one and says so, because a saved URL then no longer reaches it.
 */
export class EmbeddedMock {
  private running: Promise<MockJostle> | null = null;
  private lastPort: number | null = null;
  private tokenIsSavedKey = false;
  private notice: string | null = null;

  constructor(private readonly memory?: MockAddressMemory) {}

  private async preferred(): Promise<Preferred | null> {
    const saved = await this.memory?.saved().catch(() => null);
    const savedPort = saved ? mockPortOf(saved.baseUrl) : null;
    if (saved && savedPort !== null)
      return {
        port: savedPort,
        ...(isUsableToken(saved.apiKey) ? { token: saved.apiKey } : {}),
        why: 'saved',
      };
    return this.lastPort === null ? null : { port: this.lastPort, why: 'last' };
  }

  private async start(seedUsers: number): Promise<MockJostle> {
    const preferred = await this.preferred();
    this.notice = null;
    this.tokenIsSavedKey = false;
    let mock: MockJostle;
    try {
      mock = await startMockJostle({
        seedUsers,
        ...(preferred ? { port: preferred.port } : {}),
        ...(preferred?.token ? { token: preferred.token } : {}),
      });
      this.tokenIsSavedKey = preferred?.token !== undefined;
    } catch (error) {
      if (!preferred || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      mock = await startMockJostle({ seedUsers });
      this.notice =
        preferred.why === 'saved'
          ? `Port ${preferred.port}, the one in the Base URL saved in the wizard, is in use by another program, so Mock Jostle now runs on port ${new URL(mock.baseUrl).port}. The saved Base URL no longer reaches it: select Use in the wizard to save the new address.`
          : `Port ${preferred.port}, which Mock Jostle used before, is in use by another program, so it now runs on port ${new URL(mock.baseUrl).port}.`;
    }
    this.lastPort = Number(new URL(mock.baseUrl).port);
    return mock;
  }

  /** Starts the mock if it is not running; concurrent callers share one start. */
  async ensure(seedUsers = 0): Promise<MockJostle> {
    this.running ??= this.start(seedUsers).catch((error: unknown) => {
      this.running = null;
      throw error;
    });
    return this.running;
  }

  async current(): Promise<MockJostle | null> {
    return this.running ? this.running.catch(() => null) : null;
  }

  async stop(): Promise<void> {
    const mock = await this.current();
    this.running = null;
    await mock?.close();
  }

  async status(): Promise<MockStatus> {
    const mock = await this.current();
    if (!mock)
      return {
        running: false,
        baseUrl: null,
        token: null,
        tokenIsSavedKey: false,
        userCount: 0,
        faults: [],
        notice: null,
      };
    return {
      running: true,
      baseUrl: mock.baseUrl,
      // The saved key stays in main, even when the mock uses it as its token.
      token: this.tokenIsSavedKey ? null : mock.token,
      tokenIsSavedKey: this.tokenIsSavedKey,
      userCount: mock.userCount(),
      faults: mock.faults(),
      notice: this.notice,
    };
  }
}
