import type { ReportStatus, ReportType } from '../api/types';

/** The report types in the order the select box lists them (SPEC §3). */
export const REPORT_TYPES = ['romance', 'dog', 'no_show', 'abuse', 'spam', 'other'] as const satisfies readonly ReportType[];

export const REPORT_STATUSES = ['received', 'in_review', 'resolved', 'dismissed'] as const satisfies readonly ReportStatus[];

export function isReportType(value: string): value is ReportType {
  return (REPORT_TYPES as readonly string[]).includes(value);
}

/** The penalties an administrator may pick for a type without a fixed one (0 = none). */
export const PENALTY_CHOICES = [0, 1, 3, 5, 7, 10] as const;
