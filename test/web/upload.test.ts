/**
 * Streamed uploads (main/web/upload-route.ts) against a real server on loopback and the real handlers: the
 * file goes to a temporary file, the path-based import reads it, the temporary file is gone afterwards,
 * and every refusal comes before the body is read and changes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createHandlers } from '../../main/api/handlers';
import { startWebServer, type RunningWebServer } from '../../main/web/server';
import { manifestLine, UPLOAD_BUSY_MESSAGE, UPLOAD_CONTENT_TYPE } from '../../shared/api/uploads';
import { generateSyntheticTenant, toDownloadUsersCsv } from '../../shared/source-data';
import { createTestContext, type TestContext } from '../support/context';
import { tempDir } from '../support/temp';

const SOURCE = 'test/fixtures/source-data';
let test: TestContext;
let server: RunningWebServer;
const staticDir = tempDir('jpa-static-');
const uploadDir = tempDir('jpa-uploads-');

beforeAll(async () => {
  test = await createTestContext();
  server = await startWebServer({
    handlers: createHandlers(test.context),
    staticDir: staticDir.path,
    uploadDir: uploadDir.path,
    limits: { maxStreamedUploadBytes: 64 * 1024 },
  });
});
afterAll(async () => {
  await server.close();
  await test.cleanup();
  staticDir.remove();
  uploadDir.remove();
});

const fixture = (name: string) => ({ name, bytes: readFileSync(join(SOURCE, name)) });
const bodyOf = (files: { name: string; bytes: Buffer }[]) =>
  Buffer.concat([
    Buffer.from(manifestLine(files.map((file) => ({ name: file.name, size: file.bytes.length })))),
    ...files.map((file) => file.bytes),
  ]);

async function upload(channel: string, body: Buffer, headers: Record<string, string> = {}) {
  const response = await request(`${server.origin}/api/upload/${channel}`, {
    method: 'POST',
    headers: { 'content-type': UPLOAD_CONTENT_TYPE, authorization: `Bearer ${server.token}`, ...headers },
    body,
  });
  return { status: response.statusCode, text: await response.body.text() };
}

const usersImported = async () => (await test.context.configuration.importedUsers())?.users.length ?? 0;

/** Sends the head and part of the body on a raw socket and leaves it open: an upload in flight. */
function startSlowUpload(body: Buffer, sendBytes: number, to: RunningWebServer = server) {
  const socket = connect(to.port, '127.0.0.1');
  socket.on('error', () => {});
  socket.write(
    `POST /api/upload/importUsers HTTP/1.1\r\nHost: 127.0.0.1:${to.port}\r\n` +
      `Authorization: Bearer ${to.token}\r\nContent-Type: ${UPLOAD_CONTENT_TYPE}\r\n` +
      `Content-Length: ${body.length}\r\n\r\n`,
  );
  socket.write(body.subarray(0, sendBytes));
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, answer: () => answer, closed };
}

