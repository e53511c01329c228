import type { Schemas } from '@/lib/api-client';

// The member API's shapes, from the generated OpenAPI types.
export type LabelRead = Schemas['LabelRead'];
export type Trait = LabelRead;
export type Breed = LabelRead;
export type TraitCatalog = Schemas['TraitCatalogueRead'];
export type Region = Schemas['RegionRead'];

export type BreedCode = Schemas['Breed'];
export type OwnerTraitCode = Schemas['OwnerTrait'];
export type DogTraitCode = Schemas['DogTrait'];

export type DogRead = Schemas['DogRead'];
export type DogCreate = Schemas['DogCreate'];
export type DogUpdate = Schemas['DogUpdate'];
export type DogCard = Schemas['DogCardRead'];
export type DogSize = DogRead['size'];
export type DogField = DogRead['public_fields'][number];
export type PlayStyle = NonNullable<DogRead['play_style']>;

export type MyProfile = Schemas['MyProfileRead'];
export type ProfileUpdate = Schemas['MyProfileUpdate'];
export type Gender = NonNullable<MyProfile['gender']>;
export type NeighbourhoodRead = Schemas['NeighbourhoodRead'];
export type NeighbourhoodClaim = Schemas['NeighbourhoodClaim'];

export type MemberCard = Schemas['MemberCardRead'];
