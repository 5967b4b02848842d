import { expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../shared/links/allowlist';

it.each([
  ['https://entra.microsoft.com', true],
  ['https://portal.azure.com/#blade', true],
  ['https://learn.microsoft.com/entra/identity/', true],
  ['https://forum.jostle.us/hc/en-us/articles/1', true],
  ['https://www.jostle.me/', true],
  ['http://entra.microsoft.com', false],
  ['https://entra.microsoft.com.evil.example', false],
  ['https://evilentra.microsoft.com.example', false],
  ['https://user@entra.microsoft.com', false],
  ['file:///etc/passwd', false],
  ['javascript:alert(1)', false],
  ['not a url', false],
])('%s → %s', (url, allowed) => {
  expect(isAllowedExternalUrl(url)).toBe(allowed);
});
