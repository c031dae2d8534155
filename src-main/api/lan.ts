// 设置 → 多台电脑 (issue 30): turning the LAN on and off, the pairing code, the seats and
// revoking one, all at the main PC itself; pairing, called only through the LAN's /pair; and,
// at a seat's PC, a look at the certificate the main PC presents.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import * as seats from '../ledger/seats';
import { Refusal, audit, caller, reads, writes, type Context } from './handler';
import { afterCommit } from '../service/context';
import { text } from './fields';
import { pairingAddress, type LanControl } from '../service/lan';
import { notThisPc, peekMainPc } from '../service/lan-peek';
import { hasActiveUsers } from '../ledger/users';
import type { LanStatus } from '../types/lan';

const seatId = z.number({ error: '缺少电脑编号。' }).int().positive();
const seatName = text('place', '电脑名称', '请给这台电脑起个名字，如「窗口2 · 李经办的电脑」。').pipe(z.string().max(40, '电脑名称不能超过 40 个字。'));

function control(ctx: Context): LanControl {
  if (!ctx.lan) throw new Refusal('unavailable', '这个版本的 canbao 不能为其他电脑提供服务（请在主电脑上用桌面版或浏览器版）。');
  return ctx.lan;
}

function seatOrRefuse(ctx: Context, id: number) {
  const s = seats.getSeat(ctx.db, id);
  if (!s) throw new Refusal('not_found', '没有这台电脑（可能已被删除），请刷新。');
  return s;
}

async function status(ctx: Context): Promise<LanStatus> {
  const setting = seats.getLanSetting(ctx.db);
  const base = { enabled: setting.enabled, interface: setting.interface, seats: seats.listSeats(ctx.db) };
  if (!ctx.lan)
    return {
      ...base,
      available: false,
      listening: [],
      urls: [],
      port: 0,
      fingerprint: null,
      certificateUntil: null,
      problem: null,
      interfaces: [],
      pairing: null,
    };
  return { ...base, available: true, ...(await ctx.lan.state()) };
}

export const lanHandlers = {
  // Asked every few seconds while 设置 → 多台电脑 shows: not a use of the login.
  'lan.status': reads('admin', z.object({}).strict(), status, { local: true, quiet: true }),

  'lan.enable': writes(
    'admin',
    z.object({ interface: z.string({ error: '请选择网卡。' }).trim().min(1, '请选择网卡。').max(100, '网卡名称太长。') }).strict(),
    (ctx, arg) => {
      const lan = control(ctx);
      // Before any user exists anyone may do anything; the LAN is opened only to logins.
      if (!hasActiveUsers(ctx.db)) throw new Refusal('forbidden', '请先在「设置 → 用户」中建立管理员和经办人，再让其他电脑连接。');
      const before = seats.getLanSetting(ctx.db);
      const after = { enabled: true, interface: arg.interface };
      seats.setLanSetting(ctx.db, after);
      audit(ctx, { action: 'lan.enable', entity: 'lan', entityId: 1, before, after });
      afterCommit(() => lan.apply());
      return null;
    },
    { local: true },
  ),

  'lan.disable': writes(
    'admin',
    z.object({}).strict(),
    (ctx) => {
      const lan = control(ctx);
      const before = seats.getLanSetting(ctx.db);
      const after = { ...before, enabled: false };
      seats.setLanSetting(ctx.db, after);
      audit(ctx, { action: 'lan.disable', entity: 'lan', entityId: 1, before, after });
      afterCommit(() => lan.apply());
      return null;
    },
    { local: true },
  ),

  // Audited without the code: who let a PC pair, and when.
  'lan.showCode': writes(
    'admin',
    z.object({}).strict(),
    (ctx) => {
      const lan = control(ctx);
      if (!seats.getLanSetting(ctx.db).enabled) throw new Refusal('conflict', '请先打开「允许其他电脑连接」，再显示配对码。');
      audit(ctx, { action: 'lan.showCode', entity: 'lan', entityId: 1 });
      return lan.showCode(ctx.now().getTime());
    },
    // The answer is the code itself: not kept under a key.
    { local: true, keyed: false },
  ),

  // Written whole each time under one name: the same certificate, exported again, replaces the last copy.
  'lan.exportCertificate': reads(
    'admin',
    z.object({}).strict(),
    (ctx) => {
      const pem = control(ctx).certificatePem();
      if (!pem) throw new Refusal('conflict', '请先打开「允许其他电脑连接」，再导出证书。');
      const dir = path.join(ctx.dataDir, 'exports');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'canbao-主电脑证书.crt');
      fs.writeFileSync(`${file}.tmp`, pem);
      fs.renameSync(`${file}.tmp`, file);
      return { file, thumbprint: new crypto.X509Certificate(pem).fingerprint };
    },
    { local: true },
  ),

  'lan.renameSeat': writes(
    'admin',
    z.object({ id: seatId, name: seatName }).strict(),
    (ctx, arg) => {
      const before = seatOrRefuse(ctx, arg.id);
      seats.renameSeat(ctx.db, arg.id, arg.name);
      const after = seats.getSeat(ctx.db, arg.id)!;
      audit(ctx, { action: 'lan.renameSeat', entity: 'seat', entityId: arg.id, before: { name: before.name }, after: { name: after.name } });
      return after;
    },
    { local: true },
  ),

  // At once: the seat's next request is refused, whatever it was doing.
  'lan.revokeSeat': writes(
    'admin',
    z.object({ id: seatId }).strict(),
    (ctx, arg) => {
      const before = seatOrRefuse(ctx, arg.id);
      if (before.revokedAt) return before;
      seats.revokeSeat(ctx.db, arg.id, ctx.now().toISOString(), caller().user?.username ?? '');
      const after = seats.getSeat(ctx.db, arg.id)!;
      audit(ctx, { action: 'lan.revokeSeat', entity: 'seat', entityId: arg.id, before, after });
      return after;
    },
    { local: true },
  ),

  'lan.pair': writes(
    'anyone',
    z.object({ code: z.string({ error: '请填写配对码。' }).max(20, '配对码是 6 位数字。'), name: seatName }).strict(),
    (ctx, arg) => {
      const from = pairingAddress(caller().key);
      if (from === null) throw new Refusal('forbidden', '只能在要连接的电脑上，通过主电脑的局域网地址配对。');
      const lan = control(ctx);
      if (!seats.getLanSetting(ctx.db).enabled) throw new Refusal('unavailable', '主电脑没有打开「允许其他电脑连接」。');
      const r = lan.redeem(arg.code, ctx.now().getTime());
      if (!r.ok) throw new Refusal(r.reason === 'wrong' ? 'invalid_input' : 'forbidden', r.message, 'code');
      const token = crypto.randomBytes(32).toString('base64url');
      const seat = seats.addSeat(ctx.db, { name: arg.name, token, at: ctx.now().toISOString(), from });
      audit(ctx, { action: 'lan.pair', entity: 'seat', entityId: seat.id, after: seat });
      return { seat, token };
    },
    // The answer holds the seat's token: never kept under a key.
    { local: true, keyed: false },
  ),

  // Only this PC's own: from a seat it would have the main PC probe the office's addresses.
  'lan.peek': reads(
    'clerk',
    z.object({ address: z.string({ error: '请填写主电脑的地址。' }).trim().min(1, '请填写主电脑的地址。').max(300, '地址太长。') }).strict(),
    async (ctx, arg) => notThisPc(await peekMainPc(arg.address, ctx.dataDir), ctx.lan?.pin() ?? null),
    { local: true },
  ),
};
