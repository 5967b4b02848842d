/**
 * Requests Node's HTTP parser rejects (broken chunked encoding, a request line or headers over the limit)
 * never reach our handler; Node answers them with a bare 400/431. Jostle's clients expect every error as an
 * RFC 7644 §3.12 Error body, so we answer them that way where the socket still allows an answer.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_SCHEMA, scimErrorBody } from './errors';

function statusFor(code: string | undefined): { status: number; detail: string } {
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, detail: 'The request line or headers are larger than the server accepts.' };
  if (code === 'HPE_INVALID_CHUNK_SIZE' || code === 'HPE_INVALID_TRANSFER_ENCODING')
    return { status: 400, detail: 'The chunked request body is malformed.' };
  if (code === 'HPE_UNEXPECTED_CONTENT_LENGTH' || code === 'HPE_INVALID_CONTENT_LENGTH')
    return { status: 400, detail: 'The Content-Length header is invalid.' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, detail: 'The request took too long to arrive.' };
  return { status: 400, detail: 'The request is not valid HTTP.' };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

export function answerHttpLayerErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const pending = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || pending?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, detail } = statusFor(error.code);
    // SCIMMY's ErrorResponse knows only RFC 7644's status table (400 is in it; 408 and 431 are not).
    const body = JSON.stringify(
      status === 400
        ? scimErrorBody(400, 'invalidSyntax', detail)
        : { schemas: [ERROR_SCHEMA], status: String(status), detail },
    );
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}\r\nContent-Type: application/scim+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
