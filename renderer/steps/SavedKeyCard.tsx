import {
  Button,
  Card,
  CardHeader,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Text,
} from '@fluentui/react-components';
import { LockClosed20Regular } from '@fluentui/react-icons';
import type { ConnectionStatus, KeyStatus } from '../../shared/api/contract';
import { api } from '../api/client';
import { when } from '../text';

/** What the admin may know about the saved key: that it is saved, where, its fingerprint and date. */
export function SavedKeyCard(props: {
  status: KeyStatus;
  onReplace(): void;
  onForgotten(status: ConnectionStatus): void;
}) {
  const { status } = props;
  return (
    <Card data-testid="saved-key">
      <CardHeader
        image={<LockClosed20Regular aria-hidden />}
        header={<Text weight="semibold">API key saved in your {status.storageName}</Text>}
        description={
          <Text>
            Fingerprint <code data-testid="key-fingerprint">{status.fingerprint}</code> · saved{' '}
            {status.savedAt ? when(status.savedAt) : ''}
          </Text>
        }
      />
      <div style={{ display: 'flex', gap: 8 }}>
        <Button onClick={props.onReplace} data-testid="replace-key">
          Replace key
        </Button>
        <Dialog>
          <DialogTrigger disableButtonEnhancement>
            <Button data-testid="forget-key">Forget key</Button>
          </DialogTrigger>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Forget the saved API key?</DialogTitle>
              <DialogContent>
                The assistant removes the key from your {status.storageName}. Jostle cannot show it again: to
                test or set up Entra later, add a new key in Jostle. Entra keeps working with whatever key you
                entered there.
              </DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button>Cancel</Button>
                </DialogTrigger>
                <DialogTrigger disableButtonEnhancement>
                  <Button
                    appearance="primary"
                    data-testid="confirm-forget-key"
                    onClick={() => void api.forgetApiKey({}).then(props.onForgotten)}
                  >
                    Forget key
                  </Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </div>
    </Card>
  );
}
