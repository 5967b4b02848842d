import { startMockJostle, type MockJostle } from '../mock-jostle';
import type { MockStatus } from '../../shared/api/contract';

/** The mock Jostle that runs inside the app, started on demand for the diagnostics and the dry run. */
export class EmbeddedMock {
  private running: Promise<MockJostle> | null = null;

  /** Starts the mock if it is not running; concurrent callers share one start. */
  async ensure(seedUsers = 0): Promise<MockJostle> {
    this.running ??= startMockJostle({ seedUsers }).catch((error: unknown) => {
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
    if (!mock) return { running: false, baseUrl: null, token: null, userCount: 0, faults: [] };
    return {
      running: true,
      baseUrl: mock.baseUrl,
      token: mock.token,
      userCount: mock.userCount(),
      faults: mock.faults(),
    };
  }
}
