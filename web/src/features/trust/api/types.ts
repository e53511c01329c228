import type { Schemas } from '@/lib/api-client';

export type MemberSuggestion = Schemas['MemberSuggestionRead'];

export type ReportCreate = Schemas['ReportCreate'];
export type ReportType = ReportCreate['report_type'];
export type ReportFiled = Schemas['ReportFiledRead'];
export type MyReport = Schemas['MyReportRead'];
export type MyReportPage = Schemas['MyReportPage'];
export type ReportStatus = MyReport['status'];
export type Evidence = Schemas['EvidenceRead'];

export type Appeal = Schemas['AppealRead'];
export type AppealPage = Schemas['AppealPage'];
export type AppealStatus = Appeal['status'];

export type TrustScore = Schemas['TrustScoreRead'];
export type ScoreChange = Schemas['ScoreHistoryEntryRead'];
export type ScoreHistoryPage = Schemas['ScoreHistoryPage'];

export type QueueReport = Schemas['QueueReportRead'];
export type QueueReportPage = Schemas['QueueReportPage'];
export type ReportDetail = Schemas['ReportDetailRead'];
export type MemberHistory = Schemas['MemberHistoryRead'];
export type QueueAppeal = Schemas['QueueAppealRead'];
export type QueueAppealPage = Schemas['QueueAppealPage'];
export type Suspension = Schemas['SuspensionRead'];
export type SuspensionPage = Schemas['SuspensionPage'];
export type Ban = Schemas['BanRead'];
export type BanPage = Schemas['BanPage'];

export interface DecisionInput {
  reportId: string;
  uphold: boolean;
  note: string;
  /** Only for types without a fixed penalty (null = none). */
  penalty: number | null;
}
