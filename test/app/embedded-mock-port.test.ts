import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedMock } from '../../main/app/embedded-mock';

const KEY = 'savedMockKey-9Qw2Er7Ty4Ui1Op6As3';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function occupy(port: number): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

let mock: EmbeddedMock | null = null;
let blocker: Server | null = null;
afterEach(async () => {
  await mock?.stop();
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  mock = blocker = null;
});

describe('Mock Jostle keeps its address', () => {
  it('starts on the port of a saved Mock Jostle Base URL and accepts the key saved with it, which stays in main', async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}/scim2`;
    mock = new EmbeddedMock({ saved: async () => ({ baseUrl, apiKey: KEY }) });
    const running = await mock.ensure();
    expect(running.baseUrl).toBe(baseUrl);
    const answer = await fetch(`${baseUrl}/Users?count=1`, { headers: { Authorization: `Bearer ${KEY}` } });
    expect(answer.status).toBe(200);
    const status = await mock.status();
    expect(status).toMatchObject({
      running: true,
      baseUrl,
      token: null,
      tokenIsSavedKey: true,
      notice: null,
    });
    expect(JSON.stringify(status)).not.toContain(KEY);
  });

  it('reuses its last port after a stop, and says so when another program took it', async () => {
    mock = new EmbeddedMock({ saved: async () => null });
    const first = new URL((await mock.ensure()).baseUrl).port;
    await mock.stop();
    expect(new URL((await mock.ensure()).baseUrl).port).toBe(first);
    expect((await mock.status()).notice).toBeNull();
    await mock.stop();

    blocker = await occupy(Number(first));
    const moved = new URL((await mock.ensure()).baseUrl).port;
    expect(moved).not.toBe(first);
    expect((await mock.status()).notice).toContain(`Port ${first}`);
    expect((await mock.status()).notice).toContain(`now runs on port ${moved}`);
  });

  it('leaves a saved tenant URL alone: a random port and its own token', async () => {
    mock = new EmbeddedMock({
      saved: async () => ({ baseUrl: 'https://contoso.jostle.us/scim2', apiKey: KEY }),
    });
    await mock.ensure();
    const status = await mock.status();
    expect(status.tokenIsSavedKey).toBe(false);
    expect(status.token).not.toBe(KEY);
  });
});
