// The desk's later steps drawn once, out of sight, while the clerk finds the person (issue 26):
// the first time a component draws, the browser compiles its code, and on an old PC that made
// the first person's 缴费 step and receipt up to twice as slow as the next one's. Drawn in the background,
// when the page is idle; nothing in it is read, named or kept (warm.tsx does the same for the
// shell while the password is typed).
import { useEffect } from 'react';
import { Alert, Button, Card, Checkbox, Col, Descriptions, InputNumber, Result, Row, Space, Steps, Tag, Tooltip, Typography } from 'antd';
import type { Receipt } from '../../../src-main/api/contract';
import { PaymentFields } from './PaymentFields';
import { ReceiptView } from '../../print/ReceiptView';
import { PaperChoice } from '../../print/PaperChoice';
import { OptionalDayPicker } from '../DayPicker';
import { warmUp } from '../../warm';

const NOTHING = () => undefined;
const PAYMENT = { paidOn: '2024-01-01', channel: '·' };
const DOT = '·';
const RECEIPT: Receipt = {
  officeTitle: DOT,
  receiptNo: DOT,
  status: 'active',
  voidReason: null,
  personName: DOT,
  idNumber: DOT,
  villageName: DOT,
  coverageYear: 2024,
  tierLabel: DOT,
  feeYuan: DOT,
  subsidyYuan: DOT,
  subsidyLabel: DOT,
  departmentLabel: DOT,
  personalYuan: DOT,
  personalCapitals: DOT,
  paidOn: DOT,
  channel: DOT,
  benefitStart: DOT,
  benefitEnd: DOT,
  clerk: DOT,
};

function DeskParts() {
  return (
    <Space direction="vertical">
      <Steps current={1} items={[{ title: '·' }, { title: '·' }]} />
      <Descriptions size="small" column={2} items={[{ key: 1, label: '·', children: '·' }]} />
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small" hoverable title="·">
            <Typography.Text strong>·</Typography.Text>
          </Card>
        </Col>
      </Row>
      <PaymentFields value={PAYMENT} channels={['·']} onChange={NOTHING} />
      <OptionalDayPicker label="·" value={null} onChange={NOTHING} />
      <Result status="success" title="·" subTitle="·" extra={<Button type="primary">·</Button>} />
      <Alert type="warning" showIcon message="·" />
      <Checkbox>·</Checkbox>
      <InputNumber controls={false} />
      <PaperChoice paper="a4" onChange={NOTHING} />
      <ReceiptView r={RECEIPT} />
      <Tooltip title="·">
        <Tag color="green">·</Tag>
      </Tooltip>
    </Space>
  );
}

let warmed = false;

/** Once per page: when the browser is next idle, the desk's parts are drawn and removed. */
export function useWarmDesk(): void {
  useEffect(() => {
    if (warmed) return;
    const run = () => {
      if (warmed) return;
      warmed = true;
      warmUp(<DeskParts />);
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const t = setTimeout(run, 300);
    return () => clearTimeout(t);
  }, []);
}
