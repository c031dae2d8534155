// Step 2 of the desk: who this is and what they hold, said before any money is named. The focus
// waits on 下一步, so Enter moves on; a person who has paid for the year is said here, not later.
import { useEffect, useRef } from 'react';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { yuan } from '../../format';
import { label, useGlossary } from '../../glossary';
import type { PersonDetail } from './desk';
import { BusyButton } from '../../BusyButton';

export function CheckStep(props: {
  detail: PersonDetail;
  on: string;
  paid: PersonDetail['enrollments'][number] | null;
  busy: boolean;
  onNext: () => void;
  onHousehold: () => void;
}) {
  const g = useGlossary();
  const { person, categories } = props.detail;
  const next = useRef<HTMLButtonElement>(null);
  // Paid already: nothing to press Enter on (the page's Enter then does nothing either).
  useEffect(() => void (props.paid || next.current?.focus()), [props.paid]);
  const held = categories.filter((c) => !c.validTo || c.validTo >= props.on);
  return (
    <Card size="small" title={`${person.name}（${person.idNumber}）`}>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="村（社区）">{person.villageName}</Descriptions.Item>
        <Descriptions.Item label="参保范围">{label(g.residences, person.residence)}</Descriptions.Item>
        <Descriptions.Item label="状态">{label(g.statuses, person.status)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph>
        持有的资助身份：
        {held.map((c) => (
          <Tag key={c.id}>{label(g.categories, c.code)}</Tag>
        ))}
        {!held.length && '无'}
      </Typography.Paragraph>
      {props.paid && (
        <Alert
          style={{ marginBottom: 12 }}
          type="warning"
          showIcon
          data-testid="already-enrolled"
          message={`「${person.name}」已登记 ${props.paid.coverageYear} 年度参保：收据号 ${props.paid.receiptNo}，${props.paid.paidOn} 缴费 ${yuan(props.paid.personalFen)} 元（${props.paid.channel}）。`}
          description="不要重复收费。如需更改档次或金额，请在“花名册”中打开此人，作废原记录后重新登记。"
        />
      )}
      <Space>
        <BusyButton ref={next} type="primary" disabled={!!props.paid} busy={props.busy} onClick={props.onNext}>
          下一步（回车）
        </BusyButton>
        <Button onClick={props.onHousehold}>全户参保</Button>
      </Space>
    </Card>
  );
}
