import type { ApiChannel, ApiRequestParsed, ApiResponse } from '../../shared/api/contract';

/**
 * One plain async function per channel of the contract. Its own module, so each capability's handlers can
 * name the type without importing the table that imports them (no import cycle).
 */
export type HandlerTable = { [C in ApiChannel]: (request: ApiRequestParsed<C>) => Promise<ApiResponse<C>> };
