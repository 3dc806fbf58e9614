//! Numbers as people in Vietnamese offices type them: `72.5`, `72,5` (the
//! decimal comma), `72,5%`, `1.234,5` or `1,234.5`. Nothing is guessed: a
//! number whose meaning depends on the reader (`1.000` is one thousand to a
//! Vietnamese reader and one to an English one) is refused with the two
//! readings, and so is one that cannot be stored as typed.

/// The most significant digits a stored value keeps exactly.
const MOST_DIGITS: usize = 15;

pub fn parse(text: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    let body = trimmed.strip_suffix('%').unwrap_or(trimmed).trim_end();
    let (negative, digits) = match body.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, body.strip_prefix('+').unwrap_or(body)),
    };
    let not_a_number = || {
        crate::say!(
            "`{text}` không phải số; ghi như 72,5 hoặc 72.5 (có thể kèm dấu %)",
            "`{text}` is not a number; write it like 72.5 or 72,5 (a percent sign may follow)"
        )
    };
    if digits.is_empty()
        || !digits.starts_with(|c: char| c.is_ascii_digit())
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(not_a_number());
    }
    let plain = plain_digits(digits).map_err(|()| {
        let thousands = digits.replace(['.', ','], "");
        let decimal = digits
            .replace(',', ".")
            .parse::<f64>()
            .map_or_else(|_| digits.to_owned(), |value| value.to_string());
        crate::say!(
            "`{text}` theo cách viết của Việt Nam là {thousands}, theo cách viết tiếng Anh là {decimal}; \
             hãy viết {thousands} hoặc {decimal}",
            "`{text}` reads as {thousands} in Vietnamese and as {decimal} in English; \
             write {thousands} or {decimal}"
        )
    })?;
    let plain = plain.ok_or_else(not_a_number)?;
    let significant = plain
        .trim_start_matches(['0', '.'])
        .replace('.', "")
        .trim_end_matches('0')
        .len();
    if significant > MOST_DIGITS {
        return Err(crate::say!(
            "`{text}` có nhiều chữ số hơn mức ddci lưu ({MOST_DIGITS}); hãy làm tròn, ví dụ đến hai chữ số thập phân",
            "`{text}` has more digits than ddci keeps ({MOST_DIGITS}); round it, e.g. to two decimals"
        ));
    }
    let value: f64 = plain.parse().map_err(|_| not_a_number())?;
    if !value.is_finite() {
        return Err(not_a_number());
    }
    // No negative zero: "-0" is nought.
    Ok(if negative && value != 0.0 {
        -value
    } else {
        value
    })
}

/// The digits with `.` as the only decimal point. `Err` when the reading is
/// ambiguous, `Ok(None)` when separators are misplaced.
fn plain_digits(digits: &str) -> Result<Option<String>, ()> {
    let dots = digits.matches('.').count();
    let commas = digits.matches(',').count();
    let groups_of_three = |text: &str, separator: char| {
        let mut parts = text.split(separator);
        let first = parts.next().unwrap_or_default();
        (1..=3).contains(&first.len()) && parts.all(|part| part.len() == 3)
    };
    Ok(match (dots, commas) {
        (0, 0) => Some(digits.to_owned()),
        (1, 0) | (0, 1) => {
            let separator = if dots == 1 { '.' } else { ',' };
            let (whole, fraction) = digits.split_once(separator).unwrap_or((digits, ""));
            if fraction.is_empty() || whole.is_empty() {
                None
            } else if fraction.len() == 3 && whole.len() <= 3 && !whole.starts_with('0') {
                return Err(());
            } else {
                Some(format!("{whole}.{fraction}"))
            }
        }
        // Several of one kind: thousands separators, 1.000.000.
        (_, 0) => groups_of_three(digits, '.').then(|| digits.replace('.', "")),
        (0, _) => groups_of_three(digits, ',').then(|| digits.replace(',', "")),
        // Both kinds: the last one is the decimal point, the others group thousands.
        _ => {
            let last = digits.rfind(['.', ',']).unwrap_or(0);
            let (whole, fraction) = (&digits[..last], &digits[last + 1..]);
            let decimal = &digits[last..=last];
            let separator = if decimal == "." { ',' } else { '.' };
            (!fraction.is_empty() && !whole.contains(decimal) && groups_of_three(whole, separator))
                .then(|| format!("{}.{fraction}", whole.replace(separator, "")))
        }
    })
}

/// A count as a Vietnamese report writes it: below ten with a leading zero
/// ("06 nhiệm vụ"); in English as it is.
pub fn count(amount: usize, language: crate::words::labels::Language) -> String {
    match language {
        crate::words::labels::Language::Vi if (1..10).contains(&amount) => format!("{amount:02}"),
        crate::words::labels::Language::Vi => grouped(amount, '.'),
        crate::words::labels::Language::En => grouped(amount, ','),
    }
}

/// "8.000" / "8,000": thousands grouped as the reader writes them.
fn grouped(amount: usize, separator: char) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn numbers_as_typed() {
        let cases: [(&str, Result<f64, &str>); 22] = [
            ("72.5", Ok(72.5)),
            ("72,5", Ok(72.5)),
            ("72.5%", Ok(72.5)),
            (" 72,5 % ", Ok(72.5)),
            ("80", Ok(80.0)),
            ("0,125", Ok(0.125)),
            ("1.000.000", Ok(1_000_000.0)),
            ("1,000,000", Ok(1_000_000.0)),
            ("1.234,5", Ok(1234.5)),
            ("1,234.5", Ok(1234.5)),
            ("12345.678", Ok(12345.678)),
            ("-0", Ok(0.0)),
            ("-3,5", Ok(-3.5)),
            (
                "1.000",
                Err("reads as 1000 in Vietnamese and as 1 in English; write 1000 or 1"),
            ),
            (
                "2,500",
                Err("reads as 2500 in Vietnamese and as 2.5 in English"),
            ),
            ("50%%", Err("is not a number")),
            ("1e-400", Err("is not a number")),
            ("inf", Err("is not a number")),
            ("99.99999999999999999", Err("more digits than ddci keeps")),
            ("1.2.3", Err("is not a number")),
            ("1,23.4", Err("is not a number")),
            ("", Err("is not a number")),
        ];
        for (text, expected) in cases {
            match (parse(text), expected) {
                (Ok(value), Ok(wanted)) => {
                    // Exactly the number typed, and never -0.
                    assert!(value.to_bits() == wanted.to_bits(), "{text}: {value}");
                }
                (Err(message), Err(part)) => assert!(message.contains(part), "{text}: {message}"),
                (got, _) => panic!("{text}: got {got:?}, expected {expected:?}"),
            }
        }
    }
}
