import type { plansContract } from '../../core/contract/plans';
import type { HandlersFor } from '../handlers/types';
import { addFindingEvidence, compare, setFinding } from './findings';
import { deletePlan, getPlan, listPlans, savePlan } from './plans';
import { planProgress } from './progress';
import { listRoadmaps, setRoadmap } from './roadmap';
import { getRound, listRounds, previewScope, reportRound, saveRound, saveTeam, setItemResult, setOutcome } from './rounds';
import { reminderDocxFile } from './reminder';
import { roundReportDocxFile, roundReportXlsxFile } from './roundReport';
import { discrepanciesBySector, failingBySector, listSectors, setSector } from './sectors';
import { generateTasks, listTasks, saveTask } from './tasks';

export const plansHandlers = {
  'plans.list': (ctx) => listPlans(ctx),
  'plans.get': (ctx, input) => getPlan(ctx, input.id),
  'plans.save': (ctx, input) => savePlan(ctx, input),
  'plans.delete': (ctx, input) => deletePlan(ctx, input.id),
  'plans.progress': (ctx, input) => planProgress(ctx, input),
  'plans.roadmap.list': (ctx, input) => listRoadmaps(ctx, input),
  'plans.roadmap.set': (ctx, input) => setRoadmap(ctx, input),
  'plans.rounds.list': (ctx) => listRounds(ctx),
  'plans.rounds.get': (ctx, input) => getRound(ctx, input.id),
  'plans.rounds.preview': (ctx, input) => previewScope(ctx, input.scope),
  'plans.rounds.save': (ctx, input) => saveRound(ctx, input),
  'plans.rounds.saveTeam': (ctx, input) => saveTeam(ctx, input),
  'plans.rounds.setItemResult': (ctx, input) => setItemResult(ctx, input),
  'plans.rounds.report': (ctx, input) => reportRound(ctx, input),
  'plans.findings.set': (ctx, input) => setFinding(ctx, input),
  'plans.findings.addEvidence': (ctx, input) => addFindingEvidence(ctx, input),
  'plans.findings.compare': (ctx, input) => compare(ctx, input),
  'plans.tasks.list': (ctx, input) => listTasks(ctx, input),
  'plans.tasks.generate': (ctx, input) => generateTasks(ctx, input),
  'plans.tasks.save': (ctx, input) => saveTask(ctx, input),
  'plans.rounds.setOutcome': (ctx, input) => setOutcome(ctx, input),
  'plans.sectors.list': (ctx, input) => listSectors(ctx, input),
  'plans.sectors.set': (ctx, input) => setSector(ctx, input),
  'plans.sectors.discrepancies': (ctx, input) => discrepanciesBySector(ctx, input),
  'plans.sectors.failing': (ctx, input) => failingBySector(ctx, input),
  'plans.rounds.reportDocx': (ctx, input) => roundReportDocxFile(ctx, input),
  'plans.rounds.reportXlsx': (ctx, input) => roundReportXlsxFile(ctx, input),
  'plans.tasks.reminderDocx': (ctx, input) => reminderDocxFile(ctx, input),
} satisfies HandlersFor<keyof typeof plansContract>;
