import { Combobox, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { UserPreviewDrawer } from '../scope/UserPreviewDrawer';

type Row = ApiResponse<'getPreview'>['rows'][number];

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Picks an imported user in scope and opens the same panel as the Scope step, with the SCIM body. */
export function UserPreviewPicker({ version }: { version: number }) {
  const styles = useStyles();
  const [search, setSearch] = useState('');
  // undefined while the first answer is on its way; null when no users are imported.
  const [rows, setRows] = useState<Row[] | null | undefined>(undefined);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void api
        .getPreview({
          show: 'in-scope',
          offset: 0,
          limit: 20,
          ...(search.trim() ? { search: search.trim() } : {}),
        })
        .then((answer) => current && setRows(answer.summary ? answer.rows : null));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search, version]);

  if (rows === undefined) return null;
  if (rows === null) {
    return (
      <Text className={styles.muted}>
        Import your users on the Scope step to see the exact body Entra would send for one of them.
      </Text>
    );
  }
  return (
    <div className={styles.row}>
      <Combobox
        freeform
        aria-label="User to preview"
        placeholder="Search users in scope"
        data-testid="mapping-preview-user"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onOptionSelect={(_event, data) => data.optionValue && setOpen(data.optionValue)}
      >
        {rows.map((row) => (
          <Option key={row.objectId} value={row.objectId} text={row.userPrincipalName}>
            {row.displayName ? `${row.displayName} (${row.userPrincipalName})` : row.userPrincipalName}
          </Option>
        ))}
      </Combobox>
      <Text size={200} className={styles.muted}>
        Uses the saved mappings: save first to see your changes.
      </Text>
      <UserPreviewDrawer objectId={open} onClose={() => setOpen(null)} />
    </div>
  );
}
