import { appVersion } from '../app/version';

/** Entra's User-Agent is undocumented; ours names the assistant so a Jostle log shows who probed. */
export const USER_AGENT = `JostleProvisioningAssistant/${appVersion()}`;
