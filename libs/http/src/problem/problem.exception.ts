import { HttpException } from '@nestjs/common';
import { ProblemDetails } from './problem-details';

/** An HTTP error whose body is a problem document. `type` is a short slug for clients to match on. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }

  static of(status: number, slug: string, title: string, detail?: string, extensions: Record<string, unknown> = {}) {
    return new ProblemException({ type: `urn:voucher-bridge:problem:${slug}`, title, status, detail, ...extensions });
  }
}
