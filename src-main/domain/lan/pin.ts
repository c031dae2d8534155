// Pinning the main PC's certificate (issue 30): a seat trusts the public key it saw when it was
// paired (its SPKI's SHA-256, as Chromium's --ignore-certificate-errors-spki-list takes it), not
// a certificate authority, so a renewed certificate on the same key, or the PC at a new address,
// needs no new pairing, and another PC answering at the address is refused.

/** The short form people compare on the two screens: 16 hex digits in four groups (64 bits). */
export function shortFingerprint(spkiSha256: Uint8Array): string {
  const hex = Array.from(spkiSha256.slice(0, 8), (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** The pin as stored and as Chromium takes it: the SPKI's SHA-256 in base64. */
export function pinOf(spkiSha256: Uint8Array): string {
  let s = '';
  for (const b of spkiSha256) s += String.fromCharCode(b);
  return btoa(s);
}

export type PinCheck = { ok: true } | { ok: false; reason: 'not_paired' | 'changed'; message: string };

/** Does the certificate the main PC presents carry the key this seat was paired with? */
export function checkPin(pinned: string | null, presentedSpkiSha256: Uint8Array): PinCheck {
  if (!pinned) return { ok: false, reason: 'not_paired', message: '这台电脑还没有与所里的主电脑配对：请输入主电脑显示的地址和配对码。' };
  const presented = pinOf(presentedSpkiSha256);
  if (presented === pinned) return { ok: true };
  return {
    ok: false,
    reason: 'changed',
    message: `连接到的电脑不是配对过的主电脑（证书指纹 ${shortFingerprint(presentedSpkiSha256)} 与配对时不同），已停止连接。若主电脑重装过 canbao，请重新配对；否则请告诉管理员。`,
  };
}
