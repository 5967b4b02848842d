// Bundled at build time, so the version is read once and works in Electron's packed main bundle too.
import packageJson from '../../package.json';

export const APP_VERSION: string = packageJson.version;
/** Entra's User-Agent is undocumented; ours names the assistant so a Jostle log shows who probed. */
export const USER_AGENT = `JostleProvisioningAssistant/${APP_VERSION}`;
