/** Child process for the kill test: commits import pairs in a loop until killed. Each pair shares a marker. */
import { ConfigurationStore } from '../../main/app/configuration';

const [dataDir] = process.argv.slice(2);
const store = new ConfigurationStore(dataDir!);
const users = Array.from({ length: 3000 }, (_, index) => ({
  objectId: `u${index}`,
  userPrincipalName: `u${index}@example.com`,
  attributes: { department: index % 2 === 0 ? 'Sales' : null },
}));

async function loop(): Promise<void> {
  for (let round = 0; ; round += 1) {
    const marker = `round-${round}`;
    await store.saveImport(
      { fileName: marker, importedAt: new Date().toISOString(), users },
      {
        fileName: marker,
        importedAt: new Date().toISOString(),
        assignments: { users: [], groups: [] } as never,
      },
    );
    if (round === 0) process.stdout.write('started\n');
  }
}
void loop();
