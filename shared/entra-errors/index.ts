export { listEntraErrors, lookupEntraError, normaliseEntraErrorCode } from './lookup';
export type { EntraErrorCategory, EntraErrorHelp, EntraErrorLookup, EntraErrorMatch } from './model';
