import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PlusIcon } from '@/components/icons/icons';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/states';
import { translateProblem } from '@/lib/i18n';

import { useDeleteDog } from '../../api/dogs';
import { useMyProfile } from '../../api/get-my-profile';
import type { DogRead } from '../../api/types';

import { DogSummary } from './dog-summary';
import '@/components/ui/button.css';
import '../member.css';

/** The member's dogs with 수정 and 삭제, and a link to add another. */
export function MyDogs() {
  const { t, i18n } = useTranslation('member');
  const profile = useMyProfile();
  const remove = useDeleteDog();
  const [deleting, setDeleting] = useState<DogRead | null>(null);
  const dogs = profile.data?.dogs ?? [];
  const lastDogWithTraits = dogs.filter((dog) => dog.traits.length > 0).length <= 1;

  return (
    <section className="my-dogs" aria-labelledby="my-dogs-title">
      <div className="section-heading">
        <h2 id="my-dogs-title">{t('dogs.title')}</h2>
        <Link to="/me/dogs/new">
          <PlusIcon size={18} />
          {t('dogs.add')}
        </Link>
      </div>
      {dogs.length === 0 ? (
        <EmptyState title={t('dogs.emptyTitle')} message={t('dogs.emptyBody')} />
      ) : (
        <ul className="my-dogs__list">
          {dogs.map((dog) => (
            <li key={dog.id}>
              <DogSummary
                dog={dog}
                actions={
                  <>
                    <Link
                      to={`/me/dogs/${dog.id}/edit`}
                      className="button button--ghost my-dogs__action"
                      aria-label={t('dogs.editNamed', { name: dog.name })}
                    >
                      {t('dogs.edit')}
                    </Link>
                    <Button
                      variant="ghost"
                      className="my-dogs__action my-dogs__action--danger"
                      aria-label={t('dogs.deleteNamed', { name: dog.name })}
                      onClick={() => {
                        remove.reset();
                        setDeleting(dog);
                      }}
                    >
                      {t('dogs.delete')}
                    </Button>
                  </>
                }
              />
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('dogs.deleteTitle', { name: deleting?.name ?? '' })}
        message={
          deleting !== null && deleting.traits.length > 0 && lastDogWithTraits
            ? t('dogs.deleteLastBody')
            : t('dogs.deleteBody')
        }
        confirmLabel={t('dogs.delete')}
        tone="danger"
        isPending={remove.isPending}
        error={remove.isError ? translateProblem(i18n, remove.error) : null}
        onCancel={() => {
          setDeleting(null);
        }}
        onConfirm={() => {
          if (deleting === null) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
            },
          });
        }}
      />
    </section>
  );
}
