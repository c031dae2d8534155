// Which keys belong to the focused control and which to the screen (issue 26). A screen that
// listens for Enter on the window must not also run its step when the clerk pressed Enter on a
// button (重新计算, 打印凭证, 全户参保), a checkbox or a dropdown, nor when Enter only ends a
// Chinese input method's composition.
const OWN_KEYS =
  'button, a[href], [role=button], [role=checkbox], [role=radio], [role=switch], [role=combobox], [role=dialog], input[type=checkbox], input[type=radio], textarea, .ant-select, .ant-picker, .ant-modal, .ant-input-number';

/** True when the key is the focused control's own (or an input method's), not the screen's. */
export function keyForControl(e: KeyboardEvent): boolean {
  // 229: the key code browsers give keys that an input method is still composing.
  if (e.isComposing || e.keyCode === 229) return true;
  const t = e.target;
  return t instanceof Element && t.closest(OWN_KEYS) !== null;
}
