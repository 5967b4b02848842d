/** Child for the EMFILE test: uses up every file descriptor, then asks the real keychain. Prints one JSON line. */
import { openSync } from 'node:fs';
import { KeyringSecretStore } from '../../main/secrets/keyring-store';

const held: number[] = [];
try {
  for (;;) held.push(openSync('/dev/null', 'r'));
} catch {
  // EMFILE: the process has no descriptor left, as under a connection flood.
}
const started = Date.now();
new KeyringSecretStore(`jpa-emfile-${process.pid}`, 3000)
  .get('probe')
  .then(
    (value) => ({ ok: true, value }),
    (error: Error) => ({ ok: false, name: error.name, message: error.message }),
  )
  .then((result) => {
    process.stdout.write(
      `${JSON.stringify({ ...result, elapsedMs: Date.now() - started, held: held.length })}\n`,
    );
    process.exit(0);
  });
