import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DiscardDeadLettersRequestDto, ReplayDeadLettersRequestDto } from './dead-letter-action.request.dto';
import { ListDeadLettersQueryDto } from './list-dead-letters.query.dto';

async function refusedFields(type: new () => object, plain: Record<string, unknown>): Promise<string[]> {
  const errors = await validate(plainToInstance(type, plain));
  return errors.flatMap((e) => [e.property, ...(e.children ?? []).map((c) => `${e.property}.${c.property}`)]);
}

describe('dead-letter requests found by the fuzz run', () => {
  it('refuses a null dryRun instead of replaying for real', async () => {
    expect(await refusedFields(ReplayDeadLettersRequestDto, { ids: ['rec_1'], dryRun: null })).toEqual(['dryRun']);
    expect(await refusedFields(ReplayDeadLettersRequestDto, { ids: ['rec_1'] })).toEqual([]);
    expect(plainToInstance(ReplayDeadLettersRequestDto, { ids: ['rec_1'] }).dryRun).toBe(false);
  });

  it('refuses a NUL in a reason, which PostgreSQL text cannot hold', async () => {
    expect(await refusedFields(ListDeadLettersQueryDto, { reason: 'a\u0000' })).toEqual(['reason']);
    expect(await refusedFields(ReplayDeadLettersRequestDto, { filter: { reason: '\u0000' } })).toEqual(['filter', 'filter.reason']);
    expect(await refusedFields(DiscardDeadLettersRequestDto, { ids: ['rec_1'], reason: 'x\u0000y' })).toEqual(['reason']);
    expect(await refusedFields(ListDeadLettersQueryDto, { reason: 'INSUFFICIENT_FUNDS' })).toEqual([]);
  });
});
