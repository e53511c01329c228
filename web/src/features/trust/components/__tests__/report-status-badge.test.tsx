import { describe, expect, it } from 'vitest';

import { renderWithProviders, screen } from '@/testing/test-utils';

import { REPORT_STATUSES } from '../../utils/report-types';
import { ReportStatusBadge } from '../report-status-badge';

describe('ReportStatusBadge', () => {
  it('names every status in Korean, each in its own tone', () => {
    renderWithProviders(
      <ul>
        {REPORT_STATUSES.map((status) => (
          <li key={status}>
            <ReportStatusBadge status={status} />
          </li>
        ))}
      </ul>,
    );

    const badges = ['접수', '검토 중', '처리됨', '기각'].map((text) => screen.getByText(text));
    const tones = badges.map((badge) => badge.className);
    expect(new Set(tones).size).toBe(4);
    expect(screen.getByText('처리됨')).toHaveClass('badge--positive');
    expect(screen.getByText('기각')).toHaveClass('badge--danger');
  });

  it('follows the language switch', async () => {
    const { i18n } = renderWithProviders(<ReportStatusBadge status="in_review" />);
    expect(screen.getByText('검토 중')).toBeInTheDocument();
    await i18n.changeLanguage('en');
    expect(await screen.findByText('In review')).toBeInTheDocument();
  });
});
