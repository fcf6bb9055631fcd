import { Logger } from '@nestjs/common';
import { QuietLogger } from './quiet-logger';

describe('QuietLogger', () => {
  it('logs a repeated error once per window and then says how often it repeated', () => {
    const logger = { error: jest.fn(), warn: jest.fn(), debug: jest.fn() } as unknown as Logger;
    let now = 0;
    const quiet = new QuietLogger(logger, 1_000, () => now);

    quiet.error('Connect to 127.0.0.1:39092 failed (after 0ms)');
    now = 100;
    quiet.error('Connect to 127.0.0.1:39092 failed (after 1ms)');
    quiet.error('Connect to 127.0.0.1:39092 failed (after 2ms)');
    quiet.error('something else');
    now = 1_200;
    quiet.error('Connect to 127.0.0.1:39092 failed (after 0ms)');

    expect((logger.error as jest.Mock).mock.calls.map(([text]) => text)).toEqual([
      'Connect to 127.0.0.1:39092 failed (after 0ms)',
      'something else',
      'Connect to 127.0.0.1:39092 failed (after 0ms) (repeated 2 times since last logged)',
    ]);
  });
});
