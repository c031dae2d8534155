import { z } from 'zod';
import * as repo from '../ledger/users';
import { text } from './fields';
import { inTurn } from '../service/hash-turns';
import { Refusal, audit, caller, currentUser, reads, writes, writesAfter } from './handler';

export const username = z
  .string({ error: '请填写用户名。' })
  .trim()
  .regex(/^[A-Za-z0-9_.\u4e00-\u9fff]{2,20}$/, '用户名为 2 到 20 个字，可用汉字、字母、数字、下划线和点。');
const password = z.string({ error: '请填写密码。' }).min(6, '密码至少 6 位。').max(100, '密码太长。');
const displayName = text('name', '姓名', '请填写姓名。').pipe(z.string().max(20, '姓名不能超过 20 个字。'));
const userId = z.number({ error: '缺少用户编号。' }).int().positive();

export const userHandlers = {
  'users.list': reads('admin', z.object({}).strict(), (ctx) => repo.listUsers(ctx.db).map(repo.publicUser)),

  // The new password's scrypt is made before the transaction, in turn with the logins' (api/session.ts).
  'users.create': writesAfter(
    'admin',
    z.object({ username, displayName, role: z.enum(['admin', 'clerk'], { error: '角色只能是管理员或经办人。' }), password }),
    (_ctx, arg) => inTurn(() => repo.hashPassword(arg.password)),
    (ctx, arg, passwordHash) => {
      const first = repo.countUsers(ctx.db) === 0;
      if (first && arg.role !== 'admin') throw new Refusal('invalid_input', '第一个用户必须是管理员。', 'role');
      if (repo.findUser(ctx.db, arg.username)) throw new Refusal('conflict', `用户名「${arg.username}」已被使用。`, 'username');
      const u = repo.insertUser(ctx.db, { ...arg, passwordHash }, ctx.now().toISOString());
      audit(ctx, { action: 'users.create', entity: 'user', entityId: u.id, after: repo.publicUser(u) });
      // Whoever created the first account is now logged in as it.
      if (first) ctx.sessions.signIn(caller().key, u.id, ctx.now().getTime());
      return repo.publicUser(u);
    },
    // Its arguments hold a password: not kept under a key (handler.ts keyedCall).
    { keyed: false },
  ),

  'users.setPassword': writesAfter(
    'clerk',
    z.object({ id: userId, password, current: z.string().max(100).optional() }),
    async (ctx, arg) => {
      // A clerk changes their own password; anyone else's is the administrator's to reset.
      const me = currentUser();
      if (me && me.id !== arg.id && me.role !== 'admin') throw new Refusal('forbidden', '只有管理员可以重设其他用户的密码。');
      const u = repo.getUser(ctx.db, arg.id);
      if (!u) throw new Refusal('not_found', '找不到这个用户。');
      // One's own password is changed by knowing it: a PC left logged in does not give the account away.
      if (me && me.id === arg.id && !(await inTurn(() => repo.checkPassword(arg.current ?? '', u.passwordHash))))
        throw new Refusal('forbidden', '当前密码不对。', 'current');
      return inTurn(() => repo.hashPassword(arg.password));
    },
    (ctx, arg, passwordHash) => {
      if (!repo.getUser(ctx.db, arg.id)) throw new Refusal('not_found', '找不到这个用户。');
      repo.setPasswordHash(ctx.db, arg.id, passwordHash);
      audit(ctx, { action: 'users.setPassword', entity: 'user', entityId: arg.id });
      return repo.publicUser(repo.getUser(ctx.db, arg.id)!);
    },
    // Its arguments hold a password: not kept under a key (handler.ts keyedCall).
    { keyed: false },
  ),

  'users.setDisabled': writes('admin', z.object({ id: userId, disabled: z.boolean() }), (ctx, arg) => {
    const u = repo.getUser(ctx.db, arg.id);
    if (!u) throw new Refusal('not_found', '找不到这个用户。');
    if (arg.disabled && u.role === 'admin') {
      const admins = repo.listUsers(ctx.db).filter((x) => x.role === 'admin' && !x.disabled).length;
      if (admins <= 1) throw new Refusal('conflict', '不能停用最后一位管理员。');
    }
    repo.setDisabled(ctx.db, arg.id, arg.disabled);
    const after = repo.publicUser(repo.getUser(ctx.db, arg.id)!);
    audit(ctx, { action: 'users.setDisabled', entity: 'user', entityId: arg.id, before: repo.publicUser(u), after });
    return after;
  }),
};
