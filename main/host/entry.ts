/** Entry point of the handler host process (bundled as out/main/handler-host.js). */
import { serveHandlerHost } from './handler-host';
import { parentLink } from './parent-link';

serveHandlerHost(parentLink());
