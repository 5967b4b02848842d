import { formatDateTime } from '../../../shared/format/date-time';

/** Entra logs in UTC; the summary says so rather than converting. */
export const formatUtc = (iso: string): string => formatDateTime(iso, { utc: true });
