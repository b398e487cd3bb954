//! The two languages of a report and text given in both.

use serde::Serialize;

/// A language of the report. The product has exactly two, so `match` makes every place handle both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Japanese.
    Ja,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Japanese first.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The BCP 47 code used in URLs, file names and `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The language's name in English, for messages: "Japanese", "English".
    pub fn name_in_english(self) -> &'static str {
        match self {
            Lang::Ja => "Japanese",
            Lang::En => "English",
        }
    }

    /// The language's name in Japanese, for messages: "日本語", "英語".
    pub fn name_in_japanese(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "英語",
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        }
    }

    /// Parses a language code (`ja`, `en`).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, as shown on a language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "English",
        }
    }
}

/// A value given once per language.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Localized<T> {
    /// The Japanese value.
    pub ja: T,
    /// The English value.
    pub en: T,
}

impl<T> Localized<T> {
    /// Builds a value from one function of the language.
    pub fn from_fn(mut f: impl FnMut(Lang) -> T) -> Self {
        Localized {
            ja: f(Lang::Ja),
            en: f(Lang::En),
        }
    }

    /// The value for `lang`.
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }

    /// The value for `lang`, mutably.
    pub fn get_mut(&mut self, lang: Lang) -> &mut T {
        match lang {
            Lang::Ja => &mut self.ja,
            Lang::En => &mut self.en,
        }
    }

    /// Applies `f` to both values.
    pub fn map<U>(&self, mut f: impl FnMut(&T) -> U) -> Localized<U> {
        Localized {
            ja: f(&self.ja),
            en: f(&self.en),
        }
    }
}

/// Words given in both languages.
pub type Text = Localized<String>;

impl Text {
    /// The same string in both languages (numbers, proper names written alike).
    pub fn same(s: impl Into<String>) -> Text {
        let s = s.into();
        Localized {
            ja: s.clone(),
            en: s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert_eq!(lang.other().other(), lang);
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
