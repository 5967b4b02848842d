import { Fragment } from 'react';

/**
 * The little Markdown the error notes use: **bold** for menu paths and `code` for attribute names.
 * Rendered as elements, never as HTML, so text from an imported file cannot inject markup.
 */
export function InlineMarkdown({ text }: { text: string }) {
  const parts = text.split(/(\*\*[^*]+\*\*|`[^`]+`)/g);
  return (
    <>
      {parts.map((part, index) => {
        if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
          return <b key={index}>{part.slice(2, -2)}</b>;
        if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
          return <code key={index}>{part.slice(1, -1)}</code>;
        return <Fragment key={index}>{part}</Fragment>;
      })}
    </>
  );
}
