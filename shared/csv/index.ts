export { csvRecords, CsvSyntaxError, detectDelimiter, isBlankRecord, parseCsv } from './parse';
export type { CsvOptions, CsvRecord, CsvSyntaxProblem } from './parse';
