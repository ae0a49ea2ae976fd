// Password length rules, importable by client components (lib/auth/password.ts is native code).

export const PASSWORD_MIN_LENGTH = 10;
/** Upper bound so that a request cannot make the server hash megabytes. */
export const PASSWORD_MAX_LENGTH = 256;
