import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import { inheritedNameFields } from './inherited-names';
import { problemValidationPipe } from './problem-validation.pipe';
import { ProblemException } from './problem.exception';

class Amount {
  @IsInt()
  value!: number;
}

class Body {
  @IsString()
  name!: string;

  @ValidateNested()
  @Type(() => Amount)
  amount!: Amount;
}

async function refusedFields(plain: unknown): Promise<string[]> {
  try {
    await problemValidationPipe().transform(plain, { type: 'body', metatype: Body });
    return [];
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    return (error.problem.errors ?? []).map((e) => e.field);
  }
}

describe('body fields named like what every object inherits', () => {
  it('are found at any depth, by their dotted paths', () => {
    expect(inheritedNameFields({ a: 1, constructor: null, b: { toString: 1, c: [{ valueOf: 2 }] } }).map((e) => e.field))
      .toEqual(['constructor', 'b.toString', 'b.c.0.valueOf']);
    expect(inheritedNameFields({ a: 1, b: [1, 'constructor'] })).toEqual([]);
  });

  it('are refused like any other unknown field (class-transformer dropped them before the whitelist saw them)', async () => {
    expect(await refusedFields({ name: 'x', amount: { value: 1 } })).toEqual([]);
    expect(await refusedFields({ name: 'x', amount: { value: 1 }, unknown: 1 })).toEqual(['unknown']);
    expect(await refusedFields({ name: 'x', amount: { value: 1 }, constructor: null })).toEqual(['constructor']);
    expect(await refusedFields({ name: 'x', amount: { value: 1, hasOwnProperty: 1 } })).toEqual(['amount.hasOwnProperty']);
    // With the other violations of the same body, all at once.
    expect((await refusedFields({ name: 7, amount: { value: 1 }, toString: 'x' })).sort()).toEqual(['name', 'toString']);
  });
});
