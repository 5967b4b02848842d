import { makeStyles, Text, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useHeadingFocus } from './navigation';

const useStyles = makeStyles({
  // A plain h1 (Title2 does not forward refs) so focus can move to it after each navigation.
  title: {
    ...typographyStyles.title2,
    margin: 0,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  intro: { maxWidth: '820px', marginBottom: tokens.spacingVerticalL, color: tokens.colorNeutralForeground2 },
});

export function ToolLayout({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  const heading = useHeadingFocus<HTMLHeadingElement>();
  return (
    <section aria-labelledby="tool-title" data-testid={`tool-${id}`}>
      <h1 className={styles.title} id="tool-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <Text as="p" block className={styles.intro}>
        {intro}
      </Text>
      {children}
    </section>
  );
}
