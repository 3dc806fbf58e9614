//! "Did you mean …?" for misspelt keys and ids.

/// Words longer than this get no suggestion.
const LONGEST_TYPO: usize = 80;

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let word_lower = word.to_lowercase();
    let length = word_lower.chars().count();
    // Nobody mistypes a long text for a short id, nor the other way round;
    // leaving those out keeps a suggestion instant among 50,000 ids.
    if length > LONGEST_TYPO {
        return None;
    }
    candidates
        .into_iter()
        .filter(|candidate| {
            let other = candidate.chars().count();
            other <= 2 * length + 2 && length <= 2 * other + 2
        })
        .map(|candidate| {
            let score = if candidate.chars().any(char::is_uppercase) {
                strsim::jaro_winkler(&word_lower, &candidate.to_lowercase())
            } else {
                strsim::jaro_winkler(&word_lower, candidate)
            };
            (score, candidate)
        })
        .filter(|(score, _)| *score >= 0.8)
        // On a tie the candidate first in alphabetical order wins, so the
        // suggestion never depends on the order the candidates come in (a
        // set's order changes from run to run).
        .fold(
            None,
            |best: Option<(f64, &str)>, (score, candidate)| match best {
                Some((best_score, best_candidate))
                    if best_score
                        .total_cmp(&score)
                        .then_with(|| candidate.cmp(best_candidate))
                        .is_ge() =>
                {
                    best
                }
                _ => Some((score, candidate)),
            },
        )
        .map(|(_, candidate)| candidate)
}

/// A help line naming the closest candidate, or `None`.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    let candidates: Vec<&str> = candidates.into_iter().collect();
    // A word that begins several candidates (`percent` for `percent_at_least`
    // and `percent_at_most`) names them all: the closest one could turn a
    // goal upside down.
    let mut begun: Vec<&str> = candidates
        .iter()
        .copied()
        .filter(|candidate| {
            candidate.len() > word.len() && candidate.starts_with(word) && !word.is_empty()
        })
        .collect();
    begun.sort_unstable();
    begun.dedup();
    if (2..=4).contains(&begun.len()) {
        let named: Vec<String> = begun
            .iter()
            .map(|candidate| format!("`{candidate}`"))
            .collect();
        let (last, rest) = named.split_last()?;
        let rest = rest.join(", ");
        return Some(crate::say!(
            "có phải ý bạn là {rest} hay {last}?",
            "did you mean {rest} or {last}?"
        ));
    }
    closest(word, candidates).map(|candidate| {
        crate::say!(
            "có phải ý bạn là `{candidate}`?",
            "did you mean `{candidate}`?"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_a_typo_and_ignores_strangers() {
        let units = ["hc-th", "tc-dl-cl", "thanh-tra"];
        assert_eq!(closest("hc-tk", units), Some("hc-th"));
        assert_eq!(closest("thanhtra", units), Some("thanh-tra"));
        assert_eq!(closest("zzz", units), None);
        assert_eq!(closest(&"x".repeat(500), units), None);
    }

    #[test]
    fn a_word_that_begins_several_names_them_all() {
        use super::did_you_mean;
        let kinds = ["percent_at_least", "percent_at_most", "count_at_least"];
        assert_eq!(
            did_you_mean("percent", kinds).as_deref(),
            Some("did you mean `percent_at_least` or `percent_at_most`?")
        );
        assert_eq!(
            did_you_mean("percent_at_mots", kinds).as_deref(),
            Some("did you mean `percent_at_most`?")
        );
    }

    /// Equally close candidates: the same one whatever their order.
    #[test]
    fn a_tie_is_broken_the_same_way_in_any_order() {
        let forward = ["ab-c", "ab-d"];
        let backward = ["ab-d", "ab-c"];
        assert_eq!(closest("ab-x", forward), Some("ab-c"));
        assert_eq!(closest("ab-x", backward), Some("ab-c"));
    }
}
