import { describe, expect, it } from 'vitest';
import { mainServices } from '../../main/electron/host-services';

/** The services main performs for the handler host; their arguments cross a process boundary. */
function services(opened: string[]) {
  return mainServices({
    clipboard: {
      available: async () => true,
      write: async () => undefined,
      writePlain: async () => undefined,
      read: async () => null,
      clear: async () => undefined,
    } as never,
    session: { resolveProxy: async () => 'DIRECT' },
    exportSaver: { save: async () => null },
    openExternal: async (url) => {
      opened.push(url);
    },
    confirmReveal: async () => false,
  });
}

describe('openSignInPage: the host asks main to open Microsoft sign-in in the system browser', () => {
  it('opens a Microsoft sign-in page', async () => {
    const opened: string[] = [];
    const url = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize?client_id=x';
    await services(opened).openSignInPage!(url);
    expect(opened).toEqual([url]);
  });

  it('refuses any other host, and anything that is not a URL, without opening it', async () => {
    const opened: string[] = [];
    const table = services(opened);
    await expect(
      table.openSignInPage!('https://login.microsoftonline.com.evil.example/authorize'),
    ).rejects.toThrow(/not on a Microsoft sign-in host/);
    await expect(table.openSignInPage!('file:///etc/passwd')).rejects.toThrow();
    await expect(table.openSignInPage!('not a url')).rejects.toThrow();
    expect(opened).toEqual([]);
  });
});
