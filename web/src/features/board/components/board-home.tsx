import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { isBoardTab, isScope, SCOPES, TABS, type BoardTab, type Scope } from '../api/types';

import { PostList } from './post-list';
import './board.css';

/** /boards?tab=&scope=&q= : the tabs, the area, search, and the list. */
export function BoardHome() {
  const { t } = useTranslation('board');
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const scopeParam = params.get('scope');
  const tab: BoardTab = isBoardTab(tabParam) ? tabParam : 'all';
  const scope: Scope = isScope(scopeParam) ? scopeParam : 'dong';
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);

  function update(next: Record<string, string | null>, { flushSync = false } = {}) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === null || value === '') merged.delete(key);
      else merged.set(key, value);
    }
    setParams(merged, { replace: true, flushSync });
  }

  function search(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault();
    // Synchronously: a navigation in a transition would turn the submit into a form action.
    update({ q: draft.trim() }, { flushSync: true });
  }

  return (
    <div className="board-home">
      <form role="search" className="board-search" onSubmit={search}>
        <label className="visually-hidden" htmlFor="board-search">
          {t('search.label')}
        </label>
        <input
          id="board-search"
          type="search"
          value={draft}
          placeholder={t('search.placeholder')}
          onChange={(event) => setDraft(event.target.value)}
          maxLength={100}
        />
        <button type="submit" className="board-search__submit">
          {t('search.submit')}
        </button>
        {query !== '' && (
          <button
            type="button"
            className="board-search__clear"
            onClick={() => {
              setDraft('');
              update({ q: null });
            }}
          >
            {t('search.clear')}
          </button>
        )}
      </form>
      <nav className="board-tabs" aria-label={t('tabs.label')}>
        {TABS.map((value) => (
          <button
            key={value}
            type="button"
            className="board-tab"
            aria-pressed={tab === value}
            onClick={() => update({ tab: value === 'all' ? null : value })}
          >
            {t(`tabs.${value}`)}
          </button>
        ))}
      </nav>
      <div className="board-scope" role="group" aria-label={t('scope.label')}>
        {SCOPES.map((value) => (
          <button
            key={value}
            type="button"
            className="board-scope__option"
            aria-pressed={scope === value}
            onClick={() => update({ scope: value === 'dong' ? null : value })}
          >
            {t(`scope.${value}`)}
          </button>
        ))}
      </div>
      <PostList tab={tab} scope={scope} query={query} />
      <Link
        to={tab === 'popular' || tab === 'all' ? '/boards/write' : `/boards/write?category=${tab}`}
        className="board-write"
      >
        {t('write.button')}
      </Link>
    </div>
  );
}
