import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { ArrowUpload20Regular } from '@fluentui/react-icons';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';

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

/**
 * The picked file itself, for renderer/api/file-import.ts to hand on by path or as a stream; with
 * `readAsText`, also its text (small files whose handler takes text).
 */
export interface PickedFile {
  name: string;
  file: File;
  text?: string;
}

/** A file picker that also takes files dropped on it. Nothing is read unless `readAsText` asks for it. */
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
  /** Read the text and hand it on, also in the desktop app: for small files whose handler takes text. */
  readAsText?: boolean;
  onFiles(files: PickedFile[]): void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const read = async (list: FileList | null) => {
    const files = [...(list ?? [])].slice(0, multiple ? undefined : 1);
    if (files.length === 0) return;
    // Cleared first, so choosing the same file again is a new choice.
    if (input.current) input.current.value = '';
    onFiles(
      readAsText
        ? await Promise.all(files.map(async (file) => ({ name: file.name, file, text: await file.text() })))
        : files.map((file) => ({ name: file.name, file })),
    );
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
