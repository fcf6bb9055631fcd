/**
 * PostgreSQL text cannot hold U+0000: a NUL in a value that reaches a query failed it with a 500
 * (found by the fuzz run, `GET /v1/dead-letters?reason=%00`). Refused up front as a 400 instead.
 */
export const NO_NUL = /^[^\u0000]*$/;

export const NO_NUL_MESSAGE = (field: string) => `${field} must not contain NUL characters`;
