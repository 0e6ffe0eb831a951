import { Controller, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Endpoint } from '../routes/endpoint.decorator';
import { gatewayRoutes } from '../routes/route-table';
import { validateInput } from '../routes/validate-input.util';
import { weeklyReportMarkdown } from './weekly-report-markdown.util';
import { WeeklyReportService } from './weekly-report.service';

/** `GET /api/operator/reports/weekly?format=json|markdown&end=` — the operators' weekly report. */
@Controller()
export class WeeklyReportController {
  constructor(private readonly reports: WeeklyReportService) {}

  @Endpoint(gatewayRoutes.weeklyReport)
  async weekly(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { query } = validateInput(gatewayRoutes.weeklyReport, {
      params: {},
      query: request.query,
      body: undefined,
    });
    const report = await this.reports.weekly(query['end'] as string | undefined);
    response.setHeader('Cache-Control', 'no-store');
    if (query['format'] === 'markdown') {
      response.type('text/markdown; charset=utf-8').send(weeklyReportMarkdown(report));
      return;
    }
    response.json(report);
  }
}
