import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { describeHost } from '../../main/export/outline';
import { renderHtml } from '../../main/export/render-html';

const LONG_URL = `https://contoso.jostle.us/scim2/Users?filter=${'userName%20eq%20%22someone%22'.repeat(3)}`;

describe('support export readability', () => {
  it('HTML cells wrap at spaces; only a run too long for any column may break anywhere', () => {
    const html = renderHtml({
      title: 'Export',
      intro: [],
      sections: [
        {
          id: 'mapping',
          title: 'Mapping',
          blocks: [
            {
              kind: 'table',
              columns: ['Target', 'Apply', 'Matching', 'Request'],
              rows: [['userName', 'Always', { text: 'PASS', tone: 'good' }, LONG_URL]],
            },
          ],
        },
      ],
    });
    expect(html).toContain('overflow-wrap: break-word');
    expect(html).not.toMatch(/td \{[^}]*overflow-wrap: anywhere/);
    expect(html).toContain('<td>Always</td>');
    expect(html).toContain('<span class="tone-good">PASS</span>');
    expect(html).toContain(`<span class="long">${LONG_URL.replace(/&/g, '&#38;')}</span>`);
  });

  it('in a real browser at a narrow width, short words stay whole', async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    try {
      const page = await browser.newPage({ viewport: { width: 520, height: 800 } });
      const columns = ['Target', 'Source', 'Apply', 'Matching', 'Expression', 'Status', 'Notes'];
      await page.setContent(
        renderHtml({
          title: 'Export',
          intro: [],
          sections: [
            {
              id: 'm',
              title: 'Mapping',
              blocks: [
                {
                  kind: 'table',
                  columns,
                  rows: [
                    [
                      'emails[type eq "work"].value',
                      'mail',
                      'Always',
                      'Matching',
                      'Expression',
                      'PASS',
                      LONG_URL,
                    ],
                  ],
                },
              ],
            },
          ],
        }),
      );
      // A word broken mid-word shows as text in two line boxes although it has no space to wrap at.
      const cells = await page.$$eval('tbody td', (tds) =>
        tds.map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          return { text: td.textContent ?? '', lines: tops.size };
        }),
      );
      const shortWords = cells.filter((cell) => !/\s/.test(cell.text) && cell.text.length < 12);
      expect(shortWords.map((cell) => cell.text)).toEqual([
        'mail',
        'Always',
        'Matching',
        'Expression',
        'PASS',
      ]);
      for (const cell of shortWords) expect(cell).toEqual({ text: cell.text, lines: 1 });
    } finally {
      await browser.close();
    }
  });

  it('marks a loopback host as Mock Jostle on this computer', () => {
    expect(describeHost('127.0.0.1:45379', 'none')).toMatchObject({
      text: '127.0.0.1:45379 (this computer: Mock Jostle, not a Jostle tenant Entra can reach)',
      tone: 'warn',
    });
    expect(describeHost('localhost:8080', 'none')).toMatchObject({ tone: 'warn' });
    expect(describeHost('contoso.jostle.us', 'none')).toBe('contoso.jostle.us');
    expect(describeHost(null, 'not saved yet')).toBe('not saved yet');
  });
});
