// Logging in and out: one session per window or tab (service/sessions.ts keeps them).
import { z } from 'zod';
import * as repo from '../ledger/users';
import { Refusal, audit, caller, currentUser, hasUsers, reads, writes } from './handler';
import { username } from './users';

export const sessionHandlers = {
  'session.get': reads('anyone', z.object({}).strict(), (ctx) => ({
    user: currentUser(),
    loginRequired: hasUsers(ctx.db),
    readOnly: ctx.readOnly,
  })),

  // Logging in and out still works on a read-only ledger (then unaudited): the clerk must be able to read and back up.
  'session.login': writes(
    'anyone',
    z.object({ username, password: z.string({ error: '请填写密码。' }) }),
    (ctx, arg) => {
      const now = ctx.now().getTime();
      const wait = ctx.sessions.waitFor(arg.username, now);
      if (wait > 0) throw new Refusal('forbidden', `密码错误次数太多，请 ${Math.ceil(wait / 1000)} 秒后再试。`);
      const u = repo.findUser(ctx.db, arg.username);
      // One message and one scrypt for every case, so neither the form nor the time it takes
      // tells which usernames exist or are disabled.
      const matches = repo.checkPassword(arg.password, u?.passwordHash ?? repo.DUMMY_HASH);
      if (!u || u.disabled || !matches) {
        ctx.sessions.failed(arg.username, now);
        throw new Refusal('forbidden', '用户名或密码不对，或该用户已停用。');
      }
      ctx.sessions.succeeded(arg.username);
      ctx.sessions.signIn(caller().key, u.id, now);
      const user = { id: u.id, username: u.username, displayName: u.displayName, role: u.role };
      caller().user = user;
      audit(ctx, { action: 'session.login', entity: 'user', entityId: u.id });
      return user;
    },
    { readOnly: true },
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
    { readOnly: true },
  ),
};
