import { useState } from 'react';
import { Tooltip } from 'antd';

/**
 * A tile's title on one line; cut short with … where the tile is too narrow, the whole title then
 * shown on hover. Whether it is cut is measured then, not as the tiles draw: eight
 * measurements while 工作台 first drew each forced a layout (75 ms on an old PC).
 */
export function TileTitle({ text }: { text: string }) {
  const [cut, setCut] = useState(false);
  const measure = (el: HTMLElement) => setCut(el.scrollWidth > el.clientWidth);
  return (
    <Tooltip title={cut ? text : undefined}>
      <span className="tile-title" data-testid="tile-title" onMouseEnter={(e) => measure(e.currentTarget)}>
        {text}
      </span>
    </Tooltip>
  );
}
