import { DatabaseError } from 'pg';
import { databaseUnavailableReason, isDatabaseUnavailable } from './database-unavailable';
import { asDatabaseUnavailable, DatabaseUnavailableError } from './database-unavailable.error';

function pgError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  error.severity = 'FATAL';
  return error;
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect', errno: -111 });
}

// The shape Prisma's client throws for a pg error its adapter passed on unmapped (code P2039).
function prismaError(code: string, cause: object): Error {
  return Object.assign(new Error('\nInvalid `prisma.registryVoucher.findUnique()` invocation:\n\nDatabase error'), {
    code, meta: { driverAdapterError: Object.assign(new Error('DriverAdapterError'), { cause }) },
  });
}

describe('databaseUnavailableReason', () => {
  it.each([
    ['terminated by an administrator', pgError('57P01', 'terminating connection due to administrator command')],
    ['server starting up', pgError('57P03', 'the database system is starting up')],
    ['too many connections', pgError('53300', 'sorry, too many clients already')],
    ['connection exception', pgError('08006', 'connection failure')],
    ['database closed to connections', pgError('55000', 'database "x" is not currently accepting connections')],
    ['connection refused', socketError('ECONNREFUSED')],
    ['socket lost', new Error('Connection terminated unexpectedly')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['query unanswered (query_timeout)', new Error('Query read timeout')],
    ['Prisma: terminated', prismaError('P2039', { kind: 'postgres', originalCode: '57P01', originalMessage: 'terminating connection due to administrator command' })],
    ['Prisma: not reachable', prismaError('P1001', { kind: 'DatabaseNotReachable' })],
    ['wrapped in a cause', new Error('batch failed', { cause: socketError('ECONNRESET') })],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a date out of range', pgError('22008', 'date/time field value out of range')],
    ['another 55000', pgError('55000', 'object not in prerequisite state')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'value')")],
    ['Prisma: null constraint', prismaError('P2011', { kind: 'NullConstraintViolation' })],
    ['not an error', 'ECONNREFUSED'],
  ])('leaves %s alone', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('gives a one-line reason, also for a multi-line Prisma message', () => {
    expect(databaseUnavailableReason(prismaError('P2039', { kind: 'postgres', originalCode: '57P01', originalMessage: 'terminating connection due to administrator command' })))
      .toBe('57P01: terminating connection due to administrator command');
    expect(databaseUnavailableReason(new Error('Connection terminated unexpectedly'))).toBe('Connection terminated unexpectedly');
  });
});

describe('asDatabaseUnavailable', () => {
  it('answers an unavailable database as a 503 naming the reason, and leaves every other error alone', () => {
    const translated = asDatabaseUnavailable(socketError('ECONNREFUSED'));
    expect(translated).toBeInstanceOf(DatabaseUnavailableError);
    expect(translated?.getStatus()).toBe(503);
    expect(translated?.reason).toContain('ECONNREFUSED');
    expect(asDatabaseUnavailable(pgError('23505', 'duplicate key value violates unique constraint'))).toBeUndefined();
    const already = new DatabaseUnavailableError('57P01: terminating connection due to administrator command');
    expect(asDatabaseUnavailable(already)).toBe(already);
  });
});
