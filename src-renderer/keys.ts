import { useEffect, type RefObject } from 'react';

// Which keys belong to the focused control and which to the screen (issue 26). A screen that
// listens for Enter on the window must not also run its step when the clerk pressed Enter on a
// button (重新计算, 打印凭证, 全户参保), a checkbox or a dropdown, nor when Enter only ends a
// Chinese input method's composition.
const OWN_KEYS =
  'button, a[href], [role=button], [role=checkbox], [role=radio], [role=switch], [role=combobox], [role=dialog], input[type=checkbox], input[type=radio], textarea, .ant-select, .ant-picker, .ant-modal, .ant-input-number';

// Anything that takes keys of its own: a screen's Enter acts only from the page itself.
const ANY_CONTROL = `${OWN_KEYS}, input, select, [contenteditable], [role]`;

/** True while a Chinese input method is composing: its Enter only commits the characters. */
export function composing(e: KeyboardEvent): boolean {
  // 229: the key code browsers give keys that an input method is still composing.
  return e.isComposing || e.keyCode === 229;
}

/** True when Esc belongs to a field that closes its own list with it (a select, a picker, a number field). */
export function escapeForField(e: KeyboardEvent): boolean {
  const t = e.target;
  return composing(e) || (t instanceof Element && t.closest('.ant-select, .ant-picker, .ant-input-number') !== null);
}

/** True when the key is the focused control's own (or an input method's), not the screen's. */
export function keyForControl(e: KeyboardEvent): boolean {
  if (composing(e)) return true;
  const t = e.target;
  return t instanceof Element && t.closest(OWN_KEYS) !== null;
}

/** True when the key was pressed with no control focused (the page body, or plain text on it). */
export function keyForPage(e: KeyboardEvent): boolean {
  if (composing(e)) return false;
  const t = e.target;
  return !(t instanceof Element) || t === document.body || t.closest(ANY_CONTROL) === null;
}

/** A dialog or drawer is open: the screen's keys wait until it closes. */
export function dialogOpen(): boolean {
  return document.querySelector('.ant-modal-wrap:not([style*="display: none"]), .ant-drawer-open') !== null;
}

const FIELD = 'input:not([type=hidden]):not([disabled]):not([type=checkbox]):not([type=radio]), textarea:not([disabled])';

/**
 * Puts the focus in the first field of `within` when `key` changes (a login, another screen),
 * unless something there took it already (the desk's search box) or the clerk is elsewhere.
 * A screen that loads its fields shows them a little later: they are waited for up to 3 seconds
 * (time, not frames: an old PC draws fewer of them).
 */
export function useFirstField(within: RefObject<HTMLElement | null>, key: string): void {
  useEffect(() => {
    let frame = 0;
    const until = performance.now() + 3000;
    const place = () => {
      const a = document.activeElement;
      if (a && a !== document.body && !a.closest('.ant-menu')) return;
      const field = within.current?.querySelector<HTMLElement>(FIELD);
      if (field) field.focus();
      else if (performance.now() < until) frame = requestAnimationFrame(place);
    };
    frame = requestAnimationFrame(place);
    return () => cancelAnimationFrame(frame);
  }, [within, key]);
}
