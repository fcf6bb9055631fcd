import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ListDeadLettersQueryDto } from './list-dead-letters.query.dto';
import { ListOperatorAuditQueryDto } from './operator-audit.dto';

async function check(type: new () => object, query: Record<string, string>): Promise<{ value: Record<string, unknown>; refused: string[] }> {
  const value = plainToInstance(type, query) as Record<string, unknown>;
  return { value, refused: (await validate(value)).map((error) => error.property) };
}

describe.each([
  ['dead letters', ListDeadLettersQueryDto],
  ['operator audit', ListOperatorAuditQueryDto],
] as const)('paging the %s list', (_, type) => {
  it('reads limit as a number, 50 when absent', async () => {
    expect((await check(type, {})).value.limit).toBe(50);
    expect(await check(type, { limit: '500' })).toMatchObject({ value: { limit: 500 }, refused: [] });
  });

  it.each(['0', '501', 'ten', '1.5'])('refuses limit=%s', async (limit) => {
    expect((await check(type, { limit })).refused).toEqual(['limit']);
  });

  it('refuses an empty after', async () => {
    expect((await check(type, { after: '' })).refused).toEqual(['after']);
  });
});

describe('each list\'s own cursor', () => {
  it('takes an audit entry\'s id only for the audit', async () => {
    expect((await check(ListOperatorAuditQueryDto, { after: '12' })).refused).toEqual([]);
    expect((await check(ListOperatorAuditQueryDto, { after: 'nonsense' })).refused).toEqual(['after']);
  });

  it('leaves the dead letters\' opaque cursor to the controller, up to 500 characters', async () => {
    expect((await check(ListDeadLettersQueryDto, { after: 'nonsense' })).refused).toEqual([]);
    expect((await check(ListDeadLettersQueryDto, { after: 'x'.repeat(501) })).refused).toEqual(['after']);
  });
});
