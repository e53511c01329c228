import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

import './admin.css';

interface Section {
  /** i18n key under `sections.` */
  key: string;
  /** Under /admin; null while the section is not built yet. */
  path: string | null;
}

/** The admin area's sections; 신고 검토 has sub-pages (a report, appeals, sanctions). */
const ADMIN_SECTIONS: readonly Section[] = [
  { key: 'accounts', path: '' },
  { key: 'audit', path: 'audit' },
  { key: 'hospitals', path: 'hospitals' },
  { key: 'moderation', path: 'moderation' },
];

/** Tabs between the admin sections; a section still to come is shown, not linked. */
export function AdminSections() {
  const { t } = useTranslation('admin');
  return (
    <nav aria-label={t('sections.label')}>
      <ul className="admin-tabs">
        {ADMIN_SECTIONS.map((section) =>
          section.path === null ? (
            <li key={section.key}>
              <span className="admin-tabs__tab admin-tabs__tab--soon" aria-disabled="true">
                {t(`sections.${section.key}`)}
                <span className="admin-tabs__soon">{t('sections.soon')}</span>
              </span>
            </li>
          ) : (
            <li key={section.key}>
              <NavLink
                to={section.path === '' ? '/admin' : `/admin/${section.path}`}
                end={section.path === ''}
                className={({ isActive }) => (isActive ? 'admin-tabs__tab admin-tabs__tab--active' : 'admin-tabs__tab')}
              >
                {t(`sections.${section.key}`)}
              </NavLink>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
