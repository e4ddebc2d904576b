import { Alert, Badge, Button, Card, Grid, Group, Modal, Select, Stack, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import type { OcopCommuneReport, OcopProductDetail, OcopSelfReport } from '../../../../core/contract/index';
import { PRODUCT_STATUSES, type ProductStatus } from '../../../../core/ocop';
import { STATUS_COLORS, todayIso, vnDate, vnNumber } from './format';
import { useIssueCertificate, useRevokeCertificate, useSaveProduct, useSetProductStatus } from './mutations';

export type InfoPanelProps = { product: OcopProductDetail };

const MOVE_LABELS: Partial<Record<ProductStatus, string>> = {
  commune_review: 'Xã nhận hồ sơ, bắt đầu kiểm tra',
  sent_to_province: 'Gửi hồ sơ lên tỉnh',
  evaluating: 'Hội đồng tỉnh bắt đầu đánh giá',
  not_recognized: 'Không đạt',
  registered: 'Trả lại để hoàn thiện / đăng ký lại',
  expired: 'Ghi nhận hết hạn',
  re_evaluating: 'Đăng ký đánh giá lại',
  upgrading: 'Đăng ký nâng hạng',
};

/** Status through the procedure, the certificate with its validity and re-evaluation window, and the texts of Mẫu 02 and 03. */
export function InfoPanel({ product }: InfoPanelProps) {
  const move = useSetProductStatus();
  const [moveTo, setMoveTo] = useState<ProductStatus | null>(null);
  const [moveOn, setMoveOn] = useState(todayIso());
  const [moveNote, setMoveNote] = useState('');
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack>
          <Card withBorder radius="md" padding="md">
            <Title order={5} mb="xs">
              Trạng thái
            </Title>
            <Group>
              <Badge size="lg" color={STATUS_COLORS[product.status]} data-testid="product-status">
                {PRODUCT_STATUSES[product.status]}
              </Badge>
              <Text size="sm" c="dimmed">
                từ {vnDate(product.statusSince)}
              </Text>
            </Group>
            {product.communeDueOn && (
              <Alert color="blue" mt="sm">
                UBND xã kiểm tra, lập Mẫu 03 và gửi tỉnh trong 15 ngày làm việc: hạn <b>{vnDate(product.communeDueOn)}</b> (Điều 7, khoản 2).
              </Alert>
            )}
            <Text size="sm" mt="sm">
              Đợt cấp tỉnh gần nhất: đợt {product.nextRound.round}, xã đề nghị trước {vnDate(product.nextRound.proposeBefore)}, đánh giá trước {vnDate(product.nextRound.evaluateBefore)}.
            </Text>
            <Group mt="sm" gap="xs">
              {product.allowedMoves.map((s) => (
                <Button key={s} size="xs" variant={s === 'registered' || s === 'not_recognized' ? 'default' : 'light'} onClick={() => setMoveTo(s)} data-testid={`move-${s}`}>
                  {MOVE_LABELS[s] ?? PRODUCT_STATUSES[s]}
                </Button>
              ))}
            </Group>
            <Timeline mt="md" bulletSize={14} lineWidth={2} active={product.events.length}>
              {product.events.map((e) => (
                <Timeline.Item key={e.id} title={`${PRODUCT_STATUSES[e.toStatus]} · ${vnDate(e.onDate)}`}>
                  <Text size="xs" c="dimmed">
                    {e.staffName}
                    {e.note ? ` — ${e.note}` : ''}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Card>
          <CertificateCard product={product} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <ReportsCard product={product} />
      </Grid.Col>
      <Modal opened={moveTo !== null} onClose={() => setMoveTo(null)} title={moveTo ? MOVE_LABELS[moveTo] ?? PRODUCT_STATUSES[moveTo] : ''}>
        <Stack>
          <TextInput type="date" label="Ngày" value={moveOn} onChange={(e) => setMoveOn(e.currentTarget.value)} />
          <Textarea label="Ghi chú" value={moveNote} onChange={(e) => setMoveNote(e.currentTarget.value)} />
          <Button
            loading={move.isPending}
            onClick={() => moveTo && move.mutate({ id: product.id, status: moveTo, on: moveOn, note: moveNote }, { onSuccess: () => setMoveTo(null) })}
            data-testid="move-confirm"
          >
            Xác nhận
          </Button>
        </Stack>
      </Modal>
    </Grid>
  );
}

function CertificateCard({ product }: { product: OcopProductDetail }) {
  const issue = useIssueCertificate();
  const revoke = useRevokeCertificate();
  const complete = product.evaluations.filter((e) => e.complete && (e.stars ?? 0) >= 3);
  const [form, setForm] = useState<{ number: string; decisionNo: string; issuedOn: string; evaluationId: string | null }>({ number: '', decisionNo: '', issuedOn: todayIso(), evaluationId: complete[0]?.id ?? null });
  const [revoking, setRevoking] = useState(false);
  const [rv, setRv] = useState({ decisionNo: '', revokedOn: todayIso(), reason: '' });
  const evaluation = complete.find((e) => e.id === form.evaluationId);
  const cert = product.certificate;
  const canIssue = ['sent_to_province', 'evaluating', 'recognized', 'expired'].includes(product.status);
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={5} mb="xs">
        Quyết định công nhận và giấy chứng nhận
      </Title>
      {cert ? (
        <Stack gap={4} data-testid="certificate">
          <Text size="sm">
            Số <b>{cert.number}</b> ({cert.stars} sao) · Quyết định {cert.decisionNo} ngày {vnDate(cert.issuedOn)} · {cert.issuer}
          </Text>
          <Text size="sm">
            Hiệu lực 36 tháng, đến hết ngày <b>{vnDate(cert.expiresOn)}</b>{' '}
            <Badge color={cert.state === 'valid' ? 'green' : 'red'} variant="light">
              {cert.state === 'valid' ? 'còn hiệu lực' : cert.state === 'expired' ? 'hết hạn' : 'đã thu hồi'}
            </Badge>
          </Text>
          <Text size="sm">
            Nộp hồ sơ đánh giá lại: từ {vnDate(cert.window.opensOn)} đến {vnDate(cert.window.closesOn)} (Điều 7, khoản 6).
          </Text>
          {cert.state === 'revoked' && (
            <Text size="sm" c="red">
              Thu hồi theo quyết định {cert.revokedDecisionNo} ngày {vnDate(cert.revokedOn)}: {cert.revokedReason}
            </Text>
          )}
          {cert.state !== 'revoked' && (
            <Button size="xs" variant="subtle" color="red" w="fit-content" onClick={() => setRevoking(true)}>
              Ghi nhận thu hồi (Điều 8)
            </Button>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Chưa có giấy chứng nhận.
        </Text>
      )}
      {canIssue && (
        <Stack gap="xs" mt="md">
          <Text size="sm" fw={600}>
            Ghi nhận quyết định công nhận mới
          </Text>
          {complete.length === 0 ? (
            <Text size="sm" c="dimmed">
              Cần một phiếu chấm đủ điểm từ 3 sao trở lên.
            </Text>
          ) : (
            <>
              <Select
                label="Theo kết quả chấm"
                data={complete.map((e) => ({ value: e.id, label: `${vnDate(e.evaluatedOn)} · ${vnNumber(e.total)} điểm · ${e.stars} sao` }))}
                value={form.evaluationId}
                onChange={(v) => setForm((f) => ({ ...f, evaluationId: v }))}
              />
              <Group grow>
                <TextInput label="Số quyết định" value={form.decisionNo} onChange={(e) => setForm({ ...form, decisionNo: e.currentTarget.value })} data-testid="cert-decision" />
                <TextInput label="Số giấy chứng nhận" value={form.number} onChange={(e) => setForm({ ...form, number: e.currentTarget.value })} data-testid="cert-number" />
                <TextInput label="Ngày cấp" type="date" value={form.issuedOn} onChange={(e) => setForm({ ...form, issuedOn: e.currentTarget.value })} />
              </Group>
              <Button
                size="xs"
                w="fit-content"
                disabled={!evaluation}
                loading={issue.isPending}
                onClick={() =>
                  evaluation &&
                  issue.mutate({ productId: product.id, evaluationId: evaluation.id, number: form.number, decisionNo: form.decisionNo, issuedOn: form.issuedOn, stars: evaluation.stars as 3 | 4 | 5 })
                }
                data-testid="cert-issue"
              >
                Ghi nhận công nhận {evaluation ? `${evaluation.stars} sao` : ''}
              </Button>
            </>
          )}
        </Stack>
      )}
      <Modal opened={revoking} onClose={() => setRevoking(false)} title="Thu hồi giấy chứng nhận (Điều 8)">
        <Stack>
          <TextInput label="Số quyết định thu hồi" value={rv.decisionNo} onChange={(e) => setRv({ ...rv, decisionNo: e.currentTarget.value })} />
          <TextInput label="Ngày" type="date" value={rv.revokedOn} onChange={(e) => setRv({ ...rv, revokedOn: e.currentTarget.value })} />
          <Textarea label="Lý do" value={rv.reason} onChange={(e) => setRv({ ...rv, reason: e.currentTarget.value })} />
          <Button color="red" loading={revoke.isPending} onClick={() => cert && revoke.mutate({ id: cert.id, ...rv }, { onSuccess: () => setRevoking(false) })}>
            Ghi nhận thu hồi
          </Button>
        </Stack>
      </Modal>
    </Card>
  );
}

function ReportsCard({ product }: { product: OcopProductDetail }) {
  const save = useSaveProduct();
  const [commune, setCommune] = useState<OcopCommuneReport>(product.communeReport);
  const [self, setSelf] = useState<OcopSelfReport>(product.selfReport);
  const area = (label: string, value: string | null | undefined, onChange: (v: string) => void, testId?: string) => (
    <Textarea label={label} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)} autosize minRows={2} maxRows={8} data-testid={testId} />
  );
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={5}>Nội dung biểu mẫu</Title>
      <Text size="xs" c="dimmed" mb="sm">
        Điền vào Mẫu 02 (chủ thể) và Mẫu 03 (UBND xã) khi tạo tệp DOCX và ghép hồ sơ.
      </Text>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          Mẫu 03 — UBND xã đánh giá
        </Text>
        {area('1. Sử dụng nguyên liệu địa phương', commune.localMaterials, (v) => setCommune({ ...commune, localMaterials: v }), 'm03-materials')}
        {area('2. Sử dụng lao động địa phương', commune.localLabour, (v) => setCommune({ ...commune, localLabour: v }))}
        {area('3. Nguồn gốc ý tưởng sản phẩm', commune.ideaOrigin, (v) => setCommune({ ...commune, ideaOrigin: v }))}
        {area('4. Bản sắc/trí tuệ địa phương', commune.localIdentity, (v) => setCommune({ ...commune, localIdentity: v }))}
        <Text fw={600} size="sm" mt="sm">
          Mẫu 02 — báo cáo tự đánh giá của chủ thể
        </Text>
        {area('Lịch sử hình thành của chủ thể', self.history, (v) => setSelf({ ...self, history: v }))}
        {area('Cơ cấu tổ chức', self.organisation, (v) => setSelf({ ...self, organisation: v }))}
        {area('Kết quả thực hiện phương án sản xuất kinh doanh', self.businessResults, (v) => setSelf({ ...self, businessResults: v }))}
        {area('Kế hoạch sản xuất, kinh doanh', self.plan, (v) => setSelf({ ...self, plan: v }))}
        <Button
          size="xs"
          w="fit-content"
          loading={save.isPending}
          onClick={() =>
            save.mutate({
              id: product.id, producerId: product.producerId, name: product.name, unitCode: product.unitCode, sheetNo: product.sheetNo,
              registrationKind: product.registrationKind, description: product.description, codeYear: product.codeYear,
              communeReport: commune, selfReport: self,
            })
          }
          data-testid="reports-save"
        >
          Lưu nội dung biểu mẫu
        </Button>
      </Stack>
    </Card>
  );
}
