import { useLayoutEffect, useRef, useState } from 'react';
import { Tooltip } from 'antd';

/** A tile's title on one line; cut short with … where the tile is too narrow, the whole title then shown on hover. */
export function TileTitle({ text }: { text: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setCut(el.scrollWidth > el.clientWidth);
    check();
    const watch = new ResizeObserver(check);
    watch.observe(el);
    return () => watch.disconnect();
  }, [text]);
  return (
    <Tooltip title={cut ? text : undefined}>
      <span ref={ref} className="tile-title" data-testid="tile-title">
        {text}
      </span>
    </Tooltip>
  );
}
