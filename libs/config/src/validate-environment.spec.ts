import { Transform } from 'class-transformer';
import { IsInt, IsString } from 'class-validator';
import { validateEnvironment } from './validate-environment';

class ListArea {
  @Transform(({ value }) => String(value).split(','))
  @IsString({ each: true })
  LIST!: string[];
}

class NumberArea {
  @IsInt()
  COUNT: number = 7;
}

describe('validateEnvironment', () => {
  it('keeps each area’s conversions whatever the order of the areas', () => {
    for (const areas of [[ListArea, NumberArea], [NumberArea, ListArea]]) {
      expect(validateEnvironment(...areas)({ LIST: 'a,b', OTHER: 'x' })).toEqual({ LIST: ['a', 'b'], COUNT: 7, OTHER: 'x' });
    }
  });

  it('names every variable at fault', () => {
    expect(() => validateEnvironment(NumberArea)({ COUNT: 'many' })).toThrow(/COUNT: COUNT must be an integer/);
  });
});
