import { exceedsJsonDepth } from './json-depth';

// Both forms: HTTP bodies arrive as bytes, Kafka values are read as strings.
const exceeds = (json: string, maxDepth: number) => {
  const [inBytes, inText] = [exceedsJsonDepth(Buffer.from(json), maxDepth), exceedsJsonDepth(json, maxDepth)];
  if (inBytes !== inText) throw new Error(`bytes say ${inBytes}, text says ${inText}`);
  return inText;
};

describe('exceedsJsonDepth', () => {
  it('counts arrays and objects alike', () => {
    expect(exceeds('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(exceeds('{"a":{"b":[[1]]}}', 3)).toBe(true);
    expect(exceeds('[[[]]]', 2)).toBe(true);
  });

  it('measures depth, not the number of brackets', () => {
    expect(exceeds('[[],[],[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets and escaped quotes inside strings', () => {
    expect(exceeds('{"a":"[[[{{{"}', 1)).toBe(false);
    expect(exceeds('{"a":"\\"[[[\\\\","b":1}', 1)).toBe(false);
    expect(exceeds('["ä💳[[[", ["x"]]', 2)).toBe(false);
  });

  it('stops at the first level too deep, without recursion', () => {
    expect(exceeds('['.repeat(1_000_000), 32)).toBe(true);
  });
});
