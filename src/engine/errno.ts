/**
 * The errno values LUO and its handlers return, by name (SEMANTICS §7).
 * The engine speaks names; numbers appear only in `retrieve_status` and the C export.
 */
export const ERRNO = {
  E2BIG: 7,
  EAGAIN: 11,
  EBADF: 9,
  EBUSY: 16,
  EEXIST: 17,
  EFAULT: 14,
  EINVAL: 22,
  EIO: 5,
  ENODATA: 61,
  ENODEV: 19,
  ENOENT: 2,
  ENOMEM: 12,
  ENOSPC: 28,
  ENOTTY: 25,
  EOPNOTSUPP: 95,
  EPERM: 1,
} as const;

/** An errno name such as `"ENOENT"` (written without the minus sign, as in the trace format). */
export type Errno = keyof typeof ERRNO;

/** Every errno name the engine knows, sorted, for schemas and pickers. */
export const ERRNO_NAMES = Object.keys(ERRNO).sort() as Errno[];

/** Whether a string is an errno name the engine knows. */
export function isErrno(value: unknown): value is Errno {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRNO, value);
}

/** The negative errno number a kernel function returns, e.g. `-2` for ENOENT. */
export function errnoNumber(name: Errno): number {
  return -ERRNO[name];
}

/** The errno name of a negative errno number (a `retrieve_status`). */
export function errnoName(negative: number): Errno {
  return ERRNO_NAMES.find((name) => ERRNO[name] === -negative) ?? 'EIO';
}
