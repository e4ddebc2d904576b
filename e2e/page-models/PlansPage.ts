import { expect, type Locator, type Page } from '@playwright/test';

/** Kế hoạch và kiểm tra: plans and progress, roadmaps, re-assessment rounds, sector tasks. */
export class PlansPage {
  constructor(private readonly page: Page) {}

  async open(year: number): Promise<void> {
    await this.page.getByTestId('nav-plans').click();
    await expect(this.page.getByRole('heading', { name: 'Kế hoạch và kiểm tra' })).toBeVisible();
    await this.page.getByTestId('plans-year').fill(String(year));
  }

  tab(name: 'progress' | 'roadmap' | 'rounds' | 'tasks' | 'sectors'): Locator {
    return this.page.getByTestId(`plans-tab-${name}`);
  }

  async createPlan(p: { title: string; documentNo: string; documentDate: string; issuer: string; year: number; targets: number[] }): Promise<void> {
    await this.page.getByTestId('plan-new').click();
    const form = this.page.getByTestId('plan-form');
    await form.getByTestId('plan-title').fill(p.title);
    await form.getByTestId('plan-doc-no').fill(p.documentNo);
    await form.getByTestId('plan-doc-date').fill(p.documentDate);
    await form.getByTestId('plan-issuer').fill(p.issuer);
    await form.getByTestId('plan-year-from').fill(String(p.year));
    await form.getByTestId('plan-year-to').fill(String(p.year));
    for (let i = 0; i < p.targets.length; i++) {
      if (i > 0) await form.getByTestId('plan-add-target').click();
      await form.getByTestId(`target-value-${i}`).fill(String(p.targets[i]));
    }
    await form.getByTestId('plan-save').click();
    await expect(form).toBeHidden();
  }

  async createRound(r: { title: string; documentNo: string; documentDate: string; issuer: string; from: string; to: string; deadlines: [string, string, string, string] }): Promise<void> {
    await this.page.getByTestId('round-new').click();
    const form = this.page.getByTestId('round-form');
    await form.getByTestId('round-title').fill(r.title);
    await form.getByTestId('round-documentNo').fill(r.documentNo);
    await form.getByTestId('round-documentDate').fill(r.documentDate);
    await form.getByTestId('round-issuer').fill(r.issuer);
    await form.getByTestId('round-from').fill(r.from);
    await form.getByTestId('round-to').fill(r.to);
    const [members, teams, review, report] = r.deadlines;
    await form.getByTestId('round-membersDue').fill(members);
    await form.getByTestId('round-teamsDue').fill(teams);
    await form.getByTestId('round-reviewDue').fill(review);
    await form.getByTestId('round-reportDue').fill(report);
  }

  /** Opens the plan's edit form from its progress card. */
  async editPlan(title: string): Promise<Locator> {
    await this.waitForToasts();
    await this.page.getByTestId('plan-progress').filter({ hasText: title }).getByTestId('plan-edit').click();
    const form = this.page.getByRole('dialog').getByTestId('plan-form');
    await expect(form).toBeVisible();
    return form;
  }

  /** Forms an inter-sector team: its members (name, organisation, sector) and, by default, the communes without a team. */
  async addTeam(members: { name: string; organisation: string; sector?: string }[], beforeSave?: () => Promise<void>): Promise<void> {
    await this.page.getByTestId('team-new').click();
    const form = this.page.getByRole('dialog').getByTestId('team-form');
    for (const [i, m] of members.entries()) {
      if (i > 0) await form.getByTestId('member-add').click();
      await form.getByTestId(`member-name-${i}`).fill(m.name);
      await form.getByTestId(`member-org-${i}`).fill(m.organisation);
      if (m.sector) await form.getByTestId(`member-sector-${i}`).fill(m.sector);
    }
    await beforeSave?.();
    await form.getByTestId('team-save').click();
    await expect(form).toBeHidden();
  }

  /** Fills the round's report (date and conclusion) and records it; the caller checks the outcome. */
  async recordRoundReport(reportedOn: string, conclusion: string): Promise<void> {
    const form = this.page.getByTestId('round-report-form');
    await form.getByTestId('round-reported-on').fill(reportedOn);
    await form.getByTestId('round-conclusion').fill(conclusion);
    await form.getByTestId('round-report-save').click();
  }

  /** Records the round's outcome for one commune or product from its row; the caller checks what follows. */
  async recordOutcome(code: string, o: { outcome: string; reason?: string; decidedOn?: string; remedyDue?: string }, beforeSave?: () => Promise<void>): Promise<Locator> {
    await this.waitForToasts();
    await this.page.getByTestId(`item-outcome-edit-${code}`).click();
    const form = this.page.getByRole('dialog').getByTestId('outcome-form');
    await form.getByTestId('outcome-select').click();
    await this.page.getByRole('option', { name: o.outcome, exact: true }).click();
    if (o.decidedOn) await form.getByTestId('outcome-decided').fill(o.decidedOn);
    if (o.remedyDue) await form.getByTestId('outcome-remedy-due').fill(o.remedyDue);
    if (o.reason !== undefined) await form.getByTestId('outcome-reason').fill(o.reason);
    await beforeSave?.();
    await form.getByTestId('outcome-save').click();
    return form;
  }

  /**
   * Waits until no notification is shown: they sit top-right over the page's own buttons, and one under the pointer
   * stays open (hover pauses its timer), so a click aimed there would wait for ever.
   */
  async waitForToasts(): Promise<void> {
    await expect(this.page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  }
}
