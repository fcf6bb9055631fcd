export { PROBLEM_CONTENT_TYPE } from './problem/problem-details';
export type { ProblemDetails } from './problem/problem-details';
export { ProblemException } from './problem/problem.exception';
export { ProblemDetailsFilter } from './problem/problem-details.filter';
export { problemValidationPipe } from './problem/problem-validation.pipe';
export { useProblemDetails } from './problem/use-problem-details';
export { bootstrapHttpApp } from './bootstrap-http-app';
export type { HttpAppOptions } from './bootstrap-http-app';
