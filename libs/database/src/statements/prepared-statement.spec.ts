import { preparedStatement, withValues } from './prepared-statement';

describe('preparedStatement', () => {
  it('binds values to the named statement for pg', () => {
    const statement = preparedStatement('spec-select-one', 'SELECT $1::int AS one');
    expect(withValues(statement, [1])).toEqual({ name: 'spec-select-one', text: 'SELECT $1::int AS one', values: [1] });
  });

  it('refuses a second text under a name already defined', () => {
    preparedStatement('spec-taken', 'SELECT 1');
    expect(() => preparedStatement('spec-taken', 'SELECT 2')).toThrow(/spec-taken/);
  });

  it('allows the same definition twice (a module loaded again)', () => {
    const first = preparedStatement('spec-same', 'SELECT 1');
    expect(preparedStatement('spec-same', 'SELECT 1')).toEqual(first);
  });
});
