import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ProbeResultView } from '../../shared/api/contract';
import { useId, useState } from 'react';
import { InlineMarkdown } from './InlineMarkdown';
import { closeOnEscape } from './detail-rows';
import { VisuallyHidden } from './VisuallyHidden';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, width: '100%' },
  title: { flexGrow: 1 },
  duration: { color: tokens.colorNeutralForeground3 },
  remedy: {
    padding: tokens.spacingVerticalS,
    borderLeft: `3px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    background: tokens.colorNeutralBackground3,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  evidence: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    background: tokens.colorNeutralBackground3,
    padding: tokens.spacingVerticalS,
    maxHeight: '220px',
    overflow: 'auto',
  },
});

const statusColor = { pass: 'success', warn: 'warning', fail: 'danger', skipped: 'informative' } as const;
const statusText = { pass: 'Pass', warn: 'Warning', fail: 'Fail', skipped: 'Skipped' } as const;

export function ProbeStatusBadge({ status }: { status: ProbeResultView['status'] }) {
  return (
    <Badge appearance="filled" color={statusColor[status]}>
      {statusText[status]}
    </Badge>
  );
}

/**
 * Each probe with its finding; expanding one shows the remedy and the requests behind it (token-free). Failing
 * probes start open unless `collapsed` (when a verdict above already gives the remedy).
 */
export function ProbeResultList({
  probes,
  collapsed = false,
}: {
  probes: ProbeResultView[];
  collapsed?: boolean;
}) {
  const styles = useStyles();
  const group = useId();
  const [openItems, setOpenItems] = useState<string[]>(() =>
    collapsed
      ? []
      : probes.filter((probe) => probe.status === 'fail' || probe.status === 'warn').map((probe) => probe.id),
  );
  const headerId = (id: string) => `${group}-${id}`;
  return (
    <Accordion
      multiple
      collapsible
      openItems={openItems}
      onToggle={(_event, data) => setOpenItems(data.openItems.map(String))}
      data-testid="probe-results"
    >
      {probes.map((probe) => (
        <AccordionItem
          key={probe.id}
          value={probe.id}
          data-testid={`probe-${probe.id}`}
          data-status={probe.status}
        >
          <AccordionHeader
            button={{
              id: headerId(probe.id),
            }}
          >
            <span className={styles.header}>
              <ProbeStatusBadge status={probe.status} />
              <Text weight="semibold">{probe.title}</Text>
              <Text className={styles.title}>{probe.summary}</Text>
              <Text className={styles.duration}>{Math.round(probe.durationMs)} ms</Text>
              <VisuallyHidden>: show what to do and the requests</VisuallyHidden>
            </span>
          </AccordionHeader>
          <AccordionPanel
            onKeyDown={closeOnEscape(
              () => setOpenItems((items) => items.filter((item) => item !== probe.id)),
              () => document.getElementById(headerId(probe.id)),
            )}
          >
            {probe.remedy && (
              <div className={styles.remedy} data-testid={`remedy-${probe.id}`}>
                <Text weight="semibold">What to do: </Text>
                <InlineMarkdown text={probe.remedy} />
              </div>
            )}
            {probe.evidence.map((evidence, index) => (
              <div key={index} className={styles.evidence} tabIndex={0}>
                {`${evidence.requestLine} → ${evidence.status ?? evidence.error?.kind ?? 'no answer'} (${Math.round(evidence.durationMs)} ms)`}
                {evidence.error && `\n${evidence.error.message}`}
                {evidence.sent && `\nSent: ${evidence.sent}`}
                {evidence.body && `\n${evidence.body}`}
              </div>
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
