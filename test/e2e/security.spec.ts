import { expect, test } from './fixtures';

/**
 * The Content-Security-Policy the real app serves, read from the page's own response, and proof that the
 * browser enforces it: eval, inline script, inline event handlers, and script or fetch from another origin
 * are all refused. The "other origin" used is 127.0.0.1:1, so nothing would leave the machine even if the
 * policy failed.
 */

type Directives = Map<string, string[]>;

function parsePolicy(policy: string): Directives {
  const directives: Directives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Sources we accept at all: our own origin, nothing, and data: for images and fonts. */
function allowedSource(directive: string, source: string): boolean {
  if (source === "'self'" || source === "'none'") return true;
  if (source === 'data:') return directive === 'img-src' || directive === 'font-src';
  // Fluent UI injects its styles at runtime (Griffel); inline *styles* only, never scripts.
  if (source === "'unsafe-inline'") return directive === 'style-src';
  return false;
}

test('the CSP allows no inline script, no eval and no remote origin', async ({ assistant }) => {
  const page = assistant.page;
  const policy = await page.evaluate(async () => {
    const response = await fetch(location.href, { cache: 'no-store' });
    return response.headers.get('content-security-policy');
  });
  expect(policy, 'the page is served with a Content-Security-Policy header').toBeTruthy();
  const directives = parsePolicy(policy!);

  const scriptSources = directives.get('script-src') ?? directives.get('default-src');
  expect(scriptSources, 'script-src (or default-src) is set').toBeDefined();
  expect(scriptSources).toEqual(["'self'"]);
  for (const [name, sources] of directives) {
    expect(sources, `${name} allows 'unsafe-eval'`).not.toContain("'unsafe-eval'");
    expect(sources, `${name} allows 'wasm-unsafe-eval'`).not.toContain("'wasm-unsafe-eval'");
    for (const source of sources) expect(allowedSource(name, source), `${name} ${source}`).toBe(true);
  }
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
});

test('the browser enforces the CSP: eval and injected scripts are blocked', async ({ assistant }) => {
  const page = assistant.page;
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  // Start listening before any attempt, so no violation report can be missed.
  await page.evaluate(() => {
    const seen: { directive: string; blocked: string; sample: string }[] = [];
    (window as unknown as { __violations: typeof seen }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample }),
    );
  });

  // The attempts, and their direct, synchronous outcome: nothing ran. They run in a task of the page's
  // own (setTimeout callback), not inside Playwright's evaluate call: DevTools evaluation is exempt from
  // the CSP's eval check (CDP's allowUnsafeEvalBlockedByCSP), page code is not.
  const outcome = await page.evaluate(
    () =>
      new Promise((resolve) =>
        setTimeout(() => {
          const flags = window as unknown as Record<string, unknown>;
          const blocked = (attempt: () => unknown) => {
            try {
              attempt();
              return false;
            } catch (error) {
              return error instanceof EvalError || String(error).includes('Content Security Policy');
            }
          };
          const evalBlocked = blocked(() => eval('1'));
          const functionBlocked = blocked(() => new Function('return 1')());

          const inline = document.createElement('script');
          inline.textContent = 'window.__inlineRan = true;';
          document.head.appendChild(inline); // an allowed inline script would run right here

          const handler = document.createElement('div');
          handler.setAttribute('onclick', 'window.__handlerRan = true;');
          document.body.appendChild(handler);
          handler.click();

          const remote = document.createElement('script');
          remote.src = 'http://127.0.0.1:1/remote.js';
          document.head.appendChild(remote);

          resolve({
            evalBlocked,
            functionBlocked,
            inlineRan: flags.__inlineRan === true,
            handlerRan: flags.__handlerRan === true,
          });
        }),
      ),
  );
  expect(outcome).toEqual({ evalBlocked: true, functionBlocked: true, inlineRan: false, handlerRan: false });

  // fetch to another origin: refused by connect-src before any request is made.
  const fetchRefused = await page.evaluate(() =>
    fetch('http://127.0.0.1:1/api').then(
      () => false,
      () => true,
    ),
  );
  expect(fetchRefused).toBe(true);

  // The browser reports each refusal as a CSP violation (events arrive as tasks; wait for them, not a timer).
  await page.waitForFunction(() => {
    const seen = (window as unknown as { __violations: { directive: string; blocked: string }[] })
      .__violations;
    const has = (directive: string, blocked: string) =>
      seen.some((v) => v.directive === directive && v.blocked.startsWith(blocked));
    return (
      has('script-src', 'eval') &&
      has('script-src-elem', 'inline') &&
      has('script-src-attr', 'inline') &&
      has('script-src-elem', 'http://127.0.0.1:1') &&
      has('connect-src', 'http://127.0.0.1:1')
    );
  });
  expect(consoleErrors.some((text) => /Content Security Policy/i.test(text))).toBe(true);
});
