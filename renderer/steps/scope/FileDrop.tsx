import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { ArrowUpload20Regular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { pathOfPickedFile } from '../../api/client';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
  },
  over: { border: `1px dashed ${tokens.colorBrandStroke1}`, background: tokens.colorBrandBackground2 },
  text: { flexGrow: 1, display: 'flex', flexDirection: 'column' },
  hint: { color: tokens.colorNeutralForeground3 },
  hidden: { display: 'none' },
  button: { flexShrink: 0, whiteSpace: 'nowrap' },
});

/** By path in the desktop app (main reads it from disk), as text in the browser mode. */
export interface PickedFile {
  name: string;
  text?: string;
  path?: string;
}

/** A file picker that also takes files dropped on it. Files are handed on by path or as text. */
export function FileDrop({
  label,
  hint,
  accept,
  multiple = false,
  disabled = false,
  testId,
  readAsText = false,
  onFiles,
}: {
  label: string;
  hint: ReactNode;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  testId: string;
  /** Always hand the text on, also in the desktop app: for small files whose handler takes text. */
  readAsText?: boolean;
  onFiles(files: PickedFile[]): void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const read = async (list: FileList | null) => {
    const files = [...(list ?? [])].slice(0, multiple ? undefined : 1);
    if (files.length === 0) return;
    onFiles(
      await Promise.all(
        files.map(async (file) => {
          const path = readAsText ? null : pathOfPickedFile(file);
          return path ? { name: file.name, path } : { name: file.name, text: await file.text() };
        }),
      ),
    );
    if (input.current) input.current.value = '';
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) void read(event.dataTransfer.files);
  };

  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      data-testid={`${testId}-drop`}
      onDragOver={(event) => (event.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <div className={styles.text}>
        <Text weight="semibold">{label}</Text>
        <Text size={200} className={styles.hint}>
          {hint}
        </Text>
      </div>
      <Button
        className={styles.button}
        icon={<ArrowUpload20Regular />}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        Choose file{multiple ? 's' : ''}
      </Button>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept={accept}
        multiple={multiple}
        data-testid={`${testId}-input`}
        onChange={(event) => void read(event.target.files)}
      />
    </div>
  );
}
