import { http, HttpResponse } from 'msw';

import type { Schemas } from '@/lib/api-client';

import { requireAccount, requireMember } from './auth-helpers';
import { db, hasBlocked, nextId } from './db';
import { problem } from './handlers';

type Report = Schemas['ReportFiledRead'] & { reporterId: string };
type ScoreChange = Schemas['ScoreHistoryEntryRead'];
type Appeal = Schemas['AppealRead'] & { memberId: string };

/** In-memory trust service behind the MSW handlers; reset after every test. */
export const trustState = {
  reports: [] as Report[],
  /** member id → changes, newest first. */
  history: new Map<string, ScoreChange[]>(),
  appeals: [] as Appeal[],
  /** member id → end of the suspension (writes answer trust.suspended). */
  suspendedUntil: new Map<string, string>(),
  /** Reports a reporter may file before the rate limit answers. */
  reportsPerReporter: 5,
};

export function resetTrust(): void {
  trustState.reports = [];
  trustState.history.clear();
  trustState.appeals = [];
  trustState.suspendedUntil.clear();
  trustState.reportsPerReporter = 5;
}

const AT = '2026-11-30T03:00:00Z';

/** A change in a member's history, as the trust service stores it. */
export function addScoreChange(memberId: string, overrides: Partial<ScoreChange>): ScoreChange {
  const change: ScoreChange = {
    id: nextId(),
    cause_kind: 'review',
    occurred_at: AT,
    score_before: 30,
    score_after: 33,
    delta: 3,
    tier_before: 'lower',
    stars: 5,
    report_type: null,
    report_id: null,
    suspended_until: null,
    sentence_ko: '',
    sentence_en: '',
    ...overrides,
  };
  trustState.history.set(memberId, [change, ...(trustState.history.get(memberId) ?? [])]);
  return change;
}

/** A report as if `reporterId` had filed it. */
export function seedReport(
  reporterId: string,
  reported: { id: string; nickname: string },
  reportType: Schemas['ReportCreate']['report_type'],
  description: string,
): Report {
  const report: Report = {
    reporterId,
    id: nextId(),
    reported_member_id: reported.id,
    reported_nickname: reported.nickname,
    report_type: reportType,
    status: 'received',
    statements: [{ report_type: reportType, description, filed_at: AT }],
    evidence: [],
    created_at: AT,
    last_filed_at: AT,
    resolved_at: null,
    merged: false,
  };
  trustState.reports.push(report);
  return report;
}

function suspended(memberId: string) {
  const until = trustState.suspendedUntil.get(memberId);
  if (until === undefined) return null;
  return HttpResponse.json(
    {
      type: 'about:blank',
      title: 'Suspended',
      status: 403,
      code: 'trust.suspended',
      detail: '발도장이 0점이 되어 정지되었어요.',
      request_id: 'req-test',
      suspended_until: until,
    },
    { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

function scoreOf(memberId: string): number {
  return trustState.history.get(memberId)?.[0]?.score_after ?? db.profiles.get(memberId)?.trust_score ?? 30;
}

export const trustHandlers = [
  http.get('*/api/v1/members', ({ request }) => {
    const viewer = requireMember(request);
    if ('error' in viewer) return viewer.error;
    const nickname = new URL(request.url).searchParams.get('nickname') ?? '';
    const found = [...db.profiles.values()].filter(
      (profile) =>
        profile.id !== viewer.id &&
        profile.onboarding.completed &&
        profile.nickname.startsWith(nickname) &&
        !hasBlocked(viewer.id, profile.id) &&
        !hasBlocked(profile.id, viewer.id),
    );
    return HttpResponse.json(
      found.map((profile) => ({ id: profile.id, nickname: profile.nickname, photo_thumbnail_url: profile.photo_thumbnail_url })),
    );
  }),

  http.post('*/api/v1/reports', async ({ request }) => {
    const reporter = requireMember(request);
    if ('error' in reporter) return reporter.error;
    const refused = suspended(reporter.id);
    if (refused !== null) return refused;
    const body = (await request.json()) as Schemas['ReportCreate'];
    if (body.reported_member_id === reporter.id) return problem(422, 'trust.cannot_report_self');
    const reported = db.profiles.get(body.reported_member_id);
    if (reported === undefined) return problem(404, 'trust.member_not_found');
    if (trustState.reports.filter((report) => report.reporterId === reporter.id).length >= trustState.reportsPerReporter) {
      return problem(429, 'rate_limited', { headers: { 'Retry-After': '120' } });
    }
    const report = seedReport(reporter.id, reported, body.report_type, body.description);
    const { reporterId: _reporter, ...read } = report;
    return HttpResponse.json(read, { status: 201 });
  }),

  http.get('*/api/v1/reports', ({ request }) => {
    const reporter = requireMember(request);
    if ('error' in reporter) return reporter.error;
    const items = trustState.reports
      .filter((report) => report.reporterId === reporter.id)
      .map(({ reporterId: _reporter, merged: _merged, ...read }) => read);
    return HttpResponse.json({ items, next_cursor: null });
  }),

  http.get('*/api/v1/trust-scores/me', ({ request }) => {
    const account = requireAccount(request);
    if ('error' in account) return account.error;
    const score = scoreOf(account.id);
    return HttpResponse.json({
      member_id: account.id,
      score,
      tier: score >= 70 ? 'upper' : 'lower',
      suspended_until: trustState.suspendedUntil.get(account.id) ?? null,
    });
  }),

  http.get('*/api/v1/trust-scores/me/history', ({ request }) => {
    const account = requireAccount(request);
    if ('error' in account) return account.error;
    return HttpResponse.json({ items: trustState.history.get(account.id) ?? [], next_cursor: null });
  }),

  http.get('*/api/v1/appeals', ({ request }) => {
    const member = requireAccount(request);
    if ('error' in member) return member.error;
    const items = trustState.appeals.filter((appeal) => appeal.memberId === member.id).map(({ memberId: _member, ...read }) => read);
    return HttpResponse.json({ items, next_cursor: null });
  }),

  http.post('*/api/v1/appeals', async ({ request }) => {
    const member = requireAccount(request);
    if ('error' in member) return member.error;
    const body = (await request.json()) as Schemas['AppealCreate'];
    const change = (trustState.history.get(member.id) ?? []).find(
      (entry) => entry.cause_kind === 'report_upheld' && entry.report_id === body.report_id,
    );
    if (change === undefined) return problem(403, 'trust.appeal_not_allowed');
    if (trustState.appeals.some((appeal) => appeal.report_id === body.report_id)) return problem(409, 'trust.appeal_exists');
    const appeal: Appeal = {
      memberId: member.id,
      id: nextId(),
      report_id: body.report_id,
      report_type: change.report_type ?? 'other',
      text: body.text,
      status: 'pending',
      created_at: AT,
      decided_at: null,
      restored: null,
    };
    trustState.appeals.push(appeal);
    const { memberId: _member, ...read } = appeal;
    return HttpResponse.json(read, { status: 201 });
  }),
];
