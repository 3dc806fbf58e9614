//! Event UIDs that stay the same from one run to the next, so that a calendar
//! importing a newer file updates its events instead of adding copies.
//!
//! A UID names what the event is, never when it falls: the kind, the task or
//! duty id, the unit, and the period keys (`2024-03`, `2024-Q2+2024-H1`), at a
//! domain made from the plan's agency and year. Moving a due date moves the
//! event; renaming an id makes a new one.

use std::fmt::Write as _;

use crate::plan::model::Plan;

/// The UID of one event.
pub fn of(
    plan: &Plan,
    kind: &str,
    subject: &str,
    unit: Option<&str>,
    periods: &[String],
) -> String {
    let mut parts = vec![kind.to_owned(), encoded(subject)];
    if let Some(unit) = unit {
        parts.push(encoded(unit));
    }
    if !periods.is_empty() {
        parts.push(encoded(&periods.join("+")));
    }
    format!("{}@{}", parts.join("/"), plan_domain(plan))
}

/// `<hash of the agency and province>.<year>.ddci`, the same for every run
/// on one plan.
pub fn plan_domain(plan: &Plan) -> String {
    format!(
        "{:016x}.{}.ddci",
        fnv1a(format!("{}\n{}", plan.agency, plan.province).as_bytes()),
        plan.year
    )
}

/// FNV-1a, 64 bits: a fixed, documented hash, unlike std's, which may change
/// between Rust releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Ids as they are, but for characters a UID should not carry (`%`-escaped
/// UTF-8 bytes): ids may be Vietnamese words.
fn encoded(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'.' | b'-' | b'_' | b'+') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fnv1a_as_published() {
        // Test vectors of the FNV-1a 64-bit hash.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn ids_keep_their_letters_and_escape_the_rest() {
        assert_eq!(encoded("7.2"), "7.2");
        assert_eq!(encoded("don-vi_bao+cao"), "don-vi_bao+cao");
        assert_eq!(encoded("tiếp dân"), "ti%E1%BA%BFp%20d%C3%A2n");
        assert_eq!(encoded("a/b@c"), "a%2Fb%40c");
    }
}
