import { makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/**
 * Words for screen readers only, such as what a row button opens. Added to the visible text rather than
 * replacing it (an aria-label would), so the accessible name still contains what is on screen (WCAG 2.5.3).
 */
export function VisuallyHidden({ children }: { children: string }) {
  return <span className={useStyles().hidden}>{children}</span>;
}
