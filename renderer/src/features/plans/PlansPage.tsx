import { Group, NumberInput, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { AppInfo } from '../../../../core/contract/index';
import { ProgressPanel } from './ProgressPanel';
import { RoadmapPanel } from './RoadmapPanel';
import { RoundsPanel } from './RoundsPanel';
import { SectorsPanel } from './SectorsPanel';
import { TasksPanel } from './TasksPanel';

export type PlansPageProps = { info: AppInfo };

/** Plans and verification: targets and progress, commune roadmaps, re-assessment rounds, sector tasks. */
export function PlansPage({ info }: PlansPageProps) {
  const [year, setYear] = useState(() => new Date().getFullYear());
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Kế hoạch và kiểm tra</Title>
          <Text c="dimmed" size="sm">
            Chỉ tiêu theo văn bản giao, lộ trình từng xã, rà soát đánh giá lại, nhiệm vụ các ngành · {info.office?.unitName}
          </Text>
        </div>
        <NumberInput label="Năm" value={year} onChange={(v) => setYear(Number(v))} min={2010} max={2100} w={110} data-testid="plans-year" />
      </Group>
      <Tabs defaultValue="progress" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="progress" data-testid="plans-tab-progress">
            Kết quả so với kế hoạch
          </Tabs.Tab>
          <Tabs.Tab value="roadmap" data-testid="plans-tab-roadmap">
            Lộ trình các xã
          </Tabs.Tab>
          <Tabs.Tab value="rounds" data-testid="plans-tab-rounds">
            Rà soát, đánh giá lại
          </Tabs.Tab>
          <Tabs.Tab value="tasks" data-testid="plans-tab-tasks">
            Nhiệm vụ các ngành
          </Tabs.Tab>
          <Tabs.Tab value="sectors" data-testid="plans-tab-sectors">
            Theo ngành phụ trách
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="progress" pt="md">
          <ProgressPanel year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="roadmap" pt="md">
          <RoadmapPanel />
        </Tabs.Panel>
        <Tabs.Panel value="rounds" pt="md">
          <RoundsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <TasksPanel />
        </Tabs.Panel>
        <Tabs.Panel value="sectors" pt="md">
          <SectorsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
