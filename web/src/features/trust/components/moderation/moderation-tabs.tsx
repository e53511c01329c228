import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import '../trust.css';

const TABS = [
  { key: 'queue', to: '/admin/moderation' },
  { key: 'appeals', to: '/admin/moderation/appeals' },
  { key: 'sanctions', to: '/admin/moderation/sanctions' },
] as const;

/** 신고 / 이의 신청 / 제재 목록 inside 관리자 › 신고 검토. */
export function ModerationTabs({ current }: { current: (typeof TABS)[number]['key'] }) {
  const { t } = useTranslation('trust');
  return (
    <nav aria-label={t('moderation.tabsLabel')}>
      <ul className="trust-subtabs">
        {TABS.map((tab) => (
          <li key={tab.key}>
            {/* The page says which tab it is (a NavLink would also light 신고 on its sub-paths). */}
            <Link to={tab.to} aria-current={current === tab.key ? 'page' : undefined}>
              {t(`moderation.tabs.${tab.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
