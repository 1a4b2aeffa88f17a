//! Sorting the handful of deadlines and ticked items without the standard library's sort,
//! whose general-purpose code is ~2.5 KB of wasm per element type (docs/adr/0008). The lists
//! are short (a dozen deadlines, at most a few hundred ids from a hostile share link), so an
//! insertion sort is fast enough, and it is stable like `sort`.

/// Stable sort by `less` (a strict "comes before").
pub fn sort_by<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Stable sort by `less` in O(n log n), for lists that may be long (the members of a hostile
/// JSON object): a bottom-up merge sort, a few hundred bytes of wasm.
pub fn merge_sort_by<T: Copy>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    let n = items.len();
    let mut buffer = items.to_vec();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut buffer[start..end] {
                // Take from the right run only when strictly less: equal items keep their order.
                if j < end && (i >= mid || less(&items[j], &items[i])) {
                    *slot = items[j];
                    j += 1;
                } else {
                    *slot = items[i];
                    i += 1;
                }
            }
            start = end;
        }
        items.copy_from_slice(&buffer);
        width *= 2;
    }
}

/// Stable sort in `Ord` order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, |a, b| a < b);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_sort_agrees_with_the_standard_library_on_many_lengths() {
        let mut x: u32 = 12345;
        for n in 0..200 {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((x >> 16) % 7, i)
                })
                .collect();
            let mut ours = v.clone();
            merge_sort_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_items_in_order() {
        let cases: [&[(u8, char)]; 5] = [
            &[],
            &[(1, 'a')],
            &[(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e'), (0, 'f')],
            &[(5, 'a'), (4, 'b'), (3, 'c'), (2, 'd'), (1, 'e')],
            &[(1, 'a'), (1, 'b'), (1, 'c')],
        ];
        for case in cases {
            let mut ours = case.to_vec();
            sort_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = case.to_vec();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "{case:?}");
            let mut merged = case.to_vec();
            merge_sort_by(&mut merged, |a, b| a.0 < b.0);
            assert_eq!(merged, std, "{case:?}");
            let mut whole = case.to_vec();
            sort(&mut whole);
            let mut std_whole = case.to_vec();
            std_whole.sort();
            assert_eq!(whole, std_whole);
        }
    }
}
