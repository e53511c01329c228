import { useTranslation } from 'react-i18next';

import { socialStartUrl, useLoginProviders } from '../api/social';
import './social-login.css';

const KNOWN_PROVIDERS = new Set(['kakao', 'naver', 'google']);

/**
 * "카카오로 계속하기" and friends, only for the providers the server enables.
 * Plain links: the back end answers with a redirect to the provider.
 * Nothing at all (no divider) while loading, on error or with no providers.
 */
export function SocialLoginButtons() {
  const { t } = useTranslation('auth');
  const providers = useLoginProviders();
  const list = providers.data ?? [];
  if (list.length === 0) return null;

  return (
    <section className="social-login" aria-labelledby="social-login-heading">
      <p className="social-login__divider" id="social-login-heading">
        <span>{t('social.divider')}</span>
      </p>
      <ul className="social-login__list">
        {list.map((provider) => {
          const known = KNOWN_PROVIDERS.has(provider.id);
          return (
            <li key={provider.id}>
              <a
                className={`social-login__button social-login__button--${known ? provider.id : 'other'}`}
                href={socialStartUrl(provider.id)}
              >
                {known
                  ? t(`social.continueWith.${provider.id}`)
                  : t('social.continueWithName', { name: provider.name })}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
