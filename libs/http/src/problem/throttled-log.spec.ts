import { ThrottledLog } from './throttled-log';

describe('ThrottledLog', () => {
  it('writes a kind once per window and then says how many it held back', () => {
    let now = 0;
    const log = new ThrottledLog(10_000, () => now);
    const written: string[] = [];
    const write = (line: string) => written.push(line);

    for (let i = 0; i < 100; i++) log.write('db', 'database away', write);
    log.write('other', 'something else', write);
    now = 10_000;
    log.write('db', 'database away', write);

    expect(written).toEqual(['database away', 'something else', 'database away (99 more like it since last logged)']);
  });
});
