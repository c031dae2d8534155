// Icon-only controls named in Chinese. antd names them after their icons ("search",
// "close-circle", "left"): that is what a screen reader says to the clerk. (Input.Password's
// eye is named by antd itself, 显示/隐藏, in the office's locale.)
import { cloneElement, isValidElement, type ReactElement } from 'react';
import type { PaginationProps } from 'antd';
import { CloseCircleFilled, SearchOutlined } from '@ant-design/icons';

/** `allowClear` for an Input: its clear button is named 清除. */
export const CLEARABLE = { clearIcon: <CloseCircleFilled aria-label="清除" /> };

/** Input.Search's button, named 查找. */
export const SEARCH_ICON = <SearchOutlined aria-label="查找" />;

const PAGE_BUTTONS: Partial<Record<string, string>> = { prev: '上一页', next: '下一页' };

/** A table's pager buttons (‹ ›) named 上一页 and 下一页: `pagination={{ pageSize: 10, itemRender: pageItem }}`. */
export const pageItem: NonNullable<PaginationProps['itemRender']> = (_page, type, element) => {
  const name = PAGE_BUTTONS[type];
  return name && isValidElement(element) ? cloneElement(element as ReactElement<{ 'aria-label'?: string }>, { 'aria-label': name }) : element;
};
