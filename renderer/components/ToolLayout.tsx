import { makeStyles, Text, Title2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
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
  return (
    <section aria-labelledby="tool-title" data-testid={`tool-${id}`}>
      <Title2 as="h1" id="tool-title">
        {title}
      </Title2>
      <Text as="p" block className={styles.intro}>
        {intro}
      </Text>
      {children}
    </section>
  );
}
