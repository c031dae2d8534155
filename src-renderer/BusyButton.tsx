import type { Ref } from 'react';
import { Button, type ButtonProps } from 'antd';

// A spinner shown and withdrawn within milliseconds (a quick answer, a refusal) flickers, costs a
// layout on an old PC, and once stayed in the button as "loading 保存" (issue 26): shown only
// when the work takes longer than this.
const SPINNER_AFTER = { delay: 150 } as const;

/**
 * A button whose work may be under way: its spinner shows only past 150 ms, and a press while
 * busy does nothing (the spinner's own block comes only with the spinner).
 */
export function BusyButton({ busy, onClick, ...rest }: Omit<ButtonProps, 'loading'> & { busy: boolean; ref?: Ref<HTMLButtonElement> }) {
  return (
    <Button
      {...rest}
      loading={busy ? SPINNER_AFTER : false}
      aria-busy={busy || undefined}
      onClick={(e) => {
        if (busy) e.preventDefault();
        else onClick?.(e);
      }}
    />
  );
}
