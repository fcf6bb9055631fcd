/** One line an app logged, parsed: pino's JSON with the fields our apps add. */
export interface LogRecord {
  level: string;
  time: string;
  msg?: string;
  context?: string;
  reqId?: string;
  eventId?: string;
  voucherCodeMasked?: string;
  res?: { statusCode?: number };
  [field: string]: unknown;
}

/** The non-empty lines of an app's output (from `AppProcess.log`, or a slice of it). */
export function logLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** Parses every line; a line that is not a JSON object fails the test, naming it. */
export function logRecords(text: string): LogRecord[] {
  return logLines(text).map((line) => {
    try {
      const record = JSON.parse(line);
      if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new Error('not an object');
      return record as LogRecord;
    } catch (error) {
      throw new Error(`log line is not a JSON object (${(error as Error).message}): ${line}`);
    }
  });
}
