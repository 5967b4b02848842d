import { ApiError } from '../../shared/api/errors';
import type { AppContext } from '../app/context';
import { connectionHandlers } from './connection-handlers';
import type { HandlerTable } from './handler-table';

type MockChannels =
  | 'getMockStatus'
  | 'startMock'
  | 'stopMock'
  | 'setMockFaults'
  | 'resetMock'
  | 'generateMockUsers'
  | 'getMockLog'
  | 'clearMockLog'
  | 'useMockInWizard';

export function mockHandlers(context: AppContext): Pick<HandlerTable, MockChannels> {
  const running = async () => {
    const mock = await context.mock.current();
    if (!mock) throw new ApiError('not-available', 'Mock Jostle is not running. Start it first.');
    return mock;
  };
  return {
    getMockStatus: () => context.mock.status(),
    startMock: async ({ seedUsers }) => {
      const mock = await context.mock.ensure(seedUsers);
      context.logger.log('info', 'mock jostle started', { baseUrl: mock.baseUrl });
      return context.mock.status();
    },
    stopMock: async () => {
      await context.mock.stop();
      return context.mock.status();
    },
    setMockFaults: async ({ faults }) => {
      (await running()).setFaults(faults);
      return context.mock.status();
    },
    resetMock: async () => {
      (await running()).reset();
      return context.mock.status();
    },
    generateMockUsers: async ({ count }) => {
      (await running()).generateUsers(count);
      return context.mock.status();
    },
    getMockLog: async ({ afterId }) => {
      const mock = await context.mock.current();
      const entries = mock ? mock.requestLog() : [];
      return { entries: afterId === undefined ? entries : entries.filter((entry) => entry.id > afterId) };
    },
    clearMockLog: async () => {
      (await running()).clearLog();
      return context.mock.status();
    },
    useMockInWizard: async () => {
      const mock = await running();
      // The same save as step 3's form (one implementation): checks, keychain, settings, rollback.
      return connectionHandlers(context).saveConnection({ baseUrl: mock.baseUrl, apiKey: mock.token });
    },
  };
}
