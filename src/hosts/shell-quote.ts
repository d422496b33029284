/**
 * Quoting for POSIX sh. Remote commands cross two shells (the login shell sshd runs, then `sh -c`),
 * so quoting must be exact for any string, which only single quotes give.
 */
import { InternalError } from '../core/errors.ts';

/** Quotes a string as one POSIX sh word: single quotes, with `'` written as `'\''`. */
export function shQuote(value: string): string {
  if (value.includes('\0')) throw new InternalError('a shell word cannot contain a NUL byte');
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
