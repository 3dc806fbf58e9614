//! What a province publishes of a group, from the results its units
//! record: how many of the level's units have a result of the year, their
//! mean score, and how many fall in each band ("05/06 đơn vị có kết quả
//! DDCI năm 2023, điểm bình quân 72,34 điểm; xếp loại: tốt 01 đơn vị, khá
//! 03 đơn vị"). Only results of one year are averaged together: a unit
//! whose latest result is older is said apart, never mixed in.

use crate::report::prose::{count, counted, say};
use crate::rollup::Position;
use crate::rollup::across_indices::mean_of_scores;
use crate::words::fold::folded;
use crate::words::labels::{Language, score};
use crate::words::visible::one_line;

/// The sentence for one level's units, or none when none has a result or
/// the level has one unit (its own line says it all).
pub(super) fn group_sentence(positions: &[&Position], language: Language) -> Option<String> {
    if positions.len() < 2 {
        return None;
    }
    let year = positions
        .iter()
        .filter_map(|position| position.result.as_ref().map(|result| result.year))
        .max()?;
    let of_year: Vec<_> = positions
        .iter()
        .filter_map(|position| position.result.as_ref())
        .filter(|result| result.year == year)
        .collect();
    let older = positions
        .iter()
        .filter(|position| {
            position
                .result
                .as_ref()
                .is_some_and(|result| result.year < year)
        })
        .count();
    let scores: Vec<f64> = of_year.iter().filter_map(|result| result.score).collect();
    let mut parts = vec![say(
        language,
        format!(
            "{}/{} đơn vị có kết quả DDCI năm {year}",
            count(of_year.len(), language),
            count(positions.len(), language)
        ),
        format!(
            "{} of {} units have a DDCI result for {year}",
            count(of_year.len(), language),
            count(positions.len(), language)
        ),
    )];
    // A mean of one score is that unit's score, already in the list.
    if let Some(mean) = mean_of_scores(&scores).filter(|_| scores.len() > 1) {
        let of_scored = if scores.len() == of_year.len() {
            String::new()
        } else {
            say(
                language,
                format!(
                    " (của {} có điểm)",
                    counted(scores.len(), "đơn vị", "unit", language)
                ),
                format!(" (of the {} scored)", count(scores.len(), language)),
            )
        };
        parts.push(say(
            language,
            format!("điểm bình quân {} điểm{of_scored}", score(mean, language)),
            format!("mean score {}{of_scored}", score(mean, language)),
        ));
    }
    let mut sentence = parts.join(", ");
    if let Some(bands) = bands(&of_year, language) {
        sentence.push_str("; ");
        sentence.push_str(&bands);
    }
    if older > 0 {
        sentence.push_str(&say(
            language,
            format!(
                "; {} chỉ có kết quả năm trước, không tính vào bình quân",
                counted(older, "đơn vị", "unit", language)
            ),
            format!(
                "; {} with only an earlier year's result, not averaged",
                counted(older, "đơn vị", "unit", language)
            ),
        ));
    }
    Some(sentence)
}

/// "xếp loại: tốt 01 đơn vị, khá 03 đơn vị", the most frequent band first;
/// none when no result of the year carries a band.
fn bands(results: &[&crate::rollup::LatestResult], language: Language) -> Option<String> {
    let mut tally: Vec<(String, usize)> = Vec::new();
    for band in results.iter().filter_map(|result| result.band.as_deref()) {
        let band = one_line(band);
        match tally
            .iter_mut()
            .find(|(known, _)| folded(known) == folded(&band))
        {
            Some((_, times)) => *times += 1,
            None => tally.push((band, 1)),
        }
    }
    if tally.is_empty() {
        return None;
    }
    tally.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| folded(&a.0).cmp(&folded(&b.0))));
    let unbanded = results.len() - tally.iter().map(|(_, times)| times).sum::<usize>();
    let mut named: Vec<String> = tally
        .iter()
        .map(|(band, times)| format!("{band} {}", counted(*times, "đơn vị", "unit", language)))
        .collect();
    if unbanded > 0 {
        named.push(say(
            language,
            format!(
                "chưa xếp loại {}",
                counted(unbanded, "đơn vị", "unit", language)
            ),
            format!(
                "{} without a band",
                counted(unbanded, "đơn vị", "unit", language)
            ),
        ));
    }
    Some(say(
        language,
        format!("xếp loại: {}", named.join(", ")),
        format!("bands: {}", named.join(", ")),
    ))
}

