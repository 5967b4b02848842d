export type { SecretClipboard } from './secret-clipboard';
export { MemorySecretClipboard } from './memory-clipboard';
export { detectClipboardTool, NodeSecretClipboard, type ClipboardTool } from './node-clipboard';
