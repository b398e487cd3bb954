//! A title with its unit: `人数（人）` / `Visitors (people)`; in English the unit is left out when the title
//! already says it (`People` with the unit `people` stays `People`).

use crate::model::lang::Lang;

/// `title` followed by `unit` in the language's brackets.
pub fn with_unit(title: &str, unit: &str, lang: Lang) -> String {
    let (title, unit) = (title.trim(), unit.trim());
    let said = match lang {
        // 人数（人） is how Japanese tables write it; only an explicit （人） already there counts.
        Lang::Ja => title.ends_with(&format!("（{unit}）")),
        Lang::En => {
            let unit = unit.to_lowercase();
            title
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| word == unit)
        }
    };
    if unit.is_empty() || said {
        return title.to_string();
    }
    match (lang, title.is_empty()) {
        (Lang::Ja, _) => format!("{title}（{unit}）"),
        (Lang::En, true) => format!("({unit})"),
        (Lang::En, false) => format!("{title} ({unit})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_in_brackets_unless_already_said() {
        assert_eq!(with_unit("人数", "人", Lang::Ja), "人数（人）");
        assert_eq!(
            with_unit("Visitors", "people", Lang::En),
            "Visitors (people)"
        );
        assert_eq!(with_unit("People", "people", Lang::En), "People");
        assert_eq!(
            with_unit("Number of colleges", "colleges", Lang::En),
            "Number of colleges"
        );
        assert_eq!(with_unit("", "社", Lang::Ja), "（社）");
        assert_eq!(with_unit("", "companies", Lang::En), "(companies)");
        assert_eq!(with_unit("Companies", "", Lang::En), "Companies");
    }
}
