/**
 * How a handler treats the files it depends on (guest_memfd its VM, a vCPU its VM, a generic
 * file each of its deps), under the switches of SEMANTICS §4.1:
 * - `depLookupPhase`: `liveupdate_get_token_outgoing()` in `.preserve()` or in `.freeze()`;
 * - `incomingDepPolicy`: `liveupdate_get_file_incoming()` (implicit) or "already retrieved"
 *   (strict, the `-EAGAIN` copy of guest_memfd_luo.c [S20]);
 * - `finishDepCheck`: variant D's `.can_finish()` guard (Pasha, 29 Jun 2026).
 */
import type { FileId, Token } from '../types';
import type { IncomingContext, OpResult, OutgoingContext } from './handler';
import { OK, fail } from './handler';

/** Looks every dependency up in this session; ENOENT for the first one missing. */
export function lookupDeps(ctx: OutgoingContext, op: 'preserve' | 'freeze'): OpResult {
  const tokens: Token[] = [];
  for (const dep of ctx.file.deps) {
    const token = ctx.tokenOutgoing(dep);
    if (token === null) {
      const what = describeDep(ctx, dep);
      return fail(
        'ENOENT',
        `${ctx.file.type}.${op}: ${what} is not preserved in session "${ctx.session}" ` +
          `(liveupdate_get_token_outgoing -> -ENOENT, ${op}-time lookup)`,
      );
    }
    tokens.push(token);
  }
  return { ok: true, depTokens: tokens };
}

function describeDep(ctx: OutgoingContext, dep: FileId): string {
  return `${ctx.fileById(dep).type} "${dep}"`;
}

/** `.preserve()`: the lookup when it runs at preserve time; else records vm_token = 0. */
export function preserveDeps(ctx: OutgoingContext): OpResult {
  if (ctx.switches.depLookupPhase === 'preserve') return lookupDeps(ctx, 'preserve');
  return { ok: true, depTokens: [], note: 'dependency lookup deferred to freeze' };
}

/** `.freeze()`: the lookup when it was deferred; else keeps the tokens found at preserve. */
export function freezeDeps(ctx: OutgoingContext): OpResult {
  if (ctx.switches.depLookupPhase === 'freeze') return lookupDeps(ctx, 'freeze');
  return { ok: true, depTokens: ctx.depTokens };
}

/** `.retrieve()`: get each dependency back, implicitly or only if already retrieved. */
export function retrieveDeps(ctx: IncomingContext): OpResult {
  for (const token of ctx.entry.depTokens) {
    const dep = ctx.entryByToken(token);
    const name = dep
      ? `${ctx.fileById(dep.file).type} "${dep.file}" (token ${token})`
      : `token ${token}`;
    if (ctx.switches.incomingDepPolicy === 'strict') {
      if (!dep || dep.retrieveStatus <= 0) {
        const errno = ctx.switches.strictErrno;
        return fail(
          errno,
          `${ctx.file.type}.retrieve: ${name} must be retrieved first -> -${errno} ` +
            `(strict restore order, variant B)`,
          true,
        );
      }
      continue;
    }
    const got = ctx.fileIncoming(token);
    if (!got.ok) {
      return fail(
        got.errno,
        `${ctx.file.type}.retrieve: liveupdate_get_file_incoming(${name}) -> -${got.errno}`,
      );
    }
  }
  return OK;
}

const NONE: readonly FileId[] = Object.freeze([]);

/** Dependencies userspace never retrieved while it holds this file. */
export function danglingDeps(ctx: IncomingContext): readonly FileId[] {
  if (!ctx.entry.userRetrieved) return NONE;
  let out: FileId[] | undefined;
  for (const token of ctx.entry.depTokens) {
    const dep = ctx.entryByToken(token);
    if (dep && !dep.userRetrieved) (out ??= []).push(dep.file);
  }
  return out ?? NONE;
}

/** Variant D's guard: `can_finish = !retrieved || every dependency userRetrieved`; no op else. */
export function depsCanFinish(ctx: IncomingContext): OpResult | null {
  if (ctx.switches.finishDepCheck !== 'canFinishUserRetrieved') return null;
  if (ctx.entry.retrieveStatus <= 0) return OK;
  const dangling = (t: Token) => {
    const dep = ctx.entryByToken(t);
    return dep !== undefined && !dep.userRetrieved;
  };
  if (!ctx.entry.depTokens.some(dangling)) return OK;
  const missing = ctx.entry.depTokens
    .map((t) => ctx.entryByToken(t))
    .filter((dep) => dep !== undefined && !dep.userRetrieved)
    .map((dep) => `"${dep!.file}"`);
  if (missing.length === 0) return OK;
  return fail(
    'EBUSY',
    `${ctx.file.type}.can_finish: "${ctx.file.id}" was retrieved but ${missing.join(', ')} ` +
      `was not retrieved by userspace -> false (can_finish guard, variant D)`,
  );
}
