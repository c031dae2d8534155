import { Button, Popconfirm } from 'antd';

/** 停用 (after a confirmation that says what stopping means) or, once stopped, 恢复: for villages and users. */
export function RetireToggle(props: {
  retired: boolean;
  name: string;
  consequence: string;
  disabled?: boolean;
  onRetire: () => unknown;
  onRestore: () => unknown;
}) {
  if (props.retired)
    return (
      <Button size="small" onClick={() => void props.onRestore()}>
        恢复
      </Button>
    );
  return (
    <Popconfirm title={`停用「${props.name}」？`} description={props.consequence} okText="停用" cancelText="取消" onConfirm={() => props.onRetire()}>
      <Button size="small" danger disabled={props.disabled}>
        停用
      </Button>
    </Popconfirm>
  );
}
