import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

import '../trust.css';

const TABS = [
  { key: 'queue', to: '/admin/moderation', end: false },
  { key: 'appeals', to: '/admin/moderation/appeals', end: true },
  { key: 'sanctions', to: '/admin/moderation/sanctions', end: true },
] as const;

/** 신고 / 이의 신청 / 제재 목록 inside 관리자 › 신고 검토. */
export function ModerationTabs({ current }: { current: (typeof TABS)[number]['key'] }) {
  const { t } = useTranslation('trust');
  return (
    <nav aria-label={t('moderation.tabsLabel')}>
      <ul className="trust-subtabs">
        {TABS.map((tab) => (
          <li key={tab.key}>
            <NavLink to={tab.to} end={tab.end} aria-current={current === tab.key ? 'page' : undefined}>
              {t(`moderation.tabs.${tab.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
