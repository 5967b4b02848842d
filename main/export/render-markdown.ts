import { cellText, type Block, type ExportDocument } from './outline';

/** Escapes what Markdown would read as formatting or raw HTML, so names and values show as typed. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`)
    .replace(/&(?=#?\w+;)/g, '&amp;');
}

/** For text that starts a line, where "# ", "- " or "1. " would turn it into a heading or a list. */
function escapeLineStart(text: string): string {
  return escapeMarkdown(text)
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.');
}

function renderBlock(block: Block): string[] {
  switch (block.kind) {
    case 'fields':
      return block.rows.map(
        ([label, value]) => `- **${escapeMarkdown(label)}:** ${escapeMarkdown(cellText(value))}`,
      );
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map((cell) => escapeMarkdown(cell) || ' ').join(' | ')} |`;
      return [
        row(block.columns),
        `|${block.columns.map(() => ' --- ').join('|')}|`,
        ...block.rows.map((cells) => row(cells.map(cellText))),
      ];
    }
    case 'paragraph':
      return [block.tone === 'muted' ? `_${escapeMarkdown(block.text)}_` : escapeLineStart(block.text)];
    case 'list':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`);
    case 'heading':
      return [`### ${escapeMarkdown(block.text)}`];
  }
}

export function renderMarkdown(document: ExportDocument): string {
  const lines = [
    `# ${escapeMarkdown(document.title)}`,
    '',
    ...document.intro.flatMap((text) => [escapeLineStart(text), '']),
  ];
  for (const section of document.sections) {
    lines.push(`## ${escapeMarkdown(section.title)}`, '');
    for (const block of section.blocks) lines.push(...renderBlock(block), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