#[cfg(test)]
mod tests {
    use super::group_sentence;
    use crate::rollup::{LatestResult, Level, Position};
    use crate::words::labels::Language;

    fn unit(result: Result) -> Position {
        super::super::tests::position(
            "Sở A",
            Level::Department,
            [1, 0, 1, 0, 0],
            [0, 0, 0, 0],
            0,
            [0, 0],
            result.map(|(year, score, band)| LatestResult {
                year,
                score,
                rank: None,
                band: band.map(str::to_owned),
            }),
        )
    }

    /// A unit's latest result: year, score, band.
    type Result = Option<(i32, Option<f64>, Option<&'static str>)>;

    #[test]
    fn the_group_is_averaged_over_one_year_and_counted_by_band() {
        let cases: [(&[Result], Option<&str>); 8] = [
            (&[None, None], None),
            (
                &[Some((2023, Some(70.0), None)), None],
                Some("01/02 đơn vị có kết quả DDCI năm 2023"),
            ),
            // The mean has two decimals, as scores are published.
            (
                &[
                    Some((2023, Some(70.0), None)),
                    Some((2023, Some(75.555), None)),
                ],
                Some("02/02 đơn vị có kết quả DDCI năm 2023, điểm bình quân 72,78 điểm"),
            ),
            // A result without a score counts as a result, not in the mean.
            (
                &[
                    Some((2023, Some(70.0), None)),
                    Some((2023, Some(71.0), None)),
                    Some((2023, None, None)),
                ],
                Some(
                    "03/03 đơn vị có kết quả DDCI năm 2023, điểm bình quân 70,50 điểm (của 02 đơn vị có điểm)",
                ),
            ),
            // An older year's result is said apart, never averaged in.
            (
                &[
                    Some((2023, Some(70.0), None)),
                    Some((2023, Some(72.0), None)),
                    Some((2022, Some(90.0), None)),
                ],
                Some(
                    "02/03 đơn vị có kết quả DDCI năm 2023, điểm bình quân 71,00 điểm; 01 đơn vị chỉ có kết quả năm trước, không tính vào bình quân",
                ),
            ),
            // Bands: the most frequent first, one band however written.
            (
                &[
                    Some((2023, Some(70.0), Some("khá"))),
                    Some((2023, Some(80.0), Some("tốt"))),
                    Some((2023, Some(72.0), Some("Khá"))),
                    Some((2023, Some(72.0), None)),
                ],
                Some(
                    "04/04 đơn vị có kết quả DDCI năm 2023, điểm bình quân 73,50 điểm; xếp loại: khá 02 đơn vị, tốt 01 đơn vị, chưa xếp loại 01 đơn vị",
                ),
            ),
            (
                &[Some((2023, None, Some("tốt"))), None],
                Some("01/02 đơn vị có kết quả DDCI năm 2023; xếp loại: tốt 01 đơn vị"),
            ),
            (&[Some((2023, Some(70.0), Some("tốt")))], None),
        ];
        for (results, expected) in cases {
            let units: Vec<Position> = results.iter().map(|result| unit(*result)).collect();
            let units: Vec<&Position> = units.iter().collect();
            assert_eq!(
                group_sentence(&units, Language::Vi).as_deref(),
                expected,
                "{results:?}"
            );
        }
    }

    #[test]
    fn the_group_in_english() {
        let units = [
            unit(Some((2023, Some(70.0), Some("khá")))),
            unit(Some((2023, Some(75.0), Some("khá")))),
            unit(None),
        ];
        let units: Vec<&Position> = units.iter().collect();
        assert_eq!(
            group_sentence(&units, Language::En).as_deref(),
            Some("2 of 3 units have a DDCI result for 2023, mean score 72.50; bands: khá 2 units")
        );
    }
}
