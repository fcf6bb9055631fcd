import { CHAOS_USAGE, ChaosUsageError, readChaosOptions, wantsHelp } from './chaos-options';

describe('readChaosOptions', () => {
  it('takes options from the command line before the variables, defaults for the rest', () => {
    const options = readChaosOptions(['--events', '12000', '--seed', '7'], { CHAOS_EVENTS: '5', CHAOS_CONCURRENCY: '16' });
    expect(options).toMatchObject({ mode: 'chaos', events: 12_000, seed: 7, concurrency: 16, faultsEach: 3, restartDatabase: false });
    expect(options.reportPath).toMatch(/\.local\/chaos\/chaos-report-7\.json$/);
  });

  it.each([
    [['--evnts', '100'], /--evnts/],
    [['--events'], /--events/],
    [['--events=-3'], /--events must be a non-negative number, got -3/],
    [['--concurrency', 'many'], /--concurrency must be a non-negative number, got many/],
    [['--mode', 'soak'], /--mode must be chaos or fuzz, got soak/],
  ])('refuses %j as a usage error naming what is wrong', (argv, message) => {
    expect(() => readChaosOptions(argv, {})).toThrow(ChaosUsageError);
    expect(() => readChaosOptions(argv, {})).toThrow(message);
  });

  it('names the variable when the bad value came from one', () => {
    expect(() => readChaosOptions([], { CHAOS_SEED: 'x' })).toThrow('CHAOS_SEED must be a non-negative number, got x');
  });

  it('recognises a request for help anywhere on the line', () => {
    expect(wantsHelp(['--seed', '7', '--help'])).toBe(true);
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp(['--seed', '7'])).toBe(false);
  });

  it('lists every option the parser takes', () => {
    for (const option of ['--mode', '--events', '--duration', '--seed', '--faults-each', '--report', '--database-url',
      '--base-port', '--restart-database', '--concurrency', '--pause-seconds', '--fuzz-requests', '--poison-records']) {
      expect(CHAOS_USAGE).toContain(option);
      // Not refused as unknown (a value given where it takes one).
      const argv = option === '--restart-database' ? [option] : option === '--mode' ? [option, 'fuzz'] : [option, '1'];
      expect(() => readChaosOptions(argv, {})).not.toThrow();
    }
  });
});
