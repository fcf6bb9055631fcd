/** RFC 9457 problem details, with the extension members this API uses. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** One entry per invalid field, for 400 answers. */
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
