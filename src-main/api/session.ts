// Logging in and out: one session per window or tab (service/sessions.ts keeps them).
import { z } from 'zod';
import * as repo from '../ledger/users';
import { afterCommit, triesCaller } from '../service/context';
import { inTurn } from '../service/hash-turns';
import { Refusal, audit, caller, currentUser, reads, writes, writesAfter } from './handler';
import { username } from './users';

export const sessionHandlers = {
  'session.get': reads('anyone', z.object({}).strict(), (ctx) => ({
    user: currentUser(),
    loginRequired: repo.hasActiveUsers(ctx.db),
    readOnly: ctx.readOnly,
    seat: caller().seat?.name ?? null,
  })),

  // Logging in and out still works on a read-only ledger (then unaudited): the clerk must be able to read and back up.
  // The password's scrypt runs off the main thread and in turn with other logins' (a flood of
  // wrong ones once held every tab); only the session and the audit entry are the write.
  'session.login': writesAfter(
    'anyone',
    z.object({ username, password: z.string({ error: '请填写密码。' }) }),
    async (ctx, arg) => {
      // A browser tab's tries count against the tab too (another PC's against its seat), whatever names it tries.
      const attempt = { username: arg.username, caller: triesCaller() };
      const refuseWhileWaiting = () => {
        const wait = ctx.sessions.waitFor(attempt, ctx.now().getTime());
        if (wait > 0) throw new Refusal('forbidden', `密码错误次数太多，请 ${Math.ceil(wait / 1000)} 秒后再试。`);
      };
      refuseWhileWaiting();
      const u = repo.findUser(ctx.db, arg.username);
      // One message and one scrypt for every case, so neither the form nor the time it takes
      // tells which usernames exist or are disabled. Asked again when its turn comes, and a
      // wrong one counted before the turn passes on: tries queued behind wrong ones from the
      // same tab or for the same name wait as they would have one after another.
      const stored = u?.passwordHash ?? repo.DUMMY_HASH;
      const right = await inTurn(async () => {
        refuseWhileWaiting();
        const matches = await repo.checkPassword(arg.password, stored);
        if (!u || u.disabled || !matches) ctx.sessions.failed(attempt, ctx.now().getTime());
        return u && !u.disabled && matches ? u : null;
      });
      if (!right) throw new Refusal('forbidden', '用户名或密码不对，或该用户已停用。');
      return { attempt, checked: right };
    },
    (ctx, _arg, { attempt, checked }) => {
      // The user as the ledger has it now: disabled, or given another password, while the hash ran.
      const u = repo.getUser(ctx.db, checked.id);
      if (!u || u.disabled || u.passwordHash !== checked.passwordHash) throw new Refusal('forbidden', '用户名或密码不对，或该用户已停用。');
      const user = { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
      const who = caller();
      // This call's caller, so the entry names the user; the window's session follows below.
      who.user = user;
      audit(ctx, { action: 'session.login', entity: 'user', entityId: u.id });
      // Logged in only if the entry landed: a login answered as failed (a full disk) leaves none.
      afterCommit(() => {
        ctx.sessions.succeeded(attempt);
        ctx.sessions.signIn(who.key, u.id, ctx.now().getTime());
      });
      return user;
    },
    // Sent again it does no harm, and a login's arguments hold a password: not kept under a key.
    { readOnly: true, keyed: false },
  ),

  'session.logout': writes(
    'anyone',
    z.object({}).strict(),
    (ctx) => {
      const user = currentUser();
      if (user) audit(ctx, { action: 'session.logout', entity: 'user', entityId: user.id });
      ctx.sessions.signOut(caller().key);
      return null;
    },
    // Sent again it does no harm, and a login's arguments hold a password: not kept under a key.
    { readOnly: true, keyed: false },
  ),
};
