import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Avatar } from '@/components/ui/avatar';
import { SearchPicker } from '@/components/ui/search-picker';
import { translateProblem } from '@/lib/i18n';
import { useDebouncedValue } from '@/lib/use-debounced-value';

import { useMemberSearch } from '../api/reports';
import type { MemberSuggestion } from '../api/types';

interface MemberPickerProps {
  value: MemberSuggestion | null;
  onChange: (member: MemberSuggestion | null) => void;
  /** The nickname the search box starts with. */
  initialNickname: string;
  /** The prefilled nickname matched no member the reporter can report. */
  prefillMissing: boolean;
  error?: string | undefined;
}

/** Who is reported: chosen by nickname with autocomplete, or kept from the member card. */
export function MemberPicker({ value, onChange, initialNickname, prefillMissing, error }: MemberPickerProps) {
  const { t, i18n } = useTranslation('trust');
  const [query, setQuery] = useState(initialNickname);
  const debounced = useDebouncedValue(query);
  const search = useMemberSearch(debounced);

  if (value !== null) {
    return (
      <div className="trust-field">
        <span className="trust-field__label">{t('report.member')}</span>
        <div className="chosen-member">
          <Avatar src={value.photo_thumbnail_url} name={value.nickname} size="sm" />
          <p className="chosen-member__name">{t('report.memberChosen', { nickname: value.nickname })}</p>
          <button
            type="button"
            className="button button--ghost chosen-member__change"
            onClick={() => {
              onChange(null);
            }}
          >
            {t('report.memberChange')}
          </button>
        </div>
      </div>
    );
  }

  const options = (search.data ?? []).map((member) => ({ value: member.id, label: member.nickname }));
  return (
    <div className="trust-field">
      {prefillMissing && (
        <p className="trust-field__error" role="alert">
          {t('report.memberPrefilledMissing', { nickname: initialNickname })}
        </p>
      )}
      <SearchPicker
        label={t('report.memberSearch')}
        resultsLabel={t('report.memberResults')}
        query={query}
        onQueryChange={setQuery}
        options={options}
        selected={null}
        onSelect={(option) => {
          const member = search.data?.find((candidate) => candidate.id === option.value);
          if (member !== undefined) onChange(member);
        }}
        hint={t('report.memberSearchHint')}
        isLoading={search.isFetching && !search.isPlaceholderData && search.data === undefined}
        error={search.isError ? translateProblem(i18n, search.error) : error}
        emptyText={t('report.memberNone')}
        loadingText={t('report.memberSearching')}
        searched={query.trim() !== '' && search.isSuccess}
      />
    </div>
  );
}
