import { useState } from 'react';
import { Button, Input, Modal } from 'antd';

/** One of a village's words changed in a small dialog: its name, or its 单位编号 on the 医保 platform. */
export function EditVillageButton(props: { button: string; title: string; label: string; value: string; onSave: (value: string) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(props.value);

  async function submit() {
    if (await props.onSave(value)) setOpen(false);
  }

  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setValue(props.value);
          setOpen(true);
        }}
      >
        {props.button}
      </Button>
      <Modal title={props.title} open={open} okText="保存" cancelText="取消" onOk={() => void submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Input autoFocus value={value} aria-label={props.label} onChange={(e) => setValue(e.target.value)} onPressEnter={() => void submit()} />
      </Modal>
    </>
  );
}
