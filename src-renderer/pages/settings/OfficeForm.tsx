import { useEffect, useState } from 'react';
import { Alert, Card, Checkbox, Form, Input, InputNumber } from 'antd';
import type { OfficeInput } from '../../../src-main/api/contract';
import { invoke } from '../../api';
import { useOffice } from '../../office';
import { useAction } from '../../useAction';
import { isAdmin, useSession } from '../../session';
import { BusyButton } from '../../BusyButton';

export function OfficeForm() {
  const admin = isAdmin(useSession());
  const { office, setOffice } = useOffice();
  const [form] = Form.useForm<OfficeInput>();
  const { run, error, busy: saving } = useAction();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (office) form.setFieldsValue(office);
  }, [office, form]);

  async function save(values: OfficeInput) {
    const office = await run(() => invoke('office.update', values));
    if (office) setOffice(office);
    setSaved(office !== null);
  }

  return (
    <Card title="本所信息" size="small" extra={admin ? null : <span style={{ color: '#666' }}>只有管理员可以修改</span>}>
      <Form form={form} layout="inline" onFinish={save} onValuesChange={() => setSaved(false)} disabled={!admin}>
        <Form.Item label="所属区县" name="county">
          <Input placeholder="如：云阳县" style={{ width: 180 }} aria-label="所属区县" />
        </Form.Item>
        <Form.Item label="乡镇/街道" name="townshipName">
          <Input placeholder="如：农坝镇" style={{ width: 180 }} aria-label="乡镇/街道" />
        </Form.Item>
        <Form.Item
          label="本县区划代码"
          name="countyCode"
          tooltip="6 位行政区划代码（如云阳县 500235、酉阳县 500242）。导入医保参保核实名单时，据此判断“所属区划”是本县、市内县外还是市外。"
        >
          <Input placeholder="如：500235" maxLength={6} inputMode="numeric" style={{ width: 110 }} aria-label="本县区划代码" />
        </Form.Item>
        <Form.Item label="联系电话" name="phone" tooltip="印在资助对象公示名单上，供群众反映意见。">
          <Input placeholder="如：023-55123456" style={{ width: 150 }} aria-label="社保所联系电话" />
        </Form.Item>
        <Form.Item label="地址" name="address">
          <Input placeholder="如：农坝镇人民政府一楼" style={{ width: 220 }} aria-label="社保所地址" />
        </Form.Item>
        <Form.Item label="公示天数" name="publicDays" tooltip="资助对象公示名单的公示期：从打印当天起算，含当天。">
          <InputNumber min={1} max={60} precision={0} style={{ width: 80 }} aria-label="公示天数" />
        </Form.Item>
        <Form.Item name="receiptFullId" valuePropName="checked">
          <Checkbox aria-label="收据显示完整身份证号">收据上显示完整身份证号</Checkbox>
        </Form.Item>
        <Form.Item>
          {/* The spinner only for a save that takes a while: one shown and withdrawn within a few
              milliseconds (a refusal) could stay in the button. */}
          <BusyButton type="primary" htmlType="submit" busy={saving}>
            保存
          </BusyButton>
        </Form.Item>
      </Form>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} role="alert" />}
      {saved && <Alert style={{ marginTop: 12 }} type="success" showIcon message="已保存。" />}
    </Card>
  );
}
