/**
 * Self-contained HTML: inline CSS, no scripts, no external resources (a CSP meta tag forbids them anyway),
 * every value escaped. Electron's printToPDF turns the same page into the PDF.
 */
import { cellText, type Block, type Cell, type ExportDocument } from './outline';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body { font: 14px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; color: #242424; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #d1d1d1; padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #e0e0e0; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
.long { overflow-wrap: anywhere; }
th { background: #f5f5f5; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: break-word; }
.tone-good { color: #0e700e; }
.tone-warn { color: #8a3707; }
.tone-bad { color: #b10e1c; font-weight: 600; }
.tone-muted { color: #616161; font-style: italic; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

/**
 * Words stay whole ("Always", "Matching", "PASS" never split): cells wrap at spaces, so a table column is
 * at least as wide as its longest word. Only a run too long for any column (a URL, a JSON body, an id)
 * may break anywhere, or it would push the table off the page.
 */
const LONG_RUN = /\S{40,}/;

function cell(value: Cell): string {
  const raw = cellText(value);
  const text = escapeHtml(raw);
  const classes = [typeof value === 'string' ? '' : `tone-${value.tone}`, LONG_RUN.test(raw) ? 'long' : '']
    .filter(Boolean)
    .join(' ');
  return classes ? `<span class="${classes}">${text}</span>` : text;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'fields':
      return `<dl>${block.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${cell(value)}</dd>`).join('')}</dl>`;
    case 'table':
      return [
        '<table>',
        `<thead><tr>${block.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr></thead>`,
        `<tbody>${block.rows.map((row) => `<tr>${row.map((value) => `<td>${cell(value)}</td>`).join('')}</tr>`).join('\n')}</tbody>`,
        '</table>',
      ].join('\n');
    case 'paragraph':
      return `<p${block.tone ? ` class="tone-${block.tone}"` : ''}>${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
  }
}

export function renderHtml(document: ExportDocument): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(document.title)}</h1>`,
    ...document.intro.map((text) => `<p>${escapeHtml(text)}</p>`),
    ...document.sections.map(
      (section) =>
        `<section id="${escapeHtml(section.id)}">\n<h2>${escapeHtml(section.title)}</h2>\n${section.blocks.map(renderBlock).join('\n')}\n</section>`,
    ),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
