import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import {
  CheckmarkCircle20Filled,
  Circle20Regular,
  CircleHalfFill20Regular,
  Cloud20Regular,
  Server20Regular,
  Stethoscope20Regular,
  Warning20Filled,
} from '@fluentui/react-icons';
import { steps, type StepId, type StepStatus } from '../../shared/wizard/steps';
import { statusLabel } from './StatusBadge';

const useStyles = makeStyles({
  rail: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: tokens.spacingVerticalM,
    margin: 0,
    listStyle: 'none',
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    ':hover': { background: tokens.colorNeutralBackground1Hover },
  },
  current: { background: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  number: { color: tokens.colorNeutralForeground3, minWidth: '1.4em' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  attention: { color: tokens.colorPaletteDarkOrangeForeground1 },
  progress: { color: tokens.colorBrandForeground1 },
  toolsHeading: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL} 0`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    textTransform: 'uppercase',
    letterSpacing: '0.05em',
  },
});

function StatusIcon({ status }: { status: StepStatus }) {
  const styles = useStyles();
  if (status === 'done') return <CheckmarkCircle20Filled className={styles.done} aria-hidden />;
  if (status === 'needs-attention') return <Warning20Filled className={styles.attention} aria-hidden />;
  if (status === 'in-progress') return <CircleHalfFill20Regular className={styles.progress} aria-hidden />;
  return <Circle20Regular aria-hidden />;
}

export type ToolId = 'mock' | 'diagnostics' | 'entra';

const tools: Array<{ id: ToolId; title: string; icon: ReactElement }> = [
  { id: 'mock', title: 'Mock Jostle', icon: <Server20Regular aria-hidden /> },
  { id: 'diagnostics', title: 'Diagnostics', icon: <Stethoscope20Regular aria-hidden /> },
  { id: 'entra', title: 'Entra (Microsoft Graph)', icon: <Cloud20Regular aria-hidden /> },
];

export function StepRail(props: {
  current: StepId | ToolId;
  statuses: Record<StepId, StepStatus>;
  onSelect(step: StepId): void;
  onSelectTool(tool: ToolId): void;
}) {
  const styles = useStyles();
  return (
    <nav aria-label="Setup steps">
      <ol className={styles.rail}>
        {steps.map((step, index) => {
          const status = props.statuses[step.id];
          return (
            <li key={step.id}>
              <button
                type="button"
                data-testid={`step-${step.id}`}
                data-status={status}
                aria-current={props.current === step.id ? 'step' : undefined}
                title={statusLabel(status)}
                className={mergeClasses(styles.item, props.current === step.id && styles.current)}
                onClick={() => props.onSelect(step.id)}
              >
                <span className={styles.number}>{index + 1}</span>
                <StatusIcon status={status} />
                <span>{step.title}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className={styles.toolsHeading}>Tools</div>
      <ul className={styles.rail}>
        {tools.map((tool) => (
          <li key={tool.id}>
            <button
              type="button"
              data-testid={`tool-link-${tool.id}`}
              aria-current={props.current === tool.id ? 'page' : undefined}
              className={mergeClasses(styles.item, props.current === tool.id && styles.current)}
              onClick={() => props.onSelectTool(tool.id)}
            >
              {tool.icon}
              <span>{tool.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
