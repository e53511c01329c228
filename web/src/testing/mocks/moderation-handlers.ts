import { http, HttpResponse } from 'msw';

import type { Schemas } from '@/lib/api-client';

import { requireAccount } from './auth-helpers';
import { db } from './db';
import { problem } from './handlers';
import { trustState } from './trust-handlers';

type Detail = Schemas['ReportDetailRead'];

/** Decisions the administrators' endpoints received, oldest first; reset with the trust state. */
export const decisions: { reportId: string; action: 'uphold' | 'dismiss'; body: Record<string, unknown> }[] = [];

export function resetModeration(): void {
  decisions.length = 0;
}

function requireAdmin(request: Request): { id: string } | { error: Response } {
  const caller = requireAccount(request);
  if ('error' in caller) return caller;
  if (!(db.grantedRoles.get(caller.id) ?? []).includes('admin')) {
    return { error: problem(403, 'auth.forbidden', { title: 'Not allowed' }) };
  }
  return caller;
}

// The policy's penalty below 70 for the types that have one.
const FIXED: Partial<Record<string, number>> = { romance: 5, dog: 3 };

function detailOf(report: (typeof trustState.reports)[number]): Detail {
  const { reporterId, merged: _merged, statements, evidence, ...rest } = report;
  return {
    ...rest,
    statements,
    evidence,
    reporter_id: reporterId,
    reporter_nickname: db.profiles.get(reporterId)?.nickname ?? null,
    evidence_count: evidence.length,
    penalty: null,
    automatic: false,
    resolved_by: null,
    resolution_note: null,
    fixed_penalty: FIXED[report.report_type] ?? null,
    appeal: null,
    reported_member: {
      member_id: report.reported_member_id,
      nickname: report.reported_nickname,
      deleted: false,
      score: 30,
      earlier_reports: [],
      score_changes: [],
      active_suspension: null,
      ban: null,
    },
  };
}

function findReport(id: string) {
  return trustState.reports.find((report) => report.id === id);
}

export const moderationHandlers = [
  http.get('*/api/v1/admin/reports', ({ request }) => {
    const admin = requireAdmin(request);
    if ('error' in admin) return admin.error;
    const params = new URL(request.url).searchParams;
    const items = trustState.reports
      .filter((report) => (params.get('status') ?? report.status) === report.status)
      .filter((report) => (params.get('type') ?? report.report_type) === report.report_type)
      .map((report) => {
        const { statements: _s, evidence: _e, resolved_by: _b, resolution_note: _n, fixed_penalty: _f, appeal: _a, reported_member: _m, ...row } =
          detailOf(report);
        return row;
      });
    return HttpResponse.json({ items, next_cursor: null });
  }),

  http.get('*/api/v1/admin/reports/:id', ({ request, params }) => {
    const admin = requireAdmin(request);
    if ('error' in admin) return admin.error;
    const report = findReport(String(params.id));
    return report === undefined ? problem(404, 'trust.report_not_found') : HttpResponse.json(detailOf(report));
  }),

  http.post('*/api/v1/admin/reports/:id/:action', async ({ request, params }) => {
    const admin = requireAdmin(request);
    if ('error' in admin) return admin.error;
    const report = findReport(String(params.id));
    if (report === undefined) return problem(404, 'trust.report_not_found');
    const action = String(params.action);
    if (action === 'review') {
      if (report.status === 'received') report.status = 'in_review';
      return HttpResponse.json(detailOf(report));
    }
    if (action !== 'uphold' && action !== 'dismiss') return problem(404, 'not_found');
    if (report.status === 'resolved' || report.status === 'dismissed') return problem(409, 'trust.report_decided');
    const body = (await request.json()) as Record<string, unknown>;
    if (action === 'uphold' && 'penalty' in body && FIXED[report.report_type] !== undefined) {
      return problem(422, 'trust.penalty_fixed');
    }
    decisions.push({ reportId: report.id, action, body });
    report.status = action === 'uphold' ? 'resolved' : 'dismissed';
    report.resolved_at = '2026-11-30T04:00:00Z';
    return HttpResponse.json({ ...detailOf(report), resolution_note: String(body.note) });
  }),
];
