/** Numbers photos and videos separately (사진 1, 사진 2, 동영상 1), in their order. */
export function numberByKind<T extends { kind: 'image' | 'video' }>(items: readonly T[]): { item: T; n: number }[] {
  const seen = { image: 0, video: 0 };
  return items.map((item) => {
    seen[item.kind] += 1;
    return { item, n: seen[item.kind] };
  });
}
