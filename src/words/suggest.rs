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
        // On a tie the first candidate wins, so suggestions do not depend on
        // how many equally close ids follow it.
        .fold(
            None,
            |best: Option<(f64, &str)>, (score, candidate)| match best {
                Some((best_score, _)) if best_score >= score => best,
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
    closest(word, candidates).map(|candidate| format!("did you mean `{candidate}`?"))
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
}
