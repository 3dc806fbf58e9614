//! Whether a plan is a department's, a district's or a commune's: units are
//! compared with units of their own level, as the province ranks them.

use serde::Serialize;

use crate::plan::model::Plan;
use crate::words::fold::folded;
use crate::words::labels::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// A department, board or agency of the province (DDCI "sở, ban, ngành").
    Department,
    /// A district, town or provincial city (DDCI "huyện, thị xã, thành phố").
    District,
    /// A commune, ward or township.
    Commune,
}

impl Level {
    /// The plan's level: from its ranking group (`[plan.overall] group`)
    /// when that says, else from its agency's name ("UBND huyện …").
    pub fn of(plan: &Plan) -> Self {
        plan.overall
            .group
            .as_deref()
            .and_then(|group| Self::named_in(group, true))
            .or_else(|| Self::named_in(&plan.agency, false))
            .unwrap_or(Self::Department)
    }

    /// The level a group's or an agency's words name. A group names it by
    /// its first word ("Huyện, thị xã, thành phố"); an agency is a People's
    /// Committee of one ("Ủy ban nhân dân xã …", "UBND huyện …").
    fn named_in(text: &str, group: bool) -> Option<Self> {
        let words = folded(text);
        let rest = if group {
            words.as_str()
        } else {
            words
                .strip_prefix("uy ban nhan dan ")
                .or_else(|| words.strip_prefix("ubnd "))?
        };
        if rest.starts_with("so") || rest.starts_with("ban") || rest.starts_with("co quan") {
            Some(Self::Department)
        } else if ["huyen", "thi xa", "thanh pho", "quan"]
            .iter()
            .any(|word| rest.starts_with(word))
        {
            Some(Self::District)
        } else if ["xa", "phuong", "thi tran"]
            .iter()
            .any(|word| rest.starts_with(word))
        {
            Some(Self::Commune)
        } else {
            None
        }
    }

    pub fn name(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Department, Language::Vi) => "Sở, ban, ngành",
            (Self::District, Language::Vi) => "Huyện, thị xã, thành phố",
            (Self::Commune, Language::Vi) => "Xã, phường, thị trấn",
            (Self::Department, Language::En) => "Departments and agencies",
            (Self::District, Language::En) => "Districts, towns and cities",
            (Self::Commune, Language::En) => "Communes, wards and townships",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Level;

    #[test]
    fn levels_named_by_groups_and_agencies() {
        let cases = [
            ("Sở, ban, ngành", true, Some(Level::Department)),
            ("Huyện, thị xã, thành phố", true, Some(Level::District)),
            ("Huyện, thành phố", true, Some(Level::District)),
            ("Xã, phường, thị trấn", true, Some(Level::Commune)),
            ("Nhóm khác", true, None),
            ("Ủy ban nhân dân huyện Đắk Hà", false, Some(Level::District)),
            ("UBND thành phố Kon Tum", false, Some(Level::District)),
            ("Ủy ban nhân dân xã Ngọk Bay", false, Some(Level::Commune)),
            (
                "UỶ BAN NHÂN DÂN PHƯỜNG Thống Nhất",
                false,
                Some(Level::Commune),
            ),
            (
                "Ủy ban nhân dân thị trấn Plei Kần",
                false,
                Some(Level::Commune),
            ),
            ("Sở Khoa học và Công nghệ", false, None),
            ("Ban Quản lý Khu kinh tế", false, None),
        ];
        for (text, group, expected) in cases {
            assert_eq!(Level::named_in(text, group), expected, "{text}");
        }
    }
}
