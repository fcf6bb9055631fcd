import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { ProblemException } from './problem.exception';

const TITLES: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad Request'],
  414: ['uri-too-long', 'URI Too Long'],
};

/**
 * Fastify answers a few requests before Nest routes them — a path parameter longer than its
 * maxParamLength (414), a malformed URL (400) — with its own JSON. Fastify's `frameworkErrors`
 * hook makes those problem documents like every other rejection (found by the fuzz run).
 */
export function answerFrameworkError(error: Error & { statusCode?: number }, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 400;
  const [slug, title] = TITLES[status] ?? ['internal-error', 'Internal Server Error'];
  const { problem } = ProblemException.of(status, slug, title, status === 414 ? 'A path segment is too long.' : 'The request URL is malformed.');
  void reply.status(status).type(PROBLEM_CONTENT_TYPE).send(problem);
}
