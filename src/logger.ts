// Logs carry codes, counts and opaque ids only: never message text, names, numbers or group
// titles. The field type makes free text awkward on purpose.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export interface Logger {
  debug(code: string, fields?: LogFields): void;
  info(code: string, fields?: LogFields): void;
  warn(code: string, fields?: LogFields): void;
  error(code: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** JSON lines on stderr, one per event, at or above `level`. */
export function jsonLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit = (at: LogLevel) => (code: string, fields?: LogFields) => {
    if (ORDER[at] < ORDER[level]) return;
    write(`${JSON.stringify({ t: new Date().toISOString(), level: at, code, ...fields })}\n`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A logger that keeps lines in memory, for tests that assert nothing personal is logged. */
export function memoryLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  return { ...jsonLogger('debug', (l) => lines.push(l)), lines };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
