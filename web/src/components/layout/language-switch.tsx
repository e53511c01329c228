import { useTranslation } from 'react-i18next';

import { isLanguage, LANGUAGES } from '@/lib/i18n';

import { GlobeIcon } from '../icons/icons';
import './language-switch.css';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'ko';
  return (
    <label className="language-switch">
      <GlobeIcon size={18} />
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        className="language-switch__select"
        value={current}
        onChange={(event) => {
          void i18n.changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
