/**
 * Every error the HTTP surface answers with: a stable code, its status and an English message for the
 * operator or client (never a parser's or the SDK's text). The bodies follow the Bot Framework's error shape,
 * { error: { code, message } }.
 */
import type restify from 'restify';

export const HTTP_ERRORS = {
  BAD_REQUEST: { status: 400, message: 'The request body is not a valid activity.' },
  UNAUTHORIZED: { status: 401, message: 'Authentication failed.' },
  TOKEN_REQUIRED: { status: 401, message: 'A valid bearer token is required.' },
  DIGEST_RUN_NOT_FOUND: { status: 404, message: 'No such digest run.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  INTERNAL: { status: 500, message: 'The activity could not be processed.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type HttpErrorCode = keyof typeof HTTP_ERRORS;

export function errorBody(code: HttpErrorCode): { error: { code: HttpErrorCode; message: string } } {
  return { error: { code, message: HTTP_ERRORS[code].message } };
}

export function sendError(res: restify.Response, code: HttpErrorCode): void {
  res.send(HTTP_ERRORS[code].status, errorBody(code));
}
