// A table drawn as antd draws one (the same classes, so the same prebuilt styles and the same
// look), for the screens' small lists that need none of antd Table's machinery: no sorting,
// scrolling, fixed columns or selection. antd's Table measures the scroll bar of each table it
// shows, forcing the page's style and layout each time; on an old PC that alone was 100–170 ms
// of a switch to 设置 or 进度 (issue 26).
import { useState, type CSSProperties, type HTMLAttributes, type Key, type ReactNode } from 'react';
import { Empty, Pagination, Spin, type PaginationProps } from 'antd';
import { ANTD_CSS_VAR_KEY } from './antdKey';

export interface PlainColumn<T> {
  title: ReactNode;
  key?: Key;
  dataIndex?: keyof T & string;
  /** As antd's: the cell's value (dataIndex's), the row and its index. */
  render?: (value: never, record: T, index: number) => ReactNode;
  width?: number;
  align?: 'left' | 'right' | 'center';
}

export interface PlainTableProps<T> {
  rowKey: (keyof T & string) | ((record: T) => Key);
  dataSource: readonly T[];
  columns: readonly PlainColumn<T>[];
  size?: 'small';
  loading?: boolean;
  /** false, or pages of pageSize rows with antd's Pagination under the table. */
  pagination?: false | Pick<PaginationProps, 'pageSize' | 'hideOnSinglePage' | 'itemRender' | 'showSizeChanger'>;
  locale?: { emptyText?: ReactNode };
  onRow?: (record: T, index: number) => HTMLAttributes<HTMLTableRowElement>;
  title?: () => ReactNode;
  style?: CSSProperties;
}

const VARS = `${ANTD_CSS_VAR_KEY} ant-table-css-var`;

export function PlainTable<T>(props: PlainTableProps<T>) {
  const [page, setPage] = useState(1);
  const all = props.dataSource;
  const size = props.pagination ? (props.pagination.pageSize ?? 10) : all.length || 1;
  const pages = Math.max(1, Math.ceil(all.length / size));
  const on = Math.min(page, pages);
  const rows = props.pagination ? all.slice((on - 1) * size, on * size) : all;
  const keyOf = (r: T): Key => (typeof props.rowKey === 'function' ? props.rowKey(r) : (r[props.rowKey] as Key));
  const alignOf = (c: PlainColumn<T>): CSSProperties | undefined => (c.align && c.align !== 'left' ? { textAlign: c.align } : undefined);
  const cell = (c: PlainColumn<T>, r: T, i: number): ReactNode => {
    const value = c.dataIndex === undefined ? undefined : r[c.dataIndex];
    return c.render ? c.render(value as never, r, i) : (value as ReactNode);
  };
  const empty = props.locale?.emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  return (
    // antd's table variables (padding, header colour, font size) are defined on these classes only.
    <div className={`${VARS} ant-table-wrapper`} style={props.style}>
      <Spin spinning={props.loading ?? false}>
        <div className={`ant-table ${VARS}${props.size === 'small' ? ' ant-table-small' : ''}${rows.length === 0 ? ' ant-table-empty' : ''}`}>
          {props.title && <div className="ant-table-title">{props.title()}</div>}
          <div className="ant-table-container">
            <div className="ant-table-content">
              <table style={{ tableLayout: 'auto' }}>
                <colgroup>
                  {props.columns.map((c, i) => (
                    <col key={c.key ?? i} style={c.width === undefined ? undefined : { width: c.width }} />
                  ))}
                </colgroup>
                <thead className="ant-table-thead">
                  <tr>
                    {props.columns.map((c, i) => (
                      <th key={c.key ?? i} className="ant-table-cell" scope="col" style={alignOf(c)}>
                        {c.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="ant-table-tbody">
                  {rows.length === 0 ? (
                    <tr className="ant-table-placeholder">
                      <td className="ant-table-cell" colSpan={props.columns.length}>
                        {empty}
                      </td>
                    </tr>
                  ) : (
                    rows.map((r, i) => {
                      const extra = props.onRow?.(r, i);
                      return (
                        <tr
                          key={keyOf(r)}
                          data-row-key={String(keyOf(r))}
                          {...extra}
                          className={`ant-table-row ant-table-row-level-0${extra?.className ? ` ${extra.className}` : ''}`}
                        >
                          {props.columns.map((c, j) => (
                            <td key={c.key ?? j} className="ant-table-cell" style={alignOf(c)}>
                              {cell(c, r, i)}
                            </td>
                          ))}
                        </tr>
                      );
                    })
                  )}
                </tbody>
              </table>
            </div>
          </div>
        </div>
        {props.pagination && !(props.pagination.hideOnSinglePage && pages === 1) && (
          <Pagination
            className="ant-table-pagination ant-table-pagination-end"
            size="small"
            current={on}
            pageSize={size}
            total={all.length}
            showSizeChanger={false}
            itemRender={props.pagination.itemRender}
            onChange={setPage}
          />
        )}
      </Spin>
    </div>
  );
}