describe('streamed uploads', () => {
  it('imports a Download users CSV by path and removes the temporary file', async () => {
    const answer = await upload('importUsers', bodyOf([fixture('entra-download-users.csv')]));
    expect(answer.status).toBe(200);
    const envelope = JSON.parse(answer.text);
    expect(envelope.ok).toBe(true);
    expect(envelope.value.users.fileName).toBe('entra-download-users.csv');
    expect(envelope.value.users.count).toBe(await usersImported());
    expect(envelope.value.users.count).toBeGreaterThan(0);
    expect(readdirSync(uploadDir.path)).toEqual([]);
  });

  it('imports several Graph JSON pages in one upload', async () => {
    const pages = [fixture('graph-users-page1.json'), fixture('graph-users-page2.json')];
    const envelope = JSON.parse((await upload('importUsers', bodyOf(pages))).text);
    expect(envelope.ok).toBe(true);
    expect(envelope.value.users.fileName).toBe('graph-users-page1.json, graph-users-page2.json');
  });

  it('imports an assignment list', async () => {
    const envelope = JSON.parse(
      (await upload('importAssignments', bodyOf([fixture('assignments.csv')]))).text,
    );
    expect(envelope.ok).toBe(true);
    expect(envelope.value.assignments.fileName).toBe('assignments.csv');
  });

  it('answers a broken file with the import’s own message and keeps the previous import', async () => {
    await upload('importUsers', bodyOf([fixture('entra-download-users.csv')]));
    const before = await usersImported();
    const envelope = JSON.parse(
      (await upload('importUsers', bodyOf([fixture('entra-download-users-unclosed-quote.csv')]))).text,
    );
    expect(envelope.ok).toBe(false);
    expect(envelope.error.message).toMatch(/quote/i);
    expect(await usersImported()).toBe(before);
    expect(readdirSync(uploadDir.path)).toEqual([]);
  });

  it('refuses a file the import does not take, by its own name', async () => {
    const envelope = JSON.parse(
      (await upload('importUsers', bodyOf([{ name: 'users.txt', bytes: Buffer.from('a,b\n') }]))).text,
    );
    expect(envelope.error.message).toMatch(/users\.txt was not read: pick a \.csv or \.json file/);
  });

  it('refuses too large an upload from its Content-Length, before reading the body', async () => {
    const { socket, answer, closed } = startSlowUpload(Buffer.alloc(200 * 1024, 0x61), 0);
    await closed;
    expect(answer()).toMatch(/^HTTP\/1\.1 413/);
    expect(answer()).toMatch(/larger than the 66 KB an import takes\. Nothing was imported\./);
    socket.destroy();
  });

  it('refuses files whose sizes pass the limit, naming them', async () => {
    const bytes = Buffer.alloc(40 * 1024, 0x61);
    const answer = await upload(
      'importUsers',
      bodyOf([
        { name: 'a.json', bytes },
        { name: 'b.json', bytes },
      ]),
    );
    expect(answer.status).toBe(413);
    expect(answer.text).toMatch(/^a\.json, b\.json is 82 KB/);
  });

  it('refuses a second import while one is uploading, then takes the next one', async () => {
    const body = bodyOf([fixture('entra-download-users.csv')]);
    const first = startSlowUpload(body, 40);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await upload('importUsers', body);
    expect(second.status).toBe(409);
    expect(second.text).toBe(UPLOAD_BUSY_MESSAGE);
    // The first one finishes normally.
    first.socket.write(body.subarray(40));
    await expect.poll(first.answer).toMatch(/^HTTP\/1\.1 200[^]*"ok":true/);
    first.socket.destroy();
  });

  it('drops an upload the window cancelled: no import, no temporary file, the next one works', async () => {
    await upload('importUsers', bodyOf([fixture('entra-download-users.csv')]));
    const before = await test.context.configuration.importedUsers();
    const body = bodyOf([fixture('graph-users-page1.json')]);
    const cancelled = startSlowUpload(body, body.length - 10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    cancelled.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readdirSync(uploadDir.path)).toEqual([]);
    expect((await test.context.configuration.importedUsers())?.importedAt).toBe(before?.importedAt);
    const next = await upload('importUsers', bodyOf([fixture('entra-download-users.csv')]));
    expect(next.status).toBe(200);
  });

  it('cancels the import when the window goes away after the last byte', async () => {
    await upload('importUsers', bodyOf([fixture('entra-download-users.csv')]));
    const before = await test.context.configuration.importedUsers();
    // Several MiB, so the import is still reading when the window leaves.
    const csv = toDownloadUsersCsv(generateSyntheticTenant({ users: 20_000, seed: 3 }).users);
    const body = bodyOf([{ name: 'big.csv', bytes: Buffer.from(csv) }]);
    const roomy = await startWebServer({
      handlers: createHandlers(test.context),
      staticDir: staticDir.path,
      uploadDir: `${uploadDir.path}/roomy`,
    });
    const outcome = new Promise<unknown>((resolve) => {
      let leaving: ReturnType<typeof startSlowUpload> | null = null;
      const unsubscribe = test.context.jobs.events.subscribe((channel, event) => {
        const { type } = event as { type: string };
        // The import has started reading the uploaded file: the window leaves.
        if (channel === 'importJob' && type === 'progress') leaving?.socket.destroy();
        if (channel === 'importJob' && type === 'finished') {
          unsubscribe();
          resolve((event as { outcome: string }).outcome);
        }
      });
      leaving = startSlowUpload(body, body.length, roomy);
    });
    expect(await outcome).toBe('cancelled');
    await expect.poll(() => readdirSync(`${uploadDir.path}/roomy`).length).toBe(0);
    await roomy.close();
    expect((await test.context.configuration.importedUsers())?.importedAt).toBe(before?.importedAt);
  });

  it('refuses a body that does not match its list of files, and changes nothing', async () => {
    const before = await test.context.configuration.importedUsers();
    const csv = fixture('entra-download-users.csv');
    const lying = Buffer.concat([Buffer.from(manifestLine([{ name: csv.name, size: 10 }])), csv.bytes]);
    const answer = await upload('importUsers', lying);
    expect(answer.status).toBe(400);
    expect(answer.text).toBe('The upload’s length does not match the sizes of its files.');
    const noManifest = await upload('importUsers', csv.bytes);
    expect(noManifest.status).toBe(400);
    expect((await test.context.configuration.importedUsers())?.importedAt).toBe(before?.importedAt);
  });

  it('refuses without the token, another content type, an unknown channel and a foreign origin', async () => {
    const body = bodyOf([fixture('entra-download-users.csv')]);
    expect((await upload('importUsers', body, { authorization: 'Bearer guess' })).status).toBe(401);
    expect((await upload('importUsers', body, { 'content-type': 'application/json' })).status).toBe(415);
    expect((await upload('getSettings', body)).status).toBe(404);
    expect((await upload('importUsers', body, { origin: 'https://evil.example' })).status).toBe(403);
    expect(
      (await upload('importAssignments', bodyOf([fixture('assignments.csv'), fixture('assignments.csv')])))
        .text,
    ).toBe('Import one file here.');
  });
});
