import { afterAll, afterEach } from 'vitest';
import { takePayloadProblems } from '../../scripts/bench/payload-problems';

/**
 * Every test file: a payload the platforms would refuse fails the test that sent it
 * (or, if it arrived after that test ended, the file), listing what was wrong.
 */
function failOnPayloadProblems(): void {
  const problems = takePayloadProblems();
  if (problems.length === 0) return;
  throw new Error(`Slack or Teams would refuse ${problems.length} payload problem(s):\n  ${problems.slice(0, 20).join('\n  ')}`);
}

afterEach(failOnPayloadProblems);
afterAll(failOnPayloadProblems);
