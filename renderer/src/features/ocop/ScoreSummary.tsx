import { Alert, Badge, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { OcopSheet, ScorePreview } from '../../../../core/ocop';
import { starsText, vnNumber } from './format';

export type ScoreSummaryProps = { sheet: OcopSheet; preview: ScorePreview; council: boolean };

/** Live subtotals, total, stars, and every reason the stars are what they are. */
export function ScoreSummary({ sheet, preview, council }: ScoreSummaryProps) {
  const r = preview.result;
  return (
    <Stack gap="xs" data-testid="score-summary">
      {sheet.parts.map((p) => (
        <div key={p.code}>
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              Phần {p.code}
            </Text>
            <Text size="sm" data-testid={`subtotal-${p.code}`}>
              {vnNumber(preview.parts[p.code])} / {p.max}
            </Text>
          </Group>
          <Progress value={(preview.parts[p.code] * 100) / p.max} size="sm" />
        </div>
      ))}
      <Group justify="space-between" mt="xs">
        <Text fw={700}>{council ? 'Tổng điểm trung bình' : 'Tổng điểm'}</Text>
        <Title order={3} data-testid="score-total">
          {vnNumber(preview.total)}
        </Title>
      </Group>
      <Text size="xs" c="dimmed">
        Đã chấm {preview.answered.length > 1 ? preview.answered.join(' · ') : preview.answered[0] ?? 0}/{preview.criteriaCount} tiêu chí
        {preview.answered.length > 1 ? ' (từng thành viên)' : ''}
      </Text>
      {council && (
        <Text size="xs" c="dimmed" data-testid="council-minimums-note">
          Hạng sao theo tổng điểm trung bình (QĐ 26/2026/QĐ-TTg, Điều 3, khoản 3). Yêu cầu tối thiểu theo cấp sao được
          xét trên điểm trung bình của Hội đồng ở từng tiêu chí: văn bản không quy định cách xét khi nhiều người chấm,
          đây là cách hiểu của phần mềm.
        </Text>
      )}
      {preview.error && <Alert color="red">{preview.error.message}</Alert>}
      {!r && !preview.error && <Alert color="gray">Chấm đủ mọi tiêu chí để xếp hạng sao.</Alert>}
      {r && r.disqualified && (
        <Alert
          color="red"
          title={
            r.disqualification?.reasons.every((x) => x.code === 'evaluation_stopped')
              ? 'Dừng đánh giá — không xếp hạng'
              : 'Hồ sơ bị loại — không xếp hạng'
          }
          data-testid="score-disqualified"
        >
          {r.disqualification?.reasons.map((x) => (
            <Text key={x.code + (x.criterion ?? '')} size="sm">
              • {x.criterion ? `${x.criterion}: ` : ''}
              {x.text}
            </Text>
          ))}
        </Alert>
      )}
      {r && !r.disqualified && (
        <>
          <Group justify="space-between" align="center">
            <Text c="yellow.7" fz={30} lh={1} data-testid="score-stars" aria-label={`${r.stars} sao`}>
              {starsText(r.stars)}
            </Text>
            <Badge size="lg" color={r.stars >= 3 ? 'green' : 'gray'}>
              {r.stars} sao
            </Badge>
          </Group>
          <Text size="sm">
            Khoảng điểm: {r.band} sao.{' '}
            {r.recognition.certificate ? `Công nhận và cấp giấy chứng nhận: ${r.recognition.authority}.` : 'Không ban hành quyết định công nhận, không cấp giấy chứng nhận.'}
          </Text>
          {r.heldBackBy.length > 0 && (
            <Alert color="orange" title={`Bị giữ ở ${r.stars} sao dù đủ điểm ${r.band} sao`} data-testid="score-held-back">
              <Stack gap={4}>
                {r.heldBackBy.map((m) => (
                  <Text key={`${m.code}-${m.stars}`} size="sm">
                    • <b>{m.code} {m.title}</b>: yêu cầu tối thiểu {m.stars} sao là phương án {m.requiredOption} “{m.requiredLabel}” ({vnNumber(m.requiredPoints)} điểm);{' '}
                    {m.chosenOption !== null ? `đã chọn phương án ${m.chosenOption} (${vnNumber(m.chosenPoints)} điểm)` : `điểm trung bình ${vnNumber(m.chosenPoints)}`}.
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          {r.nextStar && (r.nextStar.pointsNeeded > 0 || r.nextStar.minimumsUnmet.some((m) => !r.heldBackBy.includes(m))) && (
            <Text size="sm" c="dimmed">
              Để đạt {r.nextStar.stars} sao: {r.nextStar.pointsNeeded > 0 ? `cần thêm ${vnNumber(r.nextStar.pointsNeeded)} điểm` : 'đủ điểm'}
              {r.nextStar.minimumsUnmet.filter((m) => !r.heldBackBy.includes(m)).length > 0 &&
                `; đạt tối thiểu ở ${r.nextStar.minimumsUnmet
                  .filter((m) => !r.heldBackBy.includes(m))
                  .map((m) => m.code)
                  .join(', ')}`}
              .
            </Text>
          )}
        </>
      )}
      {r?.warnings.map((w) => (
        <Alert key={w} color="yellow">
          {w}
        </Alert>
      ))}
    </Stack>
  );
}
