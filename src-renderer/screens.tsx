// The screens behind the login, each its own file fetched on first use (issue 26): an old PC
// loads the login page alone first. While the clerk types the password they are fetched in the
// background, so the first screen after the login does not wait for the network or the disk.
import { Component, lazy, type ComponentType, type ReactNode } from 'react';
import { Button, Result } from 'antd';

const LOADERS = {
  dashboard: () => import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
  enroll: () => import('./pages/enroll/EnrollPage').then((m) => ({ default: m.EnrollPage })),
  roster: () => import('./pages/roster/RosterPage').then((m) => ({ default: m.RosterPage })),
  progress: () => import('./pages/progress/ProgressPage').then((m) => ({ default: m.ProgressPage })),
  excel: () => import('./pages/excel/ExcelPage').then((m) => ({ default: m.ExcelPage })),
  print: () => import('./pages/print/PrintPage').then((m) => ({ default: m.PrintPage })),
  policies: () => import('./pages/policies/PoliciesPage').then((m) => ({ default: m.PoliciesPage })),
  settings: () => import('./pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
} satisfies Record<string, () => Promise<{ default: ComponentType }>>;

export type ScreenKey = keyof typeof LOADERS;

export const SCREENS: Record<ScreenKey, ComponentType> = {
  dashboard: lazy(LOADERS.dashboard),
  enroll: lazy(LOADERS.enroll),
  roster: lazy(LOADERS.roster),
  progress: lazy(LOADERS.progress),
  excel: lazy(LOADERS.excel),
  print: lazy(LOADERS.print),
  policies: lazy(LOADERS.policies),
  settings: lazy(LOADERS.settings),
};

/**
 * A screen that fails to load (its file gone after an update while this window stayed open) or
 * to draw says so with a way on, instead of leaving a blank window.
 */
export class ScreenBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="warning"
        title="这个界面没有显示出来"
        subTitle="程序可能刚更新过。请重新加载；已经保存的内容不受影响。"
        extra={
          <Button type="primary" onClick={() => location.reload()}>
            重新加载
          </Button>
        }
      />
    );
  }
}

let fetched = false;

/** Fetches every screen's file once, the first screen first; a failure waits for the screen's own load. */
export function prefetchScreens(): void {
  if (fetched) return;
  fetched = true;
  void Object.values(LOADERS)
    .reduce<Promise<unknown>>((before, load) => before.then(() => load()), Promise.resolve())
    .catch(() => undefined);
}
