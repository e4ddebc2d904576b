import { Button, Group, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { MethodInput } from '../../../../core/contract/index';
import type { ReportFile } from '../../../../core/contract/reports';
import { call } from '../../api/client';
import { saveBase64File } from '../../api/files';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type DocumentRequest =
  | { method: 'plans.rounds.reportDocx' | 'plans.rounds.reportXlsx'; input: MethodInput<'plans.rounds.reportDocx'> }
  | { method: 'plans.tasks.reminderDocx'; input: MethodInput<'plans.tasks.reminderDocx'> };

/** Makes one document of plans and verification and saves it through the browser's download; reads only. */
function useDownloadDocument() {
  return useMutation({
    mutationFn: async (req: DocumentRequest): Promise<ReportFile> => {
      const file = req.method === 'plans.tasks.reminderDocx' ? await call(req.method, req.input) : await call(req.method, req.input);
      saveBase64File(file.fileName, file.contentBase64, file.fileName.endsWith('.xlsx') ? XLSX : DOCX);
      return file;
    },
    onSuccess: (file) => notifications.show({ color: 'green', message: `Đã tải ${file.fileName}.` }),
    onError: (e) => notifications.show({ color: 'red', title: 'Không tạo được văn bản', message: e.message, autoClose: 10_000 }),
  });
}

/**
 * The round's report (báo cáo kết quả rà soát, đánh giá lại, DOCX in the format of NĐ 30/2020) and its annex of every
 * discrepancy (XLSX); the document number may be left for the clerk to fill.
 */
export function RoundReportDownloads({ roundId }: { roundId: string }) {
  const download = useDownloadDocument();
  const [documentNo, setDocumentNo] = useState('');
  const input = { id: roundId, ...(documentNo.trim() ? { document: { documentNo: documentNo.trim() } } : {}) };
  return (
    <Group align="flex-end" gap="xs" mt="sm" data-testid="round-documents">
      <TextInput label="Số văn bản" placeholder="để trống" size="xs" w={110} value={documentNo} onChange={(e) => setDocumentNo(e.currentTarget.value)} data-testid="round-document-no" />
      <Button
        size="xs"
        variant="light"
        loading={download.isPending && download.variables?.method === 'plans.rounds.reportDocx'}
        onClick={() => download.mutate({ method: 'plans.rounds.reportDocx', input })}
        data-testid="round-report-docx"
      >
        Tải báo cáo kết quả (DOCX)
      </Button>
      <Button
        size="xs"
        variant="light"
        loading={download.isPending && download.variables?.method === 'plans.rounds.reportXlsx'}
        onClick={() => download.mutate({ method: 'plans.rounds.reportXlsx', input })}
        data-testid="round-report-xlsx"
      >
        Tải phụ lục các khác biệt (XLSX)
      </Button>
    </Group>
  );
}

/** The reminder letter (công văn đôn đốc) to the sector chosen: its overdue tasks and failing criteria without a task. */
export function ReminderLetterButton({ sector }: { sector: string | null }) {
  const download = useDownloadDocument();
  const button = (
    <Button
      variant="light"
      disabled={!sector}
      loading={download.isPending}
      onClick={() => sector && download.mutate({ method: 'plans.tasks.reminderDocx', input: { sector } })}
      data-testid="tasks-reminder"
    >
      Công văn đôn đốc (DOCX)
    </Button>
  );
  return sector ? button : <Tooltip label="Chọn một ngành phụ trách để lập công văn đôn đốc ngành đó">{<span>{button}</span>}</Tooltip>;
}
