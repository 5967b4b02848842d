import { Link } from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

/**
 * Opens outside the assistant. In Electron the main process opens only allow-listed hosts in the
 * system browser and refuses everything else.
 */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer">
      {children} <Open16Regular aria-hidden />
    </Link>
  );
}
