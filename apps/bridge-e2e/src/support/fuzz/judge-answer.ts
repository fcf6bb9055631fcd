import { Answer } from '../http';
import { FuzzCase } from './fuzz-bodies';

/**
 * What is wrong with how an app answered one fuzzed body, if anything: a 5xx; a 4xx that is not
 * a problem document; a rejected body that still wrote rows; a known case answered otherwise.
 */
export function judgeAnswer(fuzz: FuzzCase, answer: Answer, rowsBefore: number[], rowsAfter: number[]): string[] {
  const faults: string[] = [];
  const fault = (what: string) => faults.push(`${fuzz.name}: ${what} (answer ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 200)})`);
  if (answer.status >= 500) fault('server error');
  if (answer.status >= 400) {
    if (!answer.contentType.startsWith('application/problem+json')) fault(`content type ${answer.contentType}`);
    if (answer.body?.status !== answer.status) fault('problem without its status');
    if (rowsAfter.join() !== rowsBefore.join()) fault(`rows written though rejected: ${rowsBefore} -> ${rowsAfter}`);
  }
  const expected = fuzz.expected;
  if (expected) {
    if (answer.status !== expected.status) fault(`expected ${expected.status}`);
    const fields: string[] = (answer.body?.errors ?? []).map((e: { field: string }) => e.field);
    if (expected.field && !fields.includes(expected.field)) fault(`expected a problem naming ${expected.field}`);
    if (expected.type && answer.body?.type !== expected.type) fault(`expected problem type ${expected.type}`);
  }
  return faults;
}
