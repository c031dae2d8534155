import { useState } from 'react';
import { Button, Input, Modal } from 'antd';
import type { Village } from '../../../src-main/api/contract';

export function RenameButton(props: { village: Village; onRename: (name: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(props.village.name);

  async function submit() {
    if (await props.onRename(name)) setOpen(false);
  }

  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setName(props.village.name);
          setOpen(true);
        }}
      >
        改名
      </Button>
      <Modal
        title={`修改「${props.village.name}」的名称`}
        open={open}
        okText="保存"
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Input autoFocus value={name} aria-label="新名称" onChange={(e) => setName(e.target.value)} onPressEnter={() => void submit()} />
      </Modal>
    </>
  );
}
